import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { formatDateTime } from '../../format.ts';
import { batchCan } from './access.ts';
import { listCheckins, type BatchDetail, type Checkin } from './api.ts';
import { CheckinModal } from './CheckinModal.tsx';
import { Thumb } from './GalleryTab.tsx';

/** 见证: the witness's check-ins on site (photo, time, position) and attestations; the witness checks in here. */
export function WitnessTab({ batch, version, onChanged }: { batch: BatchDetail; version: number; onChanged: () => void }) {
  const me = useMe();
  const [checkinOpen, setCheckinOpen] = useState(false);
  const [checkins, setCheckins] = useState<Checkin[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const batchId = batch.id;
  useEffect(() => {
    let alive = true;
    listCheckins(batchId)
      .then((c) => alive && setCheckins(c))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [batchId, version]);

  return (
    <Flex vertical gap={16}>
      <div>
        <Flex justify="space-between" align="center">
          <Typography.Title level={5}>现场签到</Typography.Title>
          {batchCan.checkIn(me, batch) ? (
            <Button type="primary" icon={<EnvironmentOutlined />} onClick={() => setCheckinOpen(true)}>
              现场签到
            </Button>
          ) : null}
        </Flex>
        {error ? <Alert type="error" showIcon title={`签到记录加载失败：${error}`} /> : null}
        {checkins && checkins.length === 0 ? <Empty description="见证人员尚未现场签到" /> : null}
        <Flex wrap gap={16}>
          {(checkins ?? []).map((c) => (
            <Card key={c.id} size="small" style={{ width: 240 }} cover={<Thumb img={c.photo} />} className="checkin-card">
              <div>
                <Typography.Text strong>{c.witness.name}</Typography.Text> {c.namedOnBatch ? null : <Tag color="red">非本批次见证人员</Tag>}
              </div>
              <div className="muted">{formatDateTime(c.checkedInAt)}</div>
              <div className="mono muted">
                {c.location.lat.toFixed(6)}, {c.location.lng.toFixed(6)}
              </div>
              <Space size={4} wrap>
                {c.insideSite ? <Tag color="success">在项目范围内</Tag> : <Tag color="red">超出项目范围</Tag>}
                {c.flags.map((f) => (
                  <Tag key={f.kind} color="orange">
                    {f.label}
                  </Tag>
                ))}
              </Space>
            </Card>
          ))}
        </Flex>
      </div>
      <div>
        <Typography.Title level={5}>见证确认</Typography.Title>
        <Table
          className="attestations-table"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={batch.attestations}
          locale={{ emptyText: <Empty description="见证人员尚未确认见证" /> }}
          columns={[
            { title: '确认时间', dataIndex: 'attestedAt', width: 170, render: (v: string) => formatDateTime(v) },
            { title: '见证人员', dataIndex: 'witness', width: 120, render: (_: unknown, a) => a.witness.name },
            { title: '登记状态', dataIndex: 'registered', width: 130, render: (r: boolean) => (r ? <Tag color="success">已在本项目登记</Tag> : <Tag color="red">未在本项目登记</Tag>) },
            { title: '见证说明', dataIndex: 'statement' },
          ]}
        />
      </div>
      <CheckinModal batch={checkinOpen ? batch : null} onClose={() => setCheckinOpen(false)} onSaved={onChanged} />
    </Flex>
  );
}
