import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree, visibleTo } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import { RANDOM_DRAW_MAX_POOL, RANDOM_DRAW_MAX_POPULATION, RANDOM_DRAW_SEED_BYTES } from '../../kernel/policy.ts';
import { specialtyName, type Specialty } from '../../kernel/specialties.ts';
import { parseDate } from '../../kernel/time.ts';
import { officersWithin, regionInScope, requireDepartmentOfficer, requireInspectionReader } from './access.ts';
import { findingsOf, insertFinding, type Finding, type NewFinding } from './findings.ts';
import { beijingDayWindow } from './rules/daily-check.ts';
import { populationDigest, runDraw } from './rules/random-draw.ts';
import type { DrawKind, RandomDrawRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * 随机抽查 (双随机, issue 6 item 7). Publishing fixes everything the draw depends on before anyone sees a result: the
 * population (every batch or agency matching the filter, sorted ids, with its SHA-256), the inspector pool (with its
 * SHA-256) and a seed drawn by the platform (no officer chooses it). Drawing then applies rules/random-draw.ts to those
 * stored values; anyone holding the published record can re-run it (`npm run redraw`) and must get the same selection.
 * A published draw is never withdrawn or edited (the table refuses it), so re-publishing until a convenient result
 * shows would leave every attempt on the record.
 */

export interface NewDraw {
  title: string;
  regionCode: string;
  kind: DrawKind;
  specialty?: Specialty | null;
  periodFrom: string;
  periodTo: string;
  sampleSize: number;
  inspectorPool: string[];
  inspectorCount: number;
}

export interface DrawItem {
  id: string;
  kind: 'batch' | 'agency';
  /** Batch number, or the agency's name. */
  label: string;
  agencyName: string;
  projectName: string | null;
  regionCode: string;
}

export interface Draw {
  id: string;
  title: string;
  department: { id: string; name: string };
  regionCode: string;
  regionName: string;
  kind: DrawKind;
  specialty: Specialty | null;
  specialtyName: string | null;
  periodFrom: string;
  periodTo: string;
  sampleSize: number;
  inspectorCount: number;
  inspectorPool: { id: string; name: string }[];
  seed: string;
  populationSize: number;
  populationDigest: string;
  poolDigest: string;
  publishedAt: string;
  publishedByName: string;
  status: 'published' | 'drawn';
  drawnAt: string | null;
  selection: DrawItem[] | null;
  inspectors: { id: string; name: string }[] | null;
  findings: Finding[];
}

/** Everything a re-run needs, as published: the input of rules/random-draw.ts and the stored result. */
export interface DrawRecord {
  id: string;
  kind: DrawKind;
  seed: string;
  population: string[];
  populationDigest: string;
  sampleSize: number;
  inspectorPool: string[];
  poolDigest: string;
  inspectorCount: number;
  selection: string[] | null;
  inspectors: string[] | null;
}

export interface Verification {
  /** The seed and stored population re-run now. */
  selection: string[];
  inspectors: string[];
  populationDigestMatches: boolean;
  poolDigestMatches: boolean;
  /** The re-run equals the stored draw (false only if something was altered). */
  matches: boolean;
}

const NOT_FOUND = () => notFound('RANDOM_DRAW_NOT_FOUND', '随机抽查不存在或无权查看');

type Row = RandomDrawRow & { department_name: string; region_name: string };

/** The jurisdiction's draws (the region's subtree), and any draw whose inspector pool names the caller. */
function visibleDraws(db: Db, ctx: RequestContext) {
  const { user, scope } = requireInspectionReader(ctx);
  return db
    .selectFrom('random_draws as d')
    .innerJoin('organisations as o', 'o.id', 'd.department_id')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .selectAll('d')
    .select(['o.name as department_name', 'r.name as region_name'])
    .where((eb) =>
      eb.or([
        visibleTo(scope, { organisation: eb.ref('d.department_id'), region: eb.ref('d.region_code') }),
        sql<SqlBool>`${user.id}::uuid = any(d.inspector_pool)`,
      ]),
    );
}

export async function findVisibleDraw(db: Db, ctx: RequestContext, id: string, lock = false): Promise<Row> {
  let q = visibleDraws(db, ctx).where('d.id', '=', id);
  if (lock) q = q.forUpdate('d');
  const row = await q.executeTakeFirst();
  if (!row) throw NOT_FOUND();
  return row;
}

/** The ids matching a draw's filter, sorted: batches opened in the period in the region's subtree (and specialty). */
async function population(db: Db, f: { regionCode: string; kind: DrawKind; specialty: string | null; periodFrom: string; periodTo: string }): Promise<string[]> {
  const from = beijingDayWindow(f.periodFrom).start;
  const to = beijingDayWindow(f.periodTo).end;
  let q = db
    .selectFrom('batches as b')
    .where((eb) => regionInSubtree(eb.ref('b.region_code'), f.regionCode))
    .where('b.opened_at', '>=', from)
    .where('b.opened_at', '<', to);
  if (f.specialty) q = q.where('b.specialty', '=', f.specialty as Specialty);
  const rows =
    f.kind === 'batches'
      ? await q.select('b.id as id').orderBy('b.id').execute()
      : await q.select('b.agency_id as id').distinct().orderBy('b.agency_id').execute();
  return rows.map((r) => r.id);
}

async function names(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

async function describeItems(db: Db, kind: DrawKind, ids: readonly string[]): Promise<DrawItem[]> {
  if (ids.length === 0) return [];
  if (kind === 'agencies') {
    const rows = await db.selectFrom('organisations').select(['id', 'name', 'region_code']).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const r = byId.get(id);
      return { id, kind: 'agency', label: r?.name ?? id, agencyName: r?.name ?? '', projectName: null, regionCode: r?.region_code ?? '' };
    });
  }
  const rows = await db
    .selectFrom('batches as b')
    .innerJoin('organisations as a', 'a.id', 'b.agency_id')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .select(['b.id', 'b.batch_number', 'b.region_code', 'a.name as agency_name', 'p.name as project_name'])
    .where('b.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    return { id, kind: 'batch', label: r?.batch_number ?? id, agencyName: r?.agency_name ?? '', projectName: r?.project_name ?? null, regionCode: r?.region_code ?? '' };
  });
}

function checkPeriod(from: string, to: string): void {
  for (const [v, field] of [[from, 'body.periodFrom'], [to, 'body.periodTo']] as const) {
    try {
      parseDate(v);
    } catch {
      throw badRequest('DATE_INVALID', '日期格式应为 YYYY-MM-DD', field);
    }
  }
  if (to < from) throw badRequest('PERIOD_INVALID', '结束日期不能早于开始日期', 'body.periodTo');
}

export class DrawService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Publishes a draw: the filter's population frozen, the pool checked, the seed fixed. Nothing is drawn yet. */
  async publish(ctx: RequestContext, input: NewDraw): Promise<Draw> {
    return this.#db.transaction().execute((trx) => publishDraw(trx, ctx, input));
  }

  /** Draws a published draw, once, from its stored seed, population and pool. Only its own department draws. */
  async draw(ctx: RequestContext, id: string): Promise<Draw> {
    return this.#db.transaction().execute((trx) => executeDraw(trx, ctx, id));
  }

  /** A drawn inspector (or an officer of the drawing department) records what they found on a drawn item. */
  async recordFinding(ctx: RequestContext, id: string, input: NewFinding): Promise<Finding> {
    const { user, scope } = requireDepartmentOfficer(ctx);
    return this.#db.transaction().execute(async (trx) => {
      const d = await findVisibleDraw(trx, ctx, id, true);
      if (d.status !== 'drawn' || !d.selection || !d.inspectors) throw conflict('RANDOM_DRAW_NOT_DRAWN', '尚未抽取，不能记录检查发现');
      if (!d.inspectors.includes(user.id) && d.department_id !== scope.organisationId) {
        throw forbidden('FINDING_INSPECTOR_ONLY', '只有抽中的检查人员或发布部门的监管人员可以记录检查发现');
      }
      if (!d.selection.includes(input.itemId)) throw unprocessable('ITEM_NOT_DRAWN', '该对象不在本次抽查结果中', 'body.itemId');
      return insertFinding(trx, ctx, { drawId: d.id }, d.kind === 'batches' ? 'batch' : 'agency', input, { organisationId: d.department_id, regionCode: d.region_code });
    });
  }

  /** Re-runs the draw from what was published and compares it with what was stored. */
  async verify(ctx: RequestContext, id: string): Promise<Verification> {
    const d = await findVisibleDraw(this.#db, ctx, id);
    return verifyRecord(toRecord(d));
  }

  async record(ctx: RequestContext, id: string): Promise<DrawRecord> {
    return toRecord(await findVisibleDraw(this.#db, ctx, id));
  }

  async get(ctx: RequestContext, id: string): Promise<Draw> {
    return detail(this.#db, ctx, id);
  }

  async list(ctx: RequestContext, f: { page?: number; pageSize?: number }): Promise<{ items: Omit<Draw, 'selection' | 'inspectors' | 'findings' | 'inspectorPool'>[]; total: number }> {
    const q = visibleDraws(this.#db, ctx);
    const { limit, offset } = pageBounds(f);
    const [rows, count] = await Promise.all([
      q.orderBy('d.published_at', 'desc').orderBy('d.id').limit(limit).offset(offset).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => summary(r)), total: Number(count.n) };
  }

  /** Department officers of the caller's jurisdiction: who can be put in an inspector pool. */
  async candidates(ctx: RequestContext) {
    const { scope } = requireInspectionReader(ctx);
    if (scope.kind !== 'region') return [];
    return officersWithin(this.#db, scope.regionCode);
  }
}

async function detail(db: Db, ctx: RequestContext, id: string): Promise<Draw> {
  const d = await findVisibleDraw(db, ctx, id);
  const people = await names(db, [...d.inspector_pool, ...(d.inspectors ?? [])]);
  const who = (uid: string) => ({ id: uid, name: people.get(uid) ?? '' });
  return {
    ...summary(d),
    inspectorPool: d.inspector_pool.map(who),
    selection: d.selection ? await describeItems(db, d.kind, d.selection) : null,
    inspectors: d.inspectors ? d.inspectors.map(who) : null,
    findings: await findingsOf(db, { drawId: d.id }),
  };
}

/** Publishes a draw in the caller's transaction (the service, and the demo seed). */
export async function publishDraw(trx: Transaction<Database>, ctx: RequestContext, input: NewDraw): Promise<Draw> {
  const { user, scope } = requireDepartmentOfficer(ctx);
  checkPeriod(input.periodFrom, input.periodTo);
  const region = await regionInScope(trx, scope, input.regionCode);
  const pool = [...new Set(input.inspectorPool)];
  if (pool.length !== input.inspectorPool.length) throw badRequest('INSPECTOR_POOL_DUPLICATE', '检查人员名单有重复', 'body.inspectorPool');
  if (pool.length > RANDOM_DRAW_MAX_POOL) throw badRequest('INSPECTOR_POOL_TOO_LARGE', `检查人员名单最多 ${RANDOM_DRAW_MAX_POOL} 人`, 'body.inspectorPool');
  const candidates = new Set((await officersWithin(trx, scope.regionCode)).map((o) => o.id));
  pool.forEach((id, i) => {
    if (!candidates.has(id)) throw unprocessable('INSPECTOR_NOT_IN_JURISDICTION', '检查人员须为本辖区住建部门在岗监管人员', `body.inspectorPool.${i}`);
  });
  if (input.inspectorCount > pool.length) throw unprocessable('INSPECTOR_COUNT_TOO_LARGE', '抽取的检查人员数不能多于检查人员名单', 'body.inspectorCount');
  const ids = await population(trx, { regionCode: region.code, kind: input.kind, specialty: input.specialty ?? null, periodFrom: input.periodFrom, periodTo: input.periodTo });
  if (ids.length > RANDOM_DRAW_MAX_POPULATION) {
    throw unprocessable('POPULATION_TOO_LARGE', `抽查范围内有 ${ids.length} 个对象，超过 ${RANDOM_DRAW_MAX_POPULATION} 个，请缩小范围`, 'body.periodTo');
  }
  const seed = randomBytes(RANDOM_DRAW_SEED_BYTES).toString('hex');
  const row = await trx
    .insertInto('random_draws')
    .values({
      title: input.title.trim(),
      department_id: scope.organisationId,
      region_code: region.code,
      kind: input.kind,
      specialty: input.specialty ?? null,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      sample_size: input.sampleSize,
      inspector_pool: pool,
      inspector_count: input.inspectorCount,
      seed,
      population: ids,
      population_digest: populationDigest(ids),
      pool_digest: populationDigest(pool),
      published_at: ctx.now,
      published_by: user.id,
      published_by_name: user.displayName,
      status: 'published',
      drawn_at: null,
      drawn_by: null,
      selection: null,
      inspectors: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: 'random_draw.publish',
    targetType: 'random_draw',
    targetId: row.id,
    organisationId: scope.organisationId,
    regionCode: region.code,
    details: { kind: input.kind, specialty: input.specialty ?? null, periodFrom: input.periodFrom, periodTo: input.periodTo, sampleSize: input.sampleSize, inspectorCount: input.inspectorCount, seed, populationSize: ids.length, populationDigest: populationDigest(ids), poolDigest: populationDigest(pool) },
  });
  return detail(trx, ctx, row.id);
}

/** Draws a published draw in the caller's transaction. */
export async function executeDraw(trx: Transaction<Database>, ctx: RequestContext, id: string): Promise<Draw> {
  const { user, scope } = requireDepartmentOfficer(ctx);
  const d = await findVisibleDraw(trx, ctx, id, true);
  if (d.department_id !== scope.organisationId) throw forbidden('RANDOM_DRAW_OTHER_DEPARTMENT', '只有发布该抽查的部门可以执行抽取');
  if (d.status === 'drawn') throw conflict('RANDOM_DRAW_ALREADY_DRAWN', '该抽查已经抽取，结果不可更改');
  const r = runDraw({ population: d.population, sampleSize: d.sample_size, inspectorPool: d.inspector_pool, inspectorCount: d.inspector_count, seed: d.seed });
  await trx.updateTable('random_draws').set({ status: 'drawn', drawn_at: ctx.now, drawn_by: user.id, selection: r.selection, inspectors: r.inspectors }).where('id', '=', id).execute();
  await recordAudit(trx, ctx, {
    action: 'random_draw.draw',
    targetType: 'random_draw',
    targetId: id,
    organisationId: d.department_id,
    regionCode: d.region_code,
    details: { seed: d.seed, populationDigest: d.population_digest, selection: r.selection, inspectors: r.inspectors },
  });
  return detail(trx, ctx, id);
}

function summary(d: Row): Omit<Draw, 'selection' | 'inspectors' | 'findings' | 'inspectorPool'> {
  return {
    id: d.id,
    title: d.title,
    department: { id: d.department_id, name: d.department_name },
    regionCode: d.region_code,
    regionName: d.region_name,
    kind: d.kind,
    specialty: d.specialty as Specialty | null,
    specialtyName: d.specialty ? specialtyName(d.specialty as Specialty) : null,
    periodFrom: d.period_from,
    periodTo: d.period_to,
    sampleSize: d.sample_size,
    inspectorCount: d.inspector_count,
    seed: d.seed,
    populationSize: d.population.length,
    populationDigest: d.population_digest,
    poolDigest: d.pool_digest,
    publishedAt: d.published_at.toISOString(),
    publishedByName: d.published_by_name,
    status: d.status,
    drawnAt: d.drawn_at ? d.drawn_at.toISOString() : null,
  };
}

const toRecord = (d: RandomDrawRow): DrawRecord => ({
  id: d.id,
  kind: d.kind,
  seed: d.seed,
  population: d.population,
  populationDigest: d.population_digest,
  sampleSize: d.sample_size,
  inspectorPool: d.inspector_pool,
  poolDigest: d.pool_digest,
  inspectorCount: d.inspector_count,
  selection: d.selection,
  inspectors: d.inspectors,
});

/** The re-run of a published record: what `npm run redraw` and the verify endpoint both do. */
export function verifyRecord(r: DrawRecord): Verification {
  const again = runDraw({ population: r.population, sampleSize: r.sampleSize, inspectorPool: r.inspectorPool, inspectorCount: r.inspectorCount, seed: r.seed });
  const same = (a: readonly string[] | null, b: readonly string[]) => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);
  const populationDigestMatches = populationDigest(r.population) === r.populationDigest;
  const poolDigestMatches = populationDigest(r.inspectorPool) === r.poolDigest;
  return {
    ...again,
    populationDigestMatches,
    poolDigestMatches,
    matches: populationDigestMatches && poolDigestMatches && same(r.selection, again.selection) && same(r.inspectors, again.inspectors),
  };
}
