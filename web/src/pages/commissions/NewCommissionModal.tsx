import { Alert, App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { placeFieldError } from '../../hooks/useSubmit.ts';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { SPECIALTY_OPTIONS } from '../../labels.ts';
import type { Commission, Specialty } from '../../types.ts';
import { AgencyPicker } from './AgencyPicker.tsx';
import { createCommission } from './api.ts';

interface FormValues {
  projectId: string;
  agencyId: string;
  specialties: Specialty[];
  contractNumber?: string;
  note?: string;
}

const FIELDS = ['projectId', 'agencyId', 'specialties', 'contractNumber', 'note'];

const REFUSALS: Record<string, string> = {
  AGENCY_NOT_CONNECTED: '该检测机构尚未完成监管平台对接',
  COMMISSION_SPECIALTY_NOT_QUALIFIED: '委托专项超出该检测机构的资质范围',
  COMMISSION_QUALIFICATION_LAPSED: '该检测机构的相应专项资质已过有效期',
  COMMISSION_AGENCY_RESTRICTED: '该检测机构被限制市场准入',
  COMMISSION_AGENCY_DISABLED: '该检测机构已停用',
  COMMISSION_DUPLICATE: '已委托该机构承担相同专项',
};

/** 委托检测机构: the platform refuses unconnected, unqualified or restricted agencies and says exactly why. */
export function NewCommissionModal({ open, projectId, onClose, onCreated }: { open: boolean; projectId?: string; onClose: () => void; onCreated: (c: Commission) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [refusal, setRefusal] = useState<{ title: string; message: string } | null>(null);

  const onFinish = async (v: FormValues) => {
    setRefusal(null);
    try {
      const c = await createCommission({
        projectId: v.projectId,
        agencyId: v.agencyId,
        specialties: v.specialties,
        contractNumber: v.contractNumber?.trim() || null,
        note: v.note?.trim() || null,
      });
      message.success(`已委托「${c.agency.name}」承担检测`);
      onCreated(c);
    } catch (e) {
      // A refusal of the agency is explained in its own alert (the field error, if any, still goes on its item).
      const title = e instanceof ApiError ? REFUSALS[e.code] : undefined;
      if (!title || !(e instanceof ApiError)) throw e;
      setRefusal({ title: `平台拒绝委托：${title}`, message: e.message });
      placeFieldError(form, e, FIELDS);
    }
  };

  return (
    <FormModal<FormValues>
      open={open}
      title="委托检测机构"
      okText="委托"
      form={form}
      name="new-commission"
      fields={FIELDS}
      onSubmit={onFinish}
      onClose={onClose}
      width={640}
      onClosed={() => setRefusal(null)}
      initialValues={{ projectId }}
      onValuesChange={() => setRefusal(null)}
      intro={
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="只能委托已接入监管平台、具备相应专项资质且资质在有效期内、未被限制市场准入的检测机构。"
          />
          {refusal ? <Alert type="error" showIcon title={refusal.title} description={refusal.message} style={{ marginBottom: 16 }} className="commission-refusal" /> : null}
        </>
      }
    >
      <Form.Item name="projectId" label="工程项目" rules={[{ required: true, message: '请选择工程项目' }]} extra="本单位作为建设单位的项目。">
        <ProjectSelect />
      </Form.Item>
      <Form.Item name="agencyId" label="检测机构" rules={[{ required: true, message: '请选择检测机构' }]}>
        <AgencyPicker />
      </Form.Item>
      <Form.Item name="specialties" label="委托专项" rules={[{ required: true, message: '请至少选择一个专项' }]}>
        <Select mode="multiple" placeholder="选择委托检测的专项" options={SPECIALTY_OPTIONS} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="contractNumber" label="委托合同编号" rules={[{ max: 100, message: '最多 100 个字符' }]}>
        <Input maxLength={100} placeholder="选填" />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[{ max: 500, message: '最多 500 个字符' }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}
