import { DEADLINE_WARNING_BEFORE_MS } from '../../../kernel/policy.ts';
import { deadlineState, sealedOnTime, type BatchTiming, type DeadlineBasis } from './upload-deadline.ts';

/**
 * What the agency's live board and the batch page show about the 2-hour rule, computed with the pure rule of
 * src/modules/deadlines: the deadline (T + 2 h, or clearing + 2 h under an accepted force-majeure filing), the time
 * left at `now`, and whether the seal came in time.
 */
export interface DeadlineView {
  /** open: no completion declared yet; running: a deadline applies; suspended: a force-majeure filing holds it. */
  state: 'open' | 'running' | 'suspended';
  deadline: string | null;
  basis: DeadlineBasis | null;
  /** Milliseconds from `now` to the deadline (negative once passed); null without a running deadline or once sealed. */
  remainingMs: number | null;
  /** Within ⚙ DEADLINE_WARNING_BEFORE_MS of the deadline and not yet sealed. */
  warning: boolean;
  /** Past the deadline and not sealed on time. */
  overdue: boolean;
  /** Whether the first seal came on or before the deadline; null while not sealed or without a deadline. */
  sealedOnTime: boolean | null;
}

export function deadlineView(t: BatchTiming, now: Date): DeadlineView {
  const s = deadlineState(t);
  if (s.kind === 'open') return { state: 'open', deadline: null, basis: null, remainingMs: null, warning: false, overdue: false, sealedOnTime: null };
  if (s.kind === 'suspended') {
    return { state: 'suspended', deadline: null, basis: null, remainingMs: null, warning: false, overdue: false, sealedOnTime: null };
  }
  const onTime = sealedOnTime(t);
  const remaining = s.deadline.getTime() - now.getTime();
  const sealed = t.sealedAt !== null;
  return {
    state: 'running',
    deadline: s.deadline.toISOString(),
    basis: s.basis,
    remainingMs: sealed ? null : remaining,
    warning: !sealed && remaining >= 0 && remaining <= DEADLINE_WARNING_BEFORE_MS,
    overdue: sealed ? onTime === false : remaining < 0,
    sealedOnTime: onTime,
  };
}
