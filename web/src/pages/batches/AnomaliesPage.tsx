import { Card } from 'antd';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AnomaliesTable } from './AnomaliesTable.tsx';

/** 异常核查: the anomalies of the batches in the department's jurisdiction; an officer acknowledges each with a note. */
export default function AnomaliesPage() {
  const me = useMe();
  const where = me.jurisdiction ? `${me.jurisdiction.name}辖区内` : '全省';
  return (
    <>
      <PageHeader
        title="异常核查"
        description={`${where}检测批次的一致性核查异常：时间、位置、人员、设备、构件不符，EXIF 缺失或经编辑，重复影像，见证缺失等。平台照常接收数据，由住建部门逐项核查。`}
      />
      <Card>
        <AnomaliesTable />
      </Card>
    </>
  );
}
