import { FilePdfOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, isAbort } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { formatDateTime } from '../../format.ts';
import { can } from '../../nav.tsx';
import { downloadReportPdf, generateReport, listReports, type Report } from './api.ts';
import { ReportStatusTag } from './ReportStatusTag.tsx';

/** What the panel needs of a batch (a BatchSummary or BatchDetail of GET /batches has all of it). */
export interface BatchForReport {
  id: string;
  status: string;
  locked: boolean;
  agency: { id: string };
}

/**
 * The report part of a batch's page: its reports (the current one first), 生成报告 for the agency's signatory when the
 * batch is reviewed, and the PDF. A refusal (locked, not connected…) is shown as the server words it.
 */
export function BatchReportPanel({ batch, onGenerated }: { batch: BatchForReport; onGenerated?: (r: Report) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [reports, setReports] = useState<Report[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    listReports({ batchId: batch.id }, 1, 20, ctl.signal)
      .then((p) => setReports(p.items))
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(errorMessage(e));
      });
    return () => ctl.abort();
  }, [batch.id, version]);

  const generate = useCallback(async () => {
    setSaving(true);
    setError(null);
    try {
      const r = await generateReport(batch.id);
      message.success(`已出具检测报告 ${r.reportNumber}`);
      setVersion((v) => v + 1);
      onGenerated?.(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }, [batch.id, message, onGenerated]);

  const download = async (r: Report) => {
    try {
      await downloadReportPdf(r);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const mayGenerate = can.generateReports(me) && me.organisation?.id === batch.agency.id && batch.status === 'reviewed';
  const current = reports?.find((r) => r.status === 'valid') ?? reports?.[0];

  return (
    <Card
      title={
        <Space>
          <FileDoneOutlined />
          检测报告
        </Space>
      }
      extra={
        mayGenerate ? (
          <Button type="primary" loading={saving} onClick={() => void generate()}>
            生成报告
          </Button>
        ) : null
      }
    >
      {batch.locked && batch.status === 'reviewed' ? <Alert type="warning" showIcon title="批次报告生成权限已锁定，须经住建部门处理解锁" style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="batch-report-error" /> : null}
      {reports === null ? null : !current ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={batch.status === 'reviewed' ? '已复核，尚未出具报告' : '批次复核通过后可出具检测报告'} />
      ) : (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="报告编号">
            <Typography.Text className="mono" copyable>
              {current.reportNumber}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <ReportStatusTag report={current} />
          </Descriptions.Item>
          <Descriptions.Item label="报告日期">{current.reportDate}</Descriptions.Item>
          <Descriptions.Item label="授权签字人">{current.signatory.name}</Descriptions.Item>
          <Descriptions.Item label="出具时间">{formatDateTime(current.generatedAt)}</Descriptions.Item>
          <Descriptions.Item label="报告">
            <Space size={12}>
              <Typography.Link onClick={() => void download(current)}>
                <FilePdfOutlined /> 下载 PDF
              </Typography.Link>
              <Link to={current.verifyPath} target="_blank">
                公开核验页
              </Link>
            </Space>
          </Descriptions.Item>
          {reports.length > 1 ? (
            <Descriptions.Item label="历次报告" span={2}>
              {reports
                .filter((r) => r.id !== current.id)
                .map((r) => `${r.reportNumber}（${r.statusLabel}）`)
                .join('；')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      )}
    </Card>
  );
}
