import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Form, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { formatDateTime, orDash, TIME_ZONE, todayBeijing } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { inspectorCandidates, type Officer } from '../random-draws/api.ts';
import { closeRequest, fileRequest, listRequests, scheduleVisit, TYPE_OPTIONS, type Filters, type RequestType, type ServiceRequest } from './api.ts';

const STATUS_COLORS: Record<ServiceRequest['status'], string> = { requested: 'orange', scheduled: 'blue', closed: 'green' };

type FileValues = { type: RequestType; description: string; projectId?: string; contactPhone?: string };

function FileModal({ open, onClose, onFiled }: { open: boolean; onClose: () => void; onFiled: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FileValues>();
  const onFinish = async (v: FileValues) => {
    await fileRequest({ type: v.type, description: v.description.trim(), projectId: v.projectId ?? null, contactPhone: v.contactPhone?.trim() || null });
    message.success('已提交服务请求，住建部门将安排走访');
    onFiled();
  };
  return (
    <FormModal<FileValues>
      open={open}
      title="提出靠前服务请求"
      okText="提交"
      form={form}
      fields={['type', 'description', 'projectId', 'contactPhone']}
      onSubmit={onFinish}
      onClose={onClose}
      initialValues={{ type: 'equipment_connection' }}
    >
      <Form.Item name="type" label="请求类型" rules={[{ required: true }]}>
        <Select id="request-type" options={TYPE_OPTIONS} />
      </Form.Item>
      <Form.Item name="description" label="需要协助的事项" rules={[{ required: true, min: 2, message: '请描述需要协助的事项' }]}>
        <Input.TextArea id="request-description" rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="projectId" label="相关工程项目（可不选，不选时由本机构所在地住建部门受理）">
        <ProjectSelect placeholder="选择工程项目" />
      </Form.Item>
      <Form.Item name="contactPhone" label="联系电话">
        <Input maxLength={40} />
      </Form.Item>
    </FormModal>
  );
}

type ScheduleValues = { visitDate: Dayjs; officerId: string };

function ScheduleModal({ request, onClose, onDone }: { request: ServiceRequest | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleValues>();
  const [officers, setOfficers] = useState<Officer[]>([]);
  useEffect(() => {
    if (request) inspectorCandidates().then(setOfficers, () => setOfficers([]));
  }, [request]);
  const onFinish = async (v: ScheduleValues) => {
    if (!request) return;
    await scheduleVisit(request.id, { visitDate: v.visitDate.format('YYYY-MM-DD'), officerId: v.officerId });
    message.success('已安排走访');
    onDone();
  };
  return (
    <FormModal<ScheduleValues>
      open={request !== null}
      title="安排走访"
      okText="安排"
      form={form}
      fields={['visitDate', 'officerId']}
      onSubmit={onFinish}
      onClose={onClose}
      initialValues={{ visitDate: dayjs.tz(todayBeijing(), TIME_ZONE).add(1, 'day') }}
    >
      <Form.Item name="visitDate" label="走访日期" rules={[{ required: true }]}>
        <DatePicker id="visit-date" disabledDate={(d) => d.format('YYYY-MM-DD') < todayBeijing()} />
      </Form.Item>
      <Form.Item name="officerId" label="走访人员" rules={[{ required: true, message: '请选择走访人员' }]}>
        <Select id="visit-officer" placeholder="选择监管人员" options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.departmentName}）` }))} />
      </Form.Item>
    </FormModal>
  );
}

function CloseModal({ request, onClose, onDone }: { request: ServiceRequest | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const note = (Form.useWatch('note', form) as string | undefined) ?? '';
  const onFinish = async (v: { note: string }) => {
    if (!request) return;
    await closeRequest(request.id, v.note.trim());
    message.success('已办结');
    onDone();
  };
  return (
    <FormModal<{ note: string }> open={request !== null} title="办结服务请求" okText="办结" okDisabled={note.trim().length < 2} form={form} fields={['note']} onSubmit={onFinish} onClose={onClose}>
      <Form.Item name="note" noStyle>
        <Input.TextArea id="close-note" rows={4} maxLength={2000} showCount placeholder="办理情况" />
      </Form.Item>
    </FormModal>
  );
}

/** 靠前服务 (三(二)): agencies ask for help; the department of the area schedules a visit and closes the request. */
export default function ServiceRequestsPage() {
  const me = useMe();
  const list = useFilteredList(listRequests, {} as Filters);
  const { reload } = list;
  const [filing, setFiling] = useState(false);
  const [scheduling, setScheduling] = useState<ServiceRequest | null>(null);
  const [closing, setClosing] = useState<ServiceRequest | null>(null);
  const agency = me.organisation?.type === 'agency';
  const officer = me.roles.includes('dept_officer');

  const columns: ColumnsType<ServiceRequest> = [
    { title: '提出时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: '类型', dataIndex: 'typeLabel', width: 100 },
    ...(agency ? [] : [{ title: '检测机构', key: 'agency', width: 220, render: (_: unknown, r: ServiceRequest) => r.agency.name }]),
    { title: '事项', dataIndex: 'description', ellipsis: true },
    { title: '受理辖区', dataIndex: 'regionName', width: 100 },
    { title: '状态', dataIndex: 'status', width: 110, render: (_: unknown, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
    { title: '走访', key: 'visit', width: 170, render: (_: unknown, r) => (r.visitDate ? `${r.visitDate} ${r.visitOfficer?.name ?? ''}` : '—') },
    ...(officer
      ? [
          {
            title: '操作',
            key: 'op',
            width: 170,
            render: (_: unknown, r: ServiceRequest) =>
              r.status === 'closed' ? null : (
                <Space>
                  <Button size="small" onClick={() => setScheduling(r)}>{r.status === 'scheduled' ? '改期' : '安排走访'}</Button>
                  <Button size="small" onClick={() => setClosing(r)}>办结</Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ListPage<ServiceRequest, Filters>
        list={list}
        title="靠前服务"
        description={
          agency
            ? '设备对接、影像采集等遇到困难时，向住建部门提出服务请求；住建部门安排走访并办结。'
            : '本辖区检测机构提出的服务请求：安排走访、办结。新增与办结数量计入日常核查。'
        }
        extra={
          agency ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
              提出服务请求
            </Button>
          ) : null
        }
        filters={
          <>
            <Select placeholder="状态" allowClear style={{ width: 140 }} value={list.filters.status} onChange={(status: Filters['status']) => list.set({ status })} options={[{ value: 'requested', label: '待安排' }, { value: 'scheduled', label: '已安排走访' }, { value: 'closed', label: '已办结' }]} />
            <Select placeholder="类型" allowClear style={{ width: 140 }} value={list.filters.type} onChange={(type: Filters['type']) => list.set({ type })} options={TYPE_OPTIONS} />
          </>
        }
        errorTitle="服务请求加载失败"
        empty="暂无服务请求"
        emptyFiltered="没有符合条件的服务请求"
        total={(t) => `共 ${t} 条`}
        table={{
          rowKey: 'id',
          columns,
          scroll: { x: 1100 },
          expandable: {
            expandedRowRender: (r) => (
              <Descriptions size="small" bordered column={2}>
                <Descriptions.Item label="事项" span={2}>{r.description}</Descriptions.Item>
                <Descriptions.Item label="工程项目">{r.project?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="联系电话">{orDash(r.contactPhone)}</Descriptions.Item>
                <Descriptions.Item label="提出人">{r.createdByName}</Descriptions.Item>
                <Descriptions.Item label="办结时间">{formatDateTime(r.closedAt)}</Descriptions.Item>
                <Descriptions.Item label="办理情况" span={2}>{orDash(r.closeNote)}</Descriptions.Item>
              </Descriptions>
            ),
          },
        }}
      />
      <FileModal open={filing} onClose={() => setFiling(false)} onFiled={() => { setFiling(false); reload(); }} />
      <ScheduleModal request={scheduling} onClose={() => setScheduling(null)} onDone={() => { setScheduling(null); reload(); }} />
      <CloseModal request={closing} onClose={() => setClosing(null)} onDone={() => { setClosing(null); reload(); }} />
    </>
  );
}
