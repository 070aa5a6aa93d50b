import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { can } from '../../nav.tsx';
import type { Catalogue, CatalogueField, CatalogueItem, CatalogueVersionInfo } from '../../types.ts';
import { getCatalogueVersion, getCurrentCatalogue, listCatalogueVersions, type PublishResult } from './api.ts';
import { PublishModal } from './PublishModal.tsx';

const TYPE_LABELS: Record<CatalogueField['type'], string> = { number: '数值', integer: '整数', string: '文本', enum: '选项' };

function rangeOf(f: CatalogueField): string {
  if (f.type === 'enum') return (f.options ?? []).map((o) => o.label).join(' / ');
  if (f.type === 'string') return f.maxLength ? `≤ ${f.maxLength} 字` : '—';
  if (f.min !== undefined && f.max !== undefined) return `${f.min} ～ ${f.max}`;
  if (f.min !== undefined) return `≥ ${f.min}`;
  if (f.max !== undefined) return `≤ ${f.max}`;
  return '—';
}

function FieldsTable({ item }: { item: CatalogueItem }) {
  return (
    <Table<CatalogueField>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={item.fields}
      columns={[
        { title: '原始记录字段', dataIndex: 'label' },
        { title: '字段键', dataIndex: 'key', width: 170, render: (v: string) => <span className="mono">{v}</span> },
        { title: '类型', dataIndex: 'type', width: 70, render: (v: CatalogueField['type']) => TYPE_LABELS[v] },
        { title: '单位', dataIndex: 'unit', width: 80, render: (v?: string) => v ?? '—' },
        { title: '取值范围', key: 'range', width: 220, render: (_: unknown, f) => rangeOf(f) },
        { title: '必填', dataIndex: 'required', width: 60, render: (v: boolean) => (v ? '是' : '否') },
      ]}
    />
  );
}

const itemColumns: ColumnsType<CatalogueItem> = [
  { title: '检测项目', dataIndex: 'name', render: (v: string, i) => (<Space orientation="vertical" size={0}><Typography.Text strong>{v}</Typography.Text><Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{i.code}</Typography.Text></Space>) },
  { title: '依据标准', dataIndex: 'standard', width: 340 },
  { title: '自动采集', dataIndex: 'autoCollected', width: 100, render: (v: boolean) => (v ? <Tag color="blue">自动采集</Tag> : <Tag>人工记录</Tag>) },
  { title: '过程影像', dataIndex: 'minImages', width: 100, render: (v: number) => (v > 0 ? `每条至少 ${v} 张` : '不要求') },
  { title: '字段', key: 'fields', width: 70, render: (_: unknown, i) => `${i.fields.length} 个` },
];

export default function CataloguePage() {
  const me = useMe();
  const { modal } = App.useApp();
  const [current, setCurrent] = useState<Catalogue | null>(null);
  const [shown, setShown] = useState<Catalogue | null>(null);
  const [versions, setVersions] = useState<CatalogueVersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingVersion, setLoadingVersion] = useState(false);
  const [editing, setEditing] = useState<Catalogue | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(null);
    Promise.all([getCurrentCatalogue(), listCatalogueVersions()])
      .then(([c, v]) => {
        if (!alive) return;
        setCurrent(c);
        setShown(c);
        setVersions(v);
      })
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [reload]);

  const pickVersion = async (v: number) => {
    if (current && v === current.version) return setShown(current);
    setLoadingVersion(true);
    try {
      setShown(await getCatalogueVersion(v));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingVersion(false);
    }
  };

  const onPublished = (r: PublishResult) => {
    setEditing(null);
    modal.info({
      title: `已发布第 ${r.version} 版`,
      content: (
        <div>
          <p>新增检测项目 {r.changes.added.length} 个{r.changes.added.length ? `：${r.changes.added.join('、')}` : ''}</p>
          <p>修改检测项目 {r.changes.changed.length} 个{r.changes.changed.length ? `：${r.changes.changed.join('、')}` : ''}</p>
          <p>删除检测项目 {r.changes.removed.length} 个{r.changes.removed.length ? `：${r.changes.removed.join('、')}` : ''}</p>
        </div>
      ),
      okText: '知道了',
    });
    setReload((n) => n + 1);
  };

  const historic = shown && current && shown.version !== current.version;
  return (
    <>
      <PageHeader
        title="检测项目目录"
        description="各专项的现场检测项目、依据标准、原始记录字段（单位、取值范围）、是否自动采集及过程影像要求。目录以版本发布，检测批次记录其所用版本。"
        extra={
          can.publishCatalogue(me) && current ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(current)}>
              发布新版本
            </Button>
          ) : null
        }
      />
      {error ? <Alert type="error" showIcon title="检测项目目录加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={() => setReload((n) => n + 1)}>重试</Button>} /> : null}
      {!shown ? (
        !error ? <Card><Skeleton active paragraph={{ rows: 10 }} /></Card> : null
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label="版本">
                <Select
                  size="small"
                  style={{ width: 200 }}
                  value={shown.version}
                  loading={loadingVersion}
                  onChange={(v: number) => void pickVersion(v)}
                  options={(versions ?? []).map((v) => ({ value: v.version, label: `第 ${v.version} 版${current && v.version === current.version ? '（现行）' : ''}` }))}
                />
              </Descriptions.Item>
              <Descriptions.Item label="发布人">{shown.authorName}</Descriptions.Item>
              <Descriptions.Item label="发布时间">{formatDateTime(shown.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="修改说明" span={2}>
                {shown.note}
              </Descriptions.Item>
              <Descriptions.Item label="检测项目">{shown.itemCount} 个</Descriptions.Item>
            </Descriptions>
            {historic ? <Alert type="info" showIcon style={{ marginTop: 12 }} title={`正在查看历史版本第 ${shown.version} 版；现行为第 ${current.version} 版。`} /> : null}
          </Card>
          <Card>
            <Tabs
              items={shown.document.specialties.map((s) => ({
                key: s.code,
                label: `${s.name}（${s.items.length}）`,
                children: (
                  <>
                    {s.note ? <Alert type="info" showIcon title={s.note} style={{ marginBottom: 12 }} /> : null}
                    <Table<CatalogueItem>
                      rowKey="code"
                      columns={itemColumns}
                      dataSource={s.items}
                      pagination={false}
                      expandable={{ expandedRowRender: (i) => <FieldsTable item={i} /> }}
                      locale={{ emptyText: <Empty description="本专项暂无现场检测项目" /> }}
                    />
                  </>
                ),
              }))}
            />
          </Card>
          <Card title="版本记录" style={{ marginTop: 16 }}>
            <Table<CatalogueVersionInfo>
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={versions ?? []}
              columns={[
                { title: '版本', dataIndex: 'version', width: 90, render: (v: number) => `第 ${v} 版` },
                { title: '修改说明', dataIndex: 'note' },
                { title: '检测项目', dataIndex: 'itemCount', width: 90, render: (v: number) => `${v} 个` },
                { title: '发布人', dataIndex: 'authorName', width: 160 },
                { title: '发布时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
                { title: '校验值', dataIndex: 'checksum', width: 130, render: (v: string) => <Typography.Text className="mono" copyable={{ text: v }}>{v.slice(0, 10)}…</Typography.Text> },
                { title: '操作', key: 'view', width: 70, render: (_: unknown, v) => <Typography.Link onClick={() => void pickVersion(v.version)}>查看</Typography.Link> },
              ]}
            />
          </Card>
        </>
      )}
      <PublishModal base={editing} onClose={() => setEditing(null)} onPublished={onPublished} />
    </>
  );
}
