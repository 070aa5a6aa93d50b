import { App, AutoComplete, Divider, Form, Input, Switch } from 'antd';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { ownAgencyId } from '../../nav.tsx';
import type { EquipmentDetail } from '../../types.ts';
import { createEquipment } from './api.ts';
import { CalibrationFields, calibrationFieldMap, toNewCalibration, type CalibrationValues } from './CalibrationFields.tsx';
import { PUBLIC_KEY_HINT, PUBLIC_KEY_PLACEHOLDER } from './KeyModal.tsx';

interface FormValues {
  agencyId?: string;
  equipmentType: string;
  maker: string;
  model: string;
  serialNumber: string;
  autoCollect: boolean;
  autoCollectProtocol?: string;
  publicKey?: string;
  withCalibration: boolean;
  calibration?: CalibrationValues;
}

const COMMON_TYPES = [
  '数显回弹仪',
  '非金属超声检测仪',
  '一体式钢筋扫描仪',
  '楼板测厚仪',
  '数字式超声波探伤仪',
  '基桩静载测试仪',
  '基桩动测仪（低应变）',
  '锚杆（植筋）拉拔仪',
  '混凝土钻孔取芯机',
  '灌砂法压实度检测仪',
  '自动弯沉仪',
  '超声波测厚仪',
];

const FIELD_MAP = {
  agencyId: 'agencyId',
  equipmentType: 'equipmentType',
  maker: 'maker',
  model: 'model',
  serialNumber: 'serialNumber',
  autoCollect: 'autoCollect',
  autoCollectProtocol: 'autoCollectProtocol',
  publicKey: 'publicKey',
  calibration: ['calibration', 'certificateNumber'],
  ...calibrationFieldMap('calibration.', (n) => ['calibration', n]),
};

export function NewEquipmentModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (e: EquipmentDetail) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const own = ownAgencyId(me);
  const autoCollect = Form.useWatch('autoCollect', form);
  const withCalibration = Form.useWatch('withCalibration', form);

  const onFinish = async (v: FormValues) => {
    const e = await createEquipment({
      ...(own ? {} : { agencyId: v.agencyId ?? null }),
      equipmentType: v.equipmentType.trim(),
      maker: v.maker.trim(),
      model: v.model.trim(),
      serialNumber: v.serialNumber.trim(),
      autoCollect: v.autoCollect,
      autoCollectProtocol: v.autoCollect ? (v.autoCollectProtocol?.trim() ?? null) : null,
      publicKey: v.publicKey?.trim() ? v.publicKey.trim() : null,
      calibration: v.withCalibration && v.calibration ? toNewCalibration(v.calibration) : null,
    });
    message.success(`已登记设备「${e.equipmentType} ${e.serialNumber}」，待住建部门核验`);
    onCreated(e);
  };

  return (
    <FormModal<FormValues>
      open={open}
      title="登记检测设备"
      okText="提交核验"
      form={form}
      name="new-equipment"
      fields={FIELD_MAP}
      onSubmit={onFinish}
      onClose={onClose}
      width={680}
      initialValues={{ autoCollect: false, withCalibration: true, calibration: { kind: 'verification' } }}
    >
      {own ? null : (
        <Form.Item name="agencyId" label="检测机构" rules={[{ required: true, message: '请选择检测机构' }]}>
          <OrganisationSelect type="agency" activeOnly placeholder="输入名称搜索检测机构" />
        </Form.Item>
      )}
      <Form.Item name="equipmentType" label="设备类型" rules={[{ required: true, whitespace: true, message: '请填写设备类型' }, { max: 100, message: '最多 100 个字符' }]}>
        <AutoComplete options={COMMON_TYPES.map((t) => ({ value: t }))} placeholder="例如 数显回弹仪" filterOption />
      </Form.Item>
      <Form.Item name="maker" label="生产厂家" rules={[{ required: true, whitespace: true, message: '请填写生产厂家' }, { max: 200, message: '最多 200 个字符' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="model" label="型号" rules={[{ required: true, whitespace: true, message: '请填写型号' }, { max: 100, message: '最多 100 个字符' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="serialNumber" label="出厂编号" rules={[{ required: true, whitespace: true, message: '请填写出厂编号' }, { max: 100, message: '最多 100 个字符' }]} extra="本机构内不得重复。">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="autoCollect" label="具备自动采集功能" valuePropName="checked" extra="具备自动采集功能的设备，其检测数据严禁人工录入替代。">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      {autoCollect ? (
        <>
          <Form.Item name="autoCollectProtocol" label="数据接口/协议" rules={[{ required: true, whitespace: true, message: '具备自动采集功能的设备须说明数据接口/协议' }, { max: 500, message: '最多 500 个字符' }]}>
            <Input placeholder="例如 蓝牙采集 → 平台设备接入接口（Ed25519 签名）" maxLength={500} />
          </Form.Item>
          <Form.Item name="publicKey" label="设备公钥（Ed25519）" extra={PUBLIC_KEY_HINT}>
            <Input.TextArea rows={3} placeholder={PUBLIC_KEY_PLACEHOLDER} className="mono" />
          </Form.Item>
        </>
      ) : null}
      <Divider titlePlacement="start">检定/校准证书</Divider>
      <Form.Item name="withCalibration" valuePropName="checked" extra="设备须有有效期内的检定/校准证书才能核验通过；也可登记设备后再补充。">
        <Switch checkedChildren="同时登记" unCheckedChildren="稍后登记" />
      </Form.Item>
      {withCalibration ? <CalibrationFields prefix={['calibration']} /> : null}
    </FormModal>
  );
}
