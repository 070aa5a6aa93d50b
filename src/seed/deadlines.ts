import type { Transaction } from 'kysely';
import type { RequestContext, UserActor } from '../kernel/auth/actor.ts';
import type { Database } from '../kernel/db/types.ts';
import { UPLOAD_DEADLINE_MS } from '../kernel/policy.ts';
import { formatBatchNumber, refreshDeadline, takeBatchNumber, writeBatchEvent } from '../modules/batches/index.ts';
import { getCurrentCatalogue } from '../modules/catalogue/index.ts';
import { SWEEPER_ACTOR } from '../modules/deadlines/index.ts';
import { departmentRecipients, notify } from '../modules/notifications/index.ts';
import { handlingDepartmentRegion } from '../modules/projects/index.ts';
import { loadDemoBatchRefs } from './batches.ts';

const H = 3_600_000;
const M = 60_000;

/**
 * The 2-hour rule in the demo (issue 5), after the batch seed: every demo batch gets its deadline instants from the
 * rule; then one batch of 吉林省建正 completed 6 h ago and never sealed, locked by the sweeper at its deadline with its
 * 迟传 violation, and one completed 90 min ago with a force-majeure filing awaiting 南关区住建局 — so the console shows
 * a lock to handle, an inbox item and the notifications they caused.
 */
export async function seedDeadlines(trx: Transaction<Database>, ids: Record<string, string>, now: Date): Promise<void> {
  const refs = await loadDemoBatchRefs(trx, ids);
  const catalogue = await getCurrentCatalogue(trx);
  const project = await trx.selectFrom('projects').select(['id', 'region_code']).where('id', '=', refs.projectId).executeTakeFirstOrThrow();
  const owner = await trx.selectFrom('users').select(['id', 'username', 'display_name', 'roles']).where('username', '=', 'jz.owner').executeTakeFirstOrThrow();
  const ownerActor: UserActor = {
    kind: 'user',
    id: owner.id,
    username: owner.username,
    displayName: owner.display_name,
    roles: owner.roles,
    organisation: { id: refs.agencyId, name: '', type: 'agency', regionCode: project.region_code },
    sessionTokenHash: '',
  };
  const ctxAt = (actor: RequestContext['actor'], t: number): RequestContext => ({ actor, requestId: 'seed-deadlines', clientIp: null, now: new Date(now.getTime() + t) });

  for (const b of await trx.selectFrom('batches').select('id').execute()) await refreshDeadline(trx, ctxAt(SWEEPER_ACTOR, 0), b.id);

  const open = async (openedAt: number, completedAt: number, component: number) => {
    const opened = new Date(now.getTime() + openedAt);
    const { year, seq } = await takeBatchNumber(trx, refs.agencyId, opened);
    const completed = new Date(now.getTime() + completedAt);
    const batch = await trx
      .insertInto('batches')
      .values({
        agency_id: refs.agencyId,
        batch_number: formatBatchNumber(year, seq),
        number_year: year,
        number_seq: seq,
        project_id: project.id,
        region_code: project.region_code,
        commission_id: refs.commissionId,
        specialty: 'main_structure',
        catalogue_version: catalogue.version,
        item_codes: ['concrete_rebound'],
        component_codes: [refs.components[component]!],
        equipment_ids: [refs.equipment.rebound],
        tester_person_ids: [refs.person.tester],
        witness_person_id: refs.witness.sun,
        upload_owner_person_id: refs.person.owner,
        note: null,
        status: 'completed',
        opened_at: opened,
        opened_by_type: 'user',
        opened_by_id: owner.id,
        opened_by_name: owner.display_name,
        first_upload_at: null,
        completed_at: completed,
        completion_declared_at: completed,
        first_sealed_at: null,
        current_seal_id: null,
        reviewed_at: null,
        reported_at: null,
        locked_at: null,
        lock_reason: null,
        unlocked_at: null,
        unlocked_by: null,
        unlock_reason: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeBatchEvent(trx, ctxAt(ownerActor, openedAt), batch, { event: 'open', from: null, to: 'opened', details: { projectId: project.id, demo: true } });
    await writeBatchEvent(trx, ctxAt(ownerActor, completedAt), batch, {
      event: 'complete',
      from: 'opened',
      to: 'completed',
      details: { completedAt: completed.toISOString(), deadline: new Date(completed.getTime() + UPLOAD_DEADLINE_MS).toISOString() },
    });
    return batch;
  };

  // Late: completed 6 h ago, never sealed; the sweeper locked it 8 s after its deadline.
  const late = await open(-7 * H, -6 * H, 3);
  await refreshDeadline(trx, ctxAt(SWEEPER_ACTOR, -6 * H + UPLOAD_DEADLINE_MS + 8_000), late.id);

  // Filed: completed 90 min ago; a power cut, filed 30 min later; the department has not decided yet.
  const filed = await open(-110 * M, -90 * M, 4);
  const fileCtx = ctxAt(ownerActor, -60 * M);
  const deptRegion = (await handlingDepartmentRegion(trx, project.region_code)) ?? project.region_code;
  const dept = await trx.selectFrom('organisations').select('id').where('type', '=', 'department').where('region_code', '=', deptRegion).executeTakeFirst();
  const reason = '施工现场突发停电，回弹仪数据终端和上传网关无法工作，已联系供电部门抢修';
  const filing = await trx
    .insertInto('force_majeure_filings')
    .values({
      batch_id: filed.id,
      agency_id: refs.agencyId,
      project_id: project.id,
      region_code: project.region_code,
      department_region_code: deptRegion,
      department_id: dept?.id ?? null,
      reason,
      filed_at: fileCtx.now,
      filed_by_type: 'user',
      filed_by_id: owner.id,
      filed_by_name: owner.display_name,
      decided_at: null,
      decided_by: null,
      decided_by_name: null,
      decision_reason: null,
      cleared_at: null,
      cleared_declared_at: null,
      cleared_by_name: null,
      cleared_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeBatchEvent(trx, fileCtx, filed, { event: 'force_majeure.file', from: 'completed', to: 'completed', reason, details: { filingId: filing.id, departmentRegionCode: deptRegion, demo: true } });
  await refreshDeadline(trx, fileCtx, filed.id);
  await notify(
    trx,
    fileCtx.now,
    (await departmentRecipients(trx, deptRegion)).map((userId) => ({
      userId,
      kind: 'force_majeure_filed' as const,
      title: `不可抗力报备待审核：批次 ${filed.batch_number}`,
      body: `检测机构报备：${reason}。审核期间该批次暂停锁定。`,
      batchId: filed.id,
      filingId: filing.id,
      dedupeKey: `force_majeure_filed:${filing.id}`,
    })),
  );
}
