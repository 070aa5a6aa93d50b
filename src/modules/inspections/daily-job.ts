import pino from 'pino';
import { startLoop } from '../../kernel/loop.ts';
import type { FastifyBaseLogger } from 'fastify';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { DAILY_CHECK_CATCH_UP_DAYS, DAILY_CHECK_POLL_MS, DAILY_CHECK_RUN_AFTER_MIDNIGHT_MS } from '../../kernel/policy.ts';
import { beijingDate } from '../../kernel/time.ts';
import { daysWithoutFinal, writeSnapshot, type SnapshotResult } from './daily-check.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
export type Logger = Pick<FastifyBaseLogger, 'error' | 'info'>;

const systemCtx = (now: Date, day: string): RequestContext => ({
  actor: { kind: 'system', name: '日常核查定时任务' },
  requestId: `daily-check:${day}`,
  clientIp: null,
  now,
});

/**
 * One pass of the daily job: once the Beijing day is DAILY_CHECK_RUN_AFTER_MIDNIGHT_MS old, every day of the catch-up
 * window without final rows (yesterday, and days a stopped platform missed) is snapshotted. Each day is written in
 * its own transaction under the snapshot lock and only if still without final rows, so several processes running the
 * job at once write each day once.
 */
export async function runDailyCheckJob(deps: Deps): Promise<SnapshotResult[]> {
  const now = deps.clock.now();
  // The Beijing day of (now − grace): until 00:10 the day that just ended is not yet closed for the job.
  const today = beijingDate(new Date(now.getTime() - DAILY_CHECK_RUN_AFTER_MIDNIGHT_MS));
  const out: SnapshotResult[] = [];
  for (const day of await daysWithoutFinal(deps.db, today, DAILY_CHECK_CATCH_UP_DAYS)) {
    const r = await deps.db.transaction().execute((trx) => writeSnapshot(trx, systemCtx(deps.clock.now(), day), day, { ifNoFinal: true }));
    if (!r.skipped) out.push(r);
  }
  return out;
}

export interface DailyCheckJob {
  /** Stops the loop; resolves when a pass in progress has finished. */
  stop(): Promise<void>;
}

/** Runs the daily job beside the API: a pass at start, then every DAILY_CHECK_POLL_MS. Wire it where the server starts. */
export function startDailyCheckJob(deps: Deps, opts: { pollMs?: number; log?: Logger } = {}): DailyCheckJob {
  const log = opts.log ?? pino({ name: 'daily-check' });
  const pollMs = opts.pollMs ?? DAILY_CHECK_POLL_MS;
  return startLoop(
    async () => {
      const done = await runDailyCheckJob(deps);
      for (const r of done) log.info({ day: r.day, written: r.written }, 'daily check snapshot written');
    },
    { intervalMs: pollMs, onError: (err) => log.error({ err }, 'daily check job error') },
  );
}
