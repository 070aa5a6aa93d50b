/**
 * What a registered person may do at their agency (部令57号 and the notice's 专人负责 / 双人复核): the list the
 * database checks. `technical_lead` is the 技术负责人; `upload_owner` the person responsible for uploads.
 */
export const PERSONNEL_ROLES = ['tester', 'reviewer', 'signatory', 'upload_owner', 'technical_lead'] as const;
export type PersonnelRole = (typeof PERSONNEL_ROLES)[number];

export const PERSONNEL_ROLE_NAMES: Record<PersonnelRole, string> = {
  tester: '检测人员',
  reviewer: '复核人员',
  signatory: '报告签发人',
  upload_owner: '上传负责人',
  technical_lead: '技术负责人',
};

/** 上岗证 (post certificate) or 职业资格证书 (professional qualification). */
export const PERSON_CERTIFICATE_KINDS = ['post', 'professional'] as const;
export type PersonCertificateKind = (typeof PERSON_CERTIFICATE_KINDS)[number];
