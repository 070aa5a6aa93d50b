import { Alert, Button, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { listRecords, type BatchDetail, type RawRecord } from './api.ts';
import { ANOMALY_KIND_LABELS } from './labels.ts';
import { useBatchCatalogue, valuesText } from './useBatchCatalogue.ts';

interface Row {
  latest: RawRecord;
  /** Earlier versions, newest first. */
  older: RawRecord[];
}

export function SourceTag({ r }: { r: RawRecord }) {
  if (!r.manual) return <Tag color="blue">自动采集</Tag>;
  return r.manualExceptionId ? (
    <Tooltip title="住建部门已批准该项目人工录入">
      <Tag color="gold">人工录入（经批准）</Tag>
    </Tooltip>
  ) : (
    <Tag color="gold">人工录入</Tag>
  );
}

function SignatureTag({ r }: { r: RawRecord }) {
  if (!r.signature) return <Typography.Text type="secondary">无签名</Typography.Text>;
  return (
    <Tooltip title={`Ed25519 设备签名，平台收到时已用登记的设备公钥验证（密钥 ${r.signature.keyId.slice(0, 8)}…）`}>
      <Tag color="success">签名已验证</Tag>
    </Tooltip>
  );
}

/**
 * 原始记录: each record at its current version; older versions and their correction reasons unfold below it. With
 * `onCorrect` (agency staff while the batch takes uploads) each current record has a 更正 button.
 */
export function RecordsTab({ batch, version, onCorrect }: { batch: BatchDetail; version: number; onCorrect?: (r: RawRecord) => void }) {
  const [records, setRecords] = useState<RawRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = useBatchCatalogue(batch.catalogueVersion);
  const batchId = batch.id;

  useEffect(() => {
    let alive = true;
    listRecords(batchId)
      .then((r) => alive && setRecords(r))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [batchId, version]);

  const rows: Row[] = [];
  for (const r of records ?? []) {
    if (!r.latest) continue;
    rows.push({ latest: r, older: (records ?? []).filter((o) => o.recordKey === r.recordKey && !o.latest).sort((a, b) => b.version - a.version) });
  }
  const itemName = (code: string) => batch.items.find((i) => i.code === code)?.name ?? code;
  const component = (code: string) => batch.components.find((c) => c.code === code)?.display ?? code;
  const person = (id: string) => batch.testers.find((t) => t.id === id)?.name ?? batch.uploadOwner.name;
  const equipment = (id: string) => {
    const e = batch.equipment.find((x) => x.id === id);
    return e ? `${e.equipmentType}（${e.serialNumber}）` : '本批次以外的设备';
  };

  const versionLine = (r: RawRecord) => (
    <div key={r.id} className="record-version">
      <Typography.Text strong>第 {r.version} 版</Typography.Text> <SourceTag r={r} /> {formatDateTime(r.receivedAt)} 收到 ·{' '}
      {valuesText(
        items.find((i) => i.code === r.itemCode),
        r.values,
      )}
      {r.correctionReason ? <div className="muted">更正理由：{r.correctionReason}</div> : null}
    </div>
  );

  const columns: ColumnsType<Row> = [
    { title: '记录编号', key: 'key', width: 200, render: (_: unknown, row) => <span className="mono record-key">{row.latest.recordKey}</span> },
    { title: '检测项目', key: 'item', width: 200, render: (_: unknown, row) => itemName(row.latest.itemCode) },
    { title: '构件', key: 'component', width: 170, render: (_: unknown, row) => <span className="mono">{component(row.latest.componentId)}</span> },
    {
      title: '数据',
      key: 'values',
      render: (_: unknown, row) =>
        valuesText(
          items.find((i) => i.code === row.latest.itemCode),
          row.latest.values,
        ),
    },
    { title: '采集时间', key: 'capturedAt', width: 170, render: (_: unknown, row) => formatDateTime(row.latest.capturedAt) },
    {
      title: '来源',
      key: 'source',
      width: 150,
      render: (_: unknown, row) => (
        <>
          <SourceTag r={row.latest} />
          {row.latest.supplementary ? <Tag color="red">补传</Tag> : null}
        </>
      ),
    },
    { title: '签名', key: 'signature', width: 110, render: (_: unknown, row) => <SignatureTag r={row.latest} /> },
    { title: '版本', key: 'version', width: 70, render: (_: unknown, row) => `v${row.latest.version}` },
    { title: '人员/设备', key: 'by', width: 200, render: (_: unknown, row) => `${person(row.latest.testerPersonId)} · ${equipment(row.latest.equipmentId)}` },
    {
      title: '异常',
      key: 'flags',
      width: 180,
      render: (_: unknown, row) =>
        row.latest.flags.length === 0
          ? null
          : row.latest.flags.map((f) => (
              <Tag key={f} color="orange">
                {ANOMALY_KIND_LABELS[f] ?? f}
              </Tag>
            )),
    },
  ];
  if (onCorrect) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Button size="small" className="record-correct" onClick={() => onCorrect(row.latest)}>
          更正
        </Button>
      ),
    });
  }

  return (
    <>
      {error ? <Alert type="error" showIcon title={`原始记录加载失败：${error}`} style={{ marginBottom: 16 }} /> : null}
      <Table<Row>
        className="records-table"
        rowKey={(r) => r.latest.recordKey}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={records === null && !error}
        scroll={{ x: 1700 }}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        expandable={{
          rowExpandable: (row) => row.older.length > 0,
          expandedRowRender: (row) => <div className="record-versions">{[row.latest, ...row.older].map(versionLine)}</div>,
        }}
        locale={{ emptyText: <Empty description="尚无原始记录" /> }}
      />
    </>
  );
}
