import {
  FULL_ENFORCEMENT_FROM,
  LADDER_PENALTY_AT_VIOLATIONS,
  LADDER_RECTIFICATION_ABOVE_SUPPLEMENTARY_UPLOADS,
  LADDER_RECTIFICATION_AT_VIOLATIONS,
} from '../../../kernel/policy.ts';

/**
 * The enforcement ladder of 三(一) as a pure rule: given one organisation's year, which rung does the platform
 * propose? An officer confirms each step; this function only proposes, with its reasons.
 */

export type Rung = 'none' | 'interview' | 'rectification' | 'penalty';

export interface LadderViolation {
  id: string;
  occurredAt: Date;
  severity: 'minor' | 'serious';
}

export interface LadderRectification {
  dueAt: Date;
  /** open: not yet decided; accepted / rejected: the officer's decision on the agency's rectification report. */
  status: 'open' | 'accepted' | 'rejected';
  decidedAt: Date | null;
}

export interface LadderInput {
  /** Violations of this organisation in the calendar year under consideration. */
  violations: readonly LadderViolation[];
  supplementaryUploads: number;
  rectifications: readonly LadderRectification[];
}

export type LadderReason =
  | 'first_minor_violation'
  | 'violations_reached_rectification'
  | 'supplementary_uploads_exceeded'
  | 'violations_reached_penalty'
  | 'serious_violation'
  | 'rectification_overdue'
  | 'rectification_rejected';

export interface LadderProposal {
  rung: Rung;
  reasons: LadderReason[];
  /** 重点监管名单: everyone on a rung above the first. */
  keySupervision: boolean;
}

const ORDER: Rung[] = ['none', 'interview', 'rectification', 'penalty'];

export function proposeRung(input: LadderInput, now: Date): LadderProposal {
  const n = input.violations.length;
  const reasons: LadderReason[] = [];
  let rung = 'none' as Rung; // widened: `raise` changes it in a closure, which narrowing does not see
  const raise = (to: Rung, why: LadderReason) => {
    reasons.push(why);
    if (ORDER.indexOf(to) > ORDER.indexOf(rung)) rung = to;
  };

  if (n >= 1) raise('interview', 'first_minor_violation');
  if (n >= LADDER_RECTIFICATION_AT_VIOLATIONS) raise('rectification', 'violations_reached_rectification');
  if (input.supplementaryUploads > LADDER_RECTIFICATION_ABOVE_SUPPLEMENTARY_UPLOADS) raise('rectification', 'supplementary_uploads_exceeded');
  if (n >= LADDER_PENALTY_AT_VIOLATIONS) raise('penalty', 'violations_reached_penalty');
  if (input.violations.some((v) => v.severity === 'serious')) raise('penalty', 'serious_violation');
  for (const r of input.rectifications) {
    // 整改不力: the report was rejected, or the due date passed with no accepted report.
    if (r.status === 'rejected') raise('penalty', 'rectification_rejected');
    else if (r.status === 'open' && now.getTime() > r.dueAt.getTime()) raise('penalty', 'rectification_overdue');
    else if (r.status === 'accepted' && r.decidedAt && r.decidedAt.getTime() > r.dueAt.getTime()) raise('penalty', 'rectification_overdue');
  }
  // The first reason alone on the lowest rung is only meaningful when it is the whole story.
  const shown = rung === 'interview' ? reasons : reasons.filter((r) => r !== 'first_minor_violation');
  return { rung, reasons: shown, keySupervision: ORDER.indexOf(rung) > ORDER.indexOf('interview') };
}

export interface TrialExemptionInput {
  occurredAt: Date;
  type: string;
  /** false = found unintentional (非故意); null = not yet determined, which never exempts. */
  intentional: boolean | null;
  interviewCompletedOnTime: boolean;
  rectificationCompletedOnTime: boolean;
}

/** Types the trial-period clause covers: 漏传、迟传. */
const TRIAL_EXEMPT_TYPES = new Set(['late_upload', 'missing_upload']);

/**
 * 五: before 2026-07-01, an unintentional late or missing upload whose interview and rectification were completed by
 * their deadlines stays out of the credit record (it remains in the history). From 2026-07-01, no exemption.
 */
export function exemptFromCreditRecord(v: TrialExemptionInput): boolean {
  return (
    v.occurredAt.getTime() < FULL_ENFORCEMENT_FROM.getTime() &&
    TRIAL_EXEMPT_TYPES.has(v.type) &&
    v.intentional === false &&
    v.interviewCompletedOnTime &&
    v.rectificationCompletedOnTime
  );
}
