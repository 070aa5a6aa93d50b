import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { formatDateTime } from '../../format.ts';
import { usePagedList } from '../../hooks/usePagedList.ts';
import { can } from '../../nav.tsx';
import type { OrgRef, Project } from '../../types.ts';
import { listProjects, type ProjectFilters } from './api.ts';
import { NewProjectModal } from './NewProjectModal.tsx';

const orgName = (o: OrgRef | null) => (o ? o.name : <Typography.Text type="secondary">未指定</Typography.Text>);

function scopeText(me: ReturnType<typeof useMe>): string {
  if (me.roles.includes('platform_admin')) return '全省登记的工程项目。';
  if (me.jurisdiction) return `${me.jurisdiction.name}辖区内的工程项目。`;
  if (me.organisation?.type === 'agency') return '委托本机构检测的工程项目。';
  return '本单位作为建设、监理或施工单位参建的工程项目。';
}

export default function ProjectsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<ProjectFilters>({ q: '' });
  const [qInput, setQInput] = useState('');
  const [creating, setCreating] = useState(false);
  const { data, loading, error, page, pageSize, onChange, reload } = usePagedList(listProjects, filters);
  const filtered = filters.q !== '' || filters.regionCode !== undefined;

  const columns: ColumnsType<Project> = [
    {
      title: '项目名称',
      dataIndex: 'name',
      render: (v: string, p) => (
        <Typography.Link className="project-name" onClick={() => navigate(`/projects/${p.id}`)}>
          {v}
        </Typography.Link>
      ),
    },
    { title: '施工许可证号', dataIndex: 'permitNumber', width: 190 },
    { title: '所在地区', dataIndex: 'regionName', width: 110 },
    { title: '建设单位', dataIndex: 'constructionUnit', width: 200, render: (o: OrgRef) => o.name },
    { title: '监理单位', dataIndex: 'supervisionUnit', width: 200, render: orgName },
    { title: '施工单位', dataIndex: 'contractor', width: 200, render: orgName },
    { title: '登记时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title="工程项目"
        description={scopeText(me)}
        extra={
          can.createProject(me) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记项目
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap className="filter-bar">
          <Input.Search
            placeholder="项目名称或施工许可证号"
            allowClear
            value={qInput}
            onChange={(e) => {
              setQInput(e.target.value);
              if (e.target.value === '') setFilters((f) => ({ ...f, q: '' }));
            }}
            onSearch={(v) => setFilters((f) => ({ ...f, q: v }))}
            enterButton="查询"
            style={{ width: 320 }}
          />
          <RegionTreeSelect placeholder="所在地区" style={{ width: 220 }} rootCode={me.jurisdiction?.code} value={filters.regionCode} onChange={(regionCode) => setFilters((f) => ({ ...f, regionCode }))} />
          {filtered ? (
            <Button
              onClick={() => {
                setQInput('');
                setFilters({ q: '' });
              }}
            >
              重置
            </Button>
          ) : null}
        </Flex>
        {error ? <Alert type="error" showIcon title="项目列表加载失败" description={error} style={{ marginBottom: 16 }} action={<Button onClick={reload}>重试</Button>} /> : null}
        <Table<Project>
          rowKey="id"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1350 }}
          locale={{ emptyText: <Empty description={filtered ? '没有符合条件的项目' : '暂无工程项目'} /> }}
          pagination={{ current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (t) => `共 ${t} 个项目`, onChange }}
        />
      </Card>
      <NewProjectModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(p) => {
          setCreating(false);
          navigate(`/projects/${p.id}`);
        }}
      />
    </>
  );
}
