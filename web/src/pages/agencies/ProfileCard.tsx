import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { daysUntil, formatDateTime, todayBeijing } from '../../format.ts';
import { ORIGIN_LABELS } from '../../labels.ts';
import type { AgencyProfile } from '../../types.ts';
import { getProfile } from './api.ts';
import { ProfileModal } from './ProfileModal.tsx';

function FilingState({ validFrom, validTo }: { validFrom: string; validTo: string }) {
  const today = todayBeijing();
  if (today < validFrom) return <Tag color="warning">尚未生效</Tag>;
  if (today > validTo) return <Tag color="error">已过期</Tag>;
  const left = daysUntil(validTo);
  return left <= 30 ? <Tag color="warning">{left} 天后到期</Tag> : <Tag color="success">有效</Tag>;
}

export function ProfileCard({ agencyId, canManage, onChanged }: { agencyId: string; canManage: boolean; onChanged: () => void }) {
  const [profile, setProfile] = useState<AgencyProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AgencyProfile | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(null);
    getProfile(agencyId)
      .then((p) => alive && setProfile(p))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [agencyId, version]);

  return (
    <Card
      title="机构来源与入吉备案"
      style={{ marginBottom: 16 }}
      extra={
        canManage && profile ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(profile)}>
            {profile.origin ? '修改' : '登记'}
          </Button>
        ) : null
      }
    >
      {error ? (
        <Alert type="error" showIcon title="机构信息加载失败" description={error} />
      ) : !profile ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
          <Descriptions.Item label="机构名称">{profile.agencyName}</Descriptions.Item>
          <Descriptions.Item label="机构来源">
            {profile.origin ? ORIGIN_LABELS[profile.origin] : <Tag color="error">尚未登记</Tag>}
          </Descriptions.Item>
          {profile.origin === 'out_of_province' ? (
            profile.filing ? (
              <>
                <Descriptions.Item label="入吉备案编号">{profile.filing.number}</Descriptions.Item>
                <Descriptions.Item label="备案日期">{profile.filing.date}</Descriptions.Item>
                <Descriptions.Item label="备案有效期">
                  {profile.filing.validFrom} 至 {profile.filing.validTo} <FilingState validFrom={profile.filing.validFrom} validTo={profile.filing.validTo} />
                </Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label="入吉备案">
                <Tag color="error">尚未登记入吉备案</Tag>
              </Descriptions.Item>
            )
          ) : null}
          <Descriptions.Item label="最近修改">{formatDateTime(profile.updatedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      <ProfileModal
        profile={editing}
        onClose={() => {
          setEditing(null);
          setVersion((n) => n + 1);
        }}
        onSaved={(p) => {
          setEditing(null);
          setProfile(p);
          onChanged();
        }}
      />
    </Card>
  );
}
