import { App, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { SITE_RADIUS_MAX_METRES, SITE_RADIUS_MIN_METRES } from '../../../../src/kernel/policy.ts';
import { useMe } from '../../auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import type { Project, SiteBoundary } from '../../types.ts';
import { createProject } from './api.ts';
import { ParticipantSelect } from './ParticipantSelect.tsx';
import { parseRing } from './site.ts';

interface FormValues {
  name: string;
  permitNumber: string;
  address: string;
  regionCode: string;
  lng: number;
  lat: number;
  siteType: 'circle' | 'polygon';
  radiusMetres?: number;
  ring?: string;
  constructionUnitId?: string | null;
  supervisionUnitId?: string | null;
  contractorId?: string | null;
}

const FIELD_MAP = {
  name: 'name',
  permitNumber: 'permitNumber',
  address: 'address',
  regionCode: 'regionCode',
  location: 'lng',
  'location.lng': 'lng',
  'location.lat': 'lat',
  site: 'siteType',
  'site.center': 'lng',
  'site.radiusMetres': 'radiusMetres',
  'site.ring': 'ring',
  constructionUnitId: 'constructionUnitId',
  supervisionUnitId: 'supervisionUnitId',
  contractorId: 'contractorId',
};

const ringRule = {
  validator: (_: unknown, v: string | undefined) => {
    const r = parseRing(v ?? '');
    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
  },
};

export function NewProjectModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (p: Project) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const siteType = Form.useWatch('siteType', form);
  const admin = me.roles.includes('platform_admin');

  const onFinish = async (v: FormValues) => {
    let site: SiteBoundary;
    if (v.siteType === 'circle') site = { type: 'circle', center: [v.lng, v.lat], radiusMetres: v.radiusMetres ?? 0 };
    else {
      const r = parseRing(v.ring ?? '');
      if (!r.ok) return;
      site = { type: 'polygon', ring: r.ring };
    }
    const p = await createProject({
      name: v.name.trim(),
      permitNumber: v.permitNumber.trim(),
      address: v.address.trim(),
      regionCode: v.regionCode,
      location: { lng: v.lng, lat: v.lat },
      site,
      ...(admin && v.constructionUnitId ? { constructionUnitId: v.constructionUnitId } : {}),
      supervisionUnitId: v.supervisionUnitId ?? null,
      contractorId: v.contractorId ?? null,
    });
    message.success(`已登记项目「${p.name}」`);
    onCreated(p);
  };

  return (
    <FormModal
      open={open}
      title="登记工程项目"
      form={form}
      name="new-project"
      fields={FIELD_MAP}
      onSubmit={onFinish}
      onClose={onClose}
      width={760}
      initialValues={{ siteType: 'circle', radiusMetres: 200 }}
    >
      <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, { min: 2, message: '至少 2 个字符' }, { max: 200, message: '最多 200 个字符' }]}>
        <Input maxLength={200} placeholder="与施工许可证一致，例如 长春市南关区幸福里住宅小区二期工程（5#、6#楼）" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="permitNumber" label="施工许可证号" rules={[{ required: true, whitespace: true, message: '请填写施工许可证号' }, { max: 50, message: '最多 50 个字符' }]} extra="全平台唯一。">
            <Input maxLength={50} placeholder="例如 220102202603120101" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="regionCode" label="所在县（市、区）" rules={[{ required: true, message: '请选择项目所在的县级行政区' }]} extra="决定属地住建部门；登记后不可修改。">
            <RegionTreeSelect level="county" placeholder="选择县级行政区" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label="项目地址" rules={[{ required: true, whitespace: true, message: '请填写项目地址' }, { min: 2, message: '至少 2 个字符' }, { max: 300, message: '最多 300 个字符' }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="lng" label="定位点经度" rules={[{ required: true, message: '请填写经度' }]} extra="WGS-84 坐标（GPS），吉林省约 121.5～131.5。">
            <InputNumber style={{ width: '100%' }} min={-180} max={180} step={0.0001} precision={6} placeholder="例如 125.3562" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="lat" label="定位点纬度" rules={[{ required: true, message: '请填写纬度' }]} extra="吉林省约 40.8～46.4。">
            <InputNumber style={{ width: '100%' }} min={-90} max={90} step={0.0001} precision={6} placeholder="例如 43.8468" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="siteType" label="施工现场范围" extra="用于核验过程影像的拍摄位置（电子围栏）。">
        <Radio.Group
          options={[
            { value: 'circle', label: '以定位点为圆心的圆形' },
            { value: 'polygon', label: '多边形边界' },
          ]}
        />
      </Form.Item>
      {siteType === 'polygon' ? (
        <Form.Item name="ring" label="边界顶点" rules={[{ required: true, message: '请填写边界顶点' }, ringRule]} extra="每行一个顶点“经度,纬度”，按边界顺序，至少 3 个；首尾不同时自动闭合。也可粘贴 JSON 数组 [[经度, 纬度], …]。定位点须在边界内。">
          <Input.TextArea rows={6} className="mono" placeholder={'125.3551,43.8461\n125.3574,43.8461\n125.3575,43.8476\n125.3552,43.8477'} />
        </Form.Item>
      ) : (
        <Form.Item name="radiusMetres" label="半径（米）" rules={[{ required: true, message: '请填写半径' }]} extra={`${SITE_RADIUS_MIN_METRES}～${SITE_RADIUS_MAX_METRES} 米。`}>
          <InputNumber style={{ width: 200 }} min={SITE_RADIUS_MIN_METRES} max={SITE_RADIUS_MAX_METRES} step={10} />
        </Form.Item>
      )}
      {admin ? (
        <Form.Item name="constructionUnitId" label="建设单位" rules={[{ required: true, message: '请选择建设单位' }]}>
          <ParticipantSelect type="construction_unit" />
        </Form.Item>
      ) : (
        <Form.Item label="建设单位">
          <Input value={me.organisation?.name ?? '—'} disabled />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="supervisionUnitId" label="监理单位" extra="可稍后指定。">
            <ParticipantSelect type="supervision_unit" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contractorId" label="施工单位" extra="可稍后指定。">
            <ParticipantSelect type="contractor" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
