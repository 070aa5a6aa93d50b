import { Alert, App, Form, Input, Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { specialtyLabel } from '../../labels.ts';
import type { Catalogue, Commission, Component, Equipment, Person, Specialty } from '../../types.ts';
import {
  getCurrentCatalogue,
  listAgencyEquipment,
  listAgencyPeople,
  listProjectCommissions,
  listProjectComponents,
  listWitnessOptions,
  newIdempotencyKey,
  openBatch,
  type BatchDetail,
  type Ref,
} from './api.ts';

interface FormValues {
  projectId: string;
  commissionId: string;
  specialty: Specialty;
  itemCodes: string[];
  componentIds: string[];
  equipmentIds: string[];
  testerPersonIds: string[];
  witnessPersonId: string;
  uploadOwnerPersonId: string;
  note?: string;
}

const FIELDS = ['projectId', 'commissionId', 'specialty', 'itemCodes', 'componentIds', 'equipmentIds', 'testerPersonIds', 'witnessPersonId', 'uploadOwnerPersonId', 'note'];

interface Choices {
  commissions: Commission[];
  components: Component[];
  witnesses: Ref[];
}

const NONE: Choices = { commissions: [], components: [], witnesses: [] };

/**
 * 开启批次 at the start of on-site work: project → commission → specialty → test items of the current catalogue,
 * components, equipment, testers, witness and the person responsible for uploads. The server checks every registry
 * (connection, commission, qualification, calibration, certificates, the witness's registration) and its refusal is
 * shown on the field it names.
 */
export function OpenBatchModal({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (b: BatchDetail) => void }) {
  const me = useMe();
  const agencyId = me.organisation?.id ?? '';
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const submit = useSubmit(form, FIELDS);
  const { setError } = submit;
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [equipment, setEquipment] = useState<Equipment[]>([]);
  const [testers, setTesters] = useState<Person[]>([]);
  const [owners, setOwners] = useState<Person[]>([]);
  const [choices, setChoices] = useState<Choices>(NONE);
  const key = useRef<string | null>(null);
  const projectId = Form.useWatch('projectId', form);
  const commissionId = Form.useWatch('commissionId', form);
  const specialty = Form.useWatch('specialty', form);

  useEffect(() => {
    if (!open || !agencyId) return;
    let alive = true;
    Promise.all([getCurrentCatalogue(), listAgencyEquipment(agencyId), listAgencyPeople(agencyId, 'tester'), listAgencyPeople(agencyId, 'upload_owner')])
      .then(([c, e, t, o]) => {
        if (!alive) return;
        setCatalogue(c);
        setEquipment(e.items);
        setTesters(t.items);
        setOwners(o.items);
      })
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [open, agencyId]);

  useEffect(() => {
    if (!projectId) {
      setChoices(NONE);
      return;
    }
    let alive = true;
    Promise.all([listProjectCommissions(projectId), listProjectComponents(projectId), listWitnessOptions(projectId)])
      .then(([c, comp, w]) => alive && setChoices({ commissions: c.items.filter((x) => x.agency.id === agencyId), components: comp.items, witnesses: w }))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [projectId, agencyId]);

  const commission = choices.commissions.find((c) => c.id === commissionId);
  const items = catalogue?.document.specialties.find((s) => s.code === specialty)?.items ?? [];

  const onFinish = async (v: FormValues) => {
    key.current ??= newIdempotencyKey();
    try {
      const b = await openBatch({ ...v, note: v.note?.trim() || null }, key.current);
      key.current = null;
      message.success(`已开启检测批次 ${b.batchNumber}`);
      onOpened(b);
    } catch (e) {
      // Only a lost answer is retried with the same key; an answered refusal frees it for the corrected request.
      if (!(e instanceof ApiError && e.status === 0)) key.current = null;
      throw e;
    }
  };

  return (
    <FormModal<FormValues>
      open={open}
      title="开启检测批次"
      okText="开启批次"
      form={form}
      name="open-batch"
      submit={submit}
      onSubmit={onFinish}
      onClose={onClose}
      width={760}
      errorClassName="open-batch-error"
      onValuesChange={(changed: Partial<FormValues>) => {
        setError(null);
        if ('projectId' in changed) form.setFieldsValue({ commissionId: undefined, specialty: undefined, itemCodes: [], componentIds: [], witnessPersonId: undefined });
        if ('commissionId' in changed) form.setFieldsValue({ specialty: undefined, itemCodes: [] });
        if ('specialty' in changed) form.setFieldsValue({ itemCodes: [] });
      }}
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="现场检测开始时开启批次。平台核验委托、专项资质、设备检定/校准、人员上岗证书和见证人员登记；不符合的，说明原因并拒绝开启。"
        />
      }
    >
      <Form.Item name="projectId" label="工程项目" rules={[{ required: true, message: '请选择工程项目' }]} extra="委托本机构检测的项目。">
        <ProjectSelect />
      </Form.Item>
      <Form.Item name="commissionId" label="检测委托" rules={[{ required: true, message: '请选择检测委托' }]}>
        <Select
          placeholder={projectId ? '选择本项目委托本机构的委托' : '请先选择工程项目'}
          disabled={!projectId}
          options={choices.commissions.map((c) => ({
            value: c.id,
            label: `${c.contractNumber ?? '无合同编号'} · ${c.specialties.map(specialtyLabel).join('、')}`,
          }))}
          notFoundContent="本项目没有委托本机构的有效委托"
        />
      </Form.Item>
      <Form.Item name="specialty" label="检测专项" rules={[{ required: true, message: '请选择检测专项' }]}>
        <Select
          placeholder={commission ? '委托范围内的专项' : '请先选择检测委托'}
          disabled={!commission}
          options={(commission?.specialties ?? []).map((s) => ({ value: s, label: specialtyLabel(s) }))}
        />
      </Form.Item>
      <Form.Item name="itemCodes" label="检测项目" rules={[{ required: true, message: '请至少选择一个检测项目' }]} extra={catalogue ? `检测项目目录第 ${catalogue.version} 版；开启后本批次锁定该版本。` : undefined}>
        <Select
          mode="multiple"
          placeholder={specialty ? '选择本次现场检测的项目' : '请先选择检测专项'}
          disabled={!specialty}
          showSearch={{ optionFilterProp: 'title' }}
          options={items.map((i) => ({
            value: i.code,
            title: i.name,
            label: (
              <span>
                {i.name} {i.autoCollected ? <Tag color="blue">自动采集</Tag> : null}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="componentIds" label="检测构件/部位" rules={[{ required: true, message: '请至少选择一个构件' }]}>
        <Select
          mode="multiple"
          placeholder={projectId ? '本项目登记的构件' : '请先选择工程项目'}
          disabled={!projectId}
          showSearch={{ optionFilterProp: 'title' }}
          options={choices.components.map((c) => {
            const text = `${c.code} · ${c.building}${c.floor ? ` ${c.floor}` : ''} ${c.position} ${c.componentType}`;
            return { value: c.code, title: text, label: text };
          })}
        />
      </Form.Item>
      <Form.Item name="equipmentIds" label="检测设备" rules={[{ required: true, message: '请至少选择一台设备' }]} extra="已核验的本机构设备；检定/校准不在有效期内的设备平台拒绝使用。">
        <Select
          mode="multiple"
          placeholder="选择检测设备"
          showSearch={{ optionFilterProp: 'title' }}
          options={equipment.map((e) => ({
            value: e.id,
            title: `${e.equipmentType} ${e.model} ${e.serialNumber}`,
            label: (
              <span>
                {e.equipmentType} {e.model}（{e.serialNumber}）{e.autoCollect ? <Tag color="blue">自动采集</Tag> : null}
                {e.usable ? null : <Tag color="red">不可使用</Tag>}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="testerPersonIds" label="检测人员" rules={[{ required: true, message: '请至少选择一名检测人员' }]}>
        <Select
          mode="multiple"
          placeholder="选择检测人员"
          showSearch={{ optionFilterProp: 'label' }}
          options={testers.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="witnessPersonId" label="见证人员" rules={[{ required: true, message: '请选择见证人员' }]} extra="当前在本项目登记有效的见证人员。">
        <Select
          placeholder={projectId ? '选择见证人员' : '请先选择工程项目'}
          disabled={!projectId}
          options={choices.witnesses.map((w) => ({ value: w.id, label: w.name }))}
          notFoundContent="本项目暂无登记有效的见证人员"
        />
      </Form.Item>
      <Form.Item name="uploadOwnerPersonId" label="上传负责人" rules={[{ required: true, message: '请选择上传负责人' }]} extra="专人负责：由其封存批次，声明上传完整。">
        <Select placeholder="选择上传负责人" options={owners.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[{ max: 500, message: '最多 500 个字符' }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}
