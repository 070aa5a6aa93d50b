import { LocalBlobStore } from './kernel/blobs/local-blob-store.ts';
import { systemClock, type Clock } from './kernel/clock.ts';
import type { Config } from './kernel/config.ts';
import { openPglite, openPostgres, type DbHandle } from './kernel/db/database.ts';
import { migrate } from './kernel/db/migrate.ts';
import type { AppDeps } from './kernel/deps.ts';
import { RegionService } from './modules/regions/index.ts';
import { syncBundledCalendar } from './modules/calendar/index.ts';
import { ensureCatalogueLoaded } from './modules/catalogue/index.ts';
import { seedDemo, type DemoSeedResult } from './seed/demo.ts';

export async function openDatabase(config: Config): Promise<DbHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.pgPoolMax);
  return openPglite(config.dataDir);
}

/**
 * Everything between configuration and a listening server: database, migrations, reference data, blob store,
 * and (where asked) the demo seed. Shared by `npm start`, the tests and the benchmarks.
 */
export async function bootstrap(
  config: Config,
  opts: { handle?: DbHandle; clock?: Clock; demoHistory?: boolean } = {},
): Promise<{ deps: AppDeps; seeded: DemoSeedResult | null }> {
  const handle = opts.handle ?? (await openDatabase(config));
  try {
    await migrate(handle);
    const clock = opts.clock ?? systemClock;
    // Reference data shipped with the release: each sync is idempotent and locked, so every process may run it.
    await new RegionService(handle.db).sync();
    await syncBundledCalendar(handle.db, clock);
    await ensureCatalogueLoaded(handle.db, clock.now());
    const blobs = await new LocalBlobStore(config.blobDir).init();
    const deps: AppDeps = { config, handle, db: handle.db, blobs, clock };
    const seeded = await maybeSeed(deps, opts.demoHistory ?? true);
    return { deps, seeded };
  } catch (err) {
    if (!opts.handle) await handle.close();
    throw err;
  }
}

/** `auto` seeds an empty embedded database only: a production server never gets demo accounts by accident. */
async function maybeSeed(deps: AppDeps, history: boolean): Promise<DemoSeedResult | null> {
  const mode = deps.config.seedDemo;
  if (mode === 'false') return null;
  if (mode === 'auto' && deps.handle.kind !== 'pglite') return null;
  return seedDemo(deps, { onlyIfEmpty: true, history });
}
