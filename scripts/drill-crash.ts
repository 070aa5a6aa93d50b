import { parseArgs } from 'node:util';
import { runCrashDrill } from '../bench/lib/crash-drill.ts';

/**
 * `npm run drill:crash -- --trials N` (issue 15 item 8): kill -9 of one of two server processes on one PostgreSQL
 * database, N times, under uploads; prints each trial's figures and the totals, and exits 1 unless 0 lost, 0 stuck,
 * 0 double. Needs a PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432), where it makes and drops its own database.
 */
const { values: args } = parseArgs({
  options: {
    trials: { type: 'string', default: '10' },
    'load-ms': { type: 'string', default: '3000' },
    clients: { type: 'string', default: '4' },
  },
});
const out = (s: string) => process.stdout.write(`${s}\n`);
const r = await runCrashDrill({ trials: Number(args.trials), loadMs: Number(args['load-ms']), clients: Number(args.clients), log: out });
out('');
out(`Crash drill: ${r.trials.length} trials of kill -9 in ${r.seconds.toFixed(0)} s`);
out(`  acknowledged ${r.acknowledged} (images: ${r.trials.reduce((s, t) => s + t.acknowledged.direct, 0)} direct, ${r.trials.reduce((s, t) => s + t.acknowledged.resumable, 0)} resumable; records: ${r.trials.reduce((s, t) => s + t.acknowledged.records, 0)})`);
out(`  failed under the kill (never acknowledged) ${r.trials.reduce((s, t) => s + t.failed, 0)}`);
out(`  lost ${r.lost}, stuck ${r.stuck}, double ${r.double}`);
process.exit(r.lost + r.stuck + r.double === 0 ? 0 : 1);
