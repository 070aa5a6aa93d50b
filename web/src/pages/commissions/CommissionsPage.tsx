import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../nav.tsx';
import { CommissionsTable } from './CommissionsTable.tsx';
import { NewCommissionModal } from './NewCommissionModal.tsx';

function scopeText(me: ReturnType<typeof useMe>): string {
  if (me.roles.includes('construction_user')) return '本单位作为建设单位委托检测机构的记录。平台拒绝委托未接入、超出资质范围、资质过期或被限制市场准入的检测机构，并说明原因。';
  if (me.organisation?.type === 'agency') return '委托本机构承担检测的记录。';
  if (me.jurisdiction) return `${me.jurisdiction.name}辖区内工程项目的检测委托。`;
  if (me.roles.includes('platform_admin')) return '全省工程项目的检测委托。';
  return '本单位参建项目的检测委托。';
}

export default function CommissionsPage() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  return (
    <>
      <PageHeader
        title="检测委托"
        description={scopeText(me)}
        extra={
          can.commission(me) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              委托检测机构
            </Button>
          ) : null
        }
      />
      <Card>
        <CommissionsTable version={version} />
      </Card>
      <NewCommissionModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          setVersion((n) => n + 1);
        }}
      />
    </>
  );
}
