import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Flex, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { formatDateTime } from '../../format.ts';
import { downloadRecord, getDraw, recordDrawFinding, runDraw, verifyDraw, type Draw, type DrawItem, type Finding, type Verification } from './api.ts';
import { FindingModal, ViolationModal } from './FindingModals.tsx';

export function FindingsTable({ findings, labelOf, canConvert, onConvert }: { findings: Finding[]; labelOf: (id: string) => string; canConvert: boolean; onConvert: (f: Finding) => void }) {
  return (
    <Table<Finding>
      rowKey="id"
      size="small"
      dataSource={findings}
      pagination={false}
      locale={{ emptyText: '暂无检查发现' }}
      columns={[
        { title: '对象', dataIndex: 'itemId', width: 170, render: (id: string) => labelOf(id) },
        { title: '结论', dataIndex: 'outcome', width: 100, render: (_: unknown, f) => <Tag color={f.outcome === 'problem' ? 'red' : 'green'}>{f.outcomeLabel}</Tag> },
        { title: '检查情况', dataIndex: 'note' },
        { title: '检查人员', dataIndex: 'recordedByName', width: 90 },
        { title: '时间', dataIndex: 'recordedAt', width: 160, render: (v: string) => formatDateTime(v) },
        {
          title: '违规认定',
          key: 'v',
          width: 110,
          render: (_: unknown, f) =>
            f.violationId ? <Tag color="volcano">已认定</Tag> : f.outcome === 'problem' && canConvert ? <Button size="small" onClick={() => onConvert(f)}>认定为违规</Button> : '—',
        },
      ]}
    />
  );
}

/** One random check: its published seed and population, the draw, the re-run verification and the findings. */
export function DrawDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [draw, setDraw] = useState<Draw | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [findingFor, setFindingFor] = useState<DrawItem | null>(null);
  const [converting, setConverting] = useState<Finding | null>(null);

  const load = useCallback(async () => {
    if (!id) return;
    setError(null);
    try {
      setDraw(await getDraw(id));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);

  useEffect(() => {
    setDraw(null);
    setVerification(null);
    void load();
  }, [load]);

  const officer = me.roles.includes('dept_officer');
  const ownDepartment = draw !== null && me.organisation?.id === draw.department.id;
  const inspector = draw?.inspectors?.some((i) => i.id === me.id) ?? false;

  const act = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    try {
      await fn();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const labels = new Map((draw?.selection ?? []).map((s) => [s.id, s.label]));
  return (
    <Drawer open={id !== null} onClose={onClose} title={draw?.title ?? '随机抽查'} size={900} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!draw && !error ? <Skeleton active /> : null}
      {draw ? (
        <Flex vertical gap={16}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="发布部门">{draw.department.name}</Descriptions.Item>
            <Descriptions.Item label="状态">{draw.status === 'drawn' ? <Tag color="green">已抽取</Tag> : <Tag color="blue">已公示种子，待抽取</Tag>}</Descriptions.Item>
            <Descriptions.Item label="抽查范围">{draw.regionName}</Descriptions.Item>
            <Descriptions.Item label="抽查对象">{draw.kind === 'batches' ? '检测批次' : '检测机构'}{draw.specialtyName ? `（${draw.specialtyName}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="时段">{draw.periodFrom} 至 {draw.periodTo}</Descriptions.Item>
            <Descriptions.Item label="公示时间">{formatDateTime(draw.publishedAt)}（{draw.publishedByName}）</Descriptions.Item>
            <Descriptions.Item label="随机种子" span={2}>
              <Typography.Text code copyable data-testid="draw-seed">{draw.seed}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="抽查总体" span={2}>
              {draw.populationSize} 个，SHA-256 <Typography.Text code copyable>{draw.populationDigest}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="抽取数量">{draw.sampleSize}</Descriptions.Item>
            <Descriptions.Item label="检查人员">从 {draw.inspectorPool.map((p) => p.name).join('、')} 中抽取 {draw.inspectorCount} 人</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {draw.status === 'published' && officer && ownDepartment ? (
              <Button type="primary" loading={busy === 'draw'} onClick={() => void act('draw', async () => { setDraw(await runDraw(draw.id)); message.success('已按公示种子完成抽取'); onChanged(); })}>
                执行抽取
              </Button>
            ) : null}
            {draw.status === 'drawn' ? (
              <Button loading={busy === 'verify'} onClick={() => void act('verify', async () => setVerification(await verifyDraw(draw.id)))}>
                复核抽取结果
              </Button>
            ) : null}
            <Button loading={busy === 'record'} onClick={() => void act('record', async () => { await downloadRecord(draw.id); })}>
              下载公示记录
            </Button>
          </Space>
          {verification ? (
            <Alert
              data-testid="draw-verification"
              type={verification.matches ? 'success' : 'error'}
              showIcon
              icon={verification.matches ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
              title={verification.matches ? '复核一致：用公示的种子与总体重新计算，得到与保存结果相同的抽取结果' : '复核不一致：重新计算的结果与保存的抽取结果不同'}
              description={`重新计算的结果：${verification.selection.map((s) => labels.get(s) ?? s).join('、') || '（空）'}`}
            />
          ) : null}
          {draw.selection ? (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                抽取结果（检查人员：{draw.inspectors?.map((i) => i.name).join('、') || '—'}）
              </Typography.Title>
              <Table<DrawItem>
                rowKey="id"
                size="small"
                dataSource={draw.selection}
                pagination={false}
                data-testid="draw-selection"
                columns={[
                  { title: '序号', key: 'n', width: 60, render: (_: unknown, _r, i) => i + 1 },
                  { title: draw.kind === 'batches' ? '批次编号' : '检测机构', dataIndex: 'label' },
                  ...(draw.kind === 'batches'
                    ? [
                        { title: '检测机构', dataIndex: 'agencyName' },
                        { title: '工程项目', dataIndex: 'projectName' },
                      ]
                    : []),
                  {
                    title: '操作',
                    key: 'op',
                    width: 110,
                    render: (_: unknown, item: DrawItem) => (officer && (inspector || ownDepartment) ? <Button size="small" onClick={() => setFindingFor(item)}>记录检查发现</Button> : null),
                  },
                ]}
              />
              <Typography.Title level={5} style={{ margin: 0 }}>
                检查发现
              </Typography.Title>
              <FindingsTable findings={draw.findings} labelOf={(i) => labels.get(i) ?? i} canConvert={officer} onConvert={setConverting} />
            </>
          ) : null}
        </Flex>
      ) : null}
      <FindingModal
        title={findingFor ? `记录检查发现：${findingFor.label}` : '记录检查发现'}
        open={findingFor !== null}
        onClose={() => setFindingFor(null)}
        onSubmit={async (v) => {
          if (!draw || !findingFor) return;
          await recordDrawFinding(draw.id, { itemId: findingFor.id, ...v });
          message.success('已记录检查发现');
          setFindingFor(null);
          await load();
        }}
      />
      <ViolationModal
        finding={converting}
        onClose={() => setConverting(null)}
        onDone={() => {
          setConverting(null);
          void load();
        }}
      />
    </Drawer>
  );
}
