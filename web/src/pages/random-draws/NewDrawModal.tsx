import { Alert, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { TIME_ZONE, todayBeijing } from '../../format.ts';
import { SPECIALTY_OPTIONS } from '../../labels.ts';
import type { Specialty } from '../../types.ts';
import { inspectorCandidates, publishDraw, type Draw, type Officer } from './api.ts';

interface Values {
  title: string;
  regionCode: string;
  kind: 'batches' | 'agencies';
  specialty?: Specialty;
  period: [Dayjs, Dayjs];
  sampleSize: number;
  inspectorPool: string[];
  inspectorCount: number;
}

const FIELDS = ['title', 'regionCode', 'kind', 'specialty', 'sampleSize', 'inspectorPool', 'inspectorCount'];

/** 发布随机抽查: the population filter, the sample size and the inspector pool; the platform fixes the seed on publishing. */
export function NewDrawModal({ open, onClose, onPublished }: { open: boolean; onClose: () => void; onPublished: (d: Draw) => void }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [officers, setOfficers] = useState<Officer[]>([]);

  useEffect(() => {
    if (open) inspectorCandidates().then(setOfficers, () => setOfficers([]));
  }, [open]);

  const today = dayjs.tz(todayBeijing(), TIME_ZONE);
  const onFinish = async (v: Values) => {
    const d = await publishDraw({
      title: v.title.trim(),
      regionCode: v.regionCode,
      kind: v.kind,
      specialty: v.specialty ?? null,
      periodFrom: v.period[0].format('YYYY-MM-DD'),
      periodTo: v.period[1].format('YYYY-MM-DD'),
      sampleSize: v.sampleSize,
      inspectorPool: v.inspectorPool,
      inspectorCount: v.inspectorCount,
    });
    onPublished(d);
  };
  return (
    <FormModal<Values>
      open={open}
      title="发布随机抽查"
      okText="发布并公示种子"
      form={form}
      fields={FIELDS}
      onSubmit={onFinish}
      onClose={onClose}
      width={640}
      initialValues={{ kind: 'batches', regionCode: me.jurisdiction?.code, period: [today.subtract(30, 'day'), today.subtract(1, 'day')], sampleSize: 5, inspectorCount: 2 }}
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="发布时平台冻结抽查总体与检查人员名单，并生成公示随机种子；发布后不可修改或撤回，任何人可用同一种子与总体复核抽取结果。"
        />
      }
    >
      <Form.Item name="title" label="抽查名称" rules={[{ required: true, min: 2, message: '请填写抽查名称' }]}>
        <Input id="draw-title" maxLength={200} placeholder="如：2026年11月现场检测上传情况双随机抽查" />
      </Form.Item>
      <Form.Item name="regionCode" label="抽查范围（辖区）" rules={[{ required: true }]}>
        <RegionTreeSelect rootCode={me.jurisdiction?.code} allowClear={false} />
      </Form.Item>
      <Form.Item name="kind" label="抽查对象">
        <Radio.Group options={[{ value: 'batches', label: '检测批次' }, { value: 'agencies', label: '检测机构' }]} />
      </Form.Item>
      <Form.Item name="specialty" label="专项（不选为全部）">
        <Select allowClear options={SPECIALTY_OPTIONS} placeholder="全部专项" />
      </Form.Item>
      <Form.Item name="period" label="批次开启时段" rules={[{ required: true }]}>
        <DatePicker.RangePicker allowClear={false} />
      </Form.Item>
      <Form.Item name="sampleSize" label="抽取数量" rules={[{ required: true }]}>
        <InputNumber id="draw-sample-size" min={1} max={1000} />
      </Form.Item>
      <Form.Item name="inspectorPool" label="检查人员名单" rules={[{ required: true, message: '请选择检查人员' }]}>
        <Select
          id="draw-inspector-pool"
          mode="multiple"
          placeholder="选择本辖区监管人员"
          options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.departmentName}）` }))}
        />
      </Form.Item>
      <Form.Item name="inspectorCount" label="抽取检查人员数" rules={[{ required: true }]}>
        <InputNumber id="draw-inspector-count" min={1} max={50} />
      </Form.Item>
    </FormModal>
  );
}
