import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { ConfigError, loadConfig } from './kernel/config.ts';
import { DataDirLockedError } from './kernel/db/database.ts';
import { MigrationError } from './kernel/db/migrate.ts';
import { startImageWorker } from './modules/images/index.ts';
import { startDeadlineSweeper } from './modules/deadlines/index.ts';
import { startEnforcementWorker } from './modules/enforcement/index.ts';
import { startDailyCheckJob } from './modules/inspections/index.ts';
import { startBlobScrub, startLedgerSequencer } from './modules/ledger/index.ts';

/** `npm start`: configuration → database → migrations → app → listen; SIGTERM/SIGINT drain and stop. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { deps, seeded } = await bootstrap(config);
  const app = await buildApp(deps);

  let stopping = false;
  // Declared before `stop` (a signal may come before listen finishes), assigned once listening.
  /* eslint-disable prefer-const */
  let imageWorker: ReturnType<typeof startImageWorker> | undefined;
  let deadlineSweeper: ReturnType<typeof startDeadlineSweeper> | undefined;
  let enforcementWorker: ReturnType<typeof startEnforcementWorker> | undefined;
  let dailyCheckJob: ReturnType<typeof startDailyCheckJob> | undefined;
  let ledgerSequencer: ReturnType<typeof startLedgerSequencer> | undefined;
  let blobScrub: ReturnType<typeof startBlobScrub> | undefined;
  /* eslint-enable prefer-const */
  // While draining, every answer closes its connection, so keep-alive sockets do not hold the shutdown open
  // (Fastify keeps idle sockets 72 s by default).
  app.addHook('onSend', async (_req, reply) => {
    if (stopping) void reply.header('connection', 'close');
  });
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const sweepIdle = setInterval(() => app.server.closeIdleConnections(), 200);
    sweepIdle.unref();
    const force = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await imageWorker?.stop(); // lets a claimed image job finish (or lapse, to be claimed again)
      await deadlineSweeper?.stop(); // lets the sweep chunk in hand commit (or roll back whole)
      await enforcementWorker?.stop();
      await dailyCheckJob?.stop(); // lets a snapshot in progress commit
      await ledgerSequencer?.stop(); // lets a sequencing transaction commit (or roll back whole)
      await blobScrub?.stop();
      await deps.handle.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // Thumbnails, perceptual hashes and image checks run beside the API, claimed once across processes.
  imageWorker = startImageWorker(deps, { log: app.log });
  // Report locks at the 2-hour deadline, warnings and 漏传 flags, claimed once across processes.
  deadlineSweeper = startDeadlineSweeper(deps, { log: app.log });
  // The enforcement ladder's hourly pass (overdue interviews and rectifications escalate).
  enforcementWorker = startEnforcementWorker(deps, { log: app.log });
  // 日常核查: snapshots each Beijing day after midnight (and days missed while stopped), once across processes.
  dailyCheckJob = startDailyCheckJob(deps, { log: app.log });
  // The ledger (issue 13): receipts sequenced into the Merkle log, a signed checkpoint after each batch's tiles.
  ledgerSequencer = startLedgerSequencer(deps, { log: app.log });
  // Stored files re-hashed at start and every 6 h; a mismatch is an integrity alarm for the platform administrator.
  blobScrub = startBlobScrub(deps, { log: app.log });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const lines = [
    '',
    `QTrace 建设工程质量检测监管平台 is running (${deps.handle.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}).`,
    `  控制台 Console:  ${base}/`,
    `  API reference:   ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
    config.secondFactorRequired
      ? '  两步验证 Two-factor sign-in: required for administrators and department officers (MFA_REQUIRED).'
      : '  两步验证 Two-factor sign-in: NOT required here, so that the demo accounts sign in with a password alone. ' +
        'It is on by default with a PostgreSQL server (MFA_REQUIRED=auto); MFA_REQUIRED=true forces it.',
  ];
  if (seeded) {
    lines.push('', `Demo logins (password for all: ${seeded.password}):`);
    for (const l of seeded.logins) lines.push(`  ${l.username.padEnd(20)} ${l.description}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof MigrationError) {
    process.stderr.write(`\nQTrace cannot start: ${err.message}\n`);
  } else {
    process.stderr.write(`\nQTrace failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
