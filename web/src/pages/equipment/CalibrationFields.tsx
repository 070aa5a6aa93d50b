import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { DocumentUpload } from '../../components/Documents.tsx';
import { requiredRange } from '../../components/formErrors.ts';
import { toDateString } from '../../format.ts';
import { CALIBRATION_KIND_LABELS } from '../../labels.ts';
import type { CalibrationKind } from '../../types.ts';
import type { NewCalibration } from './api.ts';

export interface CalibrationValues {
  certificateNumber: string;
  kind: CalibrationKind;
  issuingBody: string;
  validity: [Dayjs, Dayjs];
  documentId: string;
}

export const toNewCalibration = (c: CalibrationValues): NewCalibration => ({
  certificateNumber: c.certificateNumber.trim(),
  kind: c.kind,
  issuingBody: c.issuingBody.trim(),
  validFrom: toDateString(c.validity[0]),
  validTo: toDateString(c.validity[1]),
  documentId: c.documentId,
});

/** Server field → form item, under `prefix` (e.g. `calibration.` in the new-equipment form). */
export const calibrationFieldMap = (serverPrefix: string, item: (n: string) => string | string[]): Record<string, string | string[]> => ({
  [`${serverPrefix}certificateNumber`]: item('certificateNumber'),
  [`${serverPrefix}kind`]: item('kind'),
  [`${serverPrefix}issuingBody`]: item('issuingBody'),
  [`${serverPrefix}validFrom`]: item('validity'),
  [`${serverPrefix}validTo`]: item('validity'),
  [`${serverPrefix}documentId`]: item('documentId'),
});

export function CalibrationFields({ prefix = [] }: { prefix?: string[] }) {
  const name = (n: string) => [...prefix, n];
  return (
    <>
      <Form.Item name={name('kind')} label="类别" rules={[{ required: true, message: '请选择检定或校准' }]}>
        <Radio.Group options={(Object.keys(CALIBRATION_KIND_LABELS) as CalibrationKind[]).map((k) => ({ value: k, label: CALIBRATION_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name={name('certificateNumber')} label="证书编号" rules={[{ required: true, whitespace: true, message: '请填写检定/校准证书编号' }, { max: 100, message: '最多 100 个字符' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={name('issuingBody')} label="检定/校准机构" rules={[{ required: true, whitespace: true, message: '请填写检定/校准机构' }, { min: 2, message: '至少 2 个字符' }, { max: 200, message: '最多 200 个字符' }]}>
        <Input maxLength={200} placeholder="例如 吉林省计量科学研究院" />
      </Form.Item>
      <Form.Item name={name('validity')} label="有效期" required rules={[requiredRange('有效期')]} extra="到期日之后设备立即不能用于检测；到期前 30 天平台提示。">
        <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['有效期起', '有效期至']} />
      </Form.Item>
      <Form.Item name={name('documentId')} label="证书扫描件" rules={[{ required: true, message: '请上传检定/校准证书扫描件' }]} extra="PDF、JPEG 或 PNG，不超过 20 MB。">
        <DocumentUpload />
      </Form.Item>
    </>
  );
}
