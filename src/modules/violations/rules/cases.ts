import { FULL_ENFORCEMENT_FROM, KEY_SUPERVISION_CLEAR_MONTHS } from '../../../kernel/policy.ts';
import { exemptFromCreditRecord, type LadderProposal, type LadderReason, type Rung } from './ladder.ts';

/**
 * Pure rules around the ladder's cases: when the platform makes a new proposal (idempotent reassessment), when a
 * violation's place in the credit record is settled (the trial period of 五), and who is on the 重点监管名单.
 */

export type CaseRung = Exclude<Rung, 'none'>;
export type CaseStatus = 'proposed' | 'confirmed' | 'report_submitted' | 'closed' | 'dismissed' | 'superseded';
export type CaseOutcome = 'held' | 'accepted' | 'rejected' | 'decided';

export interface CaseFacts {
  id: string;
  rung: CaseRung;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  reasons: readonly string[];
  violationIds: readonly string[];
  confirmedAt: Date | null;
  dueAt: Date | null;
  closedAt: Date | null;
  interviewHeldAt: Date | null;
  reportSubmittedAt: Date | null;
}

const RANK: Record<CaseRung, number> = { interview: 1, rectification: 2, penalty: 3 };
export const OPEN_STATUSES: readonly CaseStatus[] = ['proposed', 'confirmed', 'report_submitted'];
const isOpen = (c: CaseFacts) => OPEN_STATUSES.includes(c.status);

export type ProposalPlan = { propose: false; why: 'no_rung' | 'open_case' | 'already_handled' | 'dismissed' } | { propose: true; rung: CaseRung; supersede: string[] };

/**
 * Whether to propose a case for the ladder's current `proposal`, given the organisation's cases of the year:
 * - not while a case at that rung or above is still open (it already handles the situation);
 * - not when a case at that rung or above (not dismissed) already saw every violation and reason (nothing new);
 * - not when the officer dismissed a proposal at that rung that saw the same facts or more;
 * otherwise a new proposal, which supersedes lower proposals nobody has confirmed yet.
 */
export function planProposal(proposal: LadderProposal, violationIds: readonly string[], cases: readonly CaseFacts[]): ProposalPlan {
  if (proposal.rung === 'none') return { propose: false, why: 'no_rung' };
  const rung = proposal.rung;
  const atOrAbove = cases.filter((c) => RANK[c.rung] >= RANK[rung]);
  if (atOrAbove.some(isOpen)) return { propose: false, why: 'open_case' };
  const sawAll = (cs: readonly CaseFacts[]) => {
    const ids = new Set(cs.flatMap((c) => c.violationIds));
    const reasons = new Set(cs.flatMap((c) => c.reasons));
    return cs.length > 0 && violationIds.every((id) => ids.has(id)) && proposal.reasons.every((r) => reasons.has(r));
  };
  if (sawAll(atOrAbove.filter((c) => c.status === 'closed'))) return { propose: false, why: 'already_handled' };
  if (atOrAbove.some((c) => c.status === 'dismissed' && c.rung === rung && sawAll([c]))) return { propose: false, why: 'dismissed' };
  const supersede = cases.filter((c) => c.status === 'proposed' && RANK[c.rung] < RANK[rung]).map((c) => c.id);
  return { propose: true, rung, supersede };
}

export interface SettlementViolation {
  id: string;
  type: string;
  occurredAt: Date;
  intentional: boolean | null;
}

export type Settlement = 'pending' | 'counts' | 'exempt';

/**
 * Where a violation stands in the credit record (五). Outside the trial clause (from 2026-07-01, other types, found
 * intentional) it counts at once. A trial-period 迟传/漏传 waits for its handling: it counts as soon as the handling
 * fails (interview not held by its date, rectification rejected or late, a penalty) and is exempt once every case that
 * covers it ended on time and it was found unintentional (until that finding is made, it waits). Superseded proposals are ignored; a dismissed one means
 * the handling the exemption asks for did not happen.
 */
export function settleViolation(v: SettlementViolation, covering: readonly CaseFacts[], now: Date): Settlement {
  const eligible = v.occurredAt.getTime() < FULL_ENFORCEMENT_FROM.getTime() && (v.type === 'late_upload' || v.type === 'missing_upload') && v.intentional !== true;
  if (!eligible) return 'counts';
  const cases = covering.filter((c) => c.status !== 'superseded');
  if (cases.length === 0) return 'pending';
  let interviewOnTime = true;
  let rectificationOnTime = true;
  for (const c of cases) {
    if (c.status === 'dismissed') return 'counts';
    const due = c.dueAt?.getTime() ?? Infinity;
    if (c.rung === 'penalty') {
      if (c.status !== 'proposed') return 'counts';
      continue;
    }
    if (c.rung === 'interview') {
      if (c.outcome === 'held') interviewOnTime &&= c.interviewHeldAt !== null && c.interviewHeldAt.getTime() <= due;
      else if (c.status === 'confirmed' && now.getTime() > due) return 'counts';
      continue;
    }
    if (c.outcome === 'rejected') return 'counts';
    if (c.outcome === 'accepted') rectificationOnTime &&= c.reportSubmittedAt !== null && c.reportSubmittedAt.getTime() <= due;
    else if (c.status === 'confirmed' && now.getTime() > due) return 'counts';
  }
  if (!interviewOnTime || !rectificationOnTime) return 'counts';
  if (cases.some(isOpen)) return 'pending';
  // Handled on time; whether it was unintentional is the officer's finding, awaited rather than presumed.
  if (v.intentional === null) return 'pending';
  return exemptFromCreditRecord({ ...v, interviewCompletedOnTime: true, rectificationCompletedOnTime: true }) ? 'exempt' : 'counts';
}

export interface KeySupervisionInput {
  cases: readonly Pick<CaseFacts, 'rung' | 'status' | 'confirmedAt' | 'closedAt' | 'reasons'>[];
  lastViolationAt: Date | null;
}

export interface KeySupervisionStatus {
  member: boolean;
  since: Date | null;
  /** When it leaves if nothing new happens; null while a case is open (or when not a member). */
  leavesAt: Date | null;
  rung: 'rectification' | 'penalty' | null;
  reasons: LadderReason[];
}

export function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/**
 * 重点监管名单 (三(一) and DESIGN §2.10 "everyone on a rung above the first"): from the confirmation of a rectification or
 * penalty case; out once all are closed and KEY_SUPERVISION_CLEAR_MONTHS have passed since the last closing and the
 * last violation. `since` is the start of the current stay (a confirmation after an earlier stay had ended starts anew).
 */
export function keySupervision(input: KeySupervisionInput, now: Date): KeySupervisionStatus {
  const key = input.cases
    .filter((c) => (c.rung === 'rectification' || c.rung === 'penalty') && c.confirmedAt !== null && c.confirmedAt.getTime() <= now.getTime())
    .sort((a, b) => a.confirmedAt!.getTime() - b.confirmedAt!.getTime());
  const none: KeySupervisionStatus = { member: false, since: null, leavesAt: null, rung: null, reasons: [] };
  if (key.length === 0) return none;
  let since: Date | null = null;
  let runEnd = Number.NEGATIVE_INFINITY;
  let stay: typeof key = [];
  for (const c of key) {
    if (c.confirmedAt!.getTime() >= runEnd) {
      since = c.confirmedAt;
      stay = [];
    }
    stay.push(c);
    const end = c.closedAt ? addMonths(c.closedAt, KEY_SUPERVISION_CLEAR_MONTHS).getTime() : Number.POSITIVE_INFINITY;
    runEnd = Math.max(runEnd, end);
  }
  if (input.lastViolationAt) runEnd = Math.max(runEnd, addMonths(input.lastViolationAt, KEY_SUPERVISION_CLEAR_MONTHS).getTime());
  if (now.getTime() >= runEnd) return none;
  const top = stay.some((c) => c.rung === 'penalty') ? 'penalty' : 'rectification';
  const reasons = [...new Set(stay.filter((c) => c.rung === top).flatMap((c) => c.reasons))] as LadderReason[];
  return { member: true, since, leavesAt: Number.isFinite(runEnd) ? new Date(runEnd) : null, rung: top, reasons };
}
