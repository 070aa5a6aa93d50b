import type { Transaction } from 'kysely';
import type { RequestContext, UserActor } from '../kernel/auth/actor.ts';
import type { BlobStore } from '../kernel/blobs/blob-store.ts';
import type { Database } from '../kernel/db/types.ts';
import { generateReport } from '../modules/reports/index.ts';

const H = 3_600_000;

/**
 * The demo's report: 吉林省建正's signatory (jz.signatory, 曹振宇) issues the report of its oldest reviewed batch the
 * way the console does, half an hour after its review, so `npm start` shows a valid report with its PDF and QR code
 * beside a reviewed batch still waiting for one. Run after the batch seed. `baseUrl` is what the QR code opens.
 */
export async function seedReports(trx: Transaction<Database>, ids: Record<string, string>, now: Date, blobs: BlobStore, baseUrl: string): Promise<void> {
  const agencyId = ids['agency-jz']!;
  const batch = await trx
    .selectFrom('batches')
    .select(['id', 'reviewed_at'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'reviewed')
    .orderBy('opened_at')
    .limit(1)
    .executeTakeFirst();
  if (!batch?.reviewed_at) return;
  const u = await trx.selectFrom('users').select(['id', 'username', 'display_name', 'roles']).where('username', '=', 'jz.signatory').executeTakeFirstOrThrow();
  const agency = await trx.selectFrom('organisations').select(['name', 'region_code']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  const actor: UserActor = {
    kind: 'user',
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    organisation: { id: agencyId, name: agency.name, type: 'agency', regionCode: agency.region_code },
    sessionTokenHash: '',
  };
  const at = new Date(Math.min(batch.reviewed_at.getTime() + 0.5 * H, now.getTime()));
  const ctx: RequestContext = { actor, requestId: 'seed-reports', clientIp: null, now: at };
  await generateReport(trx, ctx, blobs, batch.id, baseUrl);
}
