import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { Me } from '../../types.ts';
import { batchCan } from './access.ts';
import { BatchesTable } from './BatchesTable.tsx';
import { OpenBatchModal } from './OpenBatchModal.tsx';

function scopeText(me: Me): string {
  if (me.organisation?.type === 'agency') return '本机构的现场检测批次。现场检测完成后 2 小时内须上传全部原始记录和过程影像并封存；逾期平台自动锁定报告生成权限。';
  if (me.roles.includes('witness')) return '本单位监理项目的检测批次：现场签到与见证确认。';
  if (me.jurisdiction) return `${me.jurisdiction.name}辖区内工程项目的现场检测批次（只读）。`;
  if (me.roles.includes('platform_admin')) return '全省的现场检测批次（只读）。';
  return '本单位参建项目的现场检测批次。';
}

/** 检测批次: the live board with the countdown to each upload deadline. */
export default function BatchesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  return (
    <>
      <PageHeader
        title="检测批次"
        description={scopeText(me)}
        extra={
          batchCan.open(me) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              开启批次
            </Button>
          ) : null
        }
      />
      <Card>
        <BatchesTable />
      </Card>
      {batchCan.open(me) ? (
        <OpenBatchModal
          open={opening}
          onClose={() => setOpening(false)}
          onOpened={(b) => {
            setOpening(false);
            navigate(`/batches/${b.id}`);
          }}
        />
      ) : null}
    </>
  );
}
