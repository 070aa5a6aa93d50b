import type { Transaction } from 'kysely';
import type { RequestContext } from '../kernel/auth/actor.ts';
import { recordAudit } from '../kernel/audit.ts';
import type { Database } from '../kernel/db/types.ts';
import { durations, RECTIFICATION_DEFAULT_DAYS } from '../kernel/policy.ts';
import { normalisePermitNumber } from '../modules/projects/index.ts';
import { appendCaseEvent, recordViolation, type ViolationType } from '../modules/violations/index.ts';

/**
 * Demo enforcement (issue 6): a few violations so the ledger, the cases page, the key supervision list and the credit
 * page show something on the first start. 延边正源 has two late uploads and a confirmed rectification order (on the
 * list); 长春恒信监理 an unregistered witness with an interview the 朝阳区 officer can confirm; 长春城开 a fraud report
 * for the 南关区 officer. Times are relative to the seed's `now`.
 */
export async function seedEnforcement(trx: Transaction<Database>, ids: Record<string, string>, now: Date): Promise<void> {
  const D = durations.DAY;
  const sys = (t: number): RequestContext => ({ actor: { kind: 'system', name: 'demo-seed' }, requestId: 'seed-enforcement', clientIp: null, now: new Date(now.getTime() + t) });
  const record = (org: string, type: ViolationType, t: number, evidence: Record<string, unknown>, personRef: string | null = null) =>
    recordViolation(trx, sys(t + 60_000), { organisationId: ids[org]!, type, occurredAt: new Date(now.getTime() + t), source: 'automatic', evidence, personRef, sourceRef: `demo:${org}:${type}:${t}` });

  await record('agency-zy', 'late_upload', -45 * D, { batchNumber: 'JC-演示-000031', note: '完成现场检测后 3 小时 12 分上传' }, '检测员 朴成浩');
  await record('agency-zy', 'late_upload', -25 * D, { batchNumber: 'JC-演示-000047', note: '完成现场检测后 2 小时 40 分上传' }, '检测员 朴成浩');
  // The province's officer confirmed the rectification order five days later.
  const officer = await trx.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'officer.province').executeTakeFirstOrThrow();
  const rect = await trx.selectFrom('enforcement_cases').selectAll().where('organisation_id', '=', ids['agency-zy']!).where('rung', '=', 'rectification').where('status', '=', 'proposed').executeTakeFirst();
  if (rect) {
    const at = new Date(now.getTime() - 20 * D);
    const ctx: RequestContext = {
      actor: { kind: 'user', id: officer.id, username: 'officer.province', displayName: officer.display_name, roles: ['dept_officer'], organisation: { id: ids['dept-province']!, name: '吉林省住房和城乡建设厅', type: 'department', regionCode: '220000' }, sessionTokenHash: '' },
      requestId: 'seed-enforcement',
      clientIp: null,
      now: at,
    };
    const due = new Date(at.getTime() + RECTIFICATION_DEFAULT_DAYS * D);
    await trx.updateTable('enforcement_cases').set({ status: 'confirmed', confirmed_at: at, confirmed_by: officer.id, due_at: due, decision_note: '责令30日内完成上传制度整改并提交整改报告' }).where('id', '=', rect.id).execute();
    await appendCaseEvent(trx, ctx, rect.id, 'confirm', { dueAt: due.toISOString() });
    await recordAudit(trx, ctx, { action: 'enforcement.case.confirm', targetType: 'enforcement_case', targetId: rect.id, organisationId: rect.organisation_id, regionCode: rect.region_code, details: { rung: 'rectification', dueAt: due.toISOString() } });
  }

  await record('super-cc', 'unregistered_witness', -3 * D, { note: '见证人员未在平台登记即到场见证（湖西路改造工程）' }, '见证人员 赵某');

  const permit = normalisePermitNumber('220102202603120101');
  if (!permit.ok) throw new Error(permit.message);
  const project = await trx.selectFrom('projects').select(['id', 'region_code']).where('permit_number_key', '=', permit.key).executeTakeFirst();
  const reporter = await trx.selectFrom('users').select('id').where('username', '=', 'builder.chen').executeTakeFirstOrThrow();
  if (project) {
    const report = await trx
      .insertInto('fraud_reports')
      .values({
        project_id: project.id,
        reporter_organisation_id: ids['builder-cc']!,
        reported_by: reporter.id,
        subject_organisation_id: ids['agency-jz']!,
        description: '6#楼三层柱回弹检测的过程影像中，构件标识牌与现场不一致，疑似补拍，请核查。',
        region_code: project.region_code,
        created_at: new Date(now.getTime() - 2 * D),
        handled_at: null,
        handled_by: null,
        handling_note: null,
        violation_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, sys(-2 * D), { action: 'fraud_report.create', targetType: 'fraud_report', targetId: report.id, organisationId: ids['builder-cc']!, regionCode: project.region_code, details: { projectId: project.id } });
  }
}
