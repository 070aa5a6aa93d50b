import { Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectSelect } from '../../components/ProjectSelect.tsx';
import type { Project } from '../../types.ts';
import { ComponentsPanel } from './ComponentsPanel.tsx';

/** 构件管理: pick a project, then its components (register, list, print labels). */
export default function ComponentsPage() {
  const me = useMe();
  const [project, setProject] = useState<Project | null>(null);
  return (
    <>
      <PageHeader
        title="构件管理"
        description={
          me.roles.includes('contractor_user')
            ? '为本单位施工的项目登记构件/部位，平台生成全平台唯一编号；打印二维码标签粘贴在构件上，检测时扫码关联。'
            : '查看项目的构件/部位及其唯一编号，可补打二维码标签。'
        }
      />
      <Card>
        <Flex gap={12} align="center" wrap className="filter-bar">
          <Typography.Text strong>工程项目</Typography.Text>
          <ProjectSelect style={{ width: 480 }} value={project?.id} onChange={(_, p) => setProject(p ?? null)} allowClear={false} />
          {project ? <Link to={`/projects/${project.id}`}>查看项目详情</Link> : null}
        </Flex>
        {project ? <ComponentsPanel key={project.id} project={project} /> : <Empty description="请先选择工程项目" />}
      </Card>
    </>
  );
}
