import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { formatDateTime, TIME_ZONE, todayBeijing } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { SPECIALTY_OPTIONS } from '../../labels.ts';
import type { Finding } from '../random-draws/api.ts';
import { FindingsTable } from '../random-draws/DrawDrawer.tsx';
import { FindingModal, ViolationModal } from '../random-draws/FindingModals.tsx';
import { anomalyKinds, closeCampaign, getCampaign, listCampaigns, openCampaign, recordCampaignFinding, type Campaign, type CampaignSummary, type NewCampaign, type WorklistItem } from './api.ts';

interface NewValues {
  title: string;
  regionCode: string;
  specialty?: NewCampaign['specialty'];
  period: [Dayjs, Dayjs];
  anomalyKind?: NewCampaign['anomalyKind'];
}

function NewCampaignModal({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (c: Campaign) => void }) {
  const me = useMe();
  const [form] = Form.useForm<NewValues>();
  const [kinds, setKinds] = useState<{ code: string; label: string }[]>([]);
  useEffect(() => {
    if (open) anomalyKinds().then(setKinds, () => setKinds([]));
  }, [open]);
  const today = dayjs.tz(todayBeijing(), TIME_ZONE);
  const onFinish = async (v: NewValues) => {
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
  };
  return (
    <FormModal<NewValues>
      open={open}
      title="开展专项检查"
      okText="生成检查清单"
      form={form}
      fields={['title', 'regionCode', 'specialty', 'anomalyKind']}
      onSubmit={onFinish}
      onClose={onClose}
      width={600}
      initialValues={{ regionCode: me.jurisdiction?.code, period: [today.subtract(30, 'day'), today] }}
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} title="检查清单在开展时按条件生成并冻结，此后新开启的批次不再加入。" />}
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
    </FormModal>
  );
}

/** 结束专项检查 with its summary. */
function CloseCampaignModal({ campaign, onClose, onClosed }: { campaign: Campaign | null; onClose: () => void; onClosed: (c: Campaign) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ summary: string }>();
  const summary = (Form.useWatch('summary', form) as string | undefined) ?? '';
  const onFinish = async (v: { summary: string }) => {
    if (!campaign) return;
    const c = await closeCampaign(campaign.id, v.summary.trim());
    message.success('专项检查已结束');
    onClosed(c);
  };
  return (
    <FormModal<{ summary: string }> open={campaign !== null} title="结束专项检查" okText="结束并保存总结" okDisabled={summary.trim().length < 2} form={form} fields={['summary']} onSubmit={onFinish} onClose={onClose}>
      <Form.Item name="summary" noStyle>
        <Input.TextArea rows={5} maxLength={5000} showCount placeholder="检查总结：检查范围、发现的问题与处理情况" />
      </Form.Item>
    </FormModal>
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
      <CloseCampaignModal
        campaign={closing ? c : null}
        onClose={() => setClosing(false)}
        onClosed={(closed) => {
          setC(closed);
          setClosing(false);
          onChanged();
        }}
      />
    </Drawer>
  );
}

/** 专项检查: campaigns over a specialty, region, period and anomaly type, with a frozen worklist, findings and a summary. */
export default function SpecialCampaignsPage() {
  const me = useMe();
  const list = useFilteredList(listCampaigns, {} as { status?: 'open' | 'closed' });
  const { reload } = list;
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
      <ListPage<CampaignSummary, { status?: 'open' | 'closed' }>
        list={list}
        title="专项检查"
        description="按专项、辖区、时段与异常类型开展专项检查：生成并冻结检查清单，逐批记录检查发现，结束时填写总结。"
        extra={
          me.roles.includes('dept_officer') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              开展专项检查
            </Button>
          ) : null
        }
        filters={
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 140 }}
            value={list.filters.status}
            onChange={(status: 'open' | 'closed' | undefined) => list.set({ status })}
            options={[{ value: 'open', label: '进行中' }, { value: 'closed', label: '已结束' }]}
          />
        }
        errorTitle="专项检查加载失败"
        empty="暂无专项检查"
        emptyFiltered="没有符合条件的专项检查"
        total={(t) => `共 ${t} 项`}
        table={{ rowKey: 'id', columns }}
      />
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
