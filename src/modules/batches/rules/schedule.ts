import { DEADLINE_WARNING_BEFORE_MS, OPEN_BATCH_MISSING_AFTER_MS } from '../../../kernel/policy.ts';
import { deadlineState, type BatchTiming } from './upload-deadline.ts';

/**
 * The instants at which the sweeper must act on a batch, derived from the 2-hour rule (`deadlineState`) and stored
 * on the batch (`lock_due_at`, `warn_due_at`, `missing_due_at`) so that a sweep reads only what falls due. Every
 * change that moves the rule's inputs (completion, seal, filing, decision, clearing, lock) rewrites them from here.
 */
export interface DeadlineSchedule {
  /** The running deadline of an unsealed batch never locked; null otherwise. The lock comes strictly after it. */
  lockDueAt: Date | null;
  /** When to warn the agency (⚙ 30 min before the deadline); null when there is nothing to warn about. */
  warnDueAt: Date | null;
  /** When an opened batch without a declared completion becomes possibly missing (漏传); null once flagged or completed. */
  missingDueAt: Date | null;
}

export interface ScheduleFlags {
  /** The batch has been locked before (locked_at set): the rule has had its effect and is not applied again. */
  everLocked: boolean;
  /** The 漏传 flag was already raised. */
  missingFlagged: boolean;
}

export function deadlineSchedule(t: BatchTiming, f: ScheduleFlags): DeadlineSchedule {
  const missingDueAt = t.completedAt === null && !f.missingFlagged ? new Date(t.openedAt.getTime() + OPEN_BATCH_MISSING_AFTER_MS) : null;
  const s = deadlineState(t);
  if (s.kind !== 'running' || f.everLocked) return { lockDueAt: null, warnDueAt: null, missingDueAt };
  if (t.sealedAt) {
    // Sealed on time: nothing more to do. Sealed late: still due (the seal's own transaction normally locks it).
    const late = t.sealedAt.getTime() > s.deadline.getTime();
    return { lockDueAt: late ? s.deadline : null, warnDueAt: null, missingDueAt };
  }
  return { lockDueAt: s.deadline, warnDueAt: new Date(s.deadline.getTime() - DEADLINE_WARNING_BEFORE_MS), missingDueAt };
}
