import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../kernel/clock.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';

/**
 * Set-up for the inspections' API tests: the demo at a set instant, signed-in users, and batches placed at chosen
 * instants and regions (copies of a demo batch with their timing replaced), so the daily metrics are known exactly.
 */
export const START = '2026-07-15T08:00:00+08:00';

export const USERS = [
  'admin',
  'officer.province',
  'officer.changchun',
  'officer.nanguan',
  'officer.chaoyang',
  'officer.jilin',
  'jz.admin',
  'jz.tester',
  'jk.admin',
] as const;
export type Who = (typeof USERS)[number];

export interface Harness {
  t: TestApp;
  clock: ManualClock;
  get(who: Who, url: string): Promise<LightMyRequestResponse>;
  post(who: Who, url: string, payload?: object): Promise<LightMyRequestResponse>;
  userId(username: string): Promise<string>;
  /** Inserts a batch copied from a demo batch, with this region and timing. Returns its id. */
  batch(b: PlacedBatch): Promise<string>;
}

export interface PlacedBatch {
  region: string;
  openedAt: string;
  completedAt?: string | null;
  sealedAt?: string | null;
  specialty?: 'main_structure' | 'foundation';
}

let seq = 900_000;

/** `at`: where the clock stands after the demo is seeded at START (the demo's own snapshots end the day before START). */
export async function startHarness(opts: { at?: string; demoHistory?: boolean } = {}): Promise<Harness> {
  const clock = new ManualClock(START);
  const t = await createTestApp({ clock, demoHistory: opts.demoHistory ?? false });
  if (opts.at) clock.set(opts.at);
  const cookies: Record<string, string> = {};
  for (const u of USERS) cookies[u] = await t.login(u);
  const template = await t.deps.db.selectFrom('batches').selectAll().orderBy('opened_at').limit(1).executeTakeFirstOrThrow();
  return {
    t,
    clock,
    get: (who, url) => t.app.inject({ url, headers: { cookie: cookies[who]! } }),
    post: (who, url, payload) => t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) }),
    async userId(username) {
      return (await t.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    },
    async batch(b) {
      seq++;
      const completed = b.completedAt ? new Date(b.completedAt) : null;
      const sealed = b.sealedAt ? new Date(b.sealedAt) : null;
      const { id: _id, ...rest } = template;
      const row = await t.deps.db
        .insertInto('batches')
        .values({
          ...rest,
          batch_number: `JC-2026-${String(seq).padStart(6, '0')}`,
          number_year: 2026,
          number_seq: seq,
          region_code: b.region,
          specialty: b.specialty ?? 'main_structure',
          status: sealed ? 'sealed' : completed ? 'completed' : 'uploading',
          opened_at: new Date(b.openedAt),
          completed_at: completed,
          completion_declared_at: completed,
          first_sealed_at: sealed,
          current_seal_id: null,
          reviewed_at: null,
          reported_at: null,
          locked: false,
          row_version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  };
}
