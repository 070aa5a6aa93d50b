import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, InputNumber, Select, Space, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatBytes, toBeijingInstant } from '../../format.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import { FormProblem, useSubmit } from '../../hooks/useSubmit.ts';
import { getProjectLocation, listRecords, newIdempotencyKey, uploadImage, type BatchDetail, type RawRecord } from './api.ts';

interface FormValues {
  capturedAt: Dayjs;
  lat: number;
  lng: number;
  testerPersonId: string;
  equipmentId: string;
  componentId: string;
  recordKeys: string[];
}

/** The server names metadata fields as `headers.x-qtrace-metadata.<field>`; these are the form's items. */
const FIELD_MAP = {
  'headers.x-qtrace-metadata.capturedAt': 'capturedAt',
  'headers.x-qtrace-metadata.location.lat': 'lat',
  'headers.x-qtrace-metadata.location.lng': 'lng',
  'headers.x-qtrace-metadata.location': 'lat',
  'headers.x-qtrace-metadata.testerPersonId': 'testerPersonId',
  'headers.x-qtrace-metadata.equipmentId': 'equipmentId',
  'headers.x-qtrace-metadata.componentId': 'componentId',
  'headers.x-qtrace-metadata.recordKeys': 'recordKeys',
};

/**
 * 上传影像: one photo (JPEG, PNG, WebP, HEIC, AVIF) with what the person declares about it — capture time and place,
 * tester, equipment, component and the records it documents. Sent as the streamed upload: the file's bytes as the
 * body, the declaration in X-QTrace-Metadata, and an Idempotency-Key kept for a retry after a lost answer. The
 * platform reads the file's EXIF itself and flags what disagrees; it does not refuse real pictures for that.
 */
export function UploadImageModal({ batch, onClose, onDone }: { batch: BatchDetail | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [file, setFile] = useState<File | null>(null);
  const [records, setRecords] = useState<RawRecord[]>([]);
  const submit = useSubmit(form, FIELD_MAP);
  const key = useRef<string | null>(null);
  const shown = useRetained(batch);
  const batchId = batch?.id;
  const projectId = batch?.project.id;

  useEffect(() => {
    if (!batchId || !projectId) return;
    let alive = true;
    setFile(null);
    key.current = null;
    listRecords(batchId)
      .then((r) => alive && setRecords(r.filter((x) => x.latest)))
      .catch(() => alive && setRecords([]));
    getProjectLocation(projectId)
      .then((p) => alive && form.setFieldsValue({ lat: p.location.lat, lng: p.location.lng }))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [batchId, projectId, form]);

  const onFinish = async (v: FormValues) => {
    if (!batch) return;
    if (!file) throw new FormProblem('请选择要上传的影像文件');
    key.current ??= newIdempotencyKey();
    try {
      const img = await uploadImage(
        batch.id,
        file,
        {
          capturedAt: toBeijingInstant(v.capturedAt),
          location: { lat: v.lat, lng: v.lng },
          testerPersonId: v.testerPersonId,
          equipmentId: v.equipmentId,
          componentId: v.componentId,
          recordKeys: v.recordKeys ?? [],
        },
        key.current,
      );
      key.current = null;
      message.success(img.flags.length > 0 ? `影像已接收；发现 ${img.flags.length} 项需核查的情况` : '影像已接收，正在读取 EXIF 并核查');
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 0)) key.current = null;
      throw e;
    }
  };

  return (
    <FormModal<FormValues>
      open={batch !== null}
      title="上传过程影像"
      okText="上传"
      form={form}
      name="upload-image"
      submit={submit}
      onSubmit={onFinish}
      onClose={onClose}
      width={680}
      errorClassName="upload-error"
      initialValues={{
        capturedAt: dayjs(),
        testerPersonId: shown?.testers[0]?.id,
        equipmentId: shown?.equipment[0]?.id,
        componentId: shown?.components[0]?.code,
        recordKeys: [],
      }}
      intro={
        <Typography.Paragraph type="secondary">
          影像须反映拍摄时间、项目位置、检测人员、检测设备和构件唯一标识，并对应原始记录。平台读取文件自带的 EXIF 与申报信息核对，不一致的标记为异常供住建部门核查。
        </Typography.Paragraph>
      }
    >
      <Form.Item label="影像文件" required>
        <Space>
          <Upload
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              submit.setError(null);
              key.current = null;
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>选择影像</Button>
          </Upload>
          {file ? (
            <span className="chosen-file">
              {file.name}（{formatBytes(file.size)}）
            </span>
          ) : (
            <Typography.Text type="secondary">未选择</Typography.Text>
          )}
        </Space>
      </Form.Item>
      <Form.Item name="capturedAt" label="拍摄时间（北京时间）" rules={[{ required: true, message: '请填写拍摄时间' }]}>
        <DatePicker showTime format="YYYY-MM-DD HH:mm:ss" style={{ width: 240 }} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="lat" label="拍摄位置 纬度" rules={[{ required: true, message: '请填写纬度' }]}>
          <InputNumber min={-90} max={90} step={0.0001} precision={6} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="lng" label="经度" rules={[{ required: true, message: '请填写经度' }]}>
          <InputNumber min={-180} max={180} step={0.0001} precision={6} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Form.Item name="testerPersonId" label="检测人员" rules={[{ required: true, message: '请选择检测人员' }]}>
        <Select options={(shown?.testers ?? []).map((t) => ({ value: t.id, label: t.name }))} />
      </Form.Item>
      <Form.Item name="equipmentId" label="检测设备" rules={[{ required: true, message: '请选择检测设备' }]}>
        <Select options={(shown?.equipment ?? []).map((e) => ({ value: e.id, label: `${e.equipmentType} ${e.model}（${e.serialNumber}）` }))} />
      </Form.Item>
      <Form.Item name="componentId" label="构件/部位" rules={[{ required: true, message: '请选择构件' }]}>
        <Select
          options={(shown?.components ?? []).map((c) => ({ value: c.code, label: `${c.display} ${[c.building, c.floor, c.position, c.componentType].filter(Boolean).join(' ')}` }))}
        />
      </Form.Item>
      <Form.Item name="recordKeys" label="对应的原始记录">
        <Select mode="multiple" placeholder="选择影像对应的原始记录" options={records.map((r) => ({ value: r.recordKey, label: r.recordKey }))} />
      </Form.Item>
    </FormModal>
  );
}
