import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { DocumentLink } from '../../components/Documents.tsx';
import { InForceTag, SpecialtyTags, VerificationTag } from '../../components/Tags.tsx';
import { formatDateTime } from '../../format.ts';
import { GRADE_LABELS } from '../../labels.ts';
import type { Qualification } from '../../types.ts';
import { listQualifications } from './api.ts';
import { NewQualificationModal } from './NewQualificationModal.tsx';

/** The agency's certificates, with their history (rejected and superseded ones stay listed). */
export function QualificationsCard({ agencyId, canManage, onChanged }: { agencyId: string; canManage: boolean; onChanged: () => void }) {
  const [items, setItems] = useState<Qualification[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState<{ replacing: string | null } | null>(null);

  useEffect(() => {
    let alive = true;
    setError(null);
    listQualifications(agencyId)
      .then((q) => alive && setItems(q))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [agencyId, version]);

  const replaceable = (items ?? []).filter((q) => q.status === 'verified' && !q.supersededBy);

  const columns: ColumnsType<Qualification> = [
    { title: '证书编号', dataIndex: 'certificateNumber', width: 190 },
    {
      title: '核验状态',
      dataIndex: 'status',
      width: 190,
      className: 'col-status',
      render: (_: unknown, q) => (
        <Space orientation="vertical" size={2}>
          <span>
            <VerificationTag status={q.status} reason={q.decisionReason} />
            {q.status === 'verified' ? <InForceTag inForce={q.inForce} /> : null}
            {q.supersededBy ? <Tag>已被替换</Tag> : null}
          </span>
          {q.status === 'rejected' && q.decisionReason ? (
            <Typography.Text type="danger" className="decision-reason">
              驳回理由：{q.decisionReason}
            </Typography.Text>
          ) : null}
          {q.decidedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {q.decidedByName ?? '—'} · {formatDateTime(q.decidedAt)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: '资质类别', dataIndex: 'grade', width: 90, render: (_: unknown, q) => GRADE_LABELS[q.grade] },
    { title: '检测专项', dataIndex: 'specialties', width: 250, render: (_: unknown, q) => (q.grade === 'comprehensive' ? <Tag color="geekblue">全部九个专项</Tag> : <SpecialtyTags codes={q.specialties} />) },
    { title: '有效期', key: 'validity', width: 200, render: (_: unknown, q) => `${q.validFrom} 至 ${q.validTo}` },
    { title: '发证机关', dataIndex: 'issuer', width: 170 },
    { title: '扫描件', dataIndex: 'documentId', width: 90, render: (v: string | null) => <DocumentLink id={v} label="查看" /> },
    { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_: unknown, q) =>
        q.status === 'verified' && !q.supersededBy ? (
          <Tooltip title="换证或变更专项：提交替换本证书的新证书">
            <Typography.Link onClick={() => setAdding({ replacing: q.id })}>换证</Typography.Link>
          </Tooltip>
        ) : null,
    });
  }

  return (
    <Card
      title="资质证书"
      style={{ marginBottom: 16 }}
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding({ replacing: null })}>
            新增资质证书
          </Button>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title="资质证书加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={() => setVersion((n) => n + 1)}>重试</Button>} /> : null}
      <Table<Qualification>
        className="qualifications-table"
        rowKey="id"
        columns={columns}
        dataSource={items ?? []}
        loading={items === null && !error}
        pagination={false}
        scroll={{ x: 1450 }}
        locale={{ emptyText: <Empty description="尚未登记资质证书" /> }}
      />
      <NewQualificationModal
        agencyId={adding ? agencyId : null}
        replaceable={replaceable}
        replacing={adding?.replacing ?? null}
        onClose={() => setAdding(null)}
        onCreated={() => {
          setAdding(null);
          setVersion((n) => n + 1);
          onChanged();
        }}
      />
    </Card>
  );
}
