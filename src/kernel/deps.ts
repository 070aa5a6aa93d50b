import type { Kysely } from 'kysely';
import type { BlobStore } from './blobs/blob-store.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/database.ts';
import type { Database } from './db/types.ts';

/** What the outside world gives the application: everything a service may touch, injected, so tests swap it. */
export interface AppDeps {
  config: Config;
  handle: DbHandle;
  db: Kysely<Database>;
  blobs: BlobStore;
  clock: Clock;
}
