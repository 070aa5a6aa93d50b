import { QrcodeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import type { Component, Project } from '../../types.ts';
import { resolveComponent } from './api.ts';
import { formatComponentId, parseComponentId } from './componentId.ts';

/** /c/:componentId — where a scanned label leads (after login): the component and the project it belongs to. */
export default function ComponentResolvePage() {
  const { componentId = '' } = useParams();
  const navigate = useNavigate();
  const [found, setFound] = useState<(Component & { project: Project }) | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const code = parseComponentId(componentId);

  useEffect(() => {
    if (!code) return;
    let alive = true;
    setFound(null);
    setError(null);
    resolveComponent(code)
      .then((c) => alive && setFound(c))
      .catch((e: unknown) => alive && setError({ status: e instanceof ApiError ? e.status : 0, message: errorMessage(e) }));
    return () => {
      alive = false;
    };
  }, [code]);

  if (!code) {
    return <Result status="warning" title="不是有效的构件编号" subTitle={`“${componentId}”不是平台生成的构件编号（QC 开头，含校验位）。请重新扫描或核对标签。`} extra={<Button onClick={() => navigate('/')}>返回首页</Button>} />;
  }
  if (error) {
    return (
      <Result
        status={error.status === 404 ? '404' : 'error'}
        title={error.status === 404 ? '未找到该构件' : '构件信息加载失败'}
        subTitle={error.status === 404 ? `编号 ${formatComponentId(code)} 的构件不存在，或不属于您可查看的项目。` : error.message}
        extra={<Button onClick={() => navigate('/')}>返回首页</Button>}
      />
    );
  }
  return (
    <>
      <PageHeader title="构件信息" description={<><QrcodeOutlined /> 扫描构件二维码标签所得</>} />
      {!found ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <>
          <Card title="构件/部位" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
              <Descriptions.Item label="构件编号">
                <Typography.Text strong className="mono" data-testid="resolved-code">
                  {formatComponentId(found.code)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="构件类型">{found.componentType}</Descriptions.Item>
              <Descriptions.Item label="楼栋（单体）">{found.building}</Descriptions.Item>
              <Descriptions.Item label="楼层">{orDash(found.floor)}</Descriptions.Item>
              <Descriptions.Item label="轴线或部位">{found.position}</Descriptions.Item>
              <Descriptions.Item label="备注">{orDash(found.note)}</Descriptions.Item>
              <Descriptions.Item label="登记时间">{formatDateTime(found.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="所属工程项目" extra={<Link to={`/projects/${found.project.id}`}>查看项目详情</Link>}>
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
              <Descriptions.Item label="项目名称" span={2}>
                {found.project.name}
              </Descriptions.Item>
              <Descriptions.Item label="施工许可证号">{found.project.permitNumber}</Descriptions.Item>
              <Descriptions.Item label="所在地区">{found.project.regionName}</Descriptions.Item>
              <Descriptions.Item label="项目地址" span={2}>
                {found.project.address}
              </Descriptions.Item>
              <Descriptions.Item label="建设单位">{found.project.constructionUnit.name}</Descriptions.Item>
              <Descriptions.Item label="监理单位">{found.project.supervisionUnit?.name ?? '未指定'}</Descriptions.Item>
              <Descriptions.Item label="施工单位">{found.project.contractor?.name ?? '未指定'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Alert type="info" showIcon style={{ marginTop: 16 }} title="检测人员开立检测批次时，以此编号关联被检构件；过程影像须含该编号。" />
        </>
      )}
    </>
  );
}
