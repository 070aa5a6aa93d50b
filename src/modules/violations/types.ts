import { SERIOUS_VIOLATION_TYPES } from '../../kernel/policy.ts';

/**
 * The violation types of the ledger (issue 6 item 1), with the notice's own words as labels. The codes are stable:
 * they are stored, exported and counted; a new kind of finding is a new code, never a renamed one.
 */
export const VIOLATION_TYPE_LABELS = {
  late_upload: '迟传',
  missing_upload: '漏传',
  tampered_data: '篡改数据或影像',
  synthesized_image: '合成或补拍影像',
  fabricated_data: '伪造检测数据或出具虚假报告',
  manual_entry_instead_of_auto: '人工录入替代自动采集',
  unregistered_witness: '无证见证',
  proxy_witness: '他人代见证',
  witness_change_late: '见证变更逾期',
  no_double_review: '未双人复核',
  unqualified_commission: '委托未对接或无资质机构',
  other: '其他',
} as const;

export type ViolationType = keyof typeof VIOLATION_TYPE_LABELS;
export const VIOLATION_TYPES = Object.keys(VIOLATION_TYPE_LABELS) as ViolationType[];

export const SEVERITIES = ['minor', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { minor: '一般', serious: '严重' };

export const VIOLATION_SOURCES = ['automatic', 'officer'] as const;
export type ViolationSource = (typeof VIOLATION_SOURCES)[number];

// The policy lists serious types by code; this fails to compile if one of them is not a type of the ledger.
const SERIOUS: readonly ViolationType[] = SERIOUS_VIOLATION_TYPES;

export function isViolationType(s: string): s is ViolationType {
  return Object.hasOwn(VIOLATION_TYPE_LABELS, s);
}

/** Severity is decided by policy from the type, at the moment a violation is recorded, and stored with it. */
export function severityOf(type: ViolationType): Severity {
  return SERIOUS.includes(type) ? 'serious' : 'minor';
}
