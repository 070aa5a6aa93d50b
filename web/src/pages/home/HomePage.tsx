import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleTags } from '../../components/Tags.tsx';
import { jurisdictionLabel, organisationTypeLabel } from '../../labels.ts';
import { can, navFor } from '../../nav.tsx';
import { CalendarBanner } from '../calendar/CalendarBanner.tsx';

export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const shortcuts = navFor(me).filter((e) => !e.noShortcut);

  return (
    <>
      <PageHeader title={`您好，${me.displayName}`} description="欢迎使用吉林省建设工程质量检测监管平台。" />
      {can.loadCalendar(me) ? <CalendarBanner /> : null}
      <Card title="我的身份" style={{ marginBottom: 24 }}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
          <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
          <Descriptions.Item label="角色">
            <RoleTags roles={me.roles} />
          </Descriptions.Item>
          <Descriptions.Item label="所属机构">
            {me.organisation ? `${me.organisation.name}（${organisationTypeLabel(me.organisation.type)}）` : '平台运营（不隶属于任何机构）'}
          </Descriptions.Item>
          <Descriptions.Item label="监管辖区">
{jurisdictionLabel(me)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={5} style={{ marginBottom: 12 }}>
        常用功能
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((e) => (
          <Col key={e.path} xs={24} sm={12} lg={8} xl={6}>
            <Card hoverable className="shortcut-card" onClick={() => navigate(e.path)} role="link" aria-label={e.label}>
              <Card.Meta avatar={<span style={{ fontSize: 24, color: '#1d5fb8' }}>{e.icon}</span>} title={e.label} description={e.description} />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
