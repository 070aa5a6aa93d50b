import { DatePicker, Form, Input, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { Dayjs } from 'dayjs';
import { DocumentUpload } from '../../components/Documents.tsx';
import { requiredRange } from '../../components/formErrors.ts';
import { toDateString } from '../../format.ts';
import { CERTIFICATE_KIND_LABELS, SPECIALTY_OPTIONS } from '../../labels.ts';
import type { PersonCertificateKind, Specialty } from '../../types.ts';
import type { NewCertificate } from './api.ts';

export interface CertificateValues {
  kind: PersonCertificateKind;
  certificateNumber: string;
  specialty: Specialty;
  validity: [Dayjs, Dayjs];
  documentId?: string;
}

export const toNewCertificate = (c: CertificateValues): NewCertificate => ({
  kind: c.kind,
  certificateNumber: c.certificateNumber.trim(),
  specialty: c.specialty,
  validFrom: toDateString(c.validity[0]),
  validTo: toDateString(c.validity[1]),
  documentId: c.documentId ?? null,
});

/** The server's certificate field → this form's item (validFrom and validTo are one range picker). */
export const CERTIFICATE_FIELD: Record<string, string> = {
  kind: 'kind',
  certificateNumber: 'certificateNumber',
  specialty: 'specialty',
  validFrom: 'validity',
  validTo: 'validity',
  documentId: 'documentId',
};

/** The items of one 上岗证 / 职业资格证书, under `prefix` (a Form.List row) or at the top level. */
export function CertificateFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  const name = (n: string): NamePath => [...prefix, n];
  return (
    <>
      <Form.Item name={name('kind')} label="证书类别" rules={[{ required: true, message: '请选择证书类别' }]}>
        <Select placeholder="请选择" options={(Object.keys(CERTIFICATE_KIND_LABELS) as PersonCertificateKind[]).map((k) => ({ value: k, label: CERTIFICATE_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name={name('specialty')} label="专项" rules={[{ required: true, message: '请选择证书对应的专项' }]}>
        <Select placeholder="证书对应的检测专项" options={SPECIALTY_OPTIONS} />
      </Form.Item>
      <Form.Item name={name('certificateNumber')} label="证书编号" rules={[{ required: true, whitespace: true, message: '请填写证书编号' }, { max: 100, message: '最多 100 个字符' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={name('validity')} label="有效期" required rules={[requiredRange('有效期')]}>
        <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['有效期起', '有效期至']} />
      </Form.Item>
      <Form.Item name={name('documentId')} label="证书扫描件" extra="选填；PDF、JPEG 或 PNG，不超过 20 MB。">
        <DocumentUpload />
      </Form.Item>
    </>
  );
}
