import { Card } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BatchesTable } from './BatchesTable.tsx';

/** 复核队列: the agency's sealed batches awaiting double review (双人复核); a reviewer opens one to approve or return it. */
export default function ReviewQueuePage() {
  return (
    <>
      <PageHeader title="复核队列" description="本机构已封存、等待复核的检测批次。复核人员不能复核本人参与检测的批次（双人复核）。" />
      <Card>
        <BatchesTable fixedStatus="sealed" emptyText="没有等待复核的批次" />
      </Card>
    </>
  );
}
