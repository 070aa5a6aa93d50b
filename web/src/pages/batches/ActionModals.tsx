import { App, DatePicker, Descriptions, Form, Input, Modal, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { ErrorAlert, FormModal } from '../../components/FormModal.tsx';
import { ReasonItem } from '../../components/ReasonItem.tsx';
import { formatDateTime, toBeijingInstant } from '../../format.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { attestBatch, completeBatch, grantManualEntry, listAllImages, listRecords, reviewBatch, sealBatch, type BatchDetail, type SealManifest } from './api.ts';

interface Props {
  batch: BatchDetail | null;
  onClose: () => void;
}

/** 申报完成: the completion of on-site testing, T; the upload deadline becomes T + 2 h. */
export function CompleteModal({ batch, onClose, onDone }: Props & { onDone: (b: BatchDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ completedAt: Dayjs }>();
  const shown = useRetained(batch);
  const onFinish = async (v: { completedAt: Dayjs }) => {
    if (!batch) return;
    const b = await completeBatch(batch.id, toBeijingInstant(v.completedAt));
    message.success(`已申报完成，上传截止 ${formatDateTime(b.deadline.deadline)}`);
    onDone(b);
  };
  return (
    <FormModal<{ completedAt: Dayjs }>
      open={batch !== null}
      title="申报现场检测完成"
      okText="申报完成"
      form={form}
      name="complete-batch"
      fields={['completedAt']}
      onSubmit={onFinish}
      onClose={onClose}
      errorClassName="action-error"
      initialValues={{ completedAt: dayjs() }}
      intro={
        <Typography.Paragraph>
          申报批次 {shown?.batchNumber} 的现场检测完成时间。<Typography.Text strong>全部原始记录和过程影像须在完成后 2 小时内上传并封存</Typography.Text>
          ，逾期平台自动锁定报告生成权限。完成时间申报后不能更改。
        </Typography.Paragraph>
      }
    >
      <Form.Item name="completedAt" label="现场检测完成时间（北京时间）" rules={[{ required: true, message: '请选择完成时间' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 240 }} />
      </Form.Item>
    </FormModal>
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
  const { saving, error, setError, run } = useSubmit();
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

  const seal = () =>
    run(async () => {
      if (!batch || !manifest) return;
      const b = await sealBatch(batch.id, manifest);
      message.success(`批次 ${b.batchNumber} 已封存，等待复核`);
      onDone(b);
    });

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
      <ErrorAlert error={error} className="action-error" />
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
  const shown = useRetained(batch);
  const back = decision === 'return';
  const onFinish = async (v: { reasons?: string }) => {
    if (!batch) return;
    const b = await reviewBatch(batch.id, decision, v.reasons?.trim() || null);
    message.success(back ? '已退回更正' : '复核通过');
    onDone(b);
  };
  return (
    <FormModal<{ reasons?: string }>
      open={batch !== null}
      title={back ? '复核退回' : '复核通过'}
      okText={back ? '退回更正' : '复核通过'}
      danger={back}
      form={form}
      name="review-batch"
      fields={['reasons']}
      onSubmit={onFinish}
      onClose={onClose}
      errorClassName="action-error"
      intro={
        <Typography.Paragraph>
          {back
            ? `退回批次 ${shown?.batchNumber ?? ''}：检测机构更正后重新封存，再次复核。请写明需要更正的内容。`
            : `确认批次 ${shown?.batchNumber ?? ''} 的原始记录和过程影像完整、准确。复核人员不能是本批次的检测人员。`}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="reasons"
        label={back ? '退回理由' : '复核意见'}
        rules={back ? [{ required: true, whitespace: true, message: '请填写退回理由' }, { min: 2, message: '至少 2 个字符' }] : []}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={back ? '' : '选填'} />
      </Form.Item>
    </FormModal>
  );
}

/** 见证确认: the batch's registered witness, in person (他人代见证 is refused). */
export function AttestModal({ batch, onClose, onDone }: Props & { onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ statement: string }>();
  const shown = useRetained(batch);
  const onFinish = async (v: { statement: string }) => {
    if (!batch) return;
    await attestBatch(batch.id, v.statement.trim());
    message.success('已确认见证');
    onDone();
  };
  return (
    <FormModal<{ statement: string }>
      open={batch !== null}
      title="见证确认"
      okText="确认见证"
      form={form}
      name="attest-batch"
      fields={['statement']}
      onSubmit={onFinish}
      onClose={onClose}
      errorClassName="action-error"
      intro={
        <Typography.Paragraph>
          本人作为登记的见证人员，确认已在现场见证批次 {shown?.batchNumber} 的检测（严禁他人代见证）。见证时间以平台收到确认的时间为准。
        </Typography.Paragraph>
      }
    >
      <ReasonItem name="statement" label="见证说明" max={1000} placeholder="如：已旁站见证回弹法现场检测，测区布置与检测过程符合规程要求。" />
    </FormModal>
  );
}

/** 准许人工录入: a department allows manual entry of one item of the batch (e.g. the instrument's interface failed). */
export function ExceptionModal({ batch, onClose, onDone }: Props & { onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ itemCode: string; reason: string }>();
  const shown = useRetained(batch);
  const granted = new Set(shown?.manualEntryExceptions.map((m) => m.itemCode));
  const onFinish = async (v: { itemCode: string; reason: string }) => {
    if (!batch) return;
    await grantManualEntry(batch.id, v.itemCode, v.reason.trim());
    message.success('已准许人工录入');
    onDone();
  };
  return (
    <FormModal<{ itemCode: string; reason: string }>
      open={batch !== null}
      title="准许人工录入（例外）"
      okText="准许"
      form={form}
      name="grant-manual-entry"
      fields={['itemCode', 'reason']}
      onSubmit={onFinish}
      onClose={onClose}
      errorClassName="action-error"
      intro={<Typography.Paragraph>严禁人工录入替代自动采集。确因设备接口故障等原因需要人工录入的，由项目所在地住建部门逐项批准并说明理由。</Typography.Paragraph>}
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
      <ReasonItem label="理由" />
    </FormModal>
  );
}
