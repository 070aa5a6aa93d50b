import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/kernel/db/types.ts';

let nextSeq = 0;
/**
 * Clones the demo's template batch `n` times. kind 'open': half opened (only the 24 h 漏传 instant, a day ahead),
 * half completed with their deadline ahead; 'due': completed, unsealed, deadline `dueFrom` + i·`spreadMs`/n. `settle`
 * (for a benchmark) vacuums and checkpoints afterwards; returns the new batches' ids.
 */
export async function insertBatches(db: Kysely<Database>, template: string, n: number, kind: 'open' | 'due', dueFrom = new Date(), spreadMs = 0, settle = true): Promise<string[]> {
  const from = nextSeq;
  nextSeq += n;
  // Numbers stay unique per agency and year: 500 000 a (synthetic) year.
  const inserted = await sql<{ id: string }>`
    insert into batches (agency_id, batch_number, number_year, number_seq, project_id, region_code, commission_id, specialty,
      catalogue_version, item_codes, component_codes, equipment_ids, tester_person_ids, witness_person_id, upload_owner_person_id,
      status, opened_at, opened_by_type, completed_at, completion_declared_at, lock_due_at, warn_due_at, missing_due_at)
    select t.agency_id, 'JC-' || (2100 + s / 500000) || '-' || lpad((s % 500000 + 1)::text, 6, '0'), 2100 + s / 500000, s % 500000 + 1,
      t.project_id, t.region_code, t.commission_id, t.specialty, t.catalogue_version, t.item_codes, t.component_codes, t.equipment_ids,
      t.tester_person_ids, t.witness_person_id, t.upload_owner_person_id,
      x.status, x.opened_at, 'machine', x.completed_at, x.completed_at, x.lock_due_at, x.warn_due_at, x.missing_due_at
    from batches t, generate_series(${from}::int, ${from + n - 1}::int) s
    cross join lateral (select ${dueFrom}::timestamptz + ((s - ${from}) * ${spreadMs}::float8 / ${n}) * interval '1 millisecond' as deadline) d
    cross join lateral (select
      case when ${kind} = 'due' or s % 2 = 1 then 'completed' else 'opened' end as status,
      now() - interval '3 hours' as opened_at,
      -- The rule decides on the row: a due batch's completion is its deadline − 2 h.
      case when ${kind} = 'due' then d.deadline - interval '2 hours' when s % 2 = 1 then now() - interval '10 minutes' end as completed_at,
      case when ${kind} = 'due' then d.deadline when s % 2 = 1 then now() + interval '110 minutes' end as lock_due_at,
      case when ${kind} = 'open' and s % 2 = 1 then now() + interval '80 minutes' end as warn_due_at,
      case when ${kind} = 'open' and s % 2 = 0 then now() + interval '23 hours' end as missing_due_at) x
    where t.id = ${template}
    returning id`.execute(db);
  if (!settle) return inserted.rows.map((r) => r.id);
  // Measure a settled database, not the bulk load's aftermath (dirty pages being flushed, autovacuum starting).
  await sql`vacuum analyze batches`.execute(db);
  await sql`checkpoint`.execute(db);
  return inserted.rows.map((r) => r.id);
}

