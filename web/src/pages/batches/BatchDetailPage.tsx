import { ArrowLeftOutlined, CameraOutlined, CheckCircleOutlined, EditOutlined, FieldTimeOutlined, LockOutlined, RollbackOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import { batchCan } from './access.ts';
import { AttestModal, CompleteModal, ExceptionModal, ReviewModal, SealModal } from './ActionModals.tsx';
import { AnomaliesTable } from './AnomaliesTable.tsx';
import { getBatch, type BatchDetail, type RawRecord } from './api.ts';
import { BatchStatusTag } from './BatchesTable.tsx';
import { Countdown } from './Countdown.tsx';
import { GalleryTab } from './GalleryTab.tsx';
import { eventLabel } from './labels.ts';
import { BATCH_PANELS } from './panels.ts';
import { RecordModal } from './RecordModal.tsx';
import { RecordsTab } from './RecordsTab.tsx';
import { UploadImageModal } from './UploadImageModal.tsx';
import { WitnessTab } from './WitnessTab.tsx';

function Header({ b, fetchedAt }: { b: BatchDetail; fetchedAt: number }) {
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small" className="batch-header">
      <Descriptions.Item label="工程项目" span={2}>
        {b.project.name}
      </Descriptions.Item>
      <Descriptions.Item label="上传时限">
        <Countdown deadline={b.deadline} locked={b.locked} fetchedAt={fetchedAt} />
        {b.deadline.deadline ? <div className="muted">截止 {formatDateTime(b.deadline.deadline)}</div> : null}
      </Descriptions.Item>
      <Descriptions.Item label="检测机构">{b.agency.name}</Descriptions.Item>
      <Descriptions.Item label="检测委托">{b.commission.contractNumber ?? '无合同编号'}</Descriptions.Item>
      <Descriptions.Item label="专项">
        <Tag color="geekblue">{b.specialtyName}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="检测项目" span={3}>
        {b.items.map((i) => (
          <Tag key={i.code} color={i.autoCollected ? 'blue' : 'default'}>
            {i.name}
            {i.autoCollected ? '（自动采集）' : ''}
          </Tag>
        ))}
        <span className="muted">目录第 {b.catalogueVersion} 版</span>
      </Descriptions.Item>
      <Descriptions.Item label="构件/部位" span={3}>
        {b.components.map((c) => (
          <Tag key={c.code}>
            <span className="mono">{c.display}</span> {[c.building, c.floor, c.position, c.componentType].filter(Boolean).join(' ')}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label="检测设备" span={3}>
        {b.equipment.map((e) => (
          <Tag key={e.id}>
            {e.equipmentType} {e.model}（{e.serialNumber}）{e.autoCollect ? ' · 自动采集' : ''}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label="检测人员">{b.testers.map((t) => t.name).join('、')}</Descriptions.Item>
      <Descriptions.Item label="上传负责人">{b.uploadOwner.name}</Descriptions.Item>
      <Descriptions.Item label="见证人员">
        {b.witness.name} {b.witness.registeredNow ? null : <Tag color="red">当前未在本项目登记</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="开启时间">{formatDateTime(b.openedAt)}</Descriptions.Item>
      <Descriptions.Item label="完成时间">{formatDateTime(b.completedAt)}</Descriptions.Item>
      <Descriptions.Item label="封存时间">{formatDateTime(b.sealedAt)}</Descriptions.Item>
      {b.note ? (
        <Descriptions.Item label="备注" span={3}>
          {b.note}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function SealsTab({ b }: { b: BatchDetail }) {
  return (
    <Table
      className="seals-table"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={b.seals}
      locale={{ emptyText: <Empty description="尚未封存" /> }}
      columns={[
        { title: '次序', dataIndex: 'seq', width: 70, render: (n: number) => `第 ${n} 次` },
        { title: '封存时间', dataIndex: 'sealedAt', width: 170, render: (v: string) => formatDateTime(v) },
        { title: '封存人', dataIndex: 'sealedByName', width: 160, render: (v: string | null, s) => `${orDash(v)}${s.sealedByType === 'machine' ? '（机构系统）' : ''}` },
        { title: '原始记录', dataIndex: 'recordCount', width: 90, align: 'right' },
        { title: '影像', dataIndex: 'imageCount', width: 80, align: 'right' },
        { title: '清单摘要（SHA-256）', dataIndex: 'manifestSha256', render: (v: string) => <Typography.Text className="mono" copyable ellipsis style={{ maxWidth: 420 }}>{v}</Typography.Text> },
      ]}
    />
  );
}

function ReviewsTab({ b }: { b: BatchDetail }) {
  const seq = (sealId: string) => b.seals.find((s) => s.id === sealId)?.seq;
  return (
    <Table
      className="reviews-table"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={b.reviews}
      locale={{ emptyText: <Empty description="尚无复核" /> }}
      columns={[
        { title: '复核时间', dataIndex: 'reviewedAt', width: 170, render: (v: string) => formatDateTime(v) },
        { title: '复核人', dataIndex: 'reviewer', width: 120, render: (_: unknown, r) => r.reviewer.name },
        { title: '封存', dataIndex: 'sealId', width: 90, render: (v: string) => `第 ${seq(v) ?? '?'} 次` },
        {
          title: '结论',
          dataIndex: 'decision',
          width: 100,
          render: (d: 'approve' | 'return') => (d === 'approve' ? <Tag color="success">通过</Tag> : <Tag color="warning">退回更正</Tag>),
        },
        { title: '理由', dataIndex: 'reasons', render: (v: string | null) => orDash(v) },
      ]}
    />
  );
}

function TimelineTab({ b }: { b: BatchDetail }) {
  return (
    <Timeline
      className="batch-timeline"
      items={b.events.map((e) => ({
        key: e.id,
        content: (
          <div>
            <Typography.Text strong>{eventLabel(e.event)}</Typography.Text>
            <span className="muted" style={{ marginLeft: 8 }}>
              {formatDateTime(e.at)} · {e.actorName ?? '系统'}
              {e.actorType === 'machine' ? '（机构系统）' : ''}
            </span>
            {e.reason ? <div>理由：{e.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

type Modal = 'complete' | 'seal' | 'approve' | 'return' | 'attest' | 'exception' | 'image' | 'record' | null;

/** /batches/:id — one batch: its header, the evidence in tabs, the actions its viewer may take, the plug-in cards. */
export default function BatchDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [batch, setBatch] = useState<BatchDetail | null>(null);
  const [fetchedAt, setFetchedAt] = useState(() => performance.now());
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [tab, setTab] = useState('records');
  const [modal, setModal] = useState<Modal>(null);
  const [correcting, setCorrecting] = useState<RawRecord | null>(null);
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    const ctl = new AbortController();
    getBatch(id, ctl.signal)
      .then((b) => {
        setBatch(b);
        setFetchedAt(performance.now());
        setError(null);
      })
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError({ status: e instanceof ApiError ? e.status : 0, message: errorMessage(e) });
      });
    return () => ctl.abort();
  }, [id, version]);

  if (error && !batch) {
    return (
      <Result
        status={error.status === 404 ? '404' : 'error'}
        title={error.status === 404 ? '检测批次不存在或无权查看' : '检测批次加载失败'}
        subTitle={error.message}
        extra={<Button onClick={() => navigate('/batches')}>返回批次列表</Button>}
      />
    );
  }

  const done = (next?: BatchDetail) => {
    setModal(null);
    if (next) {
      setBatch(next);
      setFetchedAt(performance.now());
    }
    reload();
  };

  const b = batch;
  const actions = b ? (
    <Space wrap className="batch-actions">
      {batchCan.upload(me, b) ? (
        <Button icon={<CameraOutlined />} onClick={() => setModal('image')}>
          上传影像
        </Button>
      ) : null}
      {batchCan.upload(me, b) ? (
        <Button icon={<EditOutlined />} onClick={() => setModal('record')}>
          录入记录
        </Button>
      ) : null}
      {batchCan.complete(me, b) ? (
        <Button icon={<FieldTimeOutlined />} onClick={() => setModal('complete')}>
          申报完成
        </Button>
      ) : null}
      {batchCan.seal(me, b) ? (
        <Button type="primary" icon={<LockOutlined />} onClick={() => setModal('seal')}>
          封存
        </Button>
      ) : null}
      {batchCan.review(me, b) ? (
        <>
          <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setModal('approve')}>
            复核通过
          </Button>
          <Button danger icon={<RollbackOutlined />} onClick={() => setModal('return')}>
            退回更正
          </Button>
        </>
      ) : null}
      {batchCan.attest(me, b) ? (
        <Button type="primary" icon={<SafetyOutlined />} onClick={() => setModal('attest')}>
          见证确认
        </Button>
      ) : null}
      {batchCan.grantManualEntry(me, b) ? (
        <Button icon={<UnlockOutlined />} onClick={() => setModal('exception')}>
          准许人工录入
        </Button>
      ) : null}
    </Space>
  ) : null;

  return (
    <>
      <PageHeader
        title={b ? `检测批次 · ${b.batchNumber}` : '检测批次'}
        description={
          b ? (
            <Space size={8} wrap>
              <BatchStatusTag b={b} />
              {b.lock.locked ? (
                <Tag color="red" icon={<LockOutlined />}>
                  报告生成权限已锁定{b.lock.lockReason ? `：${b.lock.lockReason}` : ''}
                </Tag>
              ) : null}
              <span>{b.agency.name}</span>
            </Space>
          ) : undefined
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/batches')}>
            返回列表
          </Button>
        }
      />
      {!b ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <>
          <Card style={{ marginBottom: 16 }} title="批次信息" extra={actions}>
            {error ? <Alert type="warning" showIcon title={`刷新失败：${error.message}`} style={{ marginBottom: 12 }} /> : null}
            <Header b={b} fetchedAt={fetchedAt} />
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'records', label: `原始记录（${b.latestRecordCount}）`, children: <RecordsTab batch={b} version={version} onCorrect={batchCan.correct(me, b) ? setCorrecting : undefined} /> },
                { key: 'images', label: '影像资料', children: <GalleryTab batch={b} version={version} /> },
                { key: 'witness', label: `见证（${b.attestations.length}）`, children: <WitnessTab batch={b} version={version} onChanged={reload} /> },
                { key: 'seals', label: `封存（${b.seals.length}）`, children: <SealsTab b={b} /> },
                { key: 'reviews', label: `复核（${b.reviews.length}）`, children: <ReviewsTab b={b} /> },
                {
                  key: 'anomalies',
                  label: `异常（${b.anomalies.filter((a) => a.status === 'open').length}/${b.anomalies.length}）`,
                  children: <AnomaliesTable batchId={b.id} version={version} onChanged={reload} />,
                },
                { key: 'timeline', label: '时间线', children: <TimelineTab b={b} /> },
              ]}
            />
          </Card>
          {BATCH_PANELS.map((p) => (
            <div key={p.key} style={{ marginBottom: 16 }} className={`batch-panel-${p.key}`}>
              {p.render(b, reload)}
            </div>
          ))}
          <CompleteModal batch={modal === 'complete' ? b : null} onClose={() => setModal(null)} onDone={done} />
          <SealModal batch={modal === 'seal' ? b : null} onClose={() => setModal(null)} onDone={done} />
          <ReviewModal batch={modal === 'approve' || modal === 'return' ? b : null} decision={modal === 'return' ? 'return' : 'approve'} onClose={() => setModal(null)} onDone={done} />
          <AttestModal batch={modal === 'attest' ? b : null} onClose={() => setModal(null)} onDone={() => done()} />
          <ExceptionModal batch={modal === 'exception' ? b : null} onClose={() => setModal(null)} onDone={() => done()} />
          <UploadImageModal batch={modal === 'image' ? b : null} onClose={() => setModal(null)} onDone={() => done()} />
          <RecordModal batch={modal === 'record' ? b : null} onClose={() => setModal(null)} onDone={() => done()} />
          <RecordModal
            batch={correcting ? b : null}
            correcting={correcting}
            onClose={() => setCorrecting(null)}
            onDone={() => {
              setCorrecting(null);
              reload();
            }}
          />
        </>
      )}
    </>
  );
}
