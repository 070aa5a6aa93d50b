import { App, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { RECTIFICATION_DEFAULT_DAYS, RECTIFICATION_MAX_DAYS, RECTIFICATION_MIN_DAYS, INTERVIEW_DUE_DAYS } from '../../../../src/kernel/policy.ts';
import { DocumentUpload } from '../../components/Documents.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { toBeijingInstant } from '../../format.ts';
import { confirmCase, decidePenalty, decideRectification, dismissCase, recordInterview, submitReport, type EnforcementCase } from './api.ts';

export type CaseAction = 'confirm' | 'dismiss' | 'interview' | 'report' | 'rectification' | 'penalty';

const TITLES: Record<CaseAction, string> = {
  confirm: '确认平台建议',
  dismiss: '不予处置',
  interview: '登记约谈情况',
  report: '提交整改报告',
  rectification: '审核整改',
  penalty: '登记行政处罚决定',
};

interface Values {
  dueDays?: number;
  note?: string;
  reason?: string;
  heldAt?: Dayjs;
  attendees?: string;
  minutes?: string;
  intent?: 'unintentional' | 'intentional' | 'undetermined';
  text?: string;
  documentId?: string;
  decision?: 'accepted' | 'rejected';
  decisionNumber?: string;
  content?: string;
  dishonest?: boolean;
}

const FIELDS = ['dueDays', 'note', 'reason', 'heldAt', 'attendees', 'minutes', 'intent', 'text', 'documentIds', 'decision', 'decisionNumber', 'content', 'dishonest'];

/** One modal for every step of a case; the fields follow the step. The server decides what is allowed. */
export function CaseActionModal({ target, onClose, onDone }: { target: { c: EnforcementCase; action: CaseAction } | null; onClose: () => void; onDone: (c: EnforcementCase) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = target?.action;
  const c = target?.c;

  const onFinish = async (v: Values) => {
    if (!c || !action) return;
    const intent = v.intent === 'undetermined' ? null : v.intent;
    let r: EnforcementCase;
    if (action === 'confirm') r = await confirmCase(c.id, { dueDays: c.rung === 'rectification' ? v.dueDays : undefined, note: v.note?.trim() || null });
    else if (action === 'dismiss') r = await dismissCase(c.id, v.reason!.trim());
    else if (action === 'interview') r = await recordInterview(c.id, { heldAt: toBeijingInstant(v.heldAt!), attendees: v.attendees!.trim(), minutes: v.minutes!.trim(), intent });
    else if (action === 'report') r = await submitReport(c.id, { text: v.text!.trim(), documentIds: v.documentId ? [v.documentId] : [] });
    else if (action === 'rectification') r = await decideRectification(c.id, { decision: v.decision!, note: v.note!.trim(), intent });
    else r = await decidePenalty(c.id, { decisionNumber: v.decisionNumber!.trim(), content: v.content!.trim(), dishonest: v.dishonest === true });
    message.success(`${TITLES[action]}：已保存`);
    onDone(r);
  };

  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <FormModal
      open={target !== null}
      title={action ? TITLES[action] : ''}
      danger={action === 'dismiss'}
      form={form}
      name="case-action"
      fields={FIELDS}
      onSubmit={onFinish}
      onClose={onClose}
      initialValues={{ dueDays: RECTIFICATION_DEFAULT_DAYS, heldAt: dayjs(), intent: 'undetermined', decision: 'accepted', dishonest: false }}
      intro={
        c ? (
          <Typography.Paragraph>
            <Typography.Text strong>{c.organisation.name}</Typography.Text> · {c.year} 年度 · {c.rungLabel}（{c.reasonLabels.join('；')}）
          </Typography.Paragraph>
        ) : null
      }
    >
      {action === 'confirm' && c?.rung === 'rectification' ? (
        <Form.Item name="dueDays" label="整改期限（天）" rules={[{ required: true, message: '请填写整改期限' }]}>
          <InputNumber min={RECTIFICATION_MIN_DAYS} max={RECTIFICATION_MAX_DAYS} style={{ width: 160 }} />
        </Form.Item>
      ) : null}
      {action === 'confirm' && c?.rung === 'interview' ? <Typography.Paragraph type="secondary">确认后应在 {INTERVIEW_DUE_DAYS} 日内完成约谈。</Typography.Paragraph> : null}
      {action === 'confirm' ? (
        <Form.Item name="note" label="意见（可选）">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ) : null}
      {action === 'dismiss' ? (
        <Form.Item name="reason" label="不予处置的理由" rules={[...required('请填写理由'), { min: 2, message: '至少 2 个字符' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      ) : null}
      {action === 'interview' ? (
        <>
          <Form.Item name="heldAt" label="约谈时间" rules={[{ required: true, message: '请选择约谈时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="attendees" label="参加人员" rules={required('请填写参加约谈的人员')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="minutes" label="约谈纪要" rules={required('请填写约谈纪要')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        </>
      ) : null}
      {action === 'interview' || action === 'rectification' ? (
        <Form.Item name="intent" label="对尚未认定的违规，是否故意" extra="试行期（至2026年6月30日）非故意迟传、漏传，按期完成约谈整改的，不纳入信用记录。">
          <Radio.Group
            options={[
              { value: 'undetermined', label: '暂不认定' },
              { value: 'unintentional', label: '非故意' },
              { value: 'intentional', label: '故意' },
            ]}
          />
        </Form.Item>
      ) : null}
      {action === 'report' ? (
        <>
          <Form.Item name="text" label="整改情况" rules={required('请填写整改情况')}>
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="documentId" label="整改报告附件（可选，PDF/JPEG/PNG）">
            <DocumentUpload />
          </Form.Item>
        </>
      ) : null}
      {action === 'rectification' ? (
        <>
          <Form.Item name="decision" label="审核结论" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'accepted', label: '整改合格' },
                { value: 'rejected', label: '整改不合格（将建议行政处罚）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label="审核意见" rules={required('请填写审核意见')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      ) : null}
      {action === 'penalty' ? (
        <>
          <Form.Item name="decisionNumber" label="处罚决定书文号" rules={required('请填写处罚决定书文号')}>
            <Input maxLength={100} placeholder="如：南住建罚〔2026〕12号" />
          </Form.Item>
          <Form.Item name="content" label="处罚内容" rules={required('请填写处罚内容')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="dishonest" valuePropName="checked" extra="认定失信的，信用等级降为D级并限制市场准入12个月；严重违规限制6个月。">
            <Checkbox>认定失信</Checkbox>
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}
