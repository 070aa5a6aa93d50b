import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { can } from '../../nav.tsx';
import type { Project } from '../../types.ts';
import { CommissionsTable } from '../commissions/CommissionsTable.tsx';
import { NewCommissionModal } from '../commissions/NewCommissionModal.tsx';
import { ComponentsPanel } from '../components/ComponentsPanel.tsx';
import { getProject } from './api.ts';
import { EditProjectModal } from './EditProjectModal.tsx';
import { ringText, siteSummary } from './site.ts';

function Overview({ p }: { p: Project }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
      <Descriptions.Item label="项目名称" span={2}>
        {p.name}
      </Descriptions.Item>
      <Descriptions.Item label="施工许可证号">{p.permitNumber}</Descriptions.Item>
      <Descriptions.Item label="所在地区">{p.regionName}</Descriptions.Item>
      <Descriptions.Item label="项目地址" span={2}>
        {p.address}
      </Descriptions.Item>
      <Descriptions.Item label="定位点（WGS-84）">
        <span className="mono">
          {p.location.lng}, {p.location.lat}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="现场范围">
        {siteSummary(p.site)}
        {p.site.type === 'polygon' ? (
          <Typography.Paragraph className="mono" style={{ margin: '4px 0 0', fontSize: 12, whiteSpace: 'pre-line' }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
            {ringText(p.site.ring)}
          </Typography.Paragraph>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label="建设单位">{p.constructionUnit.name}</Descriptions.Item>
      <Descriptions.Item label="监理单位">{p.supervisionUnit?.name ?? <Typography.Text type="secondary">未指定</Typography.Text>}</Descriptions.Item>
      <Descriptions.Item label="施工单位">{p.contractor?.name ?? <Typography.Text type="secondary">未指定</Typography.Text>}</Descriptions.Item>
      <Descriptions.Item label="登记时间">{formatDateTime(p.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** /projects/:id — the project, its components and its commissions. */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [project, setProject] = useState<Project | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [editing, setEditing] = useState<Project | null>(null);
  const [commissioning, setCommissioning] = useState(false);
  const [commissionVersion, setCommissionVersion] = useState(0);
  const [tab, setTab] = useState('overview');

  useEffect(() => {
    let alive = true;
    setError(null);
    getProject(id)
      .then((p) => alive && setProject(p))
      .catch((e: unknown) => alive && setError({ status: e instanceof ApiError ? e.status : 0, message: errorMessage(e) }));
    return () => {
      alive = false;
    };
  }, [id]);

  if (error) {
    return (
      <Result
        status={error.status === 404 ? '404' : 'error'}
        title={error.status === 404 ? '项目不存在或无权查看' : '项目加载失败'}
        subTitle={error.message}
        extra={<Button onClick={() => navigate('/projects')}>返回项目列表</Button>}
      />
    );
  }

  const owner = project !== null && (me.roles.includes('platform_admin') || (me.roles.includes('construction_user') && me.organisation?.id === project.constructionUnit.id));
  const mayCommission = project !== null && can.commission(me) && me.organisation?.id === project.constructionUnit.id;
  return (
    <>
      <PageHeader
        title={project ? `工程项目 · ${project.name}` : '工程项目'}
        description={project ? `施工许可证号 ${project.permitNumber} · ${project.regionName}` : undefined}
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/projects')}>
              返回列表
            </Button>
            {owner && project ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(project)}>
                修改项目
              </Button>
            ) : null}
            {mayCommission ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCommissioning(true)}>
                委托检测机构
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        {!project ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'overview', label: '项目概况', children: <Overview p={project} /> },
              { key: 'components', label: '构件/部位', children: <ComponentsPanel project={project} /> },
              { key: 'commissions', label: '检测委托', children: <CommissionsTable projectId={project.id} version={commissionVersion} /> },
            ]}
          />
        )}
      </Card>
      <EditProjectModal
        project={editing}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          setEditing(null);
          setProject(p);
        }}
      />
      {mayCommission && project ? (
        <NewCommissionModal
          open={commissioning}
          projectId={project.id}
          onClose={() => setCommissioning(false)}
          onCreated={() => {
            setCommissioning(false);
            setTab('commissions');
            setCommissionVersion((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}
