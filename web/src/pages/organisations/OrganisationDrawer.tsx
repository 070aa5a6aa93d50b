import { Alert, Descriptions, Drawer, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api.ts';
import { OrganisationTypeTag, StatusTag } from '../../components/Tags.tsx';
import { formatDateTime, orDash } from '../../format.ts';
import type { Organisation } from '../../types.ts';
import { getOrganisation } from './api.ts';
import { OrganisationStatusButton } from './StatusButton.tsx';

interface Props {
  id: string | null;
  canManage: boolean;
  onClose: () => void;
  onChanged: (o: Organisation) => void;
}

export function OrganisationDrawer({ id, canManage, onClose, onChanged }: Props) {
  const [org, setOrg] = useState<Organisation | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!id) return;
    let alive = true;
    setOrg(null);
    setError(null);
    getOrganisation(id)
      .then((o) => alive && setOrg(o))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [id]);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={org ? org.name : '机构详情'}
      size={560}
      destroyOnHidden
      extra={
        org && canManage ? (
          <OrganisationStatusButton
            org={org}
            onDone={(o) => {
              setOrg(o);
              onChanged(o);
            }}
          />
        ) : null
      }
    >
      {error ? (
        <Alert type="error" showIcon title="机构详情加载失败" description={error} />
      ) : !org ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Descriptions column={1} bordered size="middle" styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="机构名称">{org.name}</Descriptions.Item>
          <Descriptions.Item label="机构类型">
            <OrganisationTypeTag type={org.type} />
          </Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{orDash(org.uscc)}</Descriptions.Item>
          <Descriptions.Item label="所在地区">
            {org.regionName}（{org.regionCode}）
          </Descriptions.Item>
          <Descriptions.Item label="联系人">{orDash(org.contactName)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{orDash(org.contactPhone)}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StatusTag status={org.status} />
          </Descriptions.Item>
          <Descriptions.Item label="登记时间">{formatDateTime(org.createdAt)}</Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
