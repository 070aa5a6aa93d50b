import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { ENFORCEMENT_PASS_INTERVAL_MS } from '../../kernel/policy.ts';
import { runEnforcementPass } from './service.ts';

/**
 * Runs the enforcement pass at start and every ENFORCEMENT_PASS_INTERVAL_MS, so an interview or rectification whose
 * deadline passed escalates without anyone clicking. Every process may run it: reassessment is serialised per
 * organisation and idempotent. `stop` waits for a pass in progress.
 */
export function startEnforcementWorker(deps: Pick<AppDeps, 'db' | 'clock'>, opts: { log: FastifyBaseLogger; intervalMs?: number }): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runEnforcementPass(deps.db, deps.clock)
      .then((r) => {
        if (r.proposed > 0 || r.settled > 0) opts.log.info(r, 'enforcement pass');
      })
      .catch((err: unknown) => opts.log.error({ err }, 'enforcement pass failed'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs ?? ENFORCEMENT_PASS_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
