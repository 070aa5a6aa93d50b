import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { daysUntil, formatDateTime, todayBeijing } from '../../format.ts';
import { DocumentLink } from '../../components/Documents.tsx';
import { ORIGIN_LABELS, VERIFICATION_STATUS_LABELS } from '../../labels.ts';
import type { AgencyProfile, Filing } from '../../types.ts';
import { getProfile } from './api.ts';
import { ProfileModal } from './ProfileModal.tsx';

function FilingState({ validFrom, validTo }: { validFrom: string; validTo: string }) {
  const today = todayBeijing();
  if (today < validFrom) return <Tag color="warning">尚未生效</Tag>;
  if (today > validTo) return <Tag color="error">已过期</Tag>;
  const left = daysUntil(validTo);
  return left <= 30 ? <Tag color="warning">{left} 天后到期</Tag> : <Tag color="success">有效</Tag>;
}

const STATUS_COLOURS = { pending: 'processing', verified: 'success', rejected: 'error' } as const;

/**
 * One 入吉备案 submission: number, dates, scan, and where its verification stands. Called as a function, not a
 * component: Descriptions reads its items from its direct children (fragments flattened).
 */
function filingItems(f: Filing, label: string) {
  return (
    <>
      <Descriptions.Item key={`${f.id}-n`} label={label} span={2}>
        <span className="filing-status">
          {f.number}（第 {f.version} 版）<Tag color={STATUS_COLOURS[f.status]}>{f.status === 'pending' ? '待住建部门核验' : VERIFICATION_STATUS_LABELS[f.status]}</Tag>
          {f.status === 'verified' ? <FilingState validFrom={f.validFrom} validTo={f.validTo} /> : null}
        </span>
      </Descriptions.Item>
      <Descriptions.Item key={`${f.id}-d`} label="备案日期">{f.date}</Descriptions.Item>
      <Descriptions.Item key={`${f.id}-v`} label="备案有效期">
        {f.validFrom} 至 {f.validTo}
      </Descriptions.Item>
      <Descriptions.Item key={`${f.id}-doc`} label="备案证明">
        <DocumentLink id={f.documentId} label="预览/下载" />
      </Descriptions.Item>
      <Descriptions.Item key={`${f.id}-t`} label={f.status === 'pending' ? '提交时间' : '核验'}>
        {f.status === 'pending' ? formatDateTime(f.submittedAt) : `${f.decidedByName ?? '—'} · ${formatDateTime(f.decidedAt)}`}
      </Descriptions.Item>
      {f.status === 'rejected' ? (
        <Descriptions.Item key={`${f.id}-r`} label="驳回理由" span={2}>
          {f.decisionReason}
        </Descriptions.Item>
      ) : null}
    </>
  );
}

export function ProfileCard({ agencyId, canManage, onChanged }: { agencyId: string; canManage: boolean; onChanged: () => void }) {
  const [profile, setProfile] = useState<AgencyProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AgencyProfile | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(null);
    getProfile(agencyId)
      .then((p) => alive && setProfile(p))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [agencyId, version]);

  return (
    <Card
      title="机构来源与入吉备案"
      style={{ marginBottom: 16 }}
      extra={
        canManage && profile ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(profile)}>
            {profile.origin ? '修改' : '登记'}
          </Button>
        ) : null
      }
    >
      {error ? (
        <Alert type="error" showIcon title="机构信息加载失败" description={error} />
      ) : !profile ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
          <Descriptions.Item label="机构名称">{profile.agencyName}</Descriptions.Item>
          <Descriptions.Item label="机构来源">
            {profile.origin ? ORIGIN_LABELS[profile.origin] : <Tag color="error">尚未登记</Tag>}
          </Descriptions.Item>
          {profile.origin === 'out_of_province' ? (
            profile.filing ? (
              <>
                {filingItems(profile.filing, '入吉备案')}
                {profile.verifiedFiling && profile.verifiedFiling.id !== profile.filing.id ? filingItems(profile.verifiedFiling, '现行已核验备案') : null}
              </>
            ) : (
              <Descriptions.Item label="入吉备案">
                <Tag color="error">尚未登记入吉备案</Tag>
              </Descriptions.Item>
            )
          ) : null}
          <Descriptions.Item label="最近修改">{formatDateTime(profile.updatedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      <ProfileModal
        profile={editing}
        onClose={() => {
          setEditing(null);
          setVersion((n) => n + 1);
        }}
        onSaved={(p) => {
          setEditing(null);
          setProfile(p);
          onChanged();
        }}
      />
    </Card>
  );
}
