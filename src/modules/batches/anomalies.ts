import { sql, type Kysely, type Transaction } from 'kysely';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { Database } from '../../kernel/db/types.ts';
import { ANOMALY_SEVERITIES, ANOMALY_SEVERITY_OF_KIND, REPORT_BLOCKING_SEVERITIES } from '../../kernel/policy.ts';
import { conflict } from '../../kernel/errors.ts';
import type { AnomalyRow } from './tables.ts';
import './tables.ts';

/**
 * Anomalies (异常): consistency flags for the departments to review — never silent rejections of real data
 * (DESIGN.md §4, issue 4 item 4). The codes are stable: stored, exported and counted; a new kind of finding is a new
 * code, never a renamed one. Batches, records, images and check-ins all write through `recordAnomaly`.
 */
export const ANOMALY_KIND_LABELS = {
  // Batch and completion
  completion_before_capture: '申报完成时间早于最后采集时间',
  // Records and images against the batch
  capture_outside_window: '采集时间不在批次时间范围内',
  tester_not_on_batch: '检测人员不在批次登记名单中',
  equipment_not_on_batch: '检测设备不在批次登记名单中',
  component_not_on_batch: '检测构件不在批次登记名单中',
  record_missing_images: '原始记录缺少规定数量的过程影像',
  image_without_record: '影像未关联任何原始记录',
  undeclared_at_seal: '已上传但未列入封存清单',
  // Images (DESIGN.md §4)
  location_outside_site: '拍摄位置超出项目范围',
  exif_time_mismatch: 'EXIF 拍摄时间与申报时间不一致',
  exif_location_mismatch: 'EXIF 拍摄位置与申报位置不一致',
  exif_missing: '影像缺少相机 EXIF 数据',
  editing_software: '影像经编辑软件处理',
  duplicate_image: '影像与平台已有影像相同或相似（疑似重复使用，含同一批次）',
  image_signature_invalid: '影像签名未通过验证',
  // Image forensics (issue 12 item 1): what the file itself shows; severity in the evidence (policy IMAGE_FORENSIC_SEVERITY)
  jpeg_truncated: 'JPEG 文件不完整（缺少结束标记）',
  jpeg_corrupt_data: 'JPEG 图像数据损坏',
  jpeg_trailing_data: 'JPEG 结束标记之后附有其他数据',
  jpeg_resaved: '影像经软件重新压缩保存（标准编码器量化表）',
  exif_modified_after_capture: 'EXIF 修改时间晚于拍摄时间',
  exif_gps_time_mismatch: 'EXIF GPS 时间与拍摄时间不一致',
  exif_thumbnail_mismatch: 'EXIF 内嵌缩略图与影像内容不符',
  exif_makernote_missing: '有相机型号但缺少相机厂商数据（MakerNote）',
  exif_exposure_implausible: '曝光参数缺失或不合常理',
  screenshot_suspected: '疑似截屏或翻拍屏幕',
  // Signed capture (issue 11; severity in policy CAPTURE_ANOMALY_SEVERITY, kept in the details)
  unsigned_capture: '影像未经签名采集（非现场拍摄签名）',
  capture_position_stale: '采集时定位已过时',
  capture_position_inaccurate: '采集时定位精度不足',
  // Witness (二(二))
  witness_not_registered: '见证人员未在本项目登记',
  witness_no_checkin: '见证人员未现场签到',
  witness_no_attestation: '见证人员未确认见证',
  witness_checkin_outside_site: '见证签到位置超出项目范围',
  witness_proxy_suspected: '疑似他人代见证',
  // Uploads after a lock (issue 5)
  supplementary_upload: '补传',
  // Opened and never declared complete within ⚙ 24 h (issue 5)
  possibly_missing: '疑似漏传（开启后长时间未申报完成）',
  // Raw data recomputed by the standard's own formulas (issue 12 item 3)
  record_recompute_mismatch: '上报结果与原始读数复算结果不一致',
  record_readings_missing: '原始记录缺少标准规定的原始读数',
} as const;

export type AnomalyKind = keyof typeof ANOMALY_KIND_LABELS;
export const ANOMALY_KINDS = Object.keys(ANOMALY_KIND_LABELS) as AnomalyKind[];

export function isAnomalyKind(s: string): s is AnomalyKind {
  return Object.hasOwn(ANOMALY_KIND_LABELS, s);
}

export type AnomalySeverity = 'critical' | 'major' | 'minor';
export const ANOMALY_SEVERITY_LABELS: Record<AnomalySeverity, string> = { critical: '严重', major: '较重', minor: '一般' };
// Every kind has a severity in the policy module, and the policy names no kind that does not exist: both fail to compile.
const SEVERITY_OF: Record<AnomalyKind, AnomalySeverity> = ANOMALY_SEVERITY_OF_KIND;
const POLICY_KINDS: Record<keyof typeof ANOMALY_SEVERITY_OF_KIND, string> = ANOMALY_KIND_LABELS;
void POLICY_KINDS;

/** The severity policy gives a kind (an unknown stored kind, from a newer release, counts as blocking). */
export function anomalySeverity(kind: string): AnomalySeverity {
  return isAnomalyKind(kind) ? SEVERITY_OF[kind] : 'critical';
}

/** Whether an open anomaly of this kind stops report generation until a department decides it. */
export function isBlockingKind(kind: string): boolean {
  return (REPORT_BLOCKING_SEVERITIES as readonly string[]).includes(anomalySeverity(kind));
}

/** The kinds whose open anomalies stop report generation (for SQL filters). */
export const BLOCKING_KINDS: readonly AnomalyKind[] = ANOMALY_KINDS.filter(isBlockingKind);

export type AnomalyDecision = 'dismissed' | 'confirmed';
export const ANOMALY_DECISION_LABELS: Record<AnomalyDecision, string> = { dismissed: '排除', confirmed: '确认违规' };

/** What an anomaly is about: the batch itself, one record (its key), an image, a check-in, an attestation. */
export type AnomalySubjectType = 'batch' | 'record' | 'image' | 'checkin' | 'attestation' | 'seal';

export interface NewAnomaly {
  batchId: string;
  kind: AnomalyKind;
  subjectType: AnomalySubjectType;
  /** The subject's id (a record key for records); null for the batch itself. */
  subjectId: string | null;
  /** The evidence: declared and observed values, times, distances. Never secrets or ID numbers. */
  details: Record<string, unknown>;
}

export interface Anomaly {
  id: string;
  batchId: string;
  agencyId: string;
  regionCode: string;
  kind: AnomalyKind;
  kindLabel: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
  detectedAt: string;
  status: 'open' | 'acknowledged';
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgeNote: string | null;
  severity: AnomalySeverity;
  blocking: boolean;
  decision: AnomalyDecision | null;
  violationId: string | null;
  decidedByName: string | null;
}

export function toAnomaly(r: AnomalyRow): Anomaly {
  const kind = r.kind as AnomalyKind;
  return {
    id: r.id,
    batchId: r.batch_id,
    agencyId: r.agency_id,
    regionCode: r.region_code,
    kind,
    kindLabel: ANOMALY_KIND_LABELS[kind] ?? r.kind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
    detectedAt: r.detected_at.toISOString(),
    status: r.status,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: r.acknowledged_by,
    acknowledgeNote: r.acknowledge_note,
    severity: anomalySeverity(r.kind),
    blocking: isBlockingKind(r.kind),
    decision: r.decision ?? null,
    violationId: r.violation_id ?? null,
    decidedByName: r.decided_by_name ?? null,
  };
}

/**
 * Records an anomaly in the caller's transaction, with its audit row. The agency and region come from the batch.
 * One anomaly per (batch, kind, subject): recording the same finding again returns the first (`created: false`)
 * and writes nothing, so a retried upload or a second seal does not double the departments' review list.
 */
export async function recordAnomaly(
  trx: Transaction<Database>,
  ctx: RequestContext,
  a: NewAnomaly,
  /** The batch's identity when the caller has it already (saves a read on the upload paths). */
  known?: AnomalyBatch,
): Promise<{ anomaly: Anomaly; created: boolean }> {
  const batch = known ?? (await batchOf(trx, a.batchId));
  // Insert first: a finding is almost always new, so the usual case is one statement; the same finding recorded
  // again (a retried upload, a second seal) or by a concurrent request waits on the unique key and takes that row.
  const row = await trx
    .insertInto('anomalies')
    .values({
      batch_id: batch.id,
      agency_id: batch.agencyId,
      region_code: batch.regionCode,
      kind: a.kind,
      details: JSON.stringify(a.details),
      subject_type: a.subjectType,
      subject_id: a.subjectId,
      detected_at: ctx.now,
    })
    .onConflict((oc) => oc.expression(sql`batch_id, kind, subject_type, coalesce(subject_id, '')`).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    let q = trx.selectFrom('anomalies').selectAll().where('batch_id', '=', a.batchId).where('kind', '=', a.kind).where('subject_type', '=', a.subjectType);
    q = a.subjectId === null ? q.where('subject_id', 'is', null) : q.where('subject_id', '=', a.subjectId);
    return { anomaly: toAnomaly(await q.executeTakeFirstOrThrow()), created: false };
  }
  await recordAudit(trx, ctx, {
    action: 'anomaly.record',
    targetType: 'anomaly',
    targetId: row.id,
    organisationId: batch.agencyId,
    regionCode: batch.regionCode,
    details: { batchId: batch.id, batchNumber: batch.batchNumber, kind: a.kind, subjectType: a.subjectType, subjectId: a.subjectId },
  });
  return { anomaly: toAnomaly(row), created: true };
}

/** Who an anomaly of a batch belongs to (its agency and region) and how it is named in the audit trail. */
export interface AnomalyBatch {
  id: string;
  agencyId: string;
  regionCode: string;
  batchNumber: string;
}

async function batchOf(trx: Transaction<Database>, batchId: string): Promise<AnomalyBatch> {
  const b = await trx.selectFrom('batches').select(['id', 'agency_id', 'region_code', 'batch_number']).where('id', '=', batchId).executeTakeFirst();
  if (!b) throw new Error(`recordAnomaly: unknown batch ${batchId}`);
  return { id: b.id, agencyId: b.agency_id, regionCode: b.region_code, batchNumber: b.batch_number };
}

// ───────────────────────────── the report gate (issue 12 item 5) ─────────────────────────────

/** One anomaly as a report and the public page state it, and as a refused report lists it. */
export interface AnomalyStatement {
  id: string;
  kind: string;
  kindLabel: string;
  severity: AnomalySeverity;
  severityLabel: string;
  subjectType: string;
  subjectId: string | null;
  detectedAt: string;
  /** null while open. */
  decision: AnomalyDecision | null;
  decisionLabel: string;
  reason: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
}

export function toStatement(a: Anomaly): AnomalyStatement {
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: a.kindLabel,
    severity: a.severity,
    severityLabel: ANOMALY_SEVERITY_LABELS[a.severity],
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    detectedAt: a.detectedAt,
    decision: a.status === 'open' ? null : (a.decision ?? 'dismissed'),
    decisionLabel: a.status === 'open' ? '待住建部门核查' : ANOMALY_DECISION_LABELS[a.decision ?? 'dismissed'],
    reason: a.acknowledgeNote,
    decidedAt: a.acknowledgedAt,
    decidedByName: a.decidedByName,
  };
}

/** Every anomaly of a batch, most serious first, then oldest first — what a report states. */
export async function batchAnomalyStatements(db: Kysely<Database> | Transaction<Database>, batchId: string): Promise<AnomalyStatement[]> {
  const rows = await db.selectFrom('anomalies').selectAll().where('batch_id', '=', batchId).orderBy('detected_at').orderBy('id').execute();
  const rank = (s: AnomalySeverity) => ANOMALY_SEVERITIES.indexOf(s);
  return rows
    .map((r) => toStatement(toAnomaly(r)))
    .sort((x, y) => rank(x.severity) - rank(y.severity) || x.detectedAt.localeCompare(y.detectedAt) || x.id.localeCompare(y.id));
}

/**
 * Refuses (409 REPORT_BLOCKED_BY_ANOMALIES, with the list in `details.anomalies`) while the batch has an open anomaly of
 * a blocking severity (policy REPORT_BLOCKING_SEVERITIES): a department decides each first (DESIGN.md §4).
 */
export function assertNoBlockingAnomalies(statements: readonly AnomalyStatement[]): void {
  const open = statements.filter((s) => s.decision === null && isBlockingKind(s.kind));
  if (open.length === 0) return;
  const kinds = [...new Set(open.map((s) => s.kindLabel))].join('、');
  throw conflict('REPORT_BLOCKED_BY_ANOMALIES', `该批次有 ${open.length} 项待住建部门核查的异常（${kinds}），核查决定作出前不能出具检测报告`, undefined, {
    anomalies: open.map((s) => ({ id: s.id, kind: s.kind, kindLabel: s.kindLabel, severity: s.severity, subjectType: s.subjectType, subjectId: s.subjectId, detectedAt: s.detectedAt })),
  });
}
