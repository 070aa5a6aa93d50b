import { Tag } from 'antd';
import { ORGANISATION_TYPE_LABELS, roleLabel, STATUS_LABELS } from '../labels.ts';
import type { OrganisationType, Status } from '../types.ts';

export function RoleTags({ roles }: { roles: readonly string[] }) {
  if (roles.length === 0) return <span>—</span>;
  return (
    <span className="tag-list">
      {roles.map((r) => (
        <Tag key={r} color={r === 'platform_admin' ? 'red' : r === 'dept_officer' ? 'blue' : r === 'agency_admin' ? 'purple' : 'default'}>
          {roleLabel(r)}
        </Tag>
      ))}
    </span>
  );
}

export function StatusTag({ status }: { status: Status }) {
  return <Tag color={status === 'active' ? 'success' : 'default'}>{STATUS_LABELS[status]}</Tag>;
}

const TYPE_COLORS: Record<OrganisationType, string> = {
  agency: 'geekblue',
  construction_unit: 'orange',
  supervision_unit: 'cyan',
  contractor: 'gold',
  department: 'blue',
};

export function OrganisationTypeTag({ type }: { type: OrganisationType }) {
  return <Tag color={TYPE_COLORS[type]}>{ORGANISATION_TYPE_LABELS[type]}</Tag>;
}
