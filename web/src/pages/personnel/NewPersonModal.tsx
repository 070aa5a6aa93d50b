import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { showMappedFieldError } from '../../components/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { FormProblem } from '../../hooks/useSubmit.ts';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { toDateString } from '../../format.ts';
import { PERSONNEL_ROLE_OPTIONS } from '../../labels.ts';
import { ownAgencyId } from '../../nav.tsx';
import type { PersonDetail, PersonnelRole } from '../../types.ts';
import { createPerson } from './api.ts';
import { CERTIFICATE_FIELD, CertificateFields, toNewCertificate, type CertificateValues } from './CertificateFields.tsx';
import { RESIDENT_ID_HINT, residentIdRule } from './residentId.ts';
import { UserLinkSelect } from './UserLinkSelect.tsx';

interface FormValues {
  agencyId?: string;
  name: string;
  residentId: string;
  roles: PersonnelRole[];
  userId?: string | null;
  joinedOn?: Dayjs;
  certificates?: CertificateValues[];
}

const FIELD_MAP = { agencyId: 'agencyId', name: 'name', residentId: 'residentId', roles: 'roles', userId: 'userId', joinedOn: 'joinedOn' };

export function NewPersonModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (p: PersonDetail) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const own = ownAgencyId(me);
  const pickedAgency = Form.useWatch('agencyId', form);
  const agencyId = own ?? pickedAgency ?? null;

  /** `certificates.1.validTo` → the row's range picker; anything else by the map. */
  const showError = (e: unknown): boolean => {
    if (e instanceof ApiError && e.field) {
      const m = /^body\.certificates\.(\d+)\.(\w+)/.exec(e.field);
      const item = m ? CERTIFICATE_FIELD[m[2]!] : undefined;
      if (m && item) {
        const name = ['certificates', Number(m[1]), item];
        form.setFields([{ name: name as never, errors: [e.message] }]);
        form.scrollToField(name as never, { block: 'center' });
        return true;
      }
    }
    return showMappedFieldError(form, e, FIELD_MAP);
  };

  const onFinish = async (v: FormValues) => {
    try {
      const p = await createPerson({
        ...(own ? {} : { agencyId: v.agencyId ?? null }),
        name: v.name.trim(),
        residentId: v.residentId.trim().toUpperCase(),
        roles: v.roles,
        userId: v.userId ?? null,
        ...(v.joinedOn ? { joinedOn: toDateString(v.joinedOn) } : {}),
        certificates: (v.certificates ?? []).map(toNewCertificate),
      });
      message.success(`已注册检测人员「${p.name}」`);
      onCreated(p);
    } catch (e) {
      // Registered and active at another agency (部令57号): said under the ID number and above the form.
      if (!(e instanceof ApiError && e.code === 'PERSON_ACTIVE_ELSEWHERE')) throw e;
      showError(e);
      throw new FormProblem(e.message);
    }
  };

  return (
    <FormModal
      open={open}
      title="注册检测人员"
      form={form}
      name="new-person"
      fields={showError}
      errorClassName="form-error"
      onSubmit={onFinish}
      onClose={onClose}
      width={680}
    >
      {own ? null : (
        <Form.Item name="agencyId" label="检测机构" rules={[{ required: true, message: '请选择检测机构' }]}>
          <OrganisationSelect type="agency" activeOnly placeholder="输入名称搜索检测机构" />
        </Form.Item>
      )}
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '最多 50 个字符' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="residentId"
        label="身份证号"
        extra={RESIDENT_ID_HINT}
        validateDebounce={400}
        rules={[{ required: true, whitespace: true, message: '请填写身份证号' }, residentIdRule]}
        normalize={(v: string | undefined) => v?.toUpperCase()}
      >
        <Input maxLength={18} placeholder="例如 22010219900817123X" autoComplete="off" className="mono" />
      </Form.Item>
      <Form.Item name="roles" label="岗位" rules={[{ required: true, message: '请至少选择一个岗位' }]}>
        <Select mode="multiple" placeholder="检测人员、复核人员、报告签发人…" options={PERSONNEL_ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item name="userId" label="关联平台账号" extra="该人员登录平台所用的账号（本机构账号）；可稍后关联。">
        <UserLinkSelect organisationId={agencyId} />
      </Form.Item>
      <Form.Item name="joinedOn" label="入职日期" extra="不填为今天。">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.List name="certificates">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={`岗位证书 ${i + 1}`}
                style={{ marginBottom: 12 }}
                extra={<Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除该证书" />}
              >
                <CertificateFields prefix={[f.name]} />
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'post' })}>
              添加岗位证书（可稍后登记）
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
