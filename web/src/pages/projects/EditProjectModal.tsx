import { App, Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
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
  const shown = useRetained(project);

  const onFinish = async (v: FormValues) => {
    if (!project) return;
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
  };

  return (
    <FormModal<FormValues>
      open={project !== null}
      title="修改项目信息"
      form={form}
      name="edit-project"
      fields={['name', 'permitNumber', 'address', 'supervisionUnitId', 'contractorId']}
      onSubmit={onFinish}
      onClose={onClose}
      width={640}
      initialValues={shown ? { name: shown.name, permitNumber: shown.permitNumber, address: shown.address, supervisionUnitId: shown.supervisionUnit?.id ?? null, contractorId: shown.contractor?.id ?? null } : undefined}
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
        <ParticipantSelect type="supervision_unit" initial={shown?.supervisionUnit ?? null} />
      </Form.Item>
      <Form.Item name="contractorId" label="施工单位">
        <ParticipantSelect type="contractor" initial={shown?.contractor ?? null} />
      </Form.Item>
    </FormModal>
  );
}
