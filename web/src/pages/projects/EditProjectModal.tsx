import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api.ts';
import { showFieldError } from '../../components/formErrors.ts';
import { useRetained } from '../../hooks/useRetained.ts';
import type { Project } from '../../types.ts';
import { updateProject } from './api.ts';
import { ParticipantSelect } from './ParticipantSelect.tsx';

interface FormValues {
  name: string;
  permitNumber: string;
  address: string;
  supervisionUnitId?: string | null;
  contractorId?: string | null;
}

/** The construction unit's edit: name, permit, address and the appointed supervision unit and contractor. */
export function EditProjectModal({ project, onClose, onSaved }: { project: Project | null; onClose: () => void; onSaved: (p: Project) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRetained(project);

  const onFinish = async (v: FormValues) => {
    if (!project) return;
    setSaving(true);
    setError(null);
    try {
      const p = await updateProject(project.id, {
        rowVersion: project.rowVersion,
        name: v.name.trim(),
        permitNumber: v.permitNumber.trim(),
        address: v.address.trim(),
        supervisionUnitId: v.supervisionUnitId ?? null,
        contractorId: v.contractorId ?? null,
      });
      message.success('已保存项目信息');
      onSaved(p);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'EDIT_CONFLICT') setError(e.message);
      else if (!showFieldError(form, e, ['name', 'permitNumber', 'address', 'supervisionUnitId', 'contractorId'])) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={project !== null}
      title="修改项目信息"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
      afterOpenChange={(o) => !o && setError(null)}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {shown ? (
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          preserve={false}
          disabled={saving}
          name="edit-project"
          initialValues={{ name: shown.name, permitNumber: shown.permitNumber, address: shown.address, supervisionUnitId: shown.supervisionUnit?.id ?? null, contractorId: shown.contractor?.id ?? null }}
        >
          <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, { min: 2, message: '至少 2 个字符' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="permitNumber" label="施工许可证号" rules={[{ required: true, whitespace: true, message: '请填写施工许可证号' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="address" label="项目地址" rules={[{ required: true, whitespace: true, message: '请填写项目地址' }, { min: 2, message: '至少 2 个字符' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="supervisionUnitId" label="监理单位">
            <ParticipantSelect type="supervision_unit" initial={shown.supervisionUnit} />
          </Form.Item>
          <Form.Item name="contractorId" label="施工单位">
            <ParticipantSelect type="contractor" initial={shown.contractor} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
