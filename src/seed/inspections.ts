import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { MachineActor, RequestContext, UserActor } from '../kernel/auth/actor.ts';
import { recordAudit } from '../kernel/audit.ts';
import { canonicalJson } from '../kernel/crypto/canonical-json.ts';
import type { Database } from '../kernel/db/types.ts';
import { durations, UPLOAD_DEADLINE_MS } from '../kernel/policy.ts';
import { addDays, beijingDate } from '../kernel/time.ts';
import { formatBatchNumber, refreshDeadline, type SealManifest, takeBatchNumber, writeBatchEvent } from '../modules/batches/index.ts';
import { getCurrentCatalogue } from '../modules/catalogue/index.ts';
import { SWEEPER_ACTOR } from '../modules/deadlines/index.ts';
import { beijingDayWindow, executeDraw, publishDraw, writeSnapshot } from '../modules/inspections/index.ts';
import { normalisePermitNumber } from '../modules/projects/index.ts';
import { recordContentSha256, signingPayload } from '../modules/records/index.ts';
import { demoDeviceSignature, demoReboundValues, loadDemoBatchRefs } from './batches.ts';

/**
 * The inspections' demo (issue 6 items 6–9): a month of finished batches of 吉林省建正 on its two projects (幸福里 in
 * 南关区, 湖西路 in 朝阳区) so the daily check's trend means something — all sealed within 2 hours but one, locked by the
 * sweeper at its deadline — then the daily snapshots of the past 30 days and a provisional one for today, a published and
 * drawn random check of 长春市, and three service requests in their three states.
 */

const H = durations.HOUR;
const M = durations.MINUTE;
/** Days of history before today (the demo's own batches of yesterday and today are seeded by batches.ts). */
const HISTORY_DAYS = 29;

type Actor = RequestContext['actor'];
const ctxAt = (actor: Actor, now: Date, requestId = 'seed-inspections'): RequestContext => ({ actor, requestId, clientIp: null, now });

async function userActor(trx: Transaction<Database>, username: string): Promise<UserActor> {
  const u = await trx
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.roles', 'o.id as org_id', 'o.name as org_name', 'o.type as org_type', 'o.region_code'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    kind: 'user',
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    organisation: { id: u.org_id, name: u.org_name, type: u.org_type, regionCode: u.region_code },
    sessionTokenHash: '',
  };
}

/** Finished batches for each of the past HISTORY_DAYS Beijing days. Run before seedBatches, so numbers follow time. */
export async function seedInspectionHistory(trx: Transaction<Database>, ids: Record<string, string>, now: Date): Promise<void> {
  const refs = await loadDemoBatchRefs(trx, ids);
  const catalogue = await getCurrentCatalogue(trx);
  const permit = normalisePermitNumber('220104202604080203');
  if (!permit.ok) throw new Error(permit.message);
  const huxilu = await trx.selectFrom('projects').select(['id', 'region_code']).where('permit_number_key', '=', permit.key).executeTakeFirstOrThrow();
  const huxiluCommission = await trx.selectFrom('commissions').select('id').where('project_id', '=', huxilu.id).where('agency_id', '=', refs.agencyId).executeTakeFirstOrThrow();
  const huxiluComponents = (await trx.selectFrom('components').select('code').where('project_id', '=', huxilu.id).orderBy('created_at').orderBy('id').execute()).map((c) => c.code);
  const xingfuli = await trx.selectFrom('projects').select(['id', 'region_code']).where('id', '=', refs.projectId).executeTakeFirstOrThrow();
  const agency = await trx.selectFrom('organisations').select(['id', 'name', 'region_code']).where('id', '=', refs.agencyId).executeTakeFirstOrThrow();
  const lims: MachineActor = { kind: 'machine', id: 'demo-lims', name: '建正 LIMS（演示）', organisation: { id: agency.id, name: agency.name, type: 'agency', regionCode: agency.region_code } };
  const owner = await userActor(trx, 'jz.owner');
  const reviewer = await userActor(trx, 'jz.reviewer');
  const today = beijingDate(now);

  for (let d = HISTORY_DAYS; d >= 2; d--) {
    const dayStart = beijingDayWindow(addDays(today, -d)).start.getTime();
    const perDay = 2 + (d % 3);
    for (let j = 0; j < perDay; j++) {
      const onXingfuli = j % 2 === 0;
      const project = onXingfuli ? xingfuli : huxilu;
      const component = onXingfuli ? refs.components[2 + (d % 3)]! : huxiluComponents[3]!;
      const openedAt = new Date(dayStart + 8 * H + j * 150 * M);
      const completedAt = new Date(openedAt.getTime() + 80 * M);
      // One batch sealed late in the month (12 days ago, 幸福里): with the deadline seed's own, 吉林省建正 has two 迟传
      // this year, so the demo shows a 限期整改 proposal rather than a pile of violations.
      const late = d === 12 && j === 0;
      const sealedAt = new Date(completedAt.getTime() + (late ? 145 : 50) * M);
      const reviewedAt = new Date(sealedAt.getTime() + 90 * M);
      const { year, seq } = await takeBatchNumber(trx, agency.id, openedAt);
      const batch = await trx
        .insertInto('batches')
        .values({
          agency_id: agency.id,
          batch_number: formatBatchNumber(year, seq),
          number_year: year,
          number_seq: seq,
          project_id: project.id,
          region_code: project.region_code,
          commission_id: onXingfuli ? refs.commissionId : huxiluCommission.id,
          specialty: 'main_structure',
          catalogue_version: catalogue.version,
          item_codes: ['concrete_rebound'],
          component_codes: [component],
          equipment_ids: [refs.equipment.rebound],
          tester_person_ids: [refs.person.tester],
          witness_person_id: refs.witness.sun,
          upload_owner_person_id: refs.person.owner,
          note: null,
          status: 'opened',
          opened_at: openedAt,
          opened_by_type: 'machine',
          opened_by_id: lims.id,
          opened_by_name: lims.name,
          first_upload_at: null,
          completed_at: null,
          completion_declared_at: null,
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
      await writeBatchEvent(trx, ctxAt(lims, openedAt), batch, { event: 'open', from: null, to: 'opened', details: { projectId: project.id, specialty: 'main_structure', itemCodes: ['concrete_rebound'], componentIds: [component], demo: true } });

      // One signed 回弹 record, captured 20 minutes in.
      const capturedAt = new Date(openedAt.getTime() + 20 * M);
      const recordKey = `${batch.batch_number}-R001`;
      const values = demoReboundValues(d + j);
      const payload = signingPayload(batch.id, { recordKey, itemCode: 'concrete_rebound', componentId: component, values, capturedAt: capturedAt.toISOString(), equipmentId: refs.equipment.rebound });
      const sha = recordContentSha256({ batchId: batch.id, recordKey, version: 1, itemCode: 'concrete_rebound', componentId: component, values, capturedAt, source: 'auto', equipmentId: refs.equipment.rebound, testerPersonId: refs.person.tester });
      await trx
        .insertInto('batch_records')
        .values({
          batch_id: batch.id,
          record_key: recordKey,
          version: 1,
          item_code: 'concrete_rebound',
          component_code: component,
          values: JSON.stringify(values),
          captured_at: capturedAt,
          source: 'auto',
          equipment_id: refs.equipment.rebound,
          tester_person_id: refs.person.tester,
          content_sha256: sha,
          signed_payload: payload,
          signature_alg: 'Ed25519',
          signature_value: demoDeviceSignature(payload),
          signature_key_id: refs.deviceKeyId,
          manual_exception_id: null,
          correction_reason: null,
          supplementary: false,
          received_at: new Date(capturedAt.getTime() + M),
          submitted_by_type: 'machine',
          submitted_by_id: lims.id,
          submitted_by_name: lims.name,
        })
        .execute();
      await trx.updateTable('batches').set({ status: 'completed', first_upload_at: new Date(capturedAt.getTime() + M), completed_at: completedAt, completion_declared_at: completedAt }).where('id', '=', batch.id).execute();
      await writeBatchEvent(trx, ctxAt(lims, completedAt), batch, { event: 'complete', from: 'opened', to: 'completed', details: { completedAt: completedAt.toISOString(), deadline: new Date(completedAt.getTime() + 2 * H).toISOString() } });

      // The sweeper locked it 8 s after its deadline, with its 迟传 violation; it was sealed and reviewed while locked.
      if (late) await refreshDeadline(trx, ctxAt(SWEEPER_ACTOR, new Date(completedAt.getTime() + UPLOAD_DEADLINE_MS + 8_000)), batch.id);

      const manifest: SealManifest = { recordCount: 1, imageCount: 0, records: [{ recordKey, version: 1, sha256: sha }], images: [] };
      const json = canonicalJson(manifest);
      const seal = await trx
        .insertInto('batch_seals')
        .values({
          batch_id: batch.id,
          seq: 1,
          manifest: json,
          manifest_sha256: createHash('sha256').update(json).digest('hex'),
          record_count: 1,
          image_count: 0,
          sealed_at: sealedAt,
          sealed_by_type: 'user',
          sealed_by_id: owner.id,
          sealed_by_name: owner.displayName,
          owner_person_id: refs.person.owner,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('batches').set({ status: 'sealed', current_seal_id: seal.id, first_sealed_at: sealedAt }).where('id', '=', batch.id).execute();
      await writeBatchEvent(trx, ctxAt(owner, sealedAt), batch, { event: 'seal', from: 'completed', to: 'sealed', details: { sealId: seal.id, seq: 1, recordCount: 1, imageCount: 0, sealedOnTime: !late } });

      const review = await trx
        .insertInto('batch_reviews')
        .values({ batch_id: batch.id, seal_id: seal.id, decision: 'approve', reasons: null, reviewer_person_id: refs.person.reviewer, reviewer_user_id: reviewer.id, reviewer_name: reviewer.displayName, reviewed_at: reviewedAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('batches').set({ status: 'reviewed', reviewed_at: reviewedAt }).where('id', '=', batch.id).execute();
      await writeBatchEvent(trx, ctxAt(reviewer, reviewedAt), batch, { event: 'review.approve', from: 'sealed', to: 'reviewed', details: { reviewId: review.id, sealId: seal.id } });
    }
  }
}

/** Service requests, the daily snapshots of the past 30 days and today, and a drawn random check. Run after seedBatches. */
export async function seedInspections(trx: Transaction<Database>, now: Date): Promise<void> {
  const jz = await userActor(trx, 'jz.admin');
  const nanguan = await userActor(trx, 'officer.nanguan');
  const chaoyang = await userActor(trx, 'officer.chaoyang');
  const changchun = await userActor(trx, 'officer.changchun');
  const today = beijingDate(now);
  const at = (daysAgo: number, hour: number) => new Date(beijingDayWindow(addDays(today, -daysAgo)).start.getTime() + hour * H);

  const requests = [
    { type: 'equipment_connection' as const, description: '新购置的钢筋扫描仪需要接入平台自动采集，请协助完成设备对接与密钥登记。', region: '220102', filed: at(12, 9.5), visit: { daysAgo: 10, officer: nanguan }, closed: { at: at(10, 16), by: nanguan, note: '已到机构现场指导完成设备登记与密钥绑定，试传数据正常。' } },
    { type: 'image_capture' as const, description: '幸福里项目地下室定位信号弱，过程影像经常提示超出项目范围，请协助核实项目范围设置。', region: '220102', filed: at(3, 14), visit: { daysAgo: -2, officer: nanguan }, closed: null },
    { type: 'other' as const, description: '希望住建部门就新版检测项目目录的原始记录字段组织一次线上培训。', region: '220102', filed: at(0, 7.5), visit: null, closed: null },
  ];
  for (const r of requests) {
    if (r.filed.getTime() > now.getTime()) continue;
    const row = await trx
      .insertInto('service_requests')
      .values({
        agency_id: jz.organisation!.id,
        region_code: r.region,
        project_id: null,
        type: r.type,
        description: r.description,
        contact_phone: '0431-88561234',
        status: r.closed ? 'closed' : r.visit ? 'scheduled' : 'requested',
        created_at: r.filed,
        created_by: jz.id,
        created_by_name: jz.displayName,
        visit_date: r.visit ? addDays(today, -r.visit.daysAgo) : null,
        visit_officer_id: r.visit?.officer.id ?? null,
        visit_officer_name: r.visit?.officer.displayName ?? null,
        scheduled_at: r.visit ? new Date(r.filed.getTime() + 3 * H) : null,
        scheduled_by: r.visit?.officer.id ?? null,
        closed_at: r.closed?.at ?? null,
        closed_by: r.closed?.by.id ?? null,
        close_note: r.closed?.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctxAt(jz, r.filed), { action: 'service_request.file', targetType: 'service_request', targetId: row.id, organisationId: jz.organisation!.id, regionCode: r.region, details: { type: r.type, demo: true } });
  }

  // The daily job's snapshots of the past 30 days, as it would have written them, and today's live view.
  const job = ctxAt({ kind: 'system', name: '日常核查定时任务' }, now, 'seed-daily-check');
  for (let d = 30; d >= 1; d--) await writeSnapshot(trx, job, addDays(today, -d), { ifNoFinal: true });
  await writeSnapshot(trx, job, today);

  // 长春市's random check of the past fortnight: published (seed fixed), then drawn.
  const published = await publishDraw(trx, ctxAt(changchun, new Date(now.getTime() - 2 * H)), {
    title: '长春市现场检测上传情况“双随机”抽查（演示）',
    regionCode: '220100',
    kind: 'batches',
    specialty: 'main_structure',
    periodFrom: addDays(today, -14),
    periodTo: addDays(today, -1),
    sampleSize: 4,
    inspectorPool: [changchun.id, nanguan.id, chaoyang.id],
    inspectorCount: 2,
  });
  await executeDraw(trx, ctxAt(changchun, new Date(now.getTime() - 1.5 * H)), published.id);
}
