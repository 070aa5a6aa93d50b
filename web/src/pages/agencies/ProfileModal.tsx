import { Alert, App, Checkbox, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { ApiError } from '../../api.ts';
import { DocumentUpload } from '../../components/Documents.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { requiredRange } from '../../components/formErrors.ts';
import { FormProblem } from '../../hooks/useSubmit.ts';
import { toDateString } from '../../format.ts';
import { ORIGIN_LABELS } from '../../labels.ts';
import type { AgencyOrigin, AgencyProfile } from '../../types.ts';
import { createFiling, putProfile } from './api.ts';

interface FormValues {
  origin: AgencyOrigin;
  submitFiling?: boolean;
  filingNumber?: string;
  filingDate?: Dayjs;
  filingValidity?: [Dayjs, Dayjs];
  filingDocumentId?: string;
}

const FIELD_MAP = {
  origin: 'origin',
  number: 'filingNumber',
  date: 'filingDate',
  validFrom: 'filingValidity',
  validTo: 'filingValidity',
  documentId: 'filingDocumentId',
};

/**
 * 机构来源与入吉备案. The origin is saved with the version the editor read (a stale edit is refused, not merged); the
 * 入吉备案 is submitted with its scan as a new version for the department to verify — it never edits the one before.
 */
export function ProfileModal({ profile, onClose, onSaved }: { profile: AgencyProfile | null; onClose: () => void; onSaved: (p: AgencyProfile) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const origin = Form.useWatch('origin', form);
  const submitFiling = Form.useWatch('submitFiling', form);
  // The profile as last saved in this dialog: when the origin saved but the filing was refused, a retry must not
  // save the origin again with the old rowVersion.
  const saved = useRef<AgencyProfile | null>(null);

  const pending = profile?.filing?.status === 'pending' ? profile.filing : null;
  const needsFiling = !profile?.verifiedFiling?.inForce;

  const onFinish = async (v: FormValues) => {
    if (!profile) return;
    let current = saved.current ?? profile;
    try {
      if (current.rowVersion === 0 || current.origin !== v.origin) {
        current = await putProfile(profile.agencyId, { rowVersion: current.rowVersion, origin: v.origin });
        saved.current = current;
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'EDIT_CONFLICT') throw new FormProblem(`${e.message}（关闭本窗口后页面将显示最新内容）`);
      throw e;
    }
    if (v.origin === 'out_of_province' && !pending && v.submitFiling && v.filingDate && v.filingValidity && v.filingDocumentId) {
      const f = await createFiling(profile.agencyId, {
        number: (v.filingNumber ?? '').trim(),
        date: toDateString(v.filingDate),
        validFrom: toDateString(v.filingValidity[0]),
        validTo: toDateString(v.filingValidity[1]),
        documentId: v.filingDocumentId,
      });
      message.success(`已提交入吉备案「${f.number}」，待住建部门核验`);
      current = { ...current, filing: f };
    } else {
      message.success('已保存机构来源');
    }
    saved.current = null;
    onSaved(current);
  };

  const f = profile?.filing;
  return (
    <FormModal<FormValues>
      open={profile !== null}
      title="机构来源与入吉备案"
      form={form}
      name="agency-profile"
      fields={FIELD_MAP}
      onSubmit={onFinish}
      onClose={() => {
        saved.current = null;
        onClose();
      }}
      okText={origin === 'out_of_province' && submitFiling && !pending ? '提交核验' : '保存'}
      width={600}
      initialValues={{
        origin: profile?.origin ?? undefined,
        submitFiling: needsFiling,
        filingNumber: f?.number,
        filingDate: f ? dayjs(f.date) : undefined,
        filingValidity: f ? [dayjs(f.validFrom), dayjs(f.validTo)] : undefined,
      }}
    >
      <Form.Item name="origin" label="机构来源" rules={[{ required: true, message: '请选择机构来源' }]}>
        <Radio.Group
          options={(Object.keys(ORIGIN_LABELS) as AgencyOrigin[]).map((o) => ({ value: o, label: ORIGIN_LABELS[o] }))}
          optionType="button"
          buttonStyle="solid"
        />
      </Form.Item>
      {origin === 'out_of_province' ? (
        pending ? (
          <Alert type="warning" showIcon title={`入吉备案「${pending.number}」待住建部门核验，核验完成前不能再次提交。`} />
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="外省检测机构须持有经住建部门核验的有效入吉备案，方可在本省开展检测业务。提交后由机构所在地住建部门对照扫描件核验；备案变更时提交新的备案，原备案在新备案核验通过前继续有效。"
            />
            <Form.Item name="submitFiling" valuePropName="checked">
              <Checkbox>{profile?.verifiedFiling ? '提交新的入吉备案（变更或续期）' : '提交入吉备案'}</Checkbox>
            </Form.Item>
            {submitFiling ? (
              <>
                <Form.Item name="filingNumber" label="入吉备案编号" rules={[{ required: true, whitespace: true, message: '请填写入吉备案编号' }, { max: 100, message: '最多 100 个字符' }]}>
                  <Input placeholder="例如 吉建质备〔2026〕第 001 号" maxLength={100} />
                </Form.Item>
                <Form.Item name="filingDate" label="备案日期" rules={[{ required: true, message: '请选择备案日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="filingValidity" label="备案有效期" required rules={[requiredRange('备案有效期')]} extra="起止日期均含当日（北京时间）。">
                  <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['有效期起', '有效期至']} />
                </Form.Item>
                <Form.Item name="filingDocumentId" label="备案证明扫描件" rules={[{ required: true, message: '请上传入吉备案证明扫描件' }]} extra="PDF、JPEG 或 PNG，不超过 20 MB。">
                  <DocumentUpload />
                </Form.Item>
              </>
            ) : null}
          </>
        )
      ) : null}
    </FormModal>
  );
}
