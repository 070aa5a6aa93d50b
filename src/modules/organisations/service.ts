import { sql, type Kysely } from 'kysely';
import { requireAuthenticated, requireRole, scopeOf, type OrganisationType, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { visibleTo, containsPattern } from '../../kernel/db/scope-sql.ts';
import { badRequest, conflict, notFound } from '../../kernel/errors.ts';
import { validateUscc } from '../registry/index.ts';
import type { OrganisationRow } from './tables.ts';
import './tables.ts';

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  uscc: string | null;
  regionCode: string;
  regionName: string;
  contactName: string | null;
  contactPhone: string | null;
  status: 'active' | 'disabled';
  createdAt: string;
  rowVersion: number;
}

export interface OrganisationFilter {
  q?: string;
  type?: OrganisationType;
  regionCode?: string;
  page?: number;
  pageSize?: number;
}

export interface NewOrganisation {
  name: string;
  type: OrganisationType;
  uscc?: string | null;
  regionCode: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

export interface OrganisationPatch {
  rowVersion: number;
  name?: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

type Row = OrganisationRow & { region_name: string };

const toOrganisation = (r: Row): Organisation => ({
  id: r.id,
  name: r.name,
  type: r.type,
  uscc: r.uscc,
  regionCode: r.region_code,
  regionName: r.region_name,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  rowVersion: r.row_version,
});

const PHONE = /^[0-9+\-() ]{5,30}$/;

export class OrganisationService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The scoped base query: every read of organisations goes through here. */
  #visible(ctx: RequestContext, db: Kysely<Database> = this.#db) {
    const scope = scopeOf(ctx.actor);
    return db
      .selectFrom('organisations as o')
      .innerJoin('regions as r', 'r.code', 'o.region_code')
      .selectAll('o')
      .select('r.name as region_name')
      .where((eb) => visibleTo(scope, { organisation: eb.ref('o.id'), region: eb.ref('o.region_code') }));
  }

  async list(ctx: RequestContext, f: OrganisationFilter): Promise<{ items: Organisation[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = this.#visible(ctx);
    if (f.type) q = q.where('o.type', '=', f.type);
    if (f.regionCode) {
      const code = f.regionCode;
      q = q.where((eb) =>
        eb('o.region_code', 'in', eb.selectFrom('regions as sub').select('sub.code').where('sub.path', 'like', sql<string>`(select path from regions where code = ${code}) || '%'`)),
      );
    }
    if (f.q && f.q.trim()) {
      const like = containsPattern(f.q);
      q = q.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.uscc', 'ilike', like)]));
    }
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('o.created_at', 'desc').orderBy('o.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toOrganisation), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<Organisation> {
    requireAuthenticated(ctx.actor);
    const row = await this.#visible(ctx).where('o.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('ORGANISATION_NOT_FOUND', '机构不存在或无权查看');
    return toOrganisation(row);
  }

  async create(ctx: RequestContext, input: NewOrganisation): Promise<Organisation> {
    requireRole(ctx.actor, 'platform_admin');
    const name = input.name.trim();
    if (name.length < 2) throw badRequest('NAME_TOO_SHORT', '机构名称至少 2 个字符', 'body.name');
    let uscc: string | null = null;
    if (input.uscc != null && input.uscc.trim() !== '') {
      const v = validateUscc(input.uscc);
      if (!v.ok) throw badRequest('USCC_INVALID', v.message, 'body.uscc');
      uscc = v.code;
    } else if (input.type !== 'department') {
      // Government departments may be registered before their code is at hand; every market actor has one.
      throw badRequest('USCC_REQUIRED', '请填写统一社会信用代码', 'body.uscc');
    }
    if (input.contactPhone && !PHONE.test(input.contactPhone)) {
      throw badRequest('PHONE_INVALID', '联系电话格式不正确', 'body.contactPhone');
    }
    return this.#db.transaction().execute(async (trx) => {
      const region = await trx.selectFrom('regions').selectAll().where('code', '=', input.regionCode).executeTakeFirst();
      if (!region) throw badRequest('REGION_UNKNOWN', `行政区划 ${input.regionCode} 不存在`, 'body.regionCode');
      if (input.type === 'department') {
        if (!region.has_department) {
          throw badRequest('REGION_HAS_NO_DEPARTMENT', `${region.name}不设住建部门，由上级住建部门管辖`, 'body.regionCode');
        }
        const dup = await trx.selectFrom('organisations').select('id').where('type', '=', 'department').where('region_code', '=', input.regionCode).executeTakeFirst();
        if (dup) throw conflict('DEPARTMENT_EXISTS', `${region.name}已有住建部门`, 'body.regionCode');
      }
      if (uscc) {
        const dup = await trx.selectFrom('organisations').select('id').where('uscc', '=', uscc).executeTakeFirst();
        if (dup) throw conflict('USCC_TAKEN', '该统一社会信用代码已被其他机构使用', 'body.uscc');
      }
      const row = await trx
        .insertInto('organisations')
        .values({
          name,
          type: input.type,
          uscc,
          region_code: input.regionCode,
          contact_name: input.contactName?.trim() || null,
          contact_phone: input.contactPhone?.trim() || null,
          status: 'active',
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'organisation.create',
        targetType: 'organisation',
        targetId: row.id,
        organisationId: row.id,
        regionCode: row.region_code,
        details: { name: row.name, type: row.type, uscc: row.uscc, regionCode: row.region_code },
      });
      return toOrganisation({ ...row, region_name: region.name });
    });
  }

  /** Optimistic concurrency: the caller names the version it edited; a stale one gets 409, never a lost update. */
  async update(ctx: RequestContext, id: string, patch: OrganisationPatch): Promise<Organisation> {
    requireRole(ctx.actor, 'platform_admin');
    if (patch.contactPhone && !PHONE.test(patch.contactPhone)) {
      throw badRequest('PHONE_INVALID', '联系电话格式不正确', 'body.contactPhone');
    }
    if (patch.name !== undefined && patch.name.trim().length < 2) {
      throw badRequest('NAME_TOO_SHORT', '机构名称至少 2 个字符', 'body.name');
    }
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.#visible(ctx, trx).where('o.id', '=', id).forUpdate('o').executeTakeFirst();
      if (!before) throw notFound('ORGANISATION_NOT_FOUND', '机构不存在或无权查看');
      if (before.row_version !== patch.rowVersion) {
        throw conflict('EDIT_CONFLICT', '该机构已被他人修改，请刷新后重试', 'body.rowVersion');
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set: { name?: string; contact_name?: string | null; contact_phone?: string | null } = {};
      if (patch.name !== undefined && patch.name.trim() !== before.name) {
        set.name = patch.name.trim();
        changes.name = { from: before.name, to: set.name };
      }
      if (patch.contactName !== undefined && (patch.contactName?.trim() || null) !== before.contact_name) {
        set.contact_name = patch.contactName?.trim() || null;
        changes.contactName = { from: before.contact_name, to: set.contact_name };
      }
      if (patch.contactPhone !== undefined && (patch.contactPhone?.trim() || null) !== before.contact_phone) {
        set.contact_phone = patch.contactPhone?.trim() || null;
        changes.contactPhone = { from: before.contact_phone, to: set.contact_phone };
      }
      if (Object.keys(changes).length === 0) return toOrganisation(before);
      const row = await trx
        .updateTable('organisations')
        .set({ ...set, updated_at: ctx.now, row_version: before.row_version + 1 })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'organisation.update',
        targetType: 'organisation',
        targetId: id,
        organisationId: id,
        regionCode: row.region_code,
        details: { changes },
      });
      return toOrganisation({ ...row, region_name: before.region_name });
    });
  }

  async setStatus(ctx: RequestContext, id: string, status: 'active' | 'disabled'): Promise<Organisation> {
    requireRole(ctx.actor, 'platform_admin');
    return this.#db.transaction().execute(async (trx) => {
      const before = await this.#visible(ctx, trx).where('o.id', '=', id).forUpdate('o').executeTakeFirst();
      if (!before) throw notFound('ORGANISATION_NOT_FOUND', '机构不存在或无权查看');
      if (before.status === status) return toOrganisation(before);
      const row = await trx
        .updateTable('organisations')
        .set({ status, updated_at: ctx.now, row_version: before.row_version + 1 })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (status === 'disabled') {
        // People of a disabled organisation are signed out now, not at their session's end.
        await trx
          .updateTable('sessions')
          .set({ revoked_at: ctx.now })
          .where('revoked_at', 'is', null)
          .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('organisation_id', '=', id))
          .execute();
      }
      await recordAudit(trx, ctx, {
        action: status === 'disabled' ? 'organisation.disable' : 'organisation.enable',
        targetType: 'organisation',
        targetId: id,
        organisationId: id,
        regionCode: row.region_code,
        details: { from: before.status, to: status },
      });
      return toOrganisation({ ...row, region_name: before.region_name });
    });
  }

  /** Whether the actor may see organisation `id` (for other modules that act on one). */
  async isVisible(ctx: RequestContext, id: string): Promise<boolean> {
    return (await this.#visible(ctx).where('o.id', '=', id).executeTakeFirst()) !== undefined;
  }
}
