import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.ts';
import type { DbHandle } from './database.ts';
import { migrate, MigrationError, readMigrations } from './migrate.ts';

let handle: DbHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

describe('migrations', () => {
  it('are recorded once with their checksum and a second run applies nothing', async () => {
    handle = await createTestDb();
    const rows = await sql<{ version: number; checksum: string }>`select version, checksum from schema_migrations order by version`.execute(handle.db);
    expect(rows.rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(handle)).toEqual({ applied: [] });
  });

  it('refuse to start when an applied migration has changed', async () => {
    handle = await createTestDb();
    const changed = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(handle, changed)).rejects.toThrow(MigrationError);
    await expect(migrate(handle, changed)).rejects.toThrow(/has changed since it was applied/);
  });

  it('refuse to start when an applied migration is missing', async () => {
    handle = await createTestDb();
    await expect(migrate(handle, readMigrations().slice(1))).rejects.toThrow(/is missing/);
  });

  it('roll back a failing migration whole', async () => {
    handle = await createTestDb();
    const dir = mkdtempSync(join(tmpdir(), 'qtrace-mig-'));
    const files = readMigrations();
    for (const f of files) writeFileSync(join(dir, `${String(f.version).padStart(4, '0')}_${f.name}.sql`), f.sql);
    writeFileSync(join(dir, '9999_broken.sql'), 'create table half_done (id int); select * from no_such_table;');
    await expect(migrate(handle, readMigrations(dir))).rejects.toThrow(/9999_broken failed/);
    const t = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(handle.db);
    expect(t.rows[0]!.n).toBe(0);
  });
});

describe('audit_log is append-only in the database itself', () => {
  it.each([
    ['UPDATE', sql`update audit_log set action = 'forged'`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('%s is refused', async (_op, statement) => {
    handle = await createTestDb();
    await sql`insert into audit_log (at, actor_type, action, target_type) values (now(), 'system', 'test.event', 'test')`.execute(handle.db);
    await expect(statement.execute(handle.db)).rejects.toThrow(/append-only/);
    const n = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'test.event'`.execute(handle.db);
    expect(n.rows[0]!.n).toBe(1);
  });
});
