import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Select, Spin, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { showFieldError } from '../../components/formErrors.ts';
import { formatDateTime, toBeijingInstant } from '../../format.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import { attestBatch, completeBatch, grantManualEntry, listAllImages, listRecords, reviewBatch, sealBatch, type BatchDetail, type SealManifest } from './api.ts';

interface Props {
  batch: BatchDetail | null;
  onClose: () => void;
}

/** One small dialog with a form: the server's refusal goes on its field or above the form. */
function useSubmit<T>(form: FormInstance<T>, fields: string[]) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      if (!showFieldError(form, e, fields)) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, run };
}

const ErrorAlert = ({ error }: { error: string | null }) =>
  error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} className="action-error" /> : null;

/** 申报完成: the completion of on-site testing, T; the upload deadline becomes T + 2 h. */
export function CompleteModal({ batch, onClose, onDone }: Props & { onDone: (b: BatchDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ completedAt: Dayjs }>();
  const { saving, error, setError, run } = useSubmit(form, ['completedAt']);
  const shown = useRetained(batch);
  return (
    <Modal
      open={batch !== null}
      title="申报现场检测完成"
      okText="申报完成"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(o) => !o && setError(null)}
    >
      <Typography.Paragraph>
        申报批次 {shown?.batchNumber} 的现场检测完成时间。<Typography.Text strong>全部原始记录和过程影像须在完成后 2 小时内上传并封存</Typography.Text>
        ，逾期平台自动锁定报告生成权限。完成时间申报后不能更改。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        name="complete-batch"
        preserve={false}
        disabled={saving}
        initialValues={{ completedAt: dayjs() }}
        onFinish={(v) =>
          run(async () => {
            if (!batch) return;
            const b = await completeBatch(batch.id, toBeijingInstant(v.completedAt));
            message.success(`已申报完成，上传截止 ${formatDateTime(b.deadline.deadline)}`);
            onDone(b);
          })
        }
      >
        <Form.Item name="completedAt" label="现场检测完成时间（北京时间）" rules={[{ required: true, message: '请选择完成时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 240 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 封存: the upload owner declares the batch whole. The manifest lists every record version and image the platform
 * holds now, with their content hashes; the server compares it with what arrived and refuses a manifest that differs.
 */
export function SealModal({ batch, onClose, onDone }: Props & { onDone: (b: BatchDetail) => void }) {
  const { message } = App.useApp();
  const [manifest, setManifest] = useState<SealManifest | null>(null);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRetained(batch);
  const batchId = batch?.id;

  useEffect(() => {
    if (!batchId) return;
    let alive = true;
    setLoading(true);
    setManifest(null);
    Promise.all([listRecords(batchId), listAllImages(batchId)])
      .then(([records, images]) => {
        if (!alive) return;
        setManifest({
          recordCount: records.length,
          imageCount: images.length,
          records: records.map((r) => ({ recordKey: r.recordKey, version: r.version, sha256: r.contentSha256 })),
          images: images.map((i) => ({ sha256: i.sha256 })),
        });
      })
      .catch((e: unknown) => alive && setError(errorMessage(e)))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [batchId]);

  const seal = async () => {
    if (!batch || !manifest) return;
    setSaving(true);
    setError(null);
    try {
      const b = await sealBatch(batch.id, manifest);
      message.success(`批次 ${b.batchNumber} 已封存，等待复核`);
      onDone(b);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={batch !== null}
      title="封存批次"
      okText="确认封存"
      cancelText="取消"
      onOk={() => void seal()}
      okButtonProps={{ disabled: !manifest }}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(o) => !o && setError(null)}
    >
      <Typography.Paragraph>
        作为上传负责人，声明批次 {shown?.batchNumber} 的原始记录和过程影像<Typography.Text strong>已全部上传</Typography.Text>
        。封存后不再接收上传；如需更正，由复核人员退回。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      {loading || !manifest ? (
        <Spin />
      ) : (
        <Descriptions bordered size="small" column={1} className="seal-manifest">
          <Descriptions.Item label="原始记录（含更正版本）">{manifest.recordCount} 条</Descriptions.Item>
          <Descriptions.Item label="过程影像">{manifest.imageCount} 张</Descriptions.Item>
          <Descriptions.Item label="上传截止">{formatDateTime(shown?.deadline.deadline)}</Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}

/** 复核: approve, or return for correction with reasons. A tester of the batch is refused by the server (双人复核). */
export function ReviewModal({ batch, decision, onClose, onDone }: Props & { decision: 'approve' | 'return'; onDone: (b: BatchDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reasons?: string }>();
  const { saving, error, setError, run } = useSubmit(form, ['reasons']);
  const shown = useRetained(batch);
  const back = decision === 'return';
  return (
    <Modal
      open={batch !== null}
      title={back ? '复核退回' : '复核通过'}
      okText={back ? '退回更正' : '复核通过'}
      okButtonProps={back ? { danger: true } : undefined}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(o) => !o && setError(null)}
    >
      <Typography.Paragraph>
        {back
          ? `退回批次 ${shown?.batchNumber ?? ''}：检测机构更正后重新封存，再次复核。请写明需要更正的内容。`
          : `确认批次 ${shown?.batchNumber ?? ''} 的原始记录和过程影像完整、准确。复核人员不能是本批次的检测人员。`}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        name="review-batch"
        preserve={false}
        disabled={saving}
        onFinish={(v) =>
          run(async () => {
            if (!batch) return;
            const b = await reviewBatch(batch.id, decision, v.reasons?.trim() || null);
            message.success(back ? '已退回更正' : '复核通过');
            onDone(b);
          })
        }
      >
        <Form.Item
          name="reasons"
          label={back ? '退回理由' : '复核意见'}
          rules={back ? [{ required: true, whitespace: true, message: '请填写退回理由' }, { min: 2, message: '至少 2 个字符' }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={back ? '' : '选填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 见证确认: the batch's registered witness, in person (他人代见证 is refused). */
export function AttestModal({ batch, onClose, onDone }: Props & { onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ statement: string }>();
  const { saving, error, setError, run } = useSubmit(form, ['statement']);
  const shown = useRetained(batch);
  return (
    <Modal
      open={batch !== null}
      title="见证确认"
      okText="确认见证"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(o) => !o && setError(null)}
    >
      <Typography.Paragraph>
        本人作为登记的见证人员，确认已在现场见证批次 {shown?.batchNumber} 的检测（严禁他人代见证）。见证时间以平台收到确认的时间为准。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        name="attest-batch"
        preserve={false}
        disabled={saving}
        onFinish={(v) =>
          run(async () => {
            if (!batch) return;
            await attestBatch(batch.id, v.statement.trim());
            message.success('已确认见证');
            onDone();
          })
        }
      >
        <Form.Item name="statement" label="见证说明" rules={[{ required: true, whitespace: true, message: '请填写见证说明' }, { min: 2, message: '至少 2 个字符' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：已旁站见证回弹法现场检测，测区布置与检测过程符合规程要求。" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 准许人工录入: a department allows manual entry of one item of the batch (e.g. the instrument's interface failed). */
export function ExceptionModal({ batch, onClose, onDone }: Props & { onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ itemCode: string; reason: string }>();
  const { saving, error, setError, run } = useSubmit(form, ['itemCode', 'reason']);
  const shown = useRetained(batch);
  const granted = new Set(shown?.manualEntryExceptions.map((m) => m.itemCode));
  return (
    <Modal
      open={batch !== null}
      title="准许人工录入（例外）"
      okText="准许"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(o) => !o && setError(null)}
    >
      <Typography.Paragraph>严禁人工录入替代自动采集。确因设备接口故障等原因需要人工录入的，由项目所在地住建部门逐项批准并说明理由。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        name="grant-manual-entry"
        preserve={false}
        disabled={saving}
        onFinish={(v) =>
          run(async () => {
            if (!batch) return;
            await grantManualEntry(batch.id, v.itemCode, v.reason.trim());
            message.success('已准许人工录入');
            onDone();
          })
        }
      >
        <Form.Item name="itemCode" label="检测项目" rules={[{ required: true, message: '请选择检测项目' }]}>
          <Select
            options={(shown?.items ?? []).map((i) => ({
              value: i.code,
              label: `${i.name}${i.autoCollected ? '（自动采集）' : ''}${granted.has(i.code) ? ' · 已准许' : ''}`,
              disabled: granted.has(i.code),
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }, { min: 2, message: '至少 2 个字符' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
