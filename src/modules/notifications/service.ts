import { sql, type Kysely, type Transaction } from 'kysely';
import { requireUser, type RequestContext } from '../../kernel/auth/actor.ts';
import type { Database } from '../../kernel/db/types.ts';
import { notFound } from '../../kernel/errors.ts';
import { pageBounds } from '../../kernel/http/schemas.ts';
import type { NotificationRow } from './tables.ts';
import './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Console notifications (issue 5 item 7). Written by the modules that cause them, in their own transaction, one row
 * per recipient; `dedupeKey` makes a notice once per person however many processes, sweeps or retries produce it.
 */
export const NOTIFICATION_KIND_LABELS = {
  deadline_approaching: '上传时限临近',
  batch_locked: '批次已锁定',
  batch_unlocked: '批次已解锁',
  force_majeure_filed: '不可抗力报备待审核',
  force_majeure_decided: '不可抗力报备已审核',
  batch_possibly_missing: '疑似漏传',
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KIND_LABELS;
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[];

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  batchId?: string | null;
  filingId?: string | null;
  dedupeKey: string;
}

export interface Notification {
  id: string;
  kind: NotificationKind;
  kindLabel: string;
  title: string;
  body: string;
  batchId: string | null;
  filingId: string | null;
  createdAt: string;
  readAt: string | null;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  kindLabel: NOTIFICATION_KIND_LABELS[r.kind as NotificationKind] ?? r.kind,
  title: r.title,
  body: r.body,
  batchId: r.batch_id,
  filingId: r.filing_id,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** Inserts notices in the caller's transaction; one already given (same person, same key) is skipped. */
export async function notify(trx: Transaction<Database>, now: Date, items: readonly NewNotification[]): Promise<number> {
  let n = 0;
  // Bounded statements: 9 parameters a row stays far below PostgreSQL's 65 535.
  for (let i = 0; i < items.length; i += 2000) {
    const part = items.slice(i, i + 2000);
    const r = await trx
      .insertInto('notifications')
      .values(
        part.map((x) => ({
          user_id: x.userId,
          kind: x.kind,
          title: x.title.slice(0, 200),
          body: x.body.slice(0, 2000),
          batch_id: x.batchId ?? null,
          filing_id: x.filingId ?? null,
          dedupe_key: x.dedupeKey,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/**
 * Who hears about a batch: its agency's administrators and the user of its upload owner (专人负责). Returns, for each
 * batch id, the user ids (active accounts only).
 */
export async function agencyRecipients(db: Db, batches: readonly { id: string; agency_id: string; upload_owner_person_id: string }[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (batches.length === 0) return out;
  const agencies = [...new Set(batches.map((b) => b.agency_id))];
  const owners = [...new Set(batches.map((b) => b.upload_owner_person_id))];
  const admins = await db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', agencies)
    .where('status', '=', 'active')
    .where(sql<boolean>`'agency_admin' = any(roles)`)
    .execute();
  const ownerUsers = await db
    .selectFrom('personnel as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id as person_id', 'u.id as user_id'])
    .where('p.id', 'in', owners)
    .where('u.status', '=', 'active')
    .execute();
  for (const b of batches) {
    const ids = new Set<string>();
    for (const a of admins) if (a.organisation_id === b.agency_id) ids.add(a.id);
    for (const o of ownerUsers) if (o.person_id === b.upload_owner_person_id) ids.add(o.user_id);
    out.set(b.id, [...ids]);
  }
  return out;
}

/** The officers of the department(s) whose region is `regionCode` (active accounts). */
export async function departmentRecipients(db: Db, regionCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select('u.id')
    .where('o.type', '=', 'department')
    .where('o.region_code', '=', regionCode)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`'dept_officer' = any(u.roles)`)
    .execute();
  return rows.map((r) => r.id);
}

export class NotificationService {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The caller's own notices, newest first. */
  async list(ctx: RequestContext, f: { unread?: boolean; page?: number; pageSize?: number }): Promise<{ items: Notification[]; total: number; unread: number }> {
    const user = requireUser(ctx.actor);
    let q = this.#db.selectFrom('notifications').where('user_id', '=', user.id);
    if (f.unread) q = q.where('read_at', 'is', null);
    const { limit, offset } = pageBounds(f);
    const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map(toNotification), total: Number(total.n), unread: await this.unreadCount(ctx) };
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const user = requireUser(ctx.actor);
    const r = await this.#db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', user.id)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Marks one of the caller's notices read (idempotent); another person's is 404. Reading is not audited. */
  async markRead(ctx: RequestContext, id: string): Promise<Notification> {
    const user = requireUser(ctx.actor);
    await this.#db.updateTable('notifications').set({ read_at: ctx.now }).where('id', '=', id).where('user_id', '=', user.id).where('read_at', 'is', null).execute();
    const row = await this.#db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', user.id).executeTakeFirst();
    if (!row) throw notFound('NOTIFICATION_NOT_FOUND', '通知不存在');
    return toNotification(row);
  }

  async markAllRead(ctx: RequestContext): Promise<{ updated: number }> {
    const user = requireUser(ctx.actor);
    const r = await this.#db.updateTable('notifications').set({ read_at: ctx.now }).where('user_id', '=', user.id).where('read_at', 'is', null).executeTakeFirst();
    return { updated: Number(r.numUpdatedRows) };
  }
}
