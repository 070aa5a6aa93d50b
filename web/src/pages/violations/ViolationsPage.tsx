import { App, Button, DatePicker, Descriptions, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { SEVERITY_LABELS, VIOLATION_TYPE_LABELS } from '../../../../src/modules/violations/types.ts';
import { useMe } from '../../auth.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { OrganisationTypeTag } from '../../components/Tags.tsx';
import { formatDateTime, orDash, TIME_ZONE } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import type { Violation } from '../../types.ts';
import { errorMessage } from '../../api.ts';
import { decideIntent, exportViolations, listViolations, type ViolationFilters } from './api.ts';

const CREDIT_STATUS: Record<Violation['creditStatus'], { label: string; color: string }> = {
  pending: { label: '待定', color: 'default' },
  counts: { label: '已记入信用记录', color: 'red' },
  exempt: { label: '试行期不纳入', color: 'green' },
};

function Evidence({ v, officer, onChanged }: { v: Violation; officer: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const decide = async (intentional: boolean) => {
    try {
      await decideIntent(v.id, intentional);
      message.success('已认定');
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Flex vertical gap={8}>
      {officer && v.intentional === null ? (
        <Space>
          <Typography.Text>认定是否故意（仅可认定一次）：</Typography.Text>
          <Popconfirm title="认定为非故意？" okText="确定" cancelText="取消" onConfirm={() => void decide(false)}>
            <Button size="small">非故意</Button>
          </Popconfirm>
          <Popconfirm title="认定为故意？" okText="确定" cancelText="取消" onConfirm={() => void decide(true)}>
            <Button size="small" danger>
              故意
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="来源">{v.source === 'automatic' ? '平台自动发现' : '监管人员认定'}</Descriptions.Item>
        <Descriptions.Item label="认定人员">{v.recordedBy?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="是否故意">{v.intentional === null ? '尚未认定' : v.intentional ? '故意' : '非故意'}</Descriptions.Item>
        <Descriptions.Item label="涉及人员">{orDash(v.personRef)}</Descriptions.Item>
        <Descriptions.Item label="检测批次">{orDash(v.batchRef)}</Descriptions.Item>
        <Descriptions.Item label="记录时间">{formatDateTime(v.createdAt)}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text strong>证据</Typography.Text>
        <pre className="json-details">{JSON.stringify(v.evidence, null, 2)}</pre>
      </div>
    </Flex>
  );
}

/** 违规记录: the ledger. Departments see their jurisdiction, organisations their own; both export what they see. */
export default function ViolationsPage() {
  const me = useMe();
  const list = useFilteredList(listViolations, {} as ViolationFilters);
  const { reload } = list;
  const department = me.roles.includes('dept_officer') || me.roles.includes('platform_admin');
  const officer = me.roles.includes('dept_officer');
  const columns: ColumnsType<Violation> = [
    { title: '发生时间', dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '违规类型', dataIndex: 'typeLabel', width: 170 },
    { title: '严重程度', dataIndex: 'severity', width: 90, render: (_: unknown, v) => <Tag color={v.severity === 'serious' ? 'red' : 'orange'}>{v.severityLabel}</Tag> },
    { title: '违规单位', dataIndex: 'organisationName', render: (_: unknown, v) => (<span>{v.organisationName} <OrganisationTypeTag type={v.organisationType} /></span>) },
    { title: '处置辖区', dataIndex: 'regionName', width: 120 },
    { title: '涉及人员', dataIndex: 'personRef', width: 120, render: (p: string | null) => orDash(p) },
    { title: '来源', dataIndex: 'source', width: 110, render: (s: Violation['source']) => (s === 'automatic' ? '平台自动发现' : '监管人员认定') },
    { title: '信用记录', dataIndex: 'creditStatus', width: 130, render: (c: Violation['creditStatus']) => <Tag color={CREDIT_STATUS[c].color}>{CREDIT_STATUS[c].label}</Tag> },
  ];

  return (
    <>
      <ListPage<Violation, ViolationFilters>
        list={list}
        title="违规记录"
        description={
          department
            ? `${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}平台自动发现或监管人员认定的违规记录；处置见「分级处置」。`
            : `${me.organisation?.name ?? '本单位'}的违规记录。`
        }
        exportAs={exportViolations}
        search={{ field: 'personRef', placeholder: '涉及人员', width: 200 }}
        filters={
          <>
            <Select
              placeholder="违规类型"
              allowClear
              style={{ width: 200 }}
              value={list.filters.type}
              onChange={(type: string | undefined) => list.set({ type })}
              options={Object.entries(VIOLATION_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Select
              placeholder="严重程度"
              allowClear
              style={{ width: 120 }}
              value={list.filters.severity}
              onChange={(severity: 'minor' | 'serious' | undefined) => list.set({ severity })}
              options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
            />
            {department ? <OrganisationSelect placeholder="违规单位" style={{ width: 260 }} value={list.filters.organisationId} onChange={(organisationId) => list.set({ organisationId })} /> : null}
            {department ? (
              <Select
                placeholder="单位类型"
                allowClear
                style={{ width: 130 }}
                value={list.filters.organisationType}
                onChange={(organisationType: string | undefined) => list.set({ organisationType })}
                options={[
                  { value: 'agency', label: '检测机构' },
                  { value: 'supervision_unit', label: '监理单位' },
                  { value: 'construction_unit', label: '建设单位' },
                ]}
              />
            ) : null}
            <ProjectSelect placeholder="工程项目" style={{ width: 280 }} value={list.filters.projectId} onChange={(projectId) => list.set({ projectId })} />
            <DatePicker.RangePicker
              placeholder={['发生日期起', '发生日期止']}
              value={list.filters.from && list.filters.to ? [dayjs(list.filters.from).tz(TIME_ZONE), dayjs(list.filters.to).tz(TIME_ZONE).subtract(1, 'day')] : null}
              onChange={(r) =>
                list.set({
                  from: r?.[0] ? dayjs.tz(r[0].format('YYYY-MM-DD'), TIME_ZONE).toISOString() : undefined,
                  to: r?.[1] ? dayjs.tz(r[1].format('YYYY-MM-DD'), TIME_ZONE).add(1, 'day').toISOString() : undefined,
                })
              }
            />
          </>
        }
        errorTitle="违规记录加载失败"
        empty="暂无违规记录"
        emptyFiltered="没有符合条件的违规记录"
        total={(t) => `共 ${t} 条`}
        table={{ rowKey: 'id', columns, scroll: { x: 1250 }, expandable: { expandedRowRender: (v) => <Evidence v={v} officer={officer} onChanged={reload} /> } }}
      />
    </>
  );
}
