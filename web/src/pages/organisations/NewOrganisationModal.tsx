import { App, Form, Input, Select } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { ORGANISATION_TYPE_LABELS } from '../../labels.ts';
import { ORGANISATION_TYPES, type Organisation, type OrganisationType } from '../../types.ts';
import { createOrganisation } from './api.ts';

interface FormValues {
  name: string;
  type: OrganisationType;
  uscc?: string;
  regionCode: string;
  contactName?: string;
  contactPhone?: string;
}

const FIELDS = ['name', 'type', 'uscc', 'regionCode', 'contactName', 'contactPhone'] as const;

const blankToNull = (s: string | undefined): string | null => (s && s.trim() ? s.trim() : null);

export function NewOrganisationModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (o: Organisation) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const type = Form.useWatch('type', form);

  const onFinish = async (v: FormValues) => {
    const org = await createOrganisation({
      name: v.name.trim(),
      type: v.type,
      uscc: blankToNull(v.uscc)?.toUpperCase() ?? null,
      regionCode: v.regionCode,
      contactName: blankToNull(v.contactName),
      contactPhone: blankToNull(v.contactPhone),
    });
    message.success(`已新建机构「${org.name}」`);
    onCreated(org);
  };

  return (
    <FormModal<FormValues> open={open} title="新建机构" form={form} name="new-organisation" fields={FIELDS} onSubmit={onFinish} onClose={onClose} width={600}>
        <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请填写机构名称' }, { min: 2, message: '机构名称至少 2 个字符' }, { max: 200, message: '机构名称最多 200 个字符' }]}>
          <Input placeholder="与营业执照或批准文件一致的全称" maxLength={200} />
        </Form.Item>
        <Form.Item name="type" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
          <Select placeholder="请选择" options={ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label="统一社会信用代码"
          extra={type === 'department' ? '住建部门可暂不填写。' : '18 位，字母须为大写；平台将核验校验位。'}
          rules={[{ required: type !== undefined && type !== 'department', whitespace: true, message: '请填写统一社会信用代码' }]}
          normalize={(v: string | undefined) => v?.toUpperCase()}
        >
          <Input placeholder="例如 91220000XXXXXXXXXX" maxLength={30} />
        </Form.Item>
        <Form.Item name="regionCode" label="所在地区" rules={[{ required: true, message: '请选择所在地区' }]} extra="住建部门须选择设有本级住建部门的行政区划。">
          <RegionTreeSelect placeholder="选择机构所在的行政区划" />
        </Form.Item>
        <Form.Item name="contactName" label="联系人" rules={[{ max: 50, message: '联系人最多 50 个字符' }]}>
          <Input placeholder="选填" maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话" rules={[{ max: 30, message: '联系电话最多 30 个字符' }]}>
          <Input placeholder="选填，手机号或固定电话（如 0431-88561234）" maxLength={30} />
        </Form.Item>
    </FormModal>
  );
}
