import { CAPTURE_WINDOW_TOLERANCE_MS, CLIENT_CLOCK_TOLERANCE_MS } from '../../../kernel/policy.ts';

/**
 * The lifecycle of a test batch (DESIGN.md §3) as pure functions: which action is allowed in which status and where
 * it leads. `locked` (the report lock of issue 5) is orthogonal to the status and is not decided here, except that a
 * locked batch cannot be reported.
 *
 *   opened ──upload──▶ uploading ──complete──▶ completed ──seal──▶ sealed ──approve──▶ reviewed ──report──▶ reported
 *      └──────────────complete──────────────────▲    ▲                 │
 *                                                    └─────return──────┘
 *
 * Uploads are accepted while opened, uploading or completed (data may follow the end of on-site work within the
 * 2 hours); a sealed batch was declared whole, so it takes no more until a reviewer returns it.
 */
export const BATCH_STATUSES = ['opened', 'uploading', 'completed', 'sealed', 'reviewed', 'reported'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  opened: '已开启',
  uploading: '上传中',
  completed: '现场检测完成',
  sealed: '已封存（待复核）',
  reviewed: '已复核',
  reported: '已出具报告',
};

export const BATCH_ACTIONS = ['upload', 'complete', 'seal', 'approve', 'return', 'report', 'attest', 'grant_exception'] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

export type Transition = { ok: true; to: BatchStatus } | { ok: false; status: 409; code: string; message: string };

const refuse = (code: string, message: string): Transition => ({ ok: false, status: 409, code, message });

/** Where `action` leads from `from`, or why it is refused (always a 409: the request conflicts with the state). */
export function transition(from: BatchStatus, action: BatchAction, locked = false): Transition {
  switch (action) {
    case 'upload':
      if (from === 'opened') return { ok: true, to: 'uploading' };
      if (from === 'uploading' || from === 'completed') return { ok: true, to: from };
      if (from === 'sealed') return refuse('BATCH_SEALED', '批次已封存，不再接收上传；如需更正，请由复核人员退回');
      return refuse('BATCH_NOT_OPEN_FOR_UPLOAD', `批次${BATCH_STATUS_LABELS[from]}，不再接收上传`);
    case 'complete':
      if (from === 'opened' || from === 'uploading') return { ok: true, to: 'completed' };
      return refuse('BATCH_ALREADY_COMPLETED', '批次已申报现场检测完成，完成时间不能更改');
    case 'seal':
      if (from === 'completed') return { ok: true, to: 'sealed' };
      if (from === 'opened' || from === 'uploading') return refuse('BATCH_NOT_COMPLETED', '请先申报现场检测完成时间，再封存批次');
      return refuse('BATCH_ALREADY_SEALED', '批次已封存');
    case 'approve':
    case 'return':
      if (from === 'sealed') return { ok: true, to: action === 'approve' ? 'reviewed' : 'completed' };
      if (from === 'reviewed' || from === 'reported') return refuse('BATCH_ALREADY_REVIEWED', '批次已复核');
      return refuse('BATCH_NOT_SEALED', '批次尚未封存，不能复核');
    case 'report':
      if (from !== 'reviewed') return refuse(from === 'reported' ? 'BATCH_ALREADY_REPORTED' : 'BATCH_NOT_REVIEWED', from === 'reported' ? '批次已出具报告' : '只有已复核的批次才能出具报告');
      if (locked) return refuse('BATCH_LOCKED', '批次报告生成权限已锁定，须经住建部门处理解锁');
      return { ok: true, to: 'reported' };
    case 'attest':
    case 'grant_exception':
      if (from === 'reviewed' || from === 'reported') return refuse('BATCH_CLOSED', `批次${BATCH_STATUS_LABELS[from]}，不能再办理`);
      if (action === 'grant_exception' && from === 'sealed') return refuse('BATCH_SEALED', '批次已封存，不再接收上传');
      return { ok: true, to: from };
  }
}

/** 补传 (DESIGN.md §2 rule 7): received while the batch is locked, or after it was locked and then unlocked. */
export function isSupplementary(batch: { locked: boolean; lockedAt: Date | null }): boolean {
  return batch.locked || batch.lockedAt !== null;
}

export type CompletionCheck =
  | { ok: true; beforeCapture: boolean }
  | { ok: false; code: 'COMPLETION_BEFORE_OPENING' | 'COMPLETION_IN_FUTURE'; message: string };

/**
 * ⚙ DESIGN.md §2 rule 3: the declared completion T may not precede the batch's opening nor lie in the future (beyond
 * the clock tolerance); if it precedes the last capture of the batch's data or images it is accepted and flagged.
 */
export function checkCompletion(t: Date, openedAt: Date, now: Date, lastCaptureAt: Date | null): CompletionCheck {
  if (t.getTime() < openedAt.getTime()) {
    return { ok: false, code: 'COMPLETION_BEFORE_OPENING', message: '申报的完成时间早于批次开启时间' };
  }
  if (t.getTime() > now.getTime() + CLIENT_CLOCK_TOLERANCE_MS) {
    return { ok: false, code: 'COMPLETION_IN_FUTURE', message: '申报的完成时间晚于当前时间' };
  }
  return { ok: true, beforeCapture: lastCaptureAt !== null && t.getTime() < lastCaptureAt.getTime() };
}

/**
 * Where a capture time lies relative to the batch's window [opened − tolerance, declared completion + tolerance]; null
 * inside. Records and images share the one tolerance of the policy module (CAPTURE_WINDOW_TOLERANCE_MS).
 */
export function captureOutsideWindow(capturedAt: Date, openedAt: Date, completedAt: Date | null): 'before_opening' | 'after_completion' | null {
  if (capturedAt.getTime() < openedAt.getTime() - CAPTURE_WINDOW_TOLERANCE_MS) return 'before_opening';
  if (completedAt && capturedAt.getTime() > completedAt.getTime() + CAPTURE_WINDOW_TOLERANCE_MS) return 'after_completion';
  return null;
}

/** A capture time further ahead of the platform's clock than the tolerance cannot be real. */
export function capturedInFuture(capturedAt: Date, now: Date): boolean {
  return capturedAt.getTime() > now.getTime() + CLIENT_CLOCK_TOLERANCE_MS;
}

/** 'JC-2026-000123': per agency, per Beijing calendar year, consecutive. */
export const BATCH_NUMBER_MAX_SEQ = 999_999;
export function formatBatchNumber(year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > BATCH_NUMBER_MAX_SEQ) throw new RangeError(`batch sequence ${seq} out of range`);
  return `JC-${year}-${String(seq).padStart(6, '0')}`;
}
