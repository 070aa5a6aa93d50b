import { ManualClock } from '../../../kernel/clock.ts';
import { openPostgres } from '../../../kernel/db/database.ts';
import { sweepDeadlines } from '../sweeper.ts';

/**
 * A sweeping process for the crash test (sweeper.pg.test.ts): `sweep-child.ts <DATABASE_URL> <now ISO> <chunk>`.
 * Its first chunk commits; inside its second it prints CLAIMED and waits, holding its rows, until the test kills it.
 */
const [url, now, chunk] = process.argv.slice(2);
const handle = await openPostgres(url!, 2);
let chunks = 0;
await sweepDeadlines(
  { db: handle.db, clock: new ManualClock(now!) },
  {
    chunkSize: Number(chunk),
    hooks: {
      async afterClaim(ids) {
        chunks++;
        if (chunks < 2) return;
        process.stdout.write(`CLAIMED ${ids.length}\n`);
        await new Promise(() => {});
      },
    },
  },
);
process.stdout.write('DONE\n');
await handle.close();
