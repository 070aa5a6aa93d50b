import { FileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { documentUrl, errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { formatDateTime } from '../../format.ts';
import type { Witness, WitnessRegistration } from '../../types.ts';
import { getWitness, getWitnessHistory, type RegistrationResult } from './api.ts';
import { DeadlineInfo } from './Deadline.tsx';
import { ChangeModal } from './WitnessModals.tsx';

const KIND_COLORS: Record<WitnessRegistration['kind'], string> = { initial: 'blue', new_authorization: 'green', replacement: 'orange', revocation: 'red' };

function RegistrationItem({ r, witnessId }: { r: WitnessRegistration; witnessId: string }) {
  const grants = r.effects.filter((e) => e.effect === 'grant');
  const ends = r.effects.filter((e) => e.effect === 'end');
  return (
    <Flex vertical gap={6} className="registration-item">
      <Flex gap={8} wrap align="center">
        <Tag color={KIND_COLORS[r.kind]}>{r.kindLabel}</Tag>
        {r.witnessId !== witnessId ? <Typography.Text type="secondary">（由 {r.witnessName} 接替）</Typography.Text> : null}
        {r.replacesWitness && r.witnessId === witnessId ? <span>接替 {r.replacesWitness.name}</span> : null}
        <Typography.Text type="secondary">
          {formatDateTime(r.registeredAt)} 由 {r.registeredBy.name} 登记
        </Typography.Text>
      </Flex>
      {grants.length > 0 ? <span>登记项目：{grants.map((e) => e.projectName).join('、')}</span> : null}
      {ends.length > 0 ? <span>终止项目：{ends.map((e) => `${e.projectName}${e.witnessId !== witnessId ? '' : ''}`).join('、')}</span> : null}
      {r.document ? (
        <span>
          书面授权：
          <Typography.Link href={documentUrl(r.document.id)} target="_blank" rel="noopener">
            <FileOutlined /> 授权书
          </Typography.Link>
          {r.signedOn ? `（${r.signedOn} 签署）` : ''}
        </span>
      ) : null}
      {r.reason ? <span>说明：{r.reason}</span> : null}
      <DeadlineInfo r={r} />
    </Flex>
  );
}

export function WitnessDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: (r: RegistrationResult) => void }) {
  const me = useMe();
  const [witness, setWitness] = useState<Witness | null>(null);
  const [history, setHistory] = useState<WitnessRegistration[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [changing, setChanging] = useState<Witness | null>(null);

  useEffect(() => {
    if (!id) {
      setWitness(null);
      setHistory(null);
      return;
    }
    let alive = true;
    setError(null);
    Promise.all([getWitness(id), getWitnessHistory(id)])
      .then(([w, h]) => {
        if (!alive) return;
        setWitness(w);
        setHistory(h.items);
      })
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [id, version]);

  const mayChange = witness !== null && (me.roles.includes('platform_admin') || (me.roles.includes('witness') && me.organisation?.id === witness.supervisionUnitId));
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={witness ? `${witness.name} · 见证人员` : '见证人员'}
      size={760}
      destroyOnHidden
      extra={
        mayChange && witness ? (
          <Button type="primary" onClick={() => setChanging(witness)}>
            登记变更
          </Button>
        ) : null
      }
    >
      {error ? (
        <Alert type="error" showIcon title="见证人员信息加载失败" description={error} />
      ) : !witness || !history ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Descriptions column={1} bordered size="middle" styles={{ label: { width: 130 } }}>
            <Descriptions.Item label="姓名">{witness.name}</Descriptions.Item>
            <Descriptions.Item label="身份证号">
              <span className="mono">{witness.idNumberMasked}</span>
            </Descriptions.Item>
            <Descriptions.Item label="联系电话">{witness.phone}</Descriptions.Item>
            <Descriptions.Item label="监理单位">{witness.supervisionUnitName}</Descriptions.Item>
            <Descriptions.Item label="平台账号">{witness.user ? `${witness.user.displayName}（${witness.user.username}）` : '—'}</Descriptions.Item>
            <Descriptions.Item label="当前登记项目">
              {witness.projects.length === 0 ? (
                <Tag>未在任何项目登记</Tag>
              ) : (
                <Flex vertical gap={2}>
                  {witness.projects.map((p) => (
                    <span key={p.projectId}>
                      {p.projectName}
                      <Typography.Text type="secondary">（自 {formatDateTime(p.since)}）</Typography.Text>
                    </span>
                  ))}
                </Flex>
              )}
            </Descriptions.Item>
          </Descriptions>
          <Card title="授权登记与变更记录" size="small" style={{ marginTop: 16 }}>
            {history.length === 0 ? (
              <Empty description="暂无记录" />
            ) : (
              <div className="witness-history">
              <Timeline
                items={[...history].reverse().map((r) => ({
                  key: r.id,
                  color: r.late ? 'red' : r.kind === 'revocation' ? 'gray' : 'blue',
                  content: <RegistrationItem r={r} witnessId={witness.id} />,
                }))}
              />
              </div>
            )}
          </Card>
        </>
      )}
      <ChangeModal
        witness={changing}
        onClose={() => setChanging(null)}
        onSaved={(r) => {
          setChanging(null);
          setVersion((n) => n + 1);
          onChanged(r);
        }}
      />
    </Drawer>
  );
}
