import { App, Form, Typography } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { ReasonItem } from '../../components/ReasonItem.tsx';
import { useRetained } from '../../hooks/useRetained.ts';
import { revokeReport, supersedeReport, type Report } from './api.ts';

export type ReasonAction = 'revoke' | 'supersede';

const TEXT: Record<ReasonAction, { title: string; ok: string; label: string; done: string; explain: (r: Report) => string }> = {
  revoke: {
    title: '撤销检测报告',
    ok: '撤销报告',
    label: '撤销原因',
    done: '已撤销报告',
    explain: (r) => `撤销后，报告 ${r.reportNumber} 的公开核验页将显示“已撤销”。撤销不可恢复。`,
  },
  supersede: {
    title: '出具更正报告',
    ok: '出具更正报告',
    label: '更正原因',
    done: '已出具更正报告',
    explain: (r) => `将按批次当前数据出具新编号的更正报告，替代报告 ${r.reportNumber}；原报告的公开核验页将显示“已被更正报告替代”。`,
  },
};

/** Revoke a report, or replace it with a corrected one: both need a reason and are audited. */
export function ReasonModal({ report, action, onClose, onDone }: { report: Report | null; action: ReasonAction; onClose: () => void; onDone: (r: Report) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const shown = useRetained(report);
  const t = TEXT[action];

  const onFinish = async (v: { reason: string }) => {
    if (!report) return;
    const r = action === 'revoke' ? await revokeReport(report.id, v.reason.trim()) : await supersedeReport(report.id, v.reason.trim());
    message.success(action === 'supersede' ? `${t.done} ${r.reportNumber}` : t.done);
    onDone(r);
  };

  return (
    <FormModal<{ reason: string }>
      open={report !== null}
      title={t.title}
      okText={t.ok}
      danger={action === 'revoke'}
      form={form}
      name={`report-${action}`}
      fields={['reason']}
      onSubmit={onFinish}
      onClose={onClose}
      intro={shown ? <Typography.Paragraph>{t.explain(shown)}</Typography.Paragraph> : null}
    >
      <ReasonItem label={t.label} />
    </FormModal>
  );
}
