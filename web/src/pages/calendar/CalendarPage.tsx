import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import type { CalendarStatus, CalendarYearVersion } from '../../types.ts';
import { getCalendarStatus, getCalendarYear } from './api.ts';
import { LoadYearModal, SAMPLE } from './LoadYearModal.tsx';

type Year = CalendarStatus['years'][number];

function Dates({ dates }: { dates: string[] }) {
  if (dates.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <span className="tag-list">
      {dates.map((d) => (
        <Tag key={d}>{d}</Tag>
      ))}
    </span>
  );
}

function YearDrawer({ year, onClose, onReload }: { year: number | null; onClose: () => void; onReload: (v: CalendarYearVersion) => void }) {
  const [data, setData] = useState<{ current: CalendarYearVersion; history: CalendarYearVersion[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (year === null) {
      setData(null);
      return;
    }
    let alive = true;
    setError(null);
    getCalendarYear(year)
      .then((d) => alive && setData(d))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [year]);
  return (
    <Drawer
      open={year !== null}
      onClose={onClose}
      title={year !== null ? `${year} 年节假日安排` : ''}
      size={720}
      destroyOnHidden
      extra={data ? <Button onClick={() => onReload(data.current)}>重新加载（更正）</Button> : null}
    >
      {error ? (
        <Alert type="error" showIcon title="加载失败" description={error} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 120 } }}>
            <Descriptions.Item label="生效版本">第 {data.current.version} 版</Descriptions.Item>
            <Descriptions.Item label="来源">{data.current.source}</Descriptions.Item>
            <Descriptions.Item label="加载">
              {formatDateTime(data.current.loadedAt)} · {data.current.loadedBy ? data.current.loadedBy.name : '随软件发布'}
            </Descriptions.Item>
            <Descriptions.Item label={`放假日期（${data.current.holidays.length} 天）`}>
              <Dates dates={data.current.holidays} />
            </Descriptions.Item>
            <Descriptions.Item label={`调休上班（${data.current.makeupWorkdays.length} 天）`}>
              <Dates dates={data.current.makeupWorkdays} />
            </Descriptions.Item>
          </Descriptions>
          {data.history.length > 1 ? (
            <Card size="small" title="历次加载" style={{ marginTop: 16 }}>
              <Table<CalendarYearVersion>
                rowKey="version"
                size="small"
                pagination={false}
                dataSource={data.history}
                columns={[
                  { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
                  { title: '放假', key: 'h', width: 70, render: (_: unknown, v) => `${v.holidays.length} 天` },
                  { title: '调休上班', key: 'm', width: 90, render: (_: unknown, v) => `${v.makeupWorkdays.length} 天` },
                  { title: '来源', dataIndex: 'source' },
                  { title: '加载时间', dataIndex: 'loadedAt', width: 170, render: (v: string) => formatDateTime(v) },
                ]}
              />
            </Card>
          ) : null}
        </>
      )}
    </Drawer>
  );
}

/** 工作日历: which years' official holidays are loaded (deadlines in other years are provisional), and loading one. */
export default function CalendarPage() {
  const [status, setStatus] = useState<CalendarStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [viewing, setViewing] = useState<number | null>(null);
  const [loading, setLoading] = useState<{ year: number; json: string; source: string } | null>(null);

  useEffect(() => {
    let alive = true;
    setError(null);
    getCalendarStatus()
      .then((s) => alive && setStatus(s))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [version]);

  const startLoad = (year: number, from?: CalendarYearVersion) =>
    setLoading({
      year,
      json: from ? JSON.stringify({ holidays: from.holidays, makeupWorkdays: from.makeupWorkdays }, null, 2) : SAMPLE(year),
      source: from?.source ?? '',
    });

  return (
    <>
      <PageHeader
        title="工作日历"
        description="见证人员变更等“工作日”期限按国家法定节假日及调休安排计算。国务院每年约 11 月公布下一年度安排，请及时加载；未加载年度的期限按周末规则暂定并提示。"
        extra={
          status ? (
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => startLoad(status.nextYearLoaded ? status.nextYear + 1 : status.nextYear)}>
              加载年度安排
            </Button>
          ) : null
        }
      />
      {error ? <Alert type="error" showIcon title="工作日历加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={() => setVersion((n) => n + 1)}>重试</Button>} /> : null}
      {status?.warnings.map((w) => (
        <Alert
          key={w.code}
          type={w.code === 'CALENDAR_CURRENT_YEAR_MISSING' ? 'error' : 'warning'}
          showIcon
          className="calendar-warning"
          style={{ marginBottom: 16 }}
          title={w.message}
          action={
            <Button size="small" type="primary" onClick={() => startLoad(w.year)}>
              加载 {w.year} 年
            </Button>
          }
        />
      ))}
      {!status ? (
        !error ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : null
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label="今日（北京时间）">{status.today}</Descriptions.Item>
              <Descriptions.Item label={`${status.currentYear} 年`}>{status.currentYearLoaded ? <Tag color="success">已加载</Tag> : <Tag color="error">未加载</Tag>}</Descriptions.Item>
              <Descriptions.Item label={`${status.nextYear} 年`}>
                <Flex gap={8} align="center">
                  {status.nextYearLoaded ? <Tag color="success">已加载</Tag> : <Tag color="warning">未加载</Tag>}
                  <Typography.Text type="secondary">自 {status.nextYearAlertFrom} 起提醒加载</Typography.Text>
                </Flex>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="已加载的年度">
            <Table<Year>
              rowKey="year"
              pagination={false}
              dataSource={[...status.years].sort((a, b) => b.year - a.year)}
              locale={{ emptyText: <Empty description="尚未加载任何年度" /> }}
              columns={[
                { title: '年度', dataIndex: 'year', width: 90, render: (v: number) => <Typography.Link onClick={() => setViewing(v)}>{v} 年</Typography.Link> },
                { title: '生效版本', dataIndex: 'version', width: 100, render: (v: number) => `第 ${v} 版` },
                { title: '放假天数', dataIndex: 'holidays', width: 100 },
                { title: '调休上班天数', dataIndex: 'makeupWorkdays', width: 120 },
                { title: '来源', dataIndex: 'source' },
                { title: '加载时间', dataIndex: 'loadedAt', width: 170, render: (v: string) => formatDateTime(v) },
                { title: '操作', key: 'actions', width: 80, render: (_: unknown, y) => <Typography.Link onClick={() => setViewing(y.year)}>查看</Typography.Link> },
              ]}
            />
          </Card>
        </>
      )}
      <YearDrawer
        year={viewing}
        onClose={() => setViewing(null)}
        onReload={(v) => {
          setViewing(null);
          startLoad(v.year, v);
        }}
      />
      <LoadYearModal
        initial={loading}
        onClose={() => setLoading(null)}
        onLoaded={() => {
          setLoading(null);
          setVersion((n) => n + 1);
        }}
      />
    </>
  );
}
