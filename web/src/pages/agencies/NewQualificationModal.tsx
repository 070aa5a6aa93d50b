import { Alert, App, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { DocumentUpload } from '../../components/Documents.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { requiredRange } from '../../components/formErrors.ts';
import { toDateString } from '../../format.ts';
import { GRADE_LABELS, SPECIALTY_OPTIONS } from '../../labels.ts';
import type { Qualification, QualificationGrade, Specialty } from '../../types.ts';
import { createQualification } from './api.ts';

interface FormValues {
  certificateNumber: string;
  grade: QualificationGrade;
  specialties?: Specialty[];
  validity: [Dayjs, Dayjs];
  issuer: string;
  documentId: string;
  replacesId?: string;
}

const FIELD_MAP = {
  certificateNumber: 'certificateNumber',
  grade: 'grade',
  specialties: 'specialties',
  validFrom: 'validity',
  validTo: 'validity',
  issuer: 'issuer',
  documentId: 'documentId',
  replacesId: 'replacesId',
};

interface Props {
  agencyId: string | null;
  /** Verified certificates in force, which a new one may replace (换证 / 变更). */
  replaceable: Qualification[];
  /** Preselected certificate to replace. */
  replacing?: string | null;
  onClose: () => void;
  onCreated: (q: Qualification) => void;
}

export function NewQualificationModal({ agencyId, replaceable, replacing, onClose, onCreated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const grade = Form.useWatch('grade', form);

  const onFinish = async (v: FormValues) => {
    if (!agencyId) return;
    const q = await createQualification(agencyId, {
      certificateNumber: v.certificateNumber.trim(),
      grade: v.grade,
      ...(v.grade === 'specialised' ? { specialties: v.specialties ?? [] } : {}),
      validFrom: toDateString(v.validity[0]),
      validTo: toDateString(v.validity[1]),
      issuer: v.issuer.trim(),
      documentId: v.documentId,
      replacesId: v.replacesId ?? null,
    });
    message.success(`已提交资质证书「${q.certificateNumber}」，待住建部门核验`);
    onCreated(q);
  };

  return (
    <FormModal<FormValues>
      open={agencyId !== null}
      title={replacing ? '换证（提交替换证书）' : '新增资质证书'}
      okText="提交核验"
      form={form}
      name="new-qualification"
      fields={FIELD_MAP}
      onSubmit={onFinish}
      onClose={onClose}
      width={640}
      initialValues={{ grade: 'specialised', replacesId: replacing ?? undefined }}
      intro={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="提交后由机构所在地住建部门核验；核验通过且在有效期内的资质证书才计入监管平台对接条件。" />
      }
    >
      <Form.Item name="certificateNumber" label="证书编号" rules={[{ required: true, whitespace: true, message: '请填写证书编号' }, { max: 100, message: '最多 100 个字符' }]}>
        <Input placeholder="与资质证书一致，例如 吉建检资字第 220010 号" maxLength={100} />
      </Form.Item>
      <Form.Item name="grade" label="资质类别" rules={[{ required: true, message: '请选择资质类别' }]}>
        <Radio.Group options={(Object.keys(GRADE_LABELS) as QualificationGrade[]).map((g) => ({ value: g, label: GRADE_LABELS[g] }))} />
      </Form.Item>
      {grade === 'comprehensive' ? (
        <Form.Item label="检测专项">
          <Input value="综合资质涵盖全部九个专项" disabled />
        </Form.Item>
      ) : (
        <Form.Item name="specialties" label="检测专项" rules={[{ required: true, message: '专项资质须列明所含专项' }]} extra="按资质证书所列专项选择，可多选。">
          <Select mode="multiple" placeholder="选择证书所含专项" options={SPECIALTY_OPTIONS} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      <Form.Item name="validity" label="有效期" required rules={[requiredRange('有效期')]} extra="起止日期均含当日（北京时间）。">
        <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['有效期起', '有效期至']} />
      </Form.Item>
      <Form.Item name="issuer" label="发证机关" rules={[{ required: true, whitespace: true, message: '请填写发证机关' }, { min: 2, message: '发证机关至少 2 个字符' }, { max: 200, message: '最多 200 个字符' }]}>
        <Input placeholder="例如 吉林省住房和城乡建设厅" maxLength={200} />
      </Form.Item>
      <Form.Item name="documentId" label="证书扫描件" rules={[{ required: true, message: '请上传证书扫描件' }]} extra="PDF、JPEG 或 PNG，不超过 20 MB。">
        <DocumentUpload />
      </Form.Item>
      {replaceable.length > 0 ? (
        <Form.Item name="replacesId" label="替换原证书" extra="换证或变更专项时选择被替换的证书；新证书核验通过后原证书自动失效。首次登记不选。">
          <Select
            allowClear
            placeholder="不替换"
            options={replaceable.map((q) => ({ value: q.id, label: `${q.certificateNumber}（${q.validFrom} 至 ${q.validTo}）` }))}
          />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
