import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { formatDateTime } from '../../format.ts';
import { useFilteredList } from '../../hooks/useFilteredList.ts';
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
  const list = useFilteredList(listProjects, { q: '' } as ProjectFilters);
  const [creating, setCreating] = useState(false);

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
      <ListPage<Project, ProjectFilters>
        list={list}
        title="工程项目"
        description={scopeText(me)}
        extra={
          can.createProject(me) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记项目
            </Button>
          ) : null
        }
        search={{ field: 'q', placeholder: '项目名称或施工许可证号', width: 320 }}
        filters={
          <RegionTreeSelect placeholder="所在地区" style={{ width: 220 }} rootCode={me.jurisdiction?.code} value={list.filters.regionCode} onChange={(regionCode) => list.set({ regionCode })} />
        }
        errorTitle="项目列表加载失败"
        empty="暂无工程项目"
        emptyFiltered="没有符合条件的项目"
        total={(t) => `共 ${t} 个项目`}
        table={{ rowKey: 'id', columns, scroll: { x: 1350 } }}
      />
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
