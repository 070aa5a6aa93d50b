import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { TIME_ZONE, todayBeijing } from '../../format.ts';
import { exportXlsx, formatRate, getTable, getTrend, recomputeToday, type DailyTable, type RegionRow, type TrendDay } from './api.ts';
import { TrendChart } from './TrendChart.tsx';

const DEFAULT_DAYS = 30;

/** 日常核查: each jurisdiction's upload compliance, late, missing and anomaly counts by day, for the officer's area and below. */
export default function DailyCheckPage() {
  const me = useMe();
  const { message } = App.useApp();
  const home = me.jurisdiction?.code;
  const [regionCode, setRegionCode] = useState<string | undefined>(home);
  const [range, setRange] = useState<[string, string]>(() => {
    const today = todayBeijing();
    return [dayjs.tz(today, TIME_ZONE).subtract(DEFAULT_DAYS - 1, 'day').format('YYYY-MM-DD'), today];
  });
  const [table, setTable] = useState<DailyTable | null>(null);
  const [trend, setTrend] = useState<TrendDay[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'recompute' | 'export' | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const q = { regionCode, from: range[0], to: range[1] };
    try {
      const [t, tr] = await Promise.all([getTable(q), getTrend(q)]);
      setTable(t);
      setTrend(tr.days);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [regionCode, range]);

  useEffect(() => {
    void load();
  }, [load]);

  const recompute = async () => {
    setBusy('recompute');
    try {
      const r = await recomputeToday();
      message.success(r.written > 0 ? `已重新核算今日数据（${r.day}）` : '今日数据没有变化');
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    setBusy('export');
    try {
      const r = await exportXlsx({ regionCode, from: range[0], to: range[1] });
      message.success(`已导出 ${r.filename}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<RegionRow> = [
    {
      title: '辖区',
      dataIndex: 'regionName',
      fixed: 'left',
      width: 170,
      render: (name: string, r) =>
        r.regionCode === table?.region.code ? (
          <Typography.Text strong>{name}（合计）</Typography.Text>
        ) : (
          <Typography.Link onClick={() => setRegionCode(r.regionCode)}>{name}</Typography.Link>
        ),
    },
    { title: '应传批次', dataIndex: 'due', width: 90, align: 'right' },
    { title: '按时封存', dataIndex: 'compliant', width: 90, align: 'right' },
    { title: '迟传', dataIndex: 'late', width: 70, align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { title: '漏传', dataIndex: 'missing', width: 70, align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { title: '待封存', dataIndex: 'pending', width: 80, align: 'right' },
    { title: '不可抗力暂停', dataIndex: 'suspended', width: 110, align: 'right' },
    { title: '新增异常', dataIndex: 'anomaliesOpened', width: 90, align: 'right' },
    {
      title: '上传合规率',
      dataIndex: 'complianceRate',
      width: 110,
      align: 'right',
      render: (r: number | null) => <Typography.Text strong type={r !== null && r < 0.9 ? 'danger' : undefined}>{formatRate(r)}</Typography.Text>,
    },
    { title: '服务请求（新增/办结）', key: 'sr', width: 150, align: 'right', render: (_: unknown, r) => `${r.serviceRequestsOpened} / ${r.serviceRequestsClosed}` },
    {
      title: '数据',
      key: 'cover',
      width: 130,
      render: (_: unknown, r) => (
        <Flex gap={4}>
          <span>{r.daysCovered}/{table?.days ?? 0} 天</span>
          {r.provisional ? <Tag color="gold">含临时</Tag> : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="日常核查"
        description="按辖区每日统计上传合规率（按时封存 ÷ 已到截止时间的应传批次）、迟传、漏传与异常数量；每日零点后自动生成，当日数据可手动刷新（临时数据）。"
        extra={
          <>
            <Button icon={<ReloadOutlined />} loading={busy === 'recompute'} onClick={() => void recompute()}>
              刷新今日数据
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => void download()}>
              导出 Excel
            </Button>
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap className="filter-bar">
          <RegionTreeSelect
            id="daily-check-region"
            style={{ width: 240 }}
            rootCode={home}
            allowClear={false}
            value={regionCode ?? table?.region.code}
            onChange={(c) => setRegionCode(c ?? home)}
            placeholder="辖区"
          />
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(r) => {
              if (r?.[0] && r[1]) setRange([r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD')]);
            }}
          />
          {regionCode && regionCode !== home ? <Button onClick={() => setRegionCode(home)}>返回本辖区</Button> : null}
        </Flex>
        {error ? <Alert type="error" showIcon title="日常核查数据加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={() => void load()}>重试</Button>} /> : null}
        <Typography.Title level={5}>
          {table ? `${table.region.name} ${table.from} 至 ${table.to} 汇总` : '汇总'}
        </Typography.Title>
        <Table<RegionRow> rowKey="regionCode" size="middle" columns={columns} dataSource={table?.rows ?? []} loading={loading} pagination={false} scroll={{ x: 1300 }} />
      </Card>
      <Card title={`上传合规率趋势${table ? `（${table.region.name}）` : ''}`} style={{ marginTop: 16 }}>
        <TrendChart days={trend} />
      </Card>
    </>
  );
}
