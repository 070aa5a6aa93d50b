import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { showFieldError } from '../../components/formErrors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { formatDateTime, TIME_ZONE, todayBeijing } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { SPECIALTY_OPTIONS } from '../../labels.ts';
import type { Finding } from '../random-draws/api.ts';
import { FindingsTable } from '../random-draws/DrawDrawer.tsx';
import { FindingModal, ViolationModal } from '../random-draws/FindingModals.tsx';
import { anomalyKinds, closeCampaign, getCampaign, listCampaigns, openCampaign, recordCampaignFinding, type Campaign, type CampaignSummary, type WorklistItem } from './api.ts';

interface NewValues {
  title: string;
  regionCode: string;
  specialty?: string;
  period: [Dayjs, Dayjs];
  anomalyKind?: string;
}

function NewCampaignModal({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (c: Campaign) => void }) {
  const me = useMe();
  const [form] = Form.useForm<NewValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [kinds, setKinds] = useState<{ code: string; label: string }[]>([]);
  useEffect(() => {
    if (open) anomalyKinds().then(setKinds, () => setKinds([]));
  }, [open]);
  const today = dayjs.tz(todayBeijing(), TIME_ZONE);
  return (
    <Modal
      title="开展专项检查"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="生成检查清单"
      confirmLoading={saving}
      destroyOnHidden
      width={600}
      // Cleared after closing, not on opening: a reset at the end of the opening animation would wipe early typing.
      afterOpenChange={(o) => {
        if (!o) {
          form.resetFields();
          setError(null);
        }
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="检查清单在开展时按条件生成并冻结，此后新开启的批次不再加入。" />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ regionCode: me.jurisdiction?.code, period: [today.subtract(30, 'day'), today] }}
        onFinish={async (v) => {
          setSaving(true);
          setError(null);
          try {
            onOpened(
              await openCampaign({
                title: v.title.trim(),
                regionCode: v.regionCode,
                specialty: v.specialty ?? null,
                periodFrom: v.period[0].format('YYYY-MM-DD'),
                periodTo: v.period[1].format('YYYY-MM-DD'),
                anomalyKind: v.anomalyKind ?? null,
              }),
            );
          } catch (e) {
            if (!showFieldError(form, e, ['title', 'regionCode', 'specialty', 'anomalyKind'])) setError(errorMessage(e));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="title" label="检查名称" rules={[{ required: true, min: 2, message: '请填写检查名称' }]}>
          <Input id="campaign-title" maxLength={200} placeholder="如：主体结构回弹检测专项检查" />
        </Form.Item>
        <Form.Item name="regionCode" label="辖区" rules={[{ required: true }]}>
          <RegionTreeSelect rootCode={me.jurisdiction?.code} allowClear={false} />
        </Form.Item>
        <Form.Item name="specialty" label="专项（不选为全部）">
          <Select allowClear options={SPECIALTY_OPTIONS} placeholder="全部专项" />
        </Form.Item>
        <Form.Item name="period" label="批次开启时段" rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="anomalyKind" label="异常类型（不选为全部批次）">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={kinds.map((k) => ({ value: k.code, label: k.label }))} placeholder="仅列入有此类异常的批次" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CampaignDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [c, setC] = useState<Campaign | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [findingFor, setFindingFor] = useState<WorklistItem | null>(null);
  const [converting, setConverting] = useState<Finding | null>(null);
  const [closing, setClosing] = useState(false);
  const [summary, setSummary] = useState('');

  const load = useCallback(async () => {
    if (!id) return;
    try {
      setC(await getCampaign(id));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    setC(null);
    setError(null);
    void load();
  }, [load]);

  const officer = me.roles.includes('dept_officer');
  const own = c !== null && me.organisation?.id === c.department.id;
  const labels = new Map((c?.worklist ?? []).map((w) => [w.batchId, w.batchNumber]));
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={c?.title ?? '专项检查'}
      size={960}
      destroyOnHidden
      extra={c && c.status === 'open' && officer && own ? <Button onClick={() => setClosing(true)}>结束检查</Button> : null}
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!c && !error ? <Skeleton active /> : null}
      {c ? (
        <Flex vertical gap={16}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="开展部门">{c.department.name}</Descriptions.Item>
            <Descriptions.Item label="状态">{c.status === 'open' ? <Tag color="blue">进行中</Tag> : <Tag>已结束</Tag>}</Descriptions.Item>
            <Descriptions.Item label="辖区">{c.regionName}</Descriptions.Item>
            <Descriptions.Item label="专项">{c.specialtyName ?? '全部'}</Descriptions.Item>
            <Descriptions.Item label="时段">{c.periodFrom} 至 {c.periodTo}</Descriptions.Item>
            <Descriptions.Item label="异常类型">{c.anomalyKindLabel ?? '不限'}</Descriptions.Item>
            <Descriptions.Item label="进度">已检查 {c.inspectedCount} / {c.worklistSize}，发现问题 {c.problemCount} 项</Descriptions.Item>
            <Descriptions.Item label="开展">{formatDateTime(c.createdAt)}（{c.createdByName}）</Descriptions.Item>
            {c.summary ? <Descriptions.Item label="检查总结" span={2}>{c.summary}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>检查清单</Typography.Title>
          <Table<WorklistItem>
            rowKey="batchId"
            size="small"
            dataSource={c.worklist}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: '序号', dataIndex: 'position', width: 60 },
              { title: '批次编号', dataIndex: 'batchNumber', width: 150 },
              { title: '检测机构', dataIndex: 'agencyName' },
              { title: '工程项目', dataIndex: 'projectName' },
              { title: '状态', dataIndex: 'statusLabel', width: 100 },
              { title: '结论', dataIndex: 'latestOutcome', width: 100, render: (o: WorklistItem['latestOutcome']) => (o === null ? '未检查' : o === 'problem' ? <Tag color="red">发现问题</Tag> : <Tag color="green">未发现问题</Tag>) },
              {
                title: '操作',
                key: 'op',
                width: 120,
                render: (_: unknown, w) => (officer && c.status === 'open' ? <Button size="small" onClick={() => setFindingFor(w)}>记录检查发现</Button> : null),
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>检查发现</Typography.Title>
          <FindingsTable findings={c.findings} labelOf={(i) => labels.get(i) ?? i} canConvert={officer} onConvert={setConverting} />
        </Flex>
      ) : null}
      <FindingModal
        title={findingFor ? `记录检查发现：${findingFor.batchNumber}` : '记录检查发现'}
        open={findingFor !== null}
        onClose={() => setFindingFor(null)}
        onSubmit={async (v) => {
          if (!c || !findingFor) return;
          await recordCampaignFinding(c.id, { batchId: findingFor.batchId, ...v });
          message.success('已记录检查发现');
          setFindingFor(null);
          await load();
          onChanged();
        }}
      />
      <ViolationModal finding={converting} onClose={() => setConverting(null)} onDone={() => { setConverting(null); void load(); }} />
      <Modal
        title="结束专项检查"
        open={closing}
        onCancel={() => setClosing(false)}
        okText="结束并保存总结"
        okButtonProps={{ disabled: summary.trim().length < 2 }}
        onOk={async () => {
          if (!c) return;
          try {
            setC(await closeCampaign(c.id, summary.trim()));
            setClosing(false);
            message.success('专项检查已结束');
            onChanged();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Input.TextArea rows={5} maxLength={5000} showCount value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="检查总结：检查范围、发现的问题与处理情况" />
      </Modal>
    </Drawer>
  );
}

/** 专项检查: campaigns over a specialty, region, period and anomaly type, with a frozen worklist, findings and a summary. */
export default function SpecialCampaignsPage() {
  const me = useMe();
  const [filters, setFilters] = useState<{ status?: 'open' | 'closed' }>({});
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listCampaigns, filters);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const columns: ColumnsType<CampaignSummary> = [
    { title: '检查名称', dataIndex: 'title', render: (t: string, c) => <Typography.Link onClick={() => setOpenId(c.id)}>{t}</Typography.Link> },
    { title: '辖区', dataIndex: 'regionName', width: 110 },
    { title: '专项', dataIndex: 'specialtyName', width: 150, render: (s: string | null) => s ?? '全部' },
    { title: '时段', key: 'p', width: 200, render: (_: unknown, c) => `${c.periodFrom} 至 ${c.periodTo}` },
    { title: '进度', key: 'n', width: 140, render: (_: unknown, c) => `${c.inspectedCount}/${c.worklistSize}（问题 ${c.problemCount}）` },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => (s === 'open' ? <Tag color="blue">进行中</Tag> : <Tag>已结束</Tag>) },
  ];
  return (
    <>
      <PageHeader
        title="专项检查"
        description="按专项、辖区、时段与异常类型开展专项检查：生成并冻结检查清单，逐批记录检查发现，结束时填写总结。"
        extra={
          me.roles.includes('dept_officer') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              开展专项检查
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} className="filter-bar">
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 140 }}
            value={filters.status}
            onChange={(status: 'open' | 'closed' | undefined) => setFilters({ status })}
            options={[{ value: 'open', label: '进行中' }, { value: 'closed', label: '已结束' }]}
          />
        </Flex>
        {error ? <Alert type="error" showIcon title="专项检查加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
        <Table<CampaignSummary>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          locale={{ emptyText: <Empty description="暂无专项检查" /> }}
          pagination={{ current: page, pageSize, total: data.total, showTotal: (t) => `共 ${t} 项`, onChange }}
        />
      </Card>
      <NewCampaignModal
        open={creating}
        onClose={() => setCreating(false)}
        onOpened={(c) => {
          setCreating(false);
          reload();
          setOpenId(c.id);
        }}
      />
      <CampaignDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </>
  );
}
