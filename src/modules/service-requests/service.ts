import { sql, type Kysely, type Transaction } from 'kysely';
import { requireUser, scopeOf, type RequestContext, type Scope, type UserActor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { regionInSubtree, visibleTo } from '../../kernel/db/scope-sql.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import { beijingDate } from '../../kernel/time.ts';
import { findVisibleProject } from '../projects/index.ts';
import type { ServiceRequestRow, ServiceRequestStatus, ServiceRequestType } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * 靠前服务 (三(二), issue 6 item 9): an agency asks its department for help (connecting equipment, capturing images,
 * anything else); the department of the project's region (or of the agency's own, without a project) schedules a
 * visit and closes the request with a note. The daily check counts requests opened and closed per day.
 */

export const SERVICE_REQUEST_TYPE_LABELS: Record<ServiceRequestType, string> = {
  equipment_connection: '设备对接',
  image_capture: '影像采集',
  other: '其他',
};
export const SERVICE_REQUEST_STATUS_LABELS: Record<ServiceRequestStatus, string> = {
  requested: '待安排',
  scheduled: '已安排走访',
  closed: '已办结',
};

export interface ServiceRequest {
  id: string;
  agency: { id: string; name: string };
  regionCode: string;
  regionName: string;
  project: { id: string; name: string } | null;
  type: ServiceRequestType;
  typeLabel: string;
  description: string;
  contactPhone: string | null;
  status: ServiceRequestStatus;
  statusLabel: string;
  createdAt: string;
  createdByName: string;
  visitDate: string | null;
  visitOfficer: { id: string; name: string } | null;
  scheduledAt: string | null;
  closedAt: string | null;
  closeNote: string | null;
}

export interface NewServiceRequest {
  type: ServiceRequestType;
  description: string;
  projectId?: string | null;
  contactPhone?: string | null;
}

export interface ServiceRequestFilter {
  status?: ServiceRequestStatus;
  type?: ServiceRequestType;
  page?: number;
  pageSize?: number;
}

type Row = ServiceRequestRow & { agency_name: string; region_name: string; project_name: string | null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toRequest = (r: Row): ServiceRequest => ({
  id: r.id,
  agency: { id: r.agency_id, name: r.agency_name },
  regionCode: r.region_code,
  regionName: r.region_name,
  project: r.project_id ? { id: r.project_id, name: r.project_name ?? '' } : null,
  type: r.type,
  typeLabel: SERVICE_REQUEST_TYPE_LABELS[r.type],
  description: r.description,
  contactPhone: r.contact_phone,
  status: r.status,
  statusLabel: SERVICE_REQUEST_STATUS_LABELS[r.status],
  createdAt: r.created_at.toISOString(),
  createdByName: r.created_by_name,
  visitDate: r.visit_date,
  visitOfficer: r.visit_officer_id ? { id: r.visit_officer_id, name: r.visit_officer_name ?? '' } : null,
  scheduledAt: iso(r.scheduled_at),
  closedAt: iso(r.closed_at),
  closeNote: r.close_note,
});

const NOT_FOUND = () => notFound('SERVICE_REQUEST_NOT_FOUND', '服务请求不存在或无权查看');

function visible(db: Db, ctx: RequestContext) {
  const scope = scopeOf(ctx.actor);
  return db
    .selectFrom('service_requests as s')
    .innerJoin('organisations as a', 'a.id', 's.agency_id')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .leftJoin('projects as p', 'p.id', 's.project_id')
    .selectAll('s')
    .select(['a.name as agency_name', 'r.name as region_name', 'p.name as project_name'])
    .where((eb) => visibleTo(scope, { organisation: eb.ref('s.agency_id'), region: eb.ref('s.region_code') }));
}

/** A department officer whose jurisdiction holds the request: the one who may schedule and close it. */
function requireHandlingOfficer(ctx: RequestContext): { user: UserActor; scope: Extract<Scope, { kind: 'region' }> } {
  const user = requireUser(ctx.actor);
  const scope = scopeOf(user);
  if (scope.kind !== 'region') throw forbidden('SERVICE_REQUEST_DEPARTMENT_ONLY', '只有住建部门监管人员可以安排或办结服务请求');
  return { user, scope };
}

export class ServiceRequestService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async file(ctx: RequestContext, input: NewServiceRequest): Promise<ServiceRequest> {
    const u = requireUser(ctx.actor);
    const org = u.organisation;
    if (!org || org.type !== 'agency') throw forbidden('SERVICE_REQUEST_AGENCY_ONLY', '只有检测机构可以提出服务请求');
    return this.#db.transaction().execute(async (trx) => {
      let regionCode = org.regionCode;
      let projectId: string | null = null;
      if (input.projectId) {
        const project = await findVisibleProject(trx, ctx, input.projectId);
        if (!project) throw unprocessable('PROJECT_NOT_FOUND', '工程项目不存在或未委托本机构', 'body.projectId');
        regionCode = project.region_code;
        projectId = project.id;
      }
      const row = await trx
        .insertInto('service_requests')
        .values({
          agency_id: org.id,
          region_code: regionCode,
          project_id: projectId,
          type: input.type,
          description: input.description.trim(),
          contact_phone: input.contactPhone?.trim() || null,
          status: 'requested',
          created_at: ctx.now,
          created_by: u.id,
          created_by_name: u.displayName,
          visit_date: null,
          visit_officer_id: null,
          visit_officer_name: null,
          scheduled_at: null,
          scheduled_by: null,
          closed_at: null,
          closed_by: null,
          close_note: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'service_request.file',
        targetType: 'service_request',
        targetId: row.id,
        organisationId: org.id,
        regionCode,
        details: { type: input.type, projectId },
      });
      return this.#get(trx, ctx, row.id);
    });
  }

  async list(ctx: RequestContext, f: ServiceRequestFilter): Promise<{ items: ServiceRequest[]; total: number }> {
    requireUser(ctx.actor);
    let q = visible(this.#db, ctx);
    if (f.status) q = q.where('s.status', '=', f.status);
    if (f.type) q = q.where('s.type', '=', f.type);
    const { limit, offset } = pageBounds(f);
    const [rows, count] = await Promise.all([
      q.orderBy('s.created_at', 'desc').orderBy('s.id').limit(limit).offset(offset).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toRequest), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<ServiceRequest> {
    requireUser(ctx.actor);
    return this.#get(this.#db, ctx, id);
  }

  async #get(db: Db, ctx: RequestContext, id: string): Promise<ServiceRequest> {
    const row = await visible(db, ctx).where('s.id', '=', id).executeTakeFirst();
    if (!row) throw NOT_FOUND();
    return toRequest(row);
  }

  /** Schedules (or re-schedules) a visit: a date not in the past and an officer of a department over the request's region. */
  async schedule(ctx: RequestContext, id: string, input: { visitDate: string; officerId: string }): Promise<ServiceRequest> {
    const { user: u, scope } = requireHandlingOfficer(ctx);
    return this.#db.transaction().execute(async (trx) => {
      const row = await visible(trx, ctx).where('s.id', '=', id).forUpdate('s').executeTakeFirst();
      if (!row) throw NOT_FOUND();
      if (row.status === 'closed') throw conflict('SERVICE_REQUEST_CLOSED', '该服务请求已办结');
      if (input.visitDate < beijingDate(ctx.now)) throw unprocessable('VISIT_DATE_PAST', '走访日期不能早于今天', 'body.visitDate');
      const officer = await trx
        .selectFrom('users as o')
        .innerJoin('organisations as d', 'd.id', 'o.organisation_id')
        .select(['o.id', 'o.display_name', 'd.region_code'])
        .where('o.id', '=', input.officerId)
        .where('o.status', '=', 'active')
        .where('d.type', '=', 'department')
        .where(sql<boolean>`'dept_officer' = any(o.roles)`)
        // The officer's department is over the request's region, and within the scheduler's jurisdiction.
        .where(sql<boolean>`exists (select 1 from regions req join regions dep on dep.code = d.region_code
          where req.code = ${row.region_code} and req.path like dep.path || '%')`)
        .where((eb) => regionInSubtree(eb.ref('d.region_code'), scope.regionCode))
        .executeTakeFirst();
      if (!officer) throw unprocessable('VISIT_OFFICER_INVALID', '走访人员须为本辖区内负责该区域的住建部门监管人员', 'body.officerId');
      await trx
        .updateTable('service_requests')
        .set({
          status: 'scheduled',
          visit_date: input.visitDate,
          visit_officer_id: officer.id,
          visit_officer_name: officer.display_name,
          scheduled_at: ctx.now,
          scheduled_by: u.id,
          row_version: sql`row_version + 1`,
        })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, ctx, {
        action: row.status === 'scheduled' ? 'service_request.reschedule' : 'service_request.schedule',
        targetType: 'service_request',
        targetId: id,
        organisationId: row.agency_id,
        regionCode: row.region_code,
        details: { before: { visitDate: row.visit_date, officerId: row.visit_officer_id }, after: { visitDate: input.visitDate, officerId: officer.id } },
      });
      return this.#get(trx, ctx, id);
    });
  }

  /** Closes the request with what was done (after a visit, or remotely without one). */
  async close(ctx: RequestContext, id: string, note: string): Promise<ServiceRequest> {
    const { user: u } = requireHandlingOfficer(ctx);
    return this.#db.transaction().execute(async (trx) => {
      const row = await visible(trx, ctx).where('s.id', '=', id).forUpdate('s').executeTakeFirst();
      if (!row) throw NOT_FOUND();
      if (row.status === 'closed') throw conflict('SERVICE_REQUEST_CLOSED', '该服务请求已办结');
      await trx
        .updateTable('service_requests')
        .set({ status: 'closed', closed_at: ctx.now, closed_by: u.id, close_note: note.trim(), row_version: sql`row_version + 1` })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, ctx, {
        action: 'service_request.close',
        targetType: 'service_request',
        targetId: id,
        organisationId: row.agency_id,
        regionCode: row.region_code,
        details: { from: row.status, note: note.trim() },
      });
      return this.#get(trx, ctx, id);
    });
  }
}

/** Requests opened and closed in [from, to), with their region: what the daily check counts. */
export async function serviceRequestEvents(db: Db, from: Date, to: Date): Promise<{ opened: { regionCode: string; at: Date }[]; closed: { regionCode: string; at: Date }[] }> {
  const opened = await db.selectFrom('service_requests').select(['region_code', 'created_at']).where('created_at', '>=', from).where('created_at', '<', to).execute();
  const closed = await db
    .selectFrom('service_requests')
    .select(['region_code', 'closed_at'])
    .where('closed_at', '>=', from)
    .where('closed_at', '<', to)
    .execute();
  return {
    opened: opened.map((r) => ({ regionCode: r.region_code, at: r.created_at })),
    closed: closed.map((r) => ({ regionCode: r.region_code, at: r.closed_at! })),
  };
}
