import { App, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { ApiError, errorMessage } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { TIME_ZONE, toBeijingInstant } from '../../format.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import type { CatalogueField } from '../../types.ts';
import { addRecord, newIdempotencyKey, type BatchDetail, type RawRecord } from './api.ts';
import { useBatchCatalogue } from './useBatchCatalogue.ts';

interface FormValues {
  itemCode: string;
  componentId: string;
  equipmentId: string;
  testerPersonId: string;
  capturedAt: Dayjs;
  values: Record<string, unknown>;
  reason?: string;
}

const FIELD_MAP = {
  itemCode: 'itemCode',
  componentId: 'componentId',
  equipmentId: 'equipmentId',
  testerPersonId: 'testerPersonId',
  capturedAt: 'capturedAt',
  'correctionOf.reason': 'reason',
};

/** The control for one catalogue field; Form.Item's value, onChange and id pass through to it. */
function ValueInput({ f, ...control }: { f: CatalogueField; id?: string; value?: never; onChange?: (v: unknown) => void }) {
  if (f.type === 'enum') return <Select {...control} options={f.options ?? []} />;
  if (f.type === 'string') return <Input {...control} maxLength={f.maxLength} />;
  return <InputNumber {...control} min={f.min} max={f.max} precision={f.type === 'integer' ? 0 : undefined} style={{ width: 220 }} />;
}

/** A record key the platform has not seen in this batch: M-<Beijing time>-<random>. */
const manualKey = () => `M-${dayjs().format('YYYYMMDDHHmmss')}-${newIdempotencyKey().slice(0, 4)}`;

/** An instant as the DatePicker's value: its Beijing wall-clock time (the picker's value is read back as Beijing time). */
const beijingWallClock = (iso: string): Dayjs => dayjs(dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm:ss'));

/**
 * The capture time to send: the picker's (whole seconds), or, for a correction whose time was left as it was, the
 * record's own instant — so that leaving it alone cannot move it by the dropped milliseconds (e.g. to before the
 * batch's opening).
 */
function capturedAtOf(picked: Dayjs, correcting: RawRecord | null): string {
  const instant = toBeijingInstant(picked);
  return correcting && instant === toBeijingInstant(beijingWallClock(correcting.capturedAt)) ? correcting.capturedAt : instant;
}

/**
 * 录入记录: a raw record entered by hand, by the catalogue item's fields. Where the equipment collects automatically
 * the server refuses manual entry (严禁人工录入替代自动采集) unless a department allowed it for the item; its message
 * is shown as it comes.
 *
 * 更正 (`correcting` set): the same form prefilled with the record's current version and a required reason; it sends a
 * new version of the same record key (source manual) based on that version. Earlier versions stay as they were.
 */
export function RecordModal({
  batch,
  correcting = null,
  onClose,
  onDone,
}: {
  batch: BatchDetail | null;
  correcting?: RawRecord | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const submit = useSubmit(form, FIELD_MAP);
  const key = useRef<string | null>(null);
  const recordKey = useRef<string | null>(null);
  const shown = useRetained(batch);
  const corrected = useRetained(correcting);
  const items = useBatchCatalogue(shown?.catalogueVersion ?? 0);
  const itemCode = Form.useWatch('itemCode', form);
  const item = items.find((i) => i.code === itemCode);

  const onFinish = async (v: FormValues) => {
    if (!batch) return;
    key.current ??= newIdempotencyKey();
    recordKey.current ??= correcting?.recordKey ?? manualKey();
    const values = Object.fromEntries(Object.entries(v.values ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    try {
      const r = await addRecord(
        batch.id,
        {
          recordKey: recordKey.current,
          itemCode: v.itemCode,
          componentId: v.componentId,
          values,
          capturedAt: capturedAtOf(v.capturedAt, correcting),
          source: 'manual',
          equipmentId: v.equipmentId,
          testerPersonId: v.testerPersonId,
          ...(correcting ? { correctionOf: { version: correcting.version, reason: (v.reason ?? '').trim() } } : {}),
        },
        key.current,
      );
      key.current = null;
      recordKey.current = null;
      message.success(correcting ? `已更正原始记录 ${r.recordKey}（第 ${r.version} 版）` : `已录入原始记录 ${r.recordKey}`);
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 0)) key.current = null;
      // A fault in one of the item's measured values goes on that value's input.
      const valueField = e instanceof ApiError && e.field?.startsWith('body.values.') ? e.field.slice('body.values.'.length) : null;
      if (!(valueField && item?.fields.some((f) => f.key === valueField))) throw e;
      form.setFields([{ name: ['values', valueField], errors: [errorMessage(e)] }]);
    }
  };

  return (
    <FormModal<FormValues>
      open={batch !== null}
      title={corrected ? `更正原始记录 ${corrected.recordKey}（第 ${corrected.version} 版）` : '录入原始记录（人工录入）'}
      okText="提交"
      form={form}
      name="manual-record"
      submit={submit}
      onSubmit={onFinish}
      onClose={onClose}
      width={680}
      errorTitle="平台拒绝了这条记录"
      errorClassName="record-refusal"
      onClosed={() => {
        key.current = null;
        recordKey.current = null;
      }}
      onValuesChange={() => submit.setError(null)}
      initialValues={
        corrected
          ? {
              itemCode: corrected.itemCode,
              equipmentId: corrected.equipmentId,
              componentId: corrected.componentId,
              testerPersonId: corrected.testerPersonId,
              capturedAt: beijingWallClock(corrected.capturedAt),
              values: corrected.values,
            }
          : {
              capturedAt: dayjs(),
              testerPersonId: shown?.testers[0]?.id,
              componentId: shown?.components[0]?.code,
            }
      }
      intro={
        <>
          <Typography.Paragraph type="secondary">
            人工录入的记录标记为“人工录入”。设备具备自动采集功能的，严禁人工录入替代自动采集，须由设备自动上传；确需人工录入的，须经项目所在地住建部门批准。
          </Typography.Paragraph>
          {corrected ? (
            <Typography.Paragraph type="secondary" className="correction-note">
              更正将作为该记录的第 {corrected.version + 1} 版保存（人工录入），原有各版本保留可查，并记录更正理由。
            </Typography.Paragraph>
          ) : null}
        </>
      }
    >
      {corrected ? (
        <Form.Item
          name="reason"
          label="更正理由"
          rules={[
            { required: true, whitespace: true, message: '请填写更正理由' },
            { min: 2, message: '更正理由至少 2 个字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：现场复核发现读数录入错误" />
        </Form.Item>
      ) : null}
      <Form.Item name="itemCode" label="检测项目" rules={[{ required: true, message: '请选择检测项目' }]}>
        <Select
          disabled={corrected !== null}
          options={(shown?.items ?? []).map((i) => ({ value: i.code, label: `${i.name}${i.autoCollected ? '（自动采集项目）' : ''}` }))}
          onChange={() => form.setFieldsValue({ values: {} })}
        />
      </Form.Item>
      <Form.Item name="equipmentId" label="检测设备" rules={[{ required: true, message: '请选择检测设备' }]}>
        <Select options={(shown?.equipment ?? []).map((e) => ({ value: e.id, label: `${e.equipmentType} ${e.model}（${e.serialNumber}）${e.autoCollect ? ' · 自动采集' : ''}` }))} />
      </Form.Item>
      <Form.Item name="componentId" label="构件/部位" rules={[{ required: true, message: '请选择构件' }]}>
        <Select options={(shown?.components ?? []).map((c) => ({ value: c.code, label: `${c.display} ${[c.building, c.floor, c.position, c.componentType].filter(Boolean).join(' ')}` }))} />
      </Form.Item>
      <Form.Item name="testerPersonId" label="检测人员" rules={[{ required: true, message: '请选择检测人员' }]}>
        <Select options={(shown?.testers ?? []).map((t) => ({ value: t.id, label: t.name }))} />
      </Form.Item>
      <Form.Item name="capturedAt" label="采集时间（北京时间）" rules={[{ required: true, message: '请填写采集时间' }]}>
        <DatePicker showTime format="YYYY-MM-DD HH:mm:ss" style={{ width: 240 }} />
      </Form.Item>
      {(item?.fields ?? []).map((f) => (
        <Form.Item key={f.key} name={['values', f.key]} label={f.unit && f.unit !== '—' ? `${f.label}（${f.unit}）` : f.label} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
          <ValueInput f={f} />
        </Form.Item>
      ))}
    </FormModal>
  );
}
