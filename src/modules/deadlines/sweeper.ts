import type { FastifyBaseLogger } from 'fastify';
import { startLoop } from '../../kernel/loop.ts';
import { sql, type Transaction } from 'kysely';
import pino from 'pino';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { DEADLINE_SWEEP_CHUNK, DEADLINE_SWEEP_INTERVAL_MS } from '../../kernel/policy.ts';
import { currentFilings, deadlineState, LOCK_COLUMNS, lockBatches, type LockCandidate, possiblyMissing, recordAnomaly, scheduleColumns, timingOf, writeBatchEvent } from '../batches/index.ts';
import { agencyRecipients, notify, type NewNotification } from '../notifications/index.ts';
import { beijingTime } from '../../kernel/time.ts';

/**
 * The deadline sweeper (issue 5 item 1): every DEADLINE_SWEEP_INTERVAL_MS, in every server process, it locks the
 * batches whose deadline has passed unsealed, warns the agencies whose deadline is 30 minutes away and flags batches
 * opened 24 h ago and never completed (漏传). Each pass claims at most DEADLINE_SWEEP_CHUNK due rows through the
 * partial indexes with FOR UPDATE SKIP LOCKED and handles them in one transaction: two processes never take the
 * same batch, a process killed mid-chunk loses its transaction and the rows are due again for the next sweep, and
 * the work done is proportional to what is due, never to the number of open batches.
 */

export const SWEEPER_ACTOR = { kind: 'system', name: 'deadline-sweeper' } as const;

const sweepCtx = (now: Date, pass: string): RequestContext => ({ actor: SWEEPER_ACTOR, requestId: `deadline-sweep:${pass}:${now.toISOString()}`, clientIp: null, now });

export interface SweepHooks {
  /** Called inside a lock chunk's transaction once its rows are claimed (tests: kill or fail a sweep midway). */
  afterClaim?(ids: readonly string[]): Promise<void>;
}

export interface SweepResult {
  locked: number;
  warned: number;
  flagged: number;
  chunks: number;
}

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type Row = LockCandidate & { missing_flagged_at: Date | null };

async function claim(trx: Transaction<Database>, column: 'lock_due_at' | 'warn_due_at' | 'missing_due_at', now: Date, limit: number): Promise<Row[]> {
  // Strictly before `now` for the lock and the 漏传 flag (the rule acts strictly after its instant); the warning is due at its instant.
  const cmp = column === 'warn_due_at' ? sql`<=` : sql`<`;
  const r = await sql<Row>`
    select ${sql.join(LOCK_COLUMNS.map((c) => sql.ref(c)))} from batches
     where ${sql.ref(column)} ${cmp} ${now}
     order by ${sql.ref(column)}
     limit ${limit}
       for update skip locked`.execute(trx);
  return r.rows;
}

/** One chunk of locks in one transaction. Returns how many rows it claimed and how many it locked. */
async function lockChunk(deps: Deps, limit: number, hooks: SweepHooks): Promise<{ claimed: number; locked: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const rows = await claim(trx, 'lock_due_at', now, limit);
    if (rows.length === 0) return { claimed: 0, locked: 0 };
    await hooks.afterClaim?.(rows.map((r) => r.id));
    const filings = await currentFilings(
      trx,
      rows.map((r) => r.id),
    );
    const locked = new Set(await lockBatches(trx, sweepCtx(now, 'lock'), rows, filings));
    // Rows the rule does not lock (a filing or seal committed since): their instants are rewritten from the rule.
    for (const r of rows) {
      if (!locked.has(r.id)) await trx.updateTable('batches').set(scheduleColumns(r, filings.get(r.id))).where('id', '=', r.id).execute();
    }
    return { claimed: rows.length, locked: locked.size };
  });
}

async function warnChunk(deps: Deps, limit: number): Promise<{ claimed: number; warned: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const rows = await claim(trx, 'warn_due_at', now, limit);
    if (rows.length === 0) return { claimed: 0, warned: 0 };
    const filings = await currentFilings(
      trx,
      rows.map((r) => r.id),
    );
    const due: { row: Row; deadline: Date }[] = [];
    for (const r of rows) {
      const s = deadlineState(timingOf(r, filings.get(r.id)));
      // Only a deadline still ahead is worth a warning; a passed one is the lock's business.
      if (s.kind === 'running' && !r.first_sealed_at && !r.locked && r.locked_at === null && now.getTime() < s.deadline.getTime()) due.push({ row: r, deadline: s.deadline });
    }
    const recipients = await agencyRecipients(
      trx,
      due.map((d) => d.row),
    );
    const notes: NewNotification[] = [];
    for (const { row, deadline } of due) {
      const minutes = Math.max(1, Math.round((deadline.getTime() - now.getTime()) / 60_000));
      for (const userId of recipients.get(row.id) ?? []) {
        notes.push({
          userId,
          kind: 'deadline_approaching',
          title: `批次 ${row.batch_number} 距上传截止还有约 ${minutes} 分钟`,
          body: `请在 ${beijingTime(deadline)}（北京时间）前完成全部原始记录和过程影像的上传并封存；逾期平台将自动锁定报告生成权限。因不可抗力无法按时上传的，请在截止前向项目所在地住建部门报备。`,
          batchId: row.id,
          dedupeKey: `deadline_approaching:${row.id}:${deadline.toISOString()}`,
        });
      }
    }
    await notify(trx, now, notes);
    await trx
      .updateTable('batches')
      .set({ warn_due_at: null })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return { claimed: rows.length, warned: due.length };
  });
}

async function missingChunk(deps: Deps, limit: number): Promise<{ claimed: number; flagged: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const rows = await claim(trx, 'missing_due_at', now, limit);
    if (rows.length === 0) return { claimed: 0, flagged: 0 };
    const ctx = sweepCtx(now, 'missing');
    const flagged: Row[] = [];
    for (const r of rows) {
      if (r.missing_flagged_at === null && possiblyMissing(timingOf(r, null), now)) {
        await recordAnomaly(trx, ctx, {
          batchId: r.id,
          kind: 'possibly_missing',
          subjectType: 'batch',
          subjectId: null,
          details: { openedAt: r.opened_at.toISOString(), flaggedAt: now.toISOString(), status: r.status },
        });
        await writeBatchEvent(trx, ctx, r, { event: 'flag_missing', from: r.status, to: r.status, reason: '开启后超过 24 小时未申报现场检测完成，疑似漏传', details: { openedAt: r.opened_at.toISOString() } });
        await trx.updateTable('batches').set({ missing_flagged_at: now, missing_due_at: null }).where('id', '=', r.id).execute();
        flagged.push(r);
      } else {
        await trx.updateTable('batches').set({ missing_due_at: null }).where('id', '=', r.id).execute();
      }
    }
    const recipients = await agencyRecipients(trx, flagged);
    await notify(
      trx,
      now,
      flagged.flatMap((r) =>
        (recipients.get(r.id) ?? []).map((userId) => ({
          userId,
          kind: 'batch_possibly_missing' as const,
          title: `批次 ${r.batch_number} 疑似漏传`,
          body: `批次于 ${beijingTime(r.opened_at)} 开启，超过 24 小时仍未申报现场检测完成。请尽快申报完成时间并上传全部数据和影像；住建部门可见此标记。`,
          batchId: r.id,
          dedupeKey: `batch_possibly_missing:${r.id}`,
        })),
      ),
    );
    return { claimed: rows.length, flagged: flagged.length };
  });
}

/** One full sweep: chunks until nothing is due. Safe to run in any number of processes at once. */
export async function sweepDeadlines(deps: Deps, opts: { chunkSize?: number; hooks?: SweepHooks } = {}): Promise<SweepResult> {
  const limit = opts.chunkSize ?? DEADLINE_SWEEP_CHUNK;
  const hooks = opts.hooks ?? {};
  const result: SweepResult = { locked: 0, warned: 0, flagged: 0, chunks: 0 };
  for (;;) {
    const c = await lockChunk(deps, limit, hooks);
    if (c.claimed === 0) break;
    result.locked += c.locked;
    result.chunks++;
    if (c.claimed < limit) break;
  }
  for (;;) {
    const c = await warnChunk(deps, limit);
    if (c.claimed === 0) break;
    result.warned += c.warned;
    result.chunks++;
    if (c.claimed < limit) break;
  }
  for (;;) {
    const c = await missingChunk(deps, limit);
    if (c.claimed === 0) break;
    result.flagged += c.flagged;
    result.chunks++;
    if (c.claimed < limit) break;
  }
  return result;
}

export type Logger = Pick<FastifyBaseLogger, 'error' | 'info'>;

export interface DeadlineSweeper {
  /** Stops after the sweep in hand (its transaction commits or rolls back whole). */
  stop(): Promise<void>;
}

/** Runs the sweeper inside this server process until stopped; wire it where the server starts (src/server.ts). */
export function startDeadlineSweeper(deps: Deps, opts: { intervalMs?: number; log?: Logger } = {}): DeadlineSweeper {
  const intervalMs = opts.intervalMs ?? DEADLINE_SWEEP_INTERVAL_MS;
  const log = opts.log ?? pino({ name: 'deadline-sweeper' });
  return startLoop(
    async () => {
      const r = await sweepDeadlines(deps);
      if (r.locked + r.warned + r.flagged > 0) log.info({ sweep: r }, 'deadline sweep');
    },
    { intervalMs, onError: (err) => log.error({ err }, 'deadline sweep failed; retrying at the next interval') },
  );
}
