import { Alert, Button, Card, Col, Descriptions, Empty, Input, Row, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../auth.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ancestorsOf, findNode, useRegions, type RegionNode } from '../../hooks/useRegions.ts';
import { REGION_LEVEL_LABELS } from '../../labels.ts';
import type { Region } from '../../types.ts';

/** The codes to keep when searching: every match and the path down to it. */
function matching(nodes: readonly RegionNode[], text: string, keep: Set<string>, trail: string[] = []): void {
  for (const n of nodes) {
    const path = [...trail, n.region.code];
    if (n.region.name.includes(text) || n.region.code.startsWith(text)) path.forEach((c) => keep.add(c));
    matching(n.children, text, keep, path);
  }
}

function RegionDetail({ region, byCode, childCount, mark }: { region: Region; byCode: ReadonlyMap<string, Region>; childCount: number; mark: string | null }) {
  const parent = region.parentCode ? byCode.get(region.parentCode) : undefined;
  return (
    <Descriptions column={1} bordered size="middle" styles={{ label: { width: 120 } }}>
      <Descriptions.Item label="名称">
        {region.name} {mark ? <Tag color="blue">{mark}</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label="区划代码">{region.code}</Descriptions.Item>
      <Descriptions.Item label="级别">{REGION_LEVEL_LABELS[region.level]}</Descriptions.Item>
      <Descriptions.Item label="上级区划">{parent ? `${parent.name}（${parent.code}）` : '—'}</Descriptions.Item>
      <Descriptions.Item label="住建部门">
        {region.hasDepartment ? <Tag color="green">设有本级住建部门</Tag> : <Tag>未设本级住建部门，由上级住建部门管辖</Tag>}
      </Descriptions.Item>
      {region.gb2260 !== undefined ? (
        <Descriptions.Item label="代码来源">{region.gb2260 ? 'GB/T 2260 行政区划代码' : '平台自定义代码（非国家标准行政区划）'}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label="下级区划">{childCount > 0 ? `${childCount} 个` : '无'}</Descriptions.Item>
    </Descriptions>
  );
}

export default function RegionsPage() {
  const me = useMe();
  const { tree, byCode, loading, error, retry } = useRegions();
  const ownCode = me.jurisdiction?.code ?? me.organisation?.regionCode ?? null;
  const ownMark = me.jurisdiction ? '本辖区' : me.organisation ? '本单位所在地' : null;
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [search, setSearch] = useState('');

  // Once the regions arrive: open the tree down to one's own region and select it.
  useEffect(() => {
    if (tree.length === 0 || selected !== null) return;
    const start = ownCode && byCode.has(ownCode) ? ownCode : tree[0]!.region.code;
    setSelected(start);
    setExpanded([...new Set([...tree.map((n) => n.region.code), ...ancestorsOf(start, byCode)])]);
  }, [tree, byCode, ownCode, selected]);

  const keep = useMemo(() => {
    const text = search.trim();
    if (!text) return null;
    const s = new Set<string>();
    matching(tree, text, s);
    return s;
  }, [tree, search]);

  const treeData = useMemo(() => {
    const render = (nodes: readonly RegionNode[]): DataNode[] =>
      nodes
        .filter((n) => !keep || keep.has(n.region.code))
        .map((n) => ({
          key: n.region.code,
          title: (
            <span className={n.region.code === ownCode ? 'region-current' : undefined}>
              {n.region.name}
              {n.region.code === ownCode && ownMark ? (
                <Tag color="blue" style={{ marginLeft: 8 }}>
                  {ownMark}
                </Tag>
              ) : null}
              {n.region.hasDepartment ? null : (
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  无本级住建部门
                </Typography.Text>
              )}
            </span>
          ),
          children: n.children.length > 0 ? render(n.children) : undefined,
          isLeaf: n.children.length === 0,
        }));
    return render(tree);
  }, [tree, keep, ownCode, ownMark]);

  if (error) {
    return (
      <>
        <PageHeader title="行政区划" />
        <Alert type="error" showIcon title="行政区划加载失败" description={error} action={<Button onClick={retry}>重试</Button>} />
      </>
    );
  }
  if (loading) return <FullPageSpin />;

  const selectedRegion = selected ? byCode.get(selected) : undefined;
  const selectedNode = selected ? findNode(tree, selected) : undefined;

  return (
    <>
      <PageHeader
        title="行政区划"
        description={me.jurisdiction ? `您的监管辖区为${me.jurisdiction.name}，已在树中标出。` : '全省行政区划及各级住建部门设置。'}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="区划树">
            <Input.Search placeholder="按名称或代码查找" allowClear onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 12 }} />
            {treeData.length === 0 ? (
              <Empty description="没有匹配的行政区划" />
            ) : (
              <Tree
                treeData={treeData}
                height={560}
                showLine
                selectedKeys={selected ? [selected] : []}
                expandedKeys={keep ? [...keep] : expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                onSelect={(keys) => {
                  if (keys[0] !== undefined) setSelected(String(keys[0]));
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="区划信息">
            {selectedRegion ? (
              <RegionDetail
                region={selectedRegion}
                byCode={byCode}
                childCount={selectedNode?.children.length ?? 0}
                mark={selectedRegion.code === ownCode ? ownMark : null}
              />
            ) : (
              <Empty description="请在左侧选择一个行政区划" />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
