import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/FormModal.tsx';
import { useRetained } from '../../hooks/useRetained.ts';
import { toDateString, todayBeijing } from '../../format.ts';
import { PERSONNEL_ROLE_OPTIONS } from '../../labels.ts';
import type { PersonCertificate, PersonDetail, PersonnelRole } from '../../types.ts';
import { addCertificate, leavePerson, updatePerson } from './api.ts';
import { CERTIFICATE_FIELD, CertificateFields, toNewCertificate, type CertificateValues } from './CertificateFields.tsx';
import { UserLinkSelect } from './UserLinkSelect.tsx';

/** 登记证书 for a registered person. */
export function CertificateModal({ person, onClose, onSaved }: { person: PersonDetail | null; onClose: () => void; onSaved: (c: PersonCertificate) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateValues>();
  const shown = useRetained(person);

  const onFinish = async (v: CertificateValues) => {
    if (!person) return;
    const c = await addCertificate(person.id, toNewCertificate(v));
    message.success(`已登记证书「${c.certificateNumber}」`);
    onSaved(c);
  };

  return (
    <FormModal<CertificateValues>
      open={person !== null}
      title={`登记岗位证书${shown ? ` · ${shown.name}` : ''}`}
      form={form}
      name="new-certificate"
      fields={CERTIFICATE_FIELD}
      onSubmit={onFinish}
      onClose={onClose}
      initialValues={{ kind: 'post' }}
    >
      <CertificateFields />
    </FormModal>
  );
}

/** 办理离职: from the date on, the person no longer counts for the agency and may register elsewhere. */
export function LeaveModal({ person, onClose, onSaved }: { person: PersonDetail | null; onClose: () => void; onSaved: (p: PersonDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; reason?: string }>();
  const shown = useRetained(person);

  const onFinish = async (v: { date: Dayjs; reason?: string }) => {
    if (!person) return;
    const p = await leavePerson(person.id, { date: toDateString(v.date), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) });
    message.success(`已为「${p.name}」办理离职`);
    onSaved(p);
  };

  return (
    <FormModal<{ date: Dayjs; reason?: string }>
      open={person !== null}
      title="办理离职"
      okText="确认离职"
      danger
      form={form}
      name="leave"
      fields={['date', 'reason']}
      onSubmit={onFinish}
      onClose={onClose}
      initialValues={{ date: dayjs(todayBeijing()) }}
      intro={
        shown ? (
          <Typography.Paragraph>
            为 <Typography.Text strong>{shown.name}</Typography.Text>（{shown.residentIdMasked}）办理离职。离职后该人员不再计入本机构的在职人员，不能再参与本机构的检测；其记录保留。
          </Typography.Paragraph>
        ) : null
      }
    >
      <Form.Item name="date" label="离职日期" rules={[{ required: true, message: '请选择离职日期' }]} extra={shown ? `不早于入职日期 ${shown.joinedOn}，不晚于今天。` : undefined}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayBeijing()} />
      </Form.Item>
      <Form.Item name="reason" label="离职原因" rules={[{ max: 500, message: '最多 500 个字符' }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}

interface EditValues {
  name: string;
  roles: PersonnelRole[];
  userId?: string | null;
}

/** 修改人员信息: name, 岗位 and the linked account, with the version read (a stale edit is refused). */
export function EditPersonModal({ person, onClose, onSaved }: { person: PersonDetail | null; onClose: () => void; onSaved: (p: PersonDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const shown = useRetained(person);

  const onFinish = async (v: EditValues) => {
    if (!person) return;
    const p = await updatePerson(person.id, { rowVersion: person.rowVersion, name: v.name.trim(), roles: v.roles, userId: v.userId ?? null });
    message.success(`已修改「${p.name}」的信息`);
    onSaved(p);
  };

  return (
    <FormModal<EditValues>
      open={person !== null}
      title="修改人员信息"
      form={form}
      name="edit-person"
      fields={['name', 'roles', 'userId']}
      onSubmit={onFinish}
      onClose={onClose}
      initialValues={shown ? { name: shown.name, roles: shown.roles, userId: shown.userId } : undefined}
    >
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '最多 50 个字符' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="roles" label="岗位" rules={[{ required: true, message: '请至少选择一个岗位' }]}>
        <Select mode="multiple" options={PERSONNEL_ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item name="userId" label="关联平台账号">
        <UserLinkSelect organisationId={shown?.agencyId ?? null} />
      </Form.Item>
    </FormModal>
  );
}
