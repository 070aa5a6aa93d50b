import {
  FORCE_MAJEURE_CLEARED_UPLOAD_MS,
  FORCE_MAJEURE_FILING_WINDOW_MS,
  FORCE_MAJEURE_MAX_SUSPENSION_MS,
  OPEN_BATCH_MISSING_AFTER_MS,
  UPLOAD_DEADLINE_MS,
} from '../../../kernel/policy.ts';

/**
 * The 2-hour rule of 一(三) as pure functions over plain data. Instants are compared to the millisecond and every
 * bound is inclusive: sealing exactly at the deadline is on time, one millisecond later is late.
 */

export type ForceMajeureStatus = 'pending' | 'accepted' | 'rejected';

export interface ForceMajeureFiling {
  filedAt: Date;
  status: ForceMajeureStatus;
  /** When the department decided (accepted or rejected); null while pending. */
  decidedAt: Date | null;
  /** When the agency declared the fault cleared (only meaningful once accepted). */
  clearedAt: Date | null;
}

export interface BatchTiming {
  openedAt: Date;
  /** Declared completion of on-site testing; null while the batch is still open. */
  completedAt: Date | null;
  /** When the upload owner sealed the batch whole; null if not sealed. */
  sealedAt: Date | null;
  forceMajeure: ForceMajeureFiling | null;
}

export type DeadlineState =
  | { kind: 'open' }
  /**
   * force_majeure_limit: an accepted filing whose fault was not declared cleared by acceptance + ⚙
   * FORCE_MAJEURE_MAX_SUSPENSION_MS is treated as cleared at that instant, so the deadline is known from acceptance on.
   */
  | { kind: 'running'; deadline: Date; basis: DeadlineBasis }
  /** ⚙ A filing awaiting the department's decision holds the lock back. */
  | { kind: 'suspended'; reason: 'force_majeure_pending'; originalDeadline: Date };

export type DeadlineBasis = 'completion' | 'force_majeure_cleared' | 'force_majeure_limit';

/**
 * Deadline = declared completion + 2 h; with an accepted force-majeure filing, clearing + 2 h, where clearing is the
 * declared instant or acceptance + the ⚙ suspension limit, whichever comes first (an uncleared fault cannot hold the
 * lock back for ever).
 */
export function deadlineState(b: BatchTiming): DeadlineState {
  if (!b.completedAt) return { kind: 'open' };
  const original = new Date(b.completedAt.getTime() + UPLOAD_DEADLINE_MS);
  const fm = b.forceMajeure;
  if (!fm || fm.status === 'rejected') return { kind: 'running', deadline: original, basis: 'completion' };
  if (fm.status === 'pending' || !fm.decidedAt) return { kind: 'suspended', reason: 'force_majeure_pending', originalDeadline: original };
  const limit = fm.decidedAt.getTime() + FORCE_MAJEURE_MAX_SUSPENSION_MS;
  if (fm.clearedAt && fm.clearedAt.getTime() <= limit) {
    return { kind: 'running', deadline: new Date(fm.clearedAt.getTime() + FORCE_MAJEURE_CLEARED_UPLOAD_MS), basis: 'force_majeure_cleared' };
  }
  return { kind: 'running', deadline: new Date(limit + FORCE_MAJEURE_CLEARED_UPLOAD_MS), basis: 'force_majeure_limit' };
}

/** Sealed on or before the deadline that applies. */
export function sealedOnTime(b: BatchTiming): boolean | null {
  const s = deadlineState(b);
  if (!b.sealedAt || s.kind !== 'running') return null;
  return b.sealedAt.getTime() <= s.deadline.getTime();
}

/** Must the batch be locked at `now`? Unsealed and past the running deadline (strictly after it). */
export function shouldLock(b: BatchTiming, now: Date): boolean {
  const s = deadlineState(b);
  if (s.kind !== 'running') return false;
  if (b.sealedAt && b.sealedAt.getTime() <= s.deadline.getTime()) return false;
  return now.getTime() > s.deadline.getTime();
}

/** A force-majeure filing is accepted up to and including completion + 2 h. */
export function forceMajeureFilingAllowed(completedAt: Date, filedAt: Date): boolean {
  return filedAt.getTime() >= completedAt.getTime() && filedAt.getTime() - completedAt.getTime() <= FORCE_MAJEURE_FILING_WINDOW_MS;
}

/** ⚙ Opened and never declared complete within 24 h: possibly a missing upload (漏传), flagged for the departments. */
export function possiblyMissing(b: BatchTiming, now: Date): boolean {
  return b.completedAt === null && now.getTime() - b.openedAt.getTime() > OPEN_BATCH_MISSING_AFTER_MS;
}
