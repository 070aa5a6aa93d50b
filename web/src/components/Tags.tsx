import { Tag, Tooltip } from 'antd';
import { ORGANISATION_TYPE_LABELS, roleLabel, specialtyLabel, STATUS_LABELS, VERIFICATION_STATUS_LABELS } from '../labels.ts';
import type { OrganisationType, Status, VerificationStatus } from '../types.ts';

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

export function SpecialtyTags({ codes, empty = '—' }: { codes: readonly string[]; empty?: string }) {
  if (codes.length === 0) return <span>{empty}</span>;
  return (
    <span className="tag-list">
      {codes.map((c) => (
        <Tag key={c} color="geekblue">
          {specialtyLabel(c)}
        </Tag>
      ))}
    </span>
  );
}

const VERIFICATION_COLORS: Record<VerificationStatus, string> = { pending: 'processing', verified: 'success', rejected: 'error' };

/** 待核验 / 已核验 / 已驳回 (with the reason on hover when rejected). */
export function VerificationTag({ status, reason }: { status: VerificationStatus; reason?: string | null }) {
  const tag = <Tag color={VERIFICATION_COLORS[status]}>{VERIFICATION_STATUS_LABELS[status]}</Tag>;
  return status === 'rejected' && reason ? <Tooltip title={`驳回理由：${reason}`}>{tag}</Tooltip> : tag;
}

/** Whether a certificate counts now (verified, not superseded, in its validity period). */
export function InForceTag({ inForce }: { inForce: boolean }) {
  return inForce ? <Tag color="success">有效</Tag> : <Tag>不在有效期内</Tag>;
}
