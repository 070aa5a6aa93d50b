import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hasRole, requireAuthenticated, scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { COMPONENT_LABELS_MAX_PER_PDF, COMPONENT_REGISTRATION_MAX_ITEMS } from '../../kernel/policy.ts';
import { findVisibleProject, ProjectService, visibleProjectIds, type Project } from '../projects/index.ts';
import { renderLabelSheet } from './labels.ts';
import { componentIdFromBytes, formatComponentId, parseComponentId } from './rules/component-id.ts';
import { descriptionKey, normaliseDescription, type ComponentDescription } from './rules/description.ts';
import type { ComponentRow } from './tables.ts';
import './tables.ts';
import { escapeLike } from '../../kernel/db/scope-sql.ts';

export interface Component {
  id: string;
  /** The component ID printed on the label (构件唯一标识). */
  code: string;
  projectId: string;
  building: string;
  floor: string | null;
  position: string;
  componentType: string;
  note: string | null;
  createdAt: string;
}

export interface NewComponent {
  building: string;
  floor?: string | null;
  position: string;
  componentType: string;
  note?: string | null;
}

export interface ComponentFilter {
  q?: string;
  building?: string;
  page?: number;
  pageSize?: number;
}

const toComponent = (r: ComponentRow): Component => ({
  id: r.id,
  code: r.code,
  projectId: r.project_id,
  building: r.building,
  floor: r.floor,
  position: r.position,
  componentType: r.component_type,
  note: r.note,
  createdAt: r.created_at.toISOString(),
});

/** The label's description lines, in the order a person on site looks for them. */
export function labelLines(c: Pick<Component, 'building' | 'floor' | 'position' | 'componentType'>): string[] {
  return [[c.building, c.floor].filter(Boolean).join(' '), c.position, c.componentType];
}

/** What a label's QR code encodes: the console's resolve page for the component, on the platform's public address. */
export function labelUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/c/${code}`;
}

/** A component ID as given in a path or query, or a 400 naming where. */
export function requireComponentId(input: string, field: string): string {
  const id = parseComponentId(input);
  if (!id) throw badRequest('COMPONENT_ID_INVALID', `构件编号 ${input.slice(0, 40)} 格式或校验位不正确`, field);
  return id;
}

const LIMITS = { building: 50, floor: 20, position: 100, componentType: 30 } as const;

function normaliseItem(item: NewComponent, i: number): ComponentDescription & { note: string | null } {
  const field = (name: string) => `body.items.${i}.${name}`;
  const required = (raw: string, name: keyof typeof LIMITS, zh: string) => {
    const v = normaliseDescription(raw);
    if (!v) throw badRequest('COMPONENT_FIELD_REQUIRED', `请填写${zh}`, field(name));
    if ([...v].length > LIMITS[name]) throw badRequest('COMPONENT_FIELD_TOO_LONG', `${zh}最多 ${LIMITS[name]} 个字符`, field(name));
    return v;
  };
  const floorRaw = item.floor == null ? '' : normaliseDescription(item.floor);
  if ([...floorRaw].length > LIMITS.floor) throw badRequest('COMPONENT_FIELD_TOO_LONG', `楼层最多 ${LIMITS.floor} 个字符`, field('floor'));
  return {
    building: required(item.building, 'building', '楼栋（单体）'),
    floor: floorRaw || null,
    position: required(item.position, 'position', '轴线或部位'),
    componentType: required(item.componentType, 'componentType', '构件类型'),
    note: item.note == null ? null : normaliseDescription(item.note) || null,
  };
}

export class ComponentService {
  readonly #db: Kysely<Database>;
  readonly #projects: ProjectService;
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
    this.#projects = new ProjectService(deps);
  }

  /**
   * The project's contractor (施工单位, 二(四)) registers components; the platform admin may too. All or nothing:
   * one duplicate refuses the whole request, naming the item. Registrations of one project are serialised on its
   * row, so two racing requests cannot both pass the duplicate check.
   */
  async register(ctx: RequestContext, projectId: string, items: NewComponent[]): Promise<Component[]> {
    const actor = requireAuthenticated(ctx.actor);
    if (items.length === 0) throw badRequest('COMPONENTS_EMPTY', '请至少登记一个构件', 'body.items');
    if (items.length > COMPONENT_REGISTRATION_MAX_ITEMS) {
      throw badRequest('COMPONENTS_TOO_MANY', `一次最多登记 ${COMPONENT_REGISTRATION_MAX_ITEMS} 个构件`, 'body.items');
    }
    const normalised = items.map(normaliseItem);
    const seen = new Map<string, number>();
    normalised.forEach((d, i) => {
      const k = descriptionKey(d);
      const first = seen.get(k);
      if (first !== undefined) {
        throw conflict('COMPONENT_DUPLICATE', `第 ${i + 1} 项与第 ${first + 1} 项是同一构件（楼栋、楼层、部位、类型均相同）`, `body.items.${i}.position`);
      }
      seen.set(k, i);
    });

    return this.#db.transaction().execute(async (trx) => {
      const project = await findVisibleProject(trx, ctx, projectId, { forUpdate: true });
      if (!project) throw notFound('PROJECT_NOT_FOUND', '项目不存在或无权查看');
      const isContractor = actor.kind === 'user' && hasRole(actor, 'contractor_user') && project.contractor_id !== null && actor.organisation?.id === project.contractor_id;
      if (!isContractor && !hasRole(actor, 'platform_admin')) {
        throw forbidden('COMPONENT_REGISTER_FORBIDDEN', '只有该项目的施工单位或平台管理员可以登记构件');
      }
      const existing = await trx
        .selectFrom('components')
        .select(['code', 'building', 'floor', 'position', 'component_type'])
        .where('project_id', '=', projectId)
        .where('position', 'in', [...new Set(normalised.map((d) => d.position))])
        .execute();
      const taken = new Map(existing.map((e) => [descriptionKey({ building: e.building, floor: e.floor, position: e.position, componentType: e.component_type }), e.code]));
      normalised.forEach((d, i) => {
        const code = taken.get(descriptionKey(d));
        if (code) throw conflict('COMPONENT_DUPLICATE', `该构件已登记，编号 ${formatComponentId(code)}`, `body.items.${i}.position`);
      });

      // 50 random bits per ID: a collision is astronomically rare, but checked, never assumed away.
      const codes: string[] = [];
      while (codes.length < normalised.length) {
        const fresh = Array.from({ length: normalised.length - codes.length }, () => componentIdFromBytes(randomBytes(7)));
        const clash = new Set((await trx.selectFrom('components').select('code').where('code', 'in', fresh).execute()).map((r) => r.code));
        for (const c of fresh) if (!clash.has(c) && !codes.includes(c)) codes.push(c);
      }
      const rows = await trx
        .insertInto('components')
        .values(
          normalised.map((d, i) => ({
            code: codes[i]!,
            project_id: projectId,
            building: d.building,
            floor: d.floor,
            position: d.position,
            component_type: d.componentType,
            note: d.note,
            created_by: actor.kind === 'user' ? actor.id : null,
            created_at: ctx.now,
          })),
        )
        .returningAll()
        .execute();
      const byCode = new Map(rows.map((r) => [r.code, r]));
      const ordered = codes.map((c) => byCode.get(c)!);
      for (const r of ordered) {
        await recordAudit(trx, ctx, {
          action: 'component.register',
          targetType: 'component',
          targetId: r.id,
          organisationId: project.contractor_id,
          regionCode: project.region_code,
          details: { code: r.code, projectId, building: r.building, floor: r.floor, position: r.position, componentType: r.component_type },
        });
      }
      return ordered.map(toComponent);
    });
  }

  async list(ctx: RequestContext, projectId: string, f: ComponentFilter): Promise<{ items: Component[]; total: number }> {
    requireAuthenticated(ctx.actor);
    if (!(await findVisibleProject(this.#db, ctx, projectId))) throw notFound('PROJECT_NOT_FOUND', '项目不存在或无权查看');
    let q = this.#db.selectFrom('components as c').selectAll('c').where('c.project_id', '=', projectId);
    if (f.building) q = q.where('c.building', '=', normaliseDescription(f.building));
    if (f.q && f.q.trim()) {
      const text = f.q.trim();
      const code = parseComponentId(text);
      const like = `%${escapeLike(normaliseDescription(text))}%`;
      q = q.where((eb) =>
        eb.or([
          eb('c.position', 'ilike', like),
          eb('c.component_type', 'ilike', like),
          eb('c.building', 'ilike', like),
          ...(code ? [eb('c.code', '=', code)] : []),
        ]),
      );
    }
    const pageSize = f.pageSize ?? 20;
    const [rows, count] = await Promise.all([
      q.orderBy('c.building').orderBy('c.floor').orderBy('c.position').orderBy('c.code').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toComponent), total: Number(count.n) };
  }

  /** A scanned label: the component and its project, if the caller may see the project. */
  async resolve(ctx: RequestContext, input: string): Promise<Component & { project: Project }> {
    requireAuthenticated(ctx.actor);
    const code = requireComponentId(input, 'params.componentId');
    const row = await this.#db
      .selectFrom('components as c')
      .selectAll('c')
      .where('c.code', '=', code)
      .where('c.project_id', 'in', visibleProjectIds(this.#db, scopeOf(ctx.actor)))
      .executeTakeFirst();
    if (!row) throw notFound('COMPONENT_NOT_FOUND', '构件不存在或无权查看');
    return { ...toComponent(row), project: await this.#projects.get(ctx, row.project_id) };
  }

  /**
   * The label sheet of a project's components: the listed IDs, or all of a building, or all of the project.
   * Anyone who sees the project may print (the contractor glues them; a department may reprint a lost one).
   */
  async labels(ctx: RequestContext, projectId: string, sel: { codes?: string; building?: string }, baseUrl: string): Promise<{ pdf: Buffer; filename: string; count: number }> {
    requireAuthenticated(ctx.actor);
    const project = await this.#projects.get(ctx, projectId);
    let q = this.#db.selectFrom('components').selectAll().where('project_id', '=', projectId);
    if (sel.codes !== undefined) {
      const parts = sel.codes.split(',').map((s) => s.trim()).filter(Boolean);
      if (parts.length === 0) throw badRequest('COMPONENT_ID_INVALID', '请列出构件编号', 'querystring.codes');
      const codes = parts.map((p, i) => requireComponentId(p, `querystring.codes.${i}`));
      q = q.where('code', 'in', codes);
    }
    if (sel.building) q = q.where('building', '=', normaliseDescription(sel.building));
    const rows = await q.orderBy('building').orderBy('floor').orderBy('position').orderBy('code').limit(COMPONENT_LABELS_MAX_PER_PDF + 1).execute();
    if (rows.length === 0) throw notFound('COMPONENT_NOT_FOUND', '没有符合条件的构件');
    if (rows.length > COMPONENT_LABELS_MAX_PER_PDF) {
      throw badRequest('LABELS_TOO_MANY', `一次最多打印 ${COMPONENT_LABELS_MAX_PER_PDF} 个标签，请按楼栋或编号分批打印`, 'querystring.building');
    }
    const pdf = await renderLabelSheet(
      rows.map((r) => ({
        idText: formatComponentId(r.code),
        url: labelUrl(baseUrl, r.code),
        projectName: project.name,
        lines: labelLines(toComponent(r)),
      })),
      { title: `构件标识标签 - ${project.name}`, createdAt: ctx.now },
    );
    return { pdf, filename: `构件标签-${project.name}.pdf`, count: rows.length };
  }
}
