import { Button, Descriptions, Flex, Select, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMe } from '../../auth.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { RoleTags } from '../../components/Tags.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { ACTOR_TYPE_LABELS, AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS, auditActionLabel, auditTargetLabel } from '../../labels.ts';
import type { AuditRecord } from '../../types.ts';
import { listAudit, type AuditFilters } from './api.ts';

const shortId = (id: string | null) => (id ? (id.length > 12 ? `${id.slice(0, 8)}…` : id) : '—');

function AuditDetails({ r }: { r: AuditRecord }) {
  const hasDetails = Object.keys(r.details ?? {}).length > 0;
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="操作代码">
          <Typography.Text code>{r.action}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="对象编号">{r.targetId ? <Typography.Text copyable>{r.targetId}</Typography.Text> : '—'}</Descriptions.Item>
        <Descriptions.Item label="操作人编号">{r.actorId ? <Typography.Text copyable>{r.actorId}</Typography.Text> : '—'}</Descriptions.Item>
        <Descriptions.Item label="请求编号">{r.requestId ? <Typography.Text copyable>{r.requestId}</Typography.Text> : '—'}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>详细内容</Typography.Text>
        {hasDetails ? <pre className="json-details">{JSON.stringify(r.details, null, 2)}</pre> : <Typography.Paragraph type="secondary">无</Typography.Paragraph>}
      </div>
    </Flex>
  );
}

export default function AuditPage() {
  const me = useMe();
  const list = useFilteredList(listAudit, {} as AuditFilters);
  const { reload } = list;

  const columns: ColumnsType<AuditRecord> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '操作人',
      dataIndex: 'actorName',
      width: 130,
      render: (v: string | null, r) => {
        if (!r.actorType || r.actorType === 'user') return orDash(v);
        const kind = ACTOR_TYPE_LABELS[r.actorType] ?? r.actorType;
        // A system job's name is an internal identifier: shown on hover only.
        if (r.actorType === 'system' || r.actorType === 'anonymous') return v ? <Tooltip title={v}>{kind}</Tooltip> : kind;
        return `${orDash(v)}（${kind}）`;
      },
    },
    {
      title: '角色',
      dataIndex: 'actorRole',
      width: 170,
      render: (v: string) => <RoleTags roles={v ? v.split(',').filter(Boolean) : []} />,
    },
    { title: '所属机构', dataIndex: 'organisationName', render: (v: string | null) => orDash(v) },
    { title: '操作', dataIndex: 'action', width: 130, render: (v: string) => <Tooltip title={v}>{auditActionLabel(v)}</Tooltip> },
    {
      title: '对象',
      key: 'target',
      width: 160,
      render: (_: unknown, r) => (
        <Tooltip title={r.targetId ?? undefined}>
          {auditTargetLabel(r.targetType)} {r.targetId ? <Typography.Text type="secondary">{shortId(r.targetId)}</Typography.Text> : null}
        </Tooltip>
      ),
    },
    { title: '客户端 IP', dataIndex: 'clientIp', width: 130, render: (v: string | null) => orDash(v) },
    {
      title: '请求编号',
      dataIndex: 'requestId',
      width: 120,
      render: (v: string | null) => (v ? <Tooltip title={v}>{shortId(v)}</Tooltip> : '—'),
    },
  ];

  return (
    <>
      <ListPage<AuditRecord, AuditFilters>
        list={list}
        title="审计日志"
        description={
          me.roles.includes('platform_admin')
            ? '平台上所有登录、账号、机构和凭证操作的留痕记录，只增不改。'
            : me.jurisdiction
              ? `${me.jurisdiction.name}辖区内的操作留痕记录，只增不改。`
              : `${me.organisation?.name ?? '本机构'}的操作留痕记录，只增不改。`
        }
        filters={
          <>
            <Select
              placeholder="操作类型"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              value={list.filters.action}
              onChange={(action: string | undefined) => list.set({ action })}
              options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Select
              placeholder="对象类型"
              allowClear
              style={{ width: 160 }}
              value={list.filters.targetType}
              onChange={(targetType: string | undefined) => list.set({ targetType })}
              options={Object.entries(AUDIT_TARGET_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </>
        }
        toolbar={<Button onClick={reload}>刷新</Button>}
        errorTitle="审计日志加载失败"
        empty="暂无审计记录"
        emptyFiltered="没有符合条件的记录"
        total={(t) => `共 ${t} 条记录`}
        table={{ rowKey: 'id', columns, scroll: { x: 1250 }, expandable: { expandedRowRender: (r) => <AuditDetails r={r} /> } }}
      />
    </>
  );
}
