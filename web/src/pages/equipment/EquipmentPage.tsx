import { PlusOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { VerificationTag } from '../../components/Tags.tsx';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
import { VERIFICATION_STATUS_LABELS } from '../../labels.ts';
import { can, ownAgencyId } from '../../nav.tsx';
import type { Equipment, VerificationStatus } from '../../types.ts';
import { listEquipment, type EquipmentFilters } from './api.ts';
import { CalibrationStatus } from './CalibrationTag.tsx';
import { EquipmentDrawer } from './EquipmentDrawer.tsx';
import { NewEquipmentModal } from './NewEquipmentModal.tsx';

export default function EquipmentPage() {
  const me = useMe();
  const own = ownAgencyId(me);
  const mayRegister = own ? can.manageAgency(me, own) : me.roles.includes('platform_admin');
  const list = useFilteredList(listEquipment, { q: '' } as EquipmentFilters);
  const { reload } = list;
  const [detailId, setDetailId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const expiring = list.data.items.filter((e) => e.calibrationWarning);

  const columns: ColumnsType<Equipment> = [
    {
      title: '设备',
      dataIndex: 'equipmentType',
      render: (v: string, e) => (
        <Flex vertical>
          <Typography.Link className="equipment-name" onClick={() => setDetailId(e.id)}>
            {e.calibrationWarning ? <WarningFilled className="warning-text" style={{ marginRight: 4 }} /> : null}
            {v}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.maker} · {e.model}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '出厂编号', dataIndex: 'serialNumber', width: 170 },
    ...(own ? [] : [{ title: '所属机构', dataIndex: 'agencyName', width: 210 }]),
    { title: '自动采集', dataIndex: 'autoCollect', width: 90, render: (v: boolean) => (v ? <Tag color="blue">具备</Tag> : '—') },
    { title: '核验状态', dataIndex: 'status', width: 100, render: (_: unknown, e: Equipment) => <VerificationTag status={e.status} reason={e.decisionReason} /> },
    { title: '检定/校准', key: 'calibration', width: 210, className: 'col-calibration', render: (_: unknown, e: Equipment) => <CalibrationStatus e={e} /> },
    {
      title: '可用于检测',
      dataIndex: 'usable',
      width: 100,
      render: (v: boolean, e: Equipment) =>
        v ? (
          <Tag color="success">可用</Tag>
        ) : (
          <Tooltip title={e.status !== 'verified' ? '尚未通过住建部门核验' : '没有有效期内的检定/校准证书'}>
            <Tag color="error">不可用</Tag>
          </Tooltip>
        ),
    },
    { title: '设备密钥', dataIndex: 'currentKeyFingerprint', width: 130, render: (v: string | null) => (v ? <span className="mono">{v.slice(0, 12)}…</span> : '—') },
    { title: '操作', key: 'actions', width: 70, fixed: 'right', render: (_: unknown, e: Equipment) => <Typography.Link onClick={() => setDetailId(e.id)}>详情</Typography.Link> },
  ];

  return (
    <>
      <ListPage<Equipment, EquipmentFilters>
        list={list}
        title="检测设备"
        description={
          own
            ? `${me.organisation?.name ?? '本机构'}登记的检测设备。设备须经住建部门核验、检定/校准在有效期内才能用于检测；到期前 30 天提示。`
            : `${me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省'}检测机构登记的检测设备。`
        }
        extra={
          mayRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记设备
            </Button>
          ) : null
        }
        search={{ field: 'q', placeholder: '设备类型、型号或出厂编号', width: 300 }}
        filters={
          <>
            {own ? null : (
              <OrganisationSelect type="agency" placeholder="按检测机构筛选" style={{ width: 280 }} value={list.filters.agencyId} onChange={(agencyId) => list.set({ agencyId })} />
            )}
            <Select
              placeholder="核验状态"
              allowClear
              style={{ width: 130 }}
              value={list.filters.status}
              onChange={(status: VerificationStatus | undefined) => list.set({ status })}
              options={(Object.keys(VERIFICATION_STATUS_LABELS) as VerificationStatus[]).map((s) => ({ value: s, label: VERIFICATION_STATUS_LABELS[s] }))}
            />
          </>
        }
        banner={
          expiring.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              className="calibration-expiring-banner"
              title={`本页有 ${expiring.length} 台设备的检定/校准将在 30 天内到期：${expiring.map((e) => `${e.equipmentType}（${e.serialNumber}）`).join('、')}`}
              description="到期后设备立即不能用于检测批次，请及时送检并登记新证书。"
            />
          ) : null
        }
        errorTitle="设备列表加载失败"
        empty="暂无登记的设备"
        emptyFiltered="没有符合条件的设备"
        total={(t) => `共 ${t} 台设备`}
        table={{ rowKey: 'id', columns, scroll: { x: 1250 } }}
      />
      <EquipmentDrawer id={detailId} onClose={() => setDetailId(null)} onChanged={reload} />
      {mayRegister ? (
        <NewEquipmentModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(e) => {
            setCreating(false);
            reload();
            setDetailId(e.id);
          }}
        />
      ) : null}
    </>
  );
}
