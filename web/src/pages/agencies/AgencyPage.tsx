import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getAgency } from './api.ts';
import { AgencyView } from './AgencyView.tsx';

/** /agencies/:id — an officer's view of one agency in their jurisdiction. */
export default function AgencyPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    getAgency(id)
      .then((o) => alive && setName(o.name))
      .catch(() => alive && setName(null));
    return () => {
      alive = false;
    };
  }, [id]);

  return (
    <>
      <PageHeader
        title={`机构接入${name ? ` · ${name}` : ''}`}
        description="对接状态由平台根据资质、设备、人员登记数据实时计算。"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/agencies')}>
            返回机构列表
          </Button>
        }
      />
      <AgencyView agencyId={id} />
    </>
  );
}
