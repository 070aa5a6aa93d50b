import { Alert, App, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../auth.tsx';
import { DocumentUpload } from '../../components/Documents.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { useRetained } from '../../hooks/useRetained.ts';
import { toBeijingInstant, toDateString, todayBeijing } from '../../format.ts';
import type { Witness } from '../../types.ts';
import { RESIDENT_ID_HINT, residentIdRule } from '../personnel/residentId.ts';
import { UserLinkSelect } from '../personnel/UserLinkSelect.tsx';
import { addAuthorization, createWitness, type RegistrationResult, type WitnessChange } from './api.ts';
import { SupervisedProjectsSelect, WitnessSelect } from './pickers.tsx';

const notFuture = (d: Dayjs) => d.format('YYYY-MM-DD') > todayBeijing();

interface NewValues {
  supervisionUnitId?: string;
  name: string;
  idNumber: string;
  phone: string;
  userId?: string | null;
  documentId: string;
  signedOn: Dayjs;
  projectIds: string[];
  replacesWitnessId?: string | null;
  changedAt?: Dayjs;
}

const NEW_FIELDS = {
  supervisionUnitId: 'supervisionUnitId',
  name: 'name',
  idNumber: 'idNumber',
  phone: 'phone',
  userId: 'userId',
  'authorization.documentId': 'documentId',
  'authorization.signedOn': 'signedOn',
  'authorization.projectIds': 'projectIds',
  'authorization.replacesWitnessId': 'replacesWitnessId',
  'authorization.changedAt': 'changedAt',
  authorization: 'documentId',
};

/** 登记见证人员: after the unit's written authorization (file, date signed, projects covered). */
export function NewWitnessModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: RegistrationResult) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewValues>();
  const admin = me.roles.includes('platform_admin');
  const picked = Form.useWatch('supervisionUnitId', form);
  const replacing = Form.useWatch('replacesWitnessId', form);
  const unitId = admin ? (picked ?? null) : (me.organisation?.id ?? null);

  const onFinish = async (v: NewValues) => {
    const r = await createWitness({
      ...(admin ? { supervisionUnitId: v.supervisionUnitId ?? null } : {}),
      name: v.name.trim(),
      idNumber: v.idNumber.trim().toUpperCase(),
      phone: v.phone.trim(),
      userId: v.userId ?? null,
      authorization: {
        documentId: v.documentId,
        signedOn: toDateString(v.signedOn),
        projectIds: v.projectIds,
        replacesWitnessId: v.replacesWitnessId ?? null,
        changedAt: v.replacesWitnessId && v.changedAt ? toBeijingInstant(v.changedAt) : null,
      },
    });
    message.success(`已登记见证人员「${r.witness.name}」`);
    onCreated(r);
  };

  return (
    <FormModal<NewValues>
      open={open}
      title="登记见证人员"
      okText="登记"
      form={form}
      name="new-witness"
      fields={NEW_FIELDS}
      onSubmit={onFinish}
      onClose={onClose}
      width={680}
      intro={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="见证人员须经建设单位或监理单位书面授权后登记；未登记的人员不得在项目上见证，不得由他人代见证。" />
      }
    >
      {admin ? (
        <Form.Item name="supervisionUnitId" label="监理单位" rules={[{ required: true, message: '请选择监理单位' }]}>
          <OrganisationSelect type="supervision_unit" activeOnly />
        </Form.Item>
      ) : (
        <Form.Item label="监理单位">
          <Input value={me.organisation?.name ?? '—'} disabled />
        </Form.Item>
      )}
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { min: 2, message: '姓名至少 2 个字符' }, { max: 50, message: '最多 50 个字符' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="idNumber" label="身份证号" extra={RESIDENT_ID_HINT} validateDebounce={400} rules={[{ required: true, whitespace: true, message: '请填写身份证号' }, residentIdRule]} normalize={(v: string | undefined) => v?.toUpperCase()}>
        <Input maxLength={18} autoComplete="off" className="mono" />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }, { max: 30, message: '最多 30 个字符' }]}>
        <Input maxLength={30} placeholder="手机号或固定电话" />
      </Form.Item>
      <Form.Item name="userId" label="平台账号" extra="该见证人员登录平台所用的账号（本单位“见证人员”角色账号），用于核对现场见证人身份；可不关联。">
        <UserLinkSelect organisationId={unitId} emptyHint="请先选择监理单位" />
      </Form.Item>
      <AuthorizationDocumentItems hint="签字盖章的授权书扫描件；PDF、JPEG 或 PNG，不超过 20 MB。" />
      <Form.Item name="projectIds" label="授权见证的项目" rules={[{ required: true, message: '请选择授权见证的项目' }]}>
        <SupervisedProjectsSelect unitId={unitId} />
      </Form.Item>
      <Form.Item name="replacesWitnessId" label="更换原见证人员" extra="如本次登记是更换原见证人员，选择被更换的人员；首次登记不选。">
        <WitnessSelect unitId={unitId} />
      </Form.Item>
      {replacing ? (
        <Form.Item name="changedAt" label="更换实际发生时间" rules={[{ required: true, message: '请填写更换实际发生的时间' }]} extra="应在更换后 3 个工作日内登记（按国家法定节假日及调休安排计算）。">
          <DatePicker showTime style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

type ChangeKind = WitnessChange['kind'];

interface ChangeValues {
  kind: ChangeKind;
  changedAt: Dayjs;
  documentId?: string;
  signedOn?: Dayjs;
  projectIds?: string[];
  replacesWitnessId?: string | null;
  reason?: string;
}

const CHANGE_FIELDS: readonly string[] = ['kind', 'changedAt', 'documentId', 'signedOn', 'projectIds', 'replacesWitnessId', 'reason'];

const KIND_HELP: Record<ChangeKind, string> = {
  new_authorization: '该见证人员获得新的书面授权（如增加授权项目）。',
  replacement: '该见证人员接替本单位另一名见证人员，被更换人员在所选项目上的登记同时终止。',
  revocation: '撤销该见证人员的授权，自变更发生时起不得再在所撤销的项目上见证。',
};

/** 登记变更: a new authorization, a replacement, or a revocation, with when it actually happened. */
export function ChangeModal({ witness, onClose, onSaved }: { witness: Witness | null; onClose: () => void; onSaved: (r: RegistrationResult) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const shown = useRetained(witness);
  const kind = Form.useWatch('kind', form);

  const onFinish = async (v: ChangeValues) => {
    if (!witness) return;
    const revoking = v.kind === 'revocation';
    const r = await addAuthorization(witness.id, {
      kind: v.kind,
      changedAt: toBeijingInstant(v.changedAt),
      documentId: v.documentId ?? null,
      signedOn: v.signedOn ? toDateString(v.signedOn) : null,
      ...(v.projectIds && v.projectIds.length > 0 ? { projectIds: v.projectIds } : revoking ? {} : { projectIds: [] }),
      replacesWitnessId: v.kind === 'replacement' ? (v.replacesWitnessId ?? null) : null,
      reason: v.reason?.trim() || null,
    });
    message.success('已登记见证变更');
    onSaved(r);
  };

  return (
    <FormModal<ChangeValues>
      open={witness !== null}
      title={`登记见证变更${shown ? ` · ${shown.name}` : ''}`}
      okText="登记变更"
      form={form}
      name="witness-change"
      fields={CHANGE_FIELDS}
      onSubmit={onFinish}
      onClose={onClose}
      width={680}
      initialValues={{ kind: 'new_authorization', changedAt: dayjs() }}
      intro={<Alert type="info" showIcon style={{ marginBottom: 16 }} title="见证人员变更应在变更发生后 3 个工作日内登记（按国家法定节假日及调休安排计算）；逾期登记将记录为监理单位的违规。" />}
    >
      <Form.Item name="kind" label="变更类型" rules={[{ required: true, message: '请选择变更类型' }]} extra={kind ? KIND_HELP[kind] : undefined}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'new_authorization', label: '新授权' },
            { value: 'replacement', label: '更换见证人员' },
            { value: 'revocation', label: '撤销授权' },
          ]}
        />
      </Form.Item>
      <Form.Item name="changedAt" label="变更实际发生时间" rules={[{ required: true, message: '请填写变更实际发生的时间' }]} extra="北京时间；登记期限从这一天起算。">
        <DatePicker showTime style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      {kind === 'replacement' && shown ? (
        <Form.Item name="replacesWitnessId" label="被更换的见证人员" rules={[{ required: true, message: '请选择被更换的见证人员' }]}>
          <WitnessSelect unitId={shown.supervisionUnitId} exclude={shown.id} />
        </Form.Item>
      ) : null}
      {kind === 'revocation' && shown ? (
        <Form.Item name="projectIds" label="撤销授权的项目" extra="不选即撤销该人员当前登记的全部项目。">
          <SelectCurrentProjects witness={shown} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="projectIds" label="授权见证的项目" rules={[{ required: true, message: '请选择授权见证的项目' }]}>
            <SupervisedProjectsSelect unitId={shown?.supervisionUnitId ?? null} />
          </Form.Item>
          <AuthorizationDocumentItems />
        </>
      )}
      <Form.Item name="reason" label="变更说明" rules={[{ max: 500, message: '最多 500 个字符' }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="选填，例如 原见证人员调离本项目" />
      </Form.Item>
      {shown && shown.projects.length === 0 && kind === 'revocation' ? <Typography.Text type="warning">该人员当前未在任何项目登记，无可撤销的授权。</Typography.Text> : null}
    </FormModal>
  );
}

/** The written authorization: its scanned file and the date it was signed. */
function AuthorizationDocumentItems({ hint = 'PDF、JPEG 或 PNG，不超过 20 MB。' }: { hint?: string }) {
  return (
    <>
      <Form.Item name="documentId" label="书面授权书" rules={[{ required: true, message: '请上传书面授权书' }]} extra={hint}>
        <DocumentUpload />
      </Form.Item>
      <Form.Item name="signedOn" label="授权书签署日期" rules={[{ required: true, message: '请选择签署日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
    </>
  );
}

function SelectCurrentProjects({ witness, value, onChange, id }: { witness: Witness; value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      placeholder="全部当前登记的项目"
      options={witness.projects.map((p) => ({ value: p.projectId, label: p.projectName }))}
      notFoundContent="该人员当前未在任何项目登记"
    />
  );
}
