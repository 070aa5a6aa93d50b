import { App, Form, Input, Radio, Select } from 'antd';
import { VIOLATION_TYPE_LABELS } from '../../../../src/modules/violations/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { findingToViolation, type Finding } from './api.ts';

interface FindingValues {
  outcome: 'compliant' | 'problem';
  note: string;
}

/** 记录检查发现 for one drawn item or worklist batch (shared by 随机抽查 and 专项检查). */
export function FindingModal({ title, open, onClose, onSubmit }: { title: string; open: boolean; onClose: () => void; onSubmit: (v: FindingValues) => Promise<void> }) {
  const [form] = Form.useForm<FindingValues>();
  return (
    <FormModal<FindingValues>
      open={open}
      title={title}
      form={form}
      onSubmit={(v) => onSubmit({ outcome: v.outcome, note: v.note.trim() })}
      onClose={onClose}
      initialValues={{ outcome: 'compliant' }}
    >
      <Form.Item name="outcome" label="检查结论" rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'compliant', label: '未发现问题' }, { value: 'problem', label: '发现问题' }]} />
      </Form.Item>
      <Form.Item name="note" label="检查情况" rules={[{ required: true, min: 2, message: '请填写检查情况（至少 2 个字）' }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

type ViolationValues = { type: string; intentional: 'yes' | 'no' | 'unknown' };

/** 认定为违规: a problem finding becomes a violation of the ledger (source: 监管人员认定). */
export function ViolationModal({ finding, onClose, onDone }: { finding: Finding | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ViolationValues>();
  const onFinish = async (v: ViolationValues) => {
    if (!finding) return;
    await findingToViolation(finding.id, { type: v.type, intentional: v.intentional === 'unknown' ? null : v.intentional === 'yes' });
    message.success('已记入违规台账');
    onDone();
  };
  return (
    <FormModal<ViolationValues> open={finding !== null} title="认定为违规" okText="记入违规台账" form={form} onSubmit={onFinish} onClose={onClose} initialValues={{ intentional: 'unknown' }}>
      <Form.Item label="检查情况">{finding?.note}</Form.Item>
      <Form.Item name="type" label="违规类型" rules={[{ required: true, message: '请选择违规类型' }]}>
        <Select id="violation-type" options={Object.entries(VIOLATION_TYPE_LABELS).map(([value, label]) => ({ value, label }))} placeholder="选择违规类型" />
      </Form.Item>
      <Form.Item name="intentional" label="是否故意">
        <Radio.Group options={[{ value: 'unknown', label: '尚未认定' }, { value: 'no', label: '非故意' }, { value: 'yes', label: '故意' }]} />
      </Form.Item>
    </FormModal>
  );
}
