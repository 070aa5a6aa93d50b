import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { DocumentLink } from '../../components/Documents.tsx';
import { InForceTag, SpecialtyTags } from '../../components/Tags.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import { CERTIFICATE_KIND_LABELS, PERSONNEL_ROLE_LABELS, specialtyLabel } from '../../labels.ts';
import { can } from '../../nav.tsx';
import type { PersonCertificate, PersonDetail } from '../../types.ts';
import { getPerson, revealResidentId } from './api.ts';
import { CertificateModal, EditPersonModal, LeaveModal } from './PersonModals.tsx';

export function PersonStatusTag({ status, leftOn }: { status: 'active' | 'left'; leftOn: string | null }) {
  return status === 'active' ? <Tag color="success">在职</Tag> : <Tag>已离职{leftOn ? `（${leftOn}）` : ''}</Tag>;
}

/** The full ID number, after a confirmation that says the viewing is recorded. */
function RevealId({ personId }: { personId: string }) {
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (full) {
    return (
      <Typography.Text className="mono" copyable data-testid="resident-id-full">
        {full}
      </Typography.Text>
    );
  }
  return (
    <Popconfirm
      title="查看完整证件号？"
      description="查看完整身份证号将记入审计日志（查看人、时间）。仅在核对身份等必要时查看。"
      okText="查看"
      cancelText="取消"
      onConfirm={async () => {
        setBusy(true);
        try {
          setFull((await revealResidentId(personId)).residentId);
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button size="small" icon={<EyeOutlined />} loading={busy}>
        查看完整证件号
      </Button>
    </Popconfirm>
  );
}

export function PersonDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const me = useMe();
  const [person, setPerson] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [certFor, setCertFor] = useState<PersonDetail | null>(null);
  const [leaving, setLeaving] = useState<PersonDetail | null>(null);
  const [editing, setEditing] = useState<PersonDetail | null>(null);

  useEffect(() => {
    if (!id) return;
    let alive = true;
    setError(null);
    getPerson(id)
      .then((p) => alive && setPerson(p))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [id, version]);

  useEffect(() => {
    if (!id) setPerson(null);
  }, [id]);

  const manage = person !== null && can.manageAgency(me, person.agencyId);
  const active = person?.status === 'active';
  const refresh = () => {
    setVersion((n) => n + 1);
    onChanged();
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={person ? `${person.name} · 检测人员` : '检测人员'}
      size={900}
      destroyOnHidden
      extra={
        manage && active && person ? (
          <Space>
            <Button onClick={() => setEditing(person)}>修改</Button>
            <Button danger onClick={() => setLeaving(person)}>
              办理离职
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? (
        <Alert type="error" showIcon title="人员信息加载失败" description={error} />
      ) : !person ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Descriptions column={1} bordered size="middle" styles={{ label: { width: 130 } }}>
            <Descriptions.Item label="姓名">{person.name}</Descriptions.Item>
            <Descriptions.Item label="身份证号">
              <Space wrap>
                <Typography.Text className="mono">{person.residentIdMasked}</Typography.Text>
                {manage ? <RevealId key={person.id} personId={person.id} /> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="所属机构">{person.agencyName}</Descriptions.Item>
            <Descriptions.Item label="岗位">
              <span className="tag-list">
                {person.roles.map((r) => (
                  <Tag key={r}>{PERSONNEL_ROLE_LABELS[r]}</Tag>
                ))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="持证专项">
              <SpecialtyTags codes={person.certifiedSpecialties} empty="无有效期内的证书" />
            </Descriptions.Item>
            <Descriptions.Item label="关联账号">{orDash(person.username)}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <PersonStatusTag status={person.status} leftOn={person.leftOn} />
            </Descriptions.Item>
            <Descriptions.Item label="入职日期">{person.joinedOn}</Descriptions.Item>
            <Descriptions.Item label="登记时间">{formatDateTime(person.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Card
            title="岗位证书"
            size="small"
            style={{ marginTop: 16 }}
            extra={
              manage && active ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setCertFor(person)}>
                  登记证书
                </Button>
              ) : null
            }
          >
            <Table<PersonCertificate>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 800 }}
              dataSource={person.certificates}
              locale={{ emptyText: <Empty description="尚未登记证书" /> }}
              columns={[
                { title: '类别', dataIndex: 'kind', width: 100, render: (_: unknown, c) => CERTIFICATE_KIND_LABELS[c.kind] },
                { title: '专项', dataIndex: 'specialty', width: 150, render: (v: string) => specialtyLabel(v) },
                { title: '证书编号', dataIndex: 'certificateNumber' },
                { title: '有效期', key: 'validity', width: 200, render: (_: unknown, c) => `${c.validFrom} 至 ${c.validTo}` },
                { title: '状态', dataIndex: 'inForce', width: 110, render: (v: boolean) => <InForceTag inForce={v} /> },
                { title: '扫描件', dataIndex: 'documentId', width: 90, render: (v: string | null) => <DocumentLink id={v} label="查看" /> },
              ]}
            />
          </Card>
        </>
      )}
      <CertificateModal
        person={certFor}
        onClose={() => setCertFor(null)}
        onSaved={() => {
          setCertFor(null);
          refresh();
        }}
      />
      <LeaveModal
        person={leaving}
        onClose={() => setLeaving(null)}
        onSaved={() => {
          setLeaving(null);
          refresh();
        }}
      />
      <EditPersonModal
        person={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </Drawer>
  );
}
