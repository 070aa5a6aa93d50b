import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { RequestContext } from './auth/actor.ts';
import { createTestDb } from '../testing/db.ts';
import type { DbHandle } from './db/database.ts';
import { hashRequest, idempotent } from './idempotency.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await sql`create table idem_probe (id serial primary key, note text)`.execute(h.db);
});
afterAll(() => h.close());

const ctx = (org: string): RequestContext => ({
  actor: { kind: 'machine', id: 'm1', name: 'LIMS', organisation: { id: org, name: 'x', type: 'agency', regionCode: '220102' } },
  requestId: 'r',
  clientIp: null,
  now: new Date('2026-07-15T10:00:00+08:00'),
});

const insert = (note: string) => async (trx: Parameters<Parameters<typeof idempotent>[4]>[0]) => {
  const row = await sql<{ id: number }>`insert into idem_probe (note) values (${note}) returning id`.execute(trx);
  return { statusCode: 201, body: { id: row.rows[0]!.id, note } };
};
const count = async () => (await sql<{ n: number }>`select count(*)::int as n from idem_probe`.execute(h.db)).rows[0]!.n;

describe('idempotent', () => {
  it('does the work once; a retry with the same key gets the first answer', async () => {
    const before = await count();
    const a = await idempotent(h.db, ctx('org-a'), 'key-00000001', hashRequest(['x']), insert('x'));
    const b = await idempotent(h.db, ctx('org-a'), 'key-00000001', hashRequest(['x']), insert('x'));
    expect(a.replayed).toBe(false);
    expect(b).toEqual({ ...a, replayed: true });
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key for a different request', async () => {
    await idempotent(h.db, ctx('org-a'), 'key-00000002', hashRequest(['x']), insert('x'));
    await expect(idempotent(h.db, ctx('org-a'), 'key-00000002', hashRequest(['y']), insert('y'))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps key spaces of organisations apart', async () => {
    const a = await idempotent(h.db, ctx('org-a'), 'key-00000003', hashRequest(['x']), insert('x'));
    const b = await idempotent(h.db, ctx('org-b'), 'key-00000003', hashRequest(['x']), insert('x'));
    expect(b.replayed).toBe(false);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('concurrent requests with one key do the work once', async () => {
    const before = await count();
    const results = await Promise.all(Array.from({ length: 4 }, () => idempotent(h.db, ctx('org-c'), 'key-00000004', hashRequest(['z']), insert('z'))));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await count()).toBe(before + 1);
  });

  it('a failed attempt leaves no key behind, so the retry does the work', async () => {
    await expect(
      idempotent(h.db, ctx('org-a'), 'key-00000005', hashRequest(['w']), async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    const retry = await idempotent(h.db, ctx('org-a'), 'key-00000005', hashRequest(['w']), insert('w'));
    expect(retry.replayed).toBe(false);
  });
});
