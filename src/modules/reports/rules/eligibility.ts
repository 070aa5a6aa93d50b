import { transition, type BatchStatus } from '../../batches/index.ts';

/**
 * Whether a batch may get its report now (issue 5 item 5): sealed, reviewed, not locked, its agency connected
 * (DESIGN.md §2 rule 1), and not reported already. Every refusal is a 409 with a stable code and the reason in Chinese;
 * the first that applies, in the order a batch passes through them.
 */
export interface EligibilityFacts {
  status: BatchStatus;
  locked: boolean;
  /** The connection checklist's unmet items, in Chinese; empty when connected. */
  connectionMissing: string[];
}

export type Eligibility = { ok: true } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): Eligibility => ({ ok: false, code, message });

export function reportEligibility(f: EligibilityFacts): Eligibility {
  if (f.status === 'reported') return refuse('BATCH_ALREADY_REPORTED', '该批次已出具检测报告；如需更正，请对原报告出具更正报告');
  if (f.status === 'opened' || f.status === 'uploading' || f.status === 'completed') {
    return refuse('BATCH_NOT_SEALED', '批次尚未封存，不能出具检测报告');
  }
  if (f.status === 'sealed') return refuse('BATCH_NOT_REVIEWED', '批次尚未通过双人复核，不能出具检测报告');
  const t = transition(f.status, 'report', f.locked);
  if (!t.ok) return refuse(t.code, t.message);
  return connected(f.connectionMissing);
}

/**
 * A corrected report (更正报告) replaces a valid report of a reported batch: the same lock and connection rules apply,
 * since issuing it is generating a report.
 */
export function supersedeEligibility(f: { reportStatus: 'valid' | 'superseded' | 'revoked'; locked: boolean; connectionMissing: string[] }): Eligibility {
  if (f.reportStatus === 'superseded') return refuse('REPORT_SUPERSEDED', '该报告已被更正报告替代，请对现行报告办理');
  if (f.reportStatus === 'revoked') return refuse('REPORT_REVOKED', '该报告已撤销，不能出具更正报告');
  const t = transition('reviewed', 'report', f.locked);
  if (!t.ok) return refuse(t.code, t.message);
  return connected(f.connectionMissing);
}

function connected(missing: string[]): Eligibility {
  if (missing.length > 0) return refuse('AGENCY_NOT_CONNECTED', `检测机构尚未完成监管平台对接，不能出具检测报告：${missing.join('；')}`);
  return { ok: true };
}
