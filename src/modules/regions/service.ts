import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/types.ts';
import { notFound } from '../../kernel/errors.ts';
import { regionInSubtree } from '../../kernel/db/scope-sql.ts';
import { advisoryXactLock, LOCKS } from '../../kernel/db/locks.ts';
import { loadRegionData, regionPaths, type RegionDataFile } from './region-data.ts';
import type { RegionRow } from './tables.ts';
import './tables.ts';

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  hasDepartment: boolean;
  gb2260: boolean;
}

const toRegion = (r: RegionRow): Region => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  hasDepartment: r.has_department,
  gb2260: r.gb2260,
});

/** The administrative tree is public reference data: every signed-in user may read all of it. */
export class RegionService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async list(): Promise<Region[]> {
    const rows = await this.#db.selectFrom('regions').selectAll().orderBy('sort_order').execute();
    return rows.map(toRegion);
  }

  async get(code: string): Promise<Region> {
    const row = await this.#db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) throw notFound('REGION_NOT_FOUND', `行政区划 ${code} 不存在`);
    return toRegion(row);
  }

  /** Is `code` equal to `root` or below it? */
  async isWithin(code: string, root: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('regions as r')
      .select('r.code')
      .where('r.code', '=', code)
      .where((eb) => regionInSubtree(eb.ref('r.code'), root))
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Brings the table in line with the shipped data file at start: new regions are added, renamed ones updated.
   * Regions are never removed (organisations and history point at them); one that left the file is reported.
   */
  async sync(data: RegionDataFile = loadRegionData()): Promise<{ added: number; updated: number; orphaned: string[] }> {
    const paths = regionPaths(data.regions);
    return this.#db.transaction().execute(async (trx) => {
      await advisoryXactLock(trx, LOCKS.regionSync);
      const existing = new Map(
        (await trx.selectFrom('regions').selectAll().execute()).map((r) => [r.code, r] as const),
      );
      let added = 0;
      let updated = 0;
      // Parents first, so the foreign key holds at every insert.
      const ordered = [...data.regions].sort((a, b) => paths.get(a.code)!.length - paths.get(b.code)!.length);
      const order = new Map(data.regions.map((r, i) => [r.code, i]));
      for (const d of ordered) {
        const row = {
          code: d.code,
          name: d.name,
          level: d.level,
          parent_code: d.parentCode,
          path: paths.get(d.code)!,
          has_department: d.hasDepartment,
          gb2260: d.gb2260,
          gb_parent_code: d.gbParentCode ?? null,
          sort_order: order.get(d.code)!,
        };
        const old = existing.get(d.code);
        if (!old) {
          await trx.insertInto('regions').values(row).execute();
          added++;
        } else if (
          old.name !== row.name ||
          old.level !== row.level ||
          old.parent_code !== row.parent_code ||
          old.path !== row.path ||
          old.has_department !== row.has_department ||
          old.gb2260 !== row.gb2260 ||
          old.gb_parent_code !== row.gb_parent_code ||
          old.sort_order !== row.sort_order
        ) {
          await trx.updateTable('regions').set(row).where('code', '=', d.code).execute();
          updated++;
        }
      }
      const inFile = new Set(data.regions.map((r) => r.code));
      const orphaned = [...existing.keys()].filter((c) => !inFile.has(c));
      return { added, updated, orphaned };
    });
  }
}
