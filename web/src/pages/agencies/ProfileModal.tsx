import { Alert, App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { requiredRange } from '../../components/formErrors.ts';
import { FormProblem } from '../../hooks/useSubmit.ts';
import { toDateString } from '../../format.ts';
import { ORIGIN_LABELS } from '../../labels.ts';
import type { AgencyOrigin, AgencyProfile } from '../../types.ts';
import { putProfile } from './api.ts';

interface FormValues {
  origin: AgencyOrigin;
  filingNumber?: string;
  filingDate?: Dayjs;
  filingValidity?: [Dayjs, Dayjs];
}

const FIELD_MAP = {
  origin: 'origin',
  filing: 'filingNumber',
  'filing.number': 'filingNumber',
  'filing.date': 'filingDate',
  'filing.validFrom': 'filingValidity',
  'filing.validTo': 'filingValidity',
};

/** 机构来源与入吉备案: saved with the version the editor read (a stale edit is refused, not merged). */
export function ProfileModal({ profile, onClose, onSaved }: { profile: AgencyProfile | null; onClose: () => void; onSaved: (p: AgencyProfile) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const origin = Form.useWatch('origin', form);

  const onFinish = async (v: FormValues) => {
    if (!profile) return;
    try {
      const saved = await putProfile(profile.agencyId, {
        rowVersion: profile.rowVersion,
        origin: v.origin,
        filing:
          v.origin === 'out_of_province' && v.filingDate && v.filingValidity
            ? { number: (v.filingNumber ?? '').trim(), date: toDateString(v.filingDate), validFrom: toDateString(v.filingValidity[0]), validTo: toDateString(v.filingValidity[1]) }
            : null,
      });
      message.success('已保存机构来源与入吉备案');
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'EDIT_CONFLICT') throw new FormProblem(`${e.message}（关闭本窗口后页面将显示最新内容）`);
      throw e;
    }
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
      onClose={onClose}
      width={600}
      initialValues={{
        origin: profile?.origin ?? undefined,
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
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="外省检测机构须持有有效的入吉备案，方可在本省开展检测业务；备案到期后平台自动判定为未接入。" />
          <Form.Item name="filingNumber" label="入吉备案编号" rules={[{ required: true, whitespace: true, message: '请填写入吉备案编号' }, { max: 100, message: '最多 100 个字符' }]}>
            <Input placeholder="例如 吉建质备〔2026〕第 001 号" maxLength={100} />
          </Form.Item>
          <Form.Item name="filingDate" label="备案日期" rules={[{ required: true, message: '请选择备案日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="filingValidity" label="备案有效期" required rules={[requiredRange('备案有效期')]} extra="起止日期均含当日（北京时间）。">
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}
