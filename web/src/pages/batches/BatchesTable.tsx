import { Alert, Button, Empty, Flex, Input, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { formatDateTime } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { SPECIALTY_OPTIONS } from '../../labels.ts';
import type { Specialty } from '../../types.ts';
import { listBatches, type BatchFilters, type BatchStatus, type BatchSummary } from './api.ts';
import { Countdown } from './Countdown.tsx';
import { BATCH_STATUS_COLORS, BATCH_STATUS_OPTIONS } from './labels.ts';

/** How often the board asks the server again (statuses, new batches); the countdowns tick every second between. */
const REFRESH_MS = 60_000;

export function BatchStatusTag({ b }: { b: Pick<BatchSummary, 'status' | 'statusLabel'> }) {
  return <Tag color={BATCH_STATUS_COLORS[b.status]}>{b.statusLabel}</Tag>;
}

/**
 * The live board: the batches the caller sees (the server scopes them), newest first, with the countdown to each
 * upload deadline. `fixedStatus` pins the status (the review queue shows sealed batches only).
 */
export function BatchesTable({ fixedStatus, version = 0, emptyText = '暂无检测批次' }: { fixedStatus?: BatchStatus; version?: number; emptyText?: string }) {
  const [filters, setFilters] = useState<BatchFilters>({ status: fixedStatus });
  const [q, setQ] = useState('');
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listBatches, filters);
  const [fetchedAt, setFetchedAt] = useState(() => performance.now());
  // The minute's refresh runs quietly (no spinner over the board); a change of filters or page shows one.
  const [quiet, setQuiet] = useState(false);
  const [seenData, setSeenData] = useState(data);
  if (seenData !== data) {
    setSeenData(data);
    setFetchedAt(performance.now());
    setQuiet(false);
  }
  if (error && quiet) setQuiet(false);
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    reload();
  }
  useEffect(() => {
    const t = window.setInterval(() => {
      setQuiet(true);
      reload();
    }, REFRESH_MS);
    return () => window.clearInterval(t);
  }, [reload]);

  const filtered = (!fixedStatus && filters.status !== undefined) || filters.projectId !== undefined || filters.specialty !== undefined || !!filters.q;
  const columns: ColumnsType<BatchSummary> = [
    {
      title: '批次编号',
      dataIndex: 'batchNumber',
      width: 160,
      fixed: 'left',
      render: (_: unknown, b) => (
        <Link to={`/batches/${b.id}`} className="batch-number mono">
          {b.batchNumber}
        </Link>
      ),
    },
    { title: '工程项目', dataIndex: 'project', width: 260, render: (_: unknown, b) => <span className="batch-project">{b.project.name}</span> },
    { title: '专项', dataIndex: 'specialtyName', width: 150, render: (v: string) => <Tag color="geekblue">{v}</Tag> },
    { title: '状态', dataIndex: 'status', width: 140, render: (_: unknown, b) => <BatchStatusTag b={b} /> },
    {
      title: '上传时限',
      key: 'deadline',
      width: 210,
      className: 'col-deadline',
      render: (_: unknown, b) => <Countdown deadline={b.deadline} locked={b.locked} fetchedAt={fetchedAt} />,
    },
    { title: '开启时间', dataIndex: 'openedAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '完成时间', dataIndex: 'completedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
    { title: '检测机构', dataIndex: 'agency', width: 200, render: (_: unknown, b) => b.agency.name },
    { title: '记录', dataIndex: 'recordCount', width: 70, align: 'right' },
    {
      title: '待核查异常',
      dataIndex: 'openAnomalyCount',
      width: 100,
      align: 'right',
      render: (n: number) =>
        n > 0 ? (
          <Tooltip title="住建部门尚未核查的异常">
            <Tag color="warning">{n}</Tag>
          </Tooltip>
        ) : (
          0
        ),
    },
  ];

  return (
    <>
      <Flex gap={12} wrap className="filter-bar">
        <Input.Search
          placeholder="批次编号"
          allowClear
          style={{ width: 220 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
          enterButton="查询"
        />
        {fixedStatus ? null : (
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 170 }}
            value={filters.status}
            onChange={(status: BatchStatus | undefined) => setFilters((f) => ({ ...f, status }))}
            options={BATCH_STATUS_OPTIONS}
            className="filter-status"
          />
        )}
        <ProjectSelect placeholder="按工程项目筛选" style={{ width: 320 }} value={filters.projectId} onChange={(id) => setFilters((f) => ({ ...f, projectId: id }))} />
        <Select
          placeholder="专项"
          allowClear
          style={{ width: 170 }}
          value={filters.specialty}
          onChange={(specialty: Specialty | undefined) => setFilters((f) => ({ ...f, specialty }))}
          options={SPECIALTY_OPTIONS}
          className="filter-specialty"
        />
        {filtered ? (
          <Button
            onClick={() => {
              setQ('');
              setFilters({ status: fixedStatus });
            }}
          >
            重置
          </Button>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon title="批次列表加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
      <Table<BatchSummary>
        className="batches-table"
        rowKey="id"
        columns={columns}
        dataSource={data.items}
        loading={loading && !quiet}
        scroll={{ x: 1500 }}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的批次' : emptyText} /> }}
        pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 个批次`, onChange }}
      />
    </>
  );
}
