import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { auditRow } from '../../kernel/audit.ts';
import { verifyEd25519 } from '../../kernel/crypto/ed25519.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { AppError, badRequest, conflict, unprocessable } from '../../kernel/errors.ts';
import { hashRequest, idempotent, type IdempotentResult } from '../../kernel/idempotency.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import { type AnomalyKind, assertAgencyOperator, capturedInFuture, captureOutsideWindow, findVisibleBatch, getBatchWithSiteForUpload, isSupplementary, manualEntryExceptionFor, markUploading, recordAnomaly } from '../batches/index.ts';
import { findItem, getCatalogueVersion, validateRecordValues, type Catalogue } from '../catalogue/index.ts';
import { formatComponentId, parseComponentId } from '../components/index.ts';
import { deviceKeysAtColumn, devicePublicKeyObject, verificationKeys } from '../equipment/index.ts';
import { parseInstant, recordContentSha256, signingPayload } from './rules/signing.ts';
import type { BatchRecordRow, RecordSource } from './tables.ts';
import './tables.ts';

export { recordContentSha256, signingPayload } from './rules/signing.ts';

export interface NewRecord {
  recordKey: string;
  itemCode: string;
  componentId: string;
  values: Record<string, unknown>;
  capturedAt: string;
  source: RecordSource;
  equipmentId: string;
  testerPersonId: string;
  signature?: { keyId?: string; alg: 'Ed25519'; value: string };
  correctionOf?: { version: number; reason: string };
}

export interface RawRecord {
  id: string;
  batchId: string;
  recordKey: string;
  version: number;
  /** The newest version of its record key (in listings; always true in an upload's answer). */
  latest: boolean;
  itemCode: string;
  componentId: string;
  values: Record<string, unknown>;
  capturedAt: string;
  source: RecordSource;
  /** Entered by hand (source manual): marked wherever the record is shown. */
  manual: boolean;
  equipmentId: string;
  testerPersonId: string;
  contentSha256: string;
  signature: { alg: 'Ed25519'; keyId: string; value: string; signedPayload: string } | null;
  manualExceptionId: string | null;
  correctionReason: string | null;
  /** 补传: received while the batch was locked or after it had been. */
  supplementary: boolean;
  receivedAt: string;
  submittedBy: { type: string; name: string | null };
  /** Anomaly kinds recorded about this version. */
  flags: AnomalyKind[];
}

const toRecord = (r: BatchRecordRow, latest: boolean, flags: AnomalyKind[]): RawRecord => ({
  id: r.id,
  batchId: r.batch_id,
  recordKey: r.record_key,
  version: r.version,
  latest,
  itemCode: r.item_code,
  componentId: r.component_code,
  values: typeof r.values === 'string' ? (JSON.parse(r.values) as Record<string, unknown>) : r.values,
  capturedAt: r.captured_at.toISOString(),
  source: r.source,
  manual: r.source === 'manual',
  equipmentId: r.equipment_id,
  testerPersonId: r.tester_person_id,
  contentSha256: r.content_sha256,
  signature:
    r.signature_value && r.signature_key_id && r.signed_payload
      ? { alg: 'Ed25519', keyId: r.signature_key_id, value: r.signature_value, signedPayload: r.signed_payload }
      : null,
  manualExceptionId: r.manual_exception_id,
  correctionReason: r.correction_reason,
  supplementary: r.supplementary,
  receivedAt: r.received_at.toISOString(),
  submittedBy: { type: r.submitted_by_type, name: r.submitted_by_name },
  flags,
});

const subjectOf = (recordKey: string, version: number) => `${recordKey}@${version}`;

/**
 * Raw records (原始记录, issue 4 item 2): validated against the batch's pinned catalogue item; `auto` records
 * verified against the device key in force at capture; `manual` ones refused where the equipment collects
 * automatically unless a department granted an exception; immutable, corrected by new versions.
 */
export class RecordService {
  readonly #db: Kysely<Database>;
  /** Catalogue versions are immutable once published (the table refuses UPDATE and DELETE): read each once. */
  readonly #catalogues = new Map<number, Catalogue>();
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
  }

  async #catalogue(trx: Transaction<Database>, version: number): Promise<Catalogue | null> {
    const known = this.#catalogues.get(version);
    if (known) return known;
    const catalogue = await getCatalogueVersion(trx, version);
    if (catalogue) this.#catalogues.set(version, catalogue);
    return catalogue;
  }

  /** One upload, exactly once per Idempotency-Key: a retry gets the first answer. */
  async upload(ctx: RequestContext, batchId: string, input: NewRecord, idempotencyKey: string): Promise<IdempotentResult<RawRecord>> {
    const requestHash = hashRequest(['batch-record', batchId, canonicalJson(input)]);
    const attempt = () => idempotent(this.#db, ctx, idempotencyKey, requestHash, async (trx) => ({ statusCode: 201, body: await this.add(trx, ctx, batchId, input) }));
    try {
      return await attempt();
    } catch (err) {
      // Two requests with one key racing: the loser may meet the winner's record (RECORD_KEY_EXISTS) rather than its
      // key. The winner's record and key commit together, so asking again returns the winner's stored answer.
      if (err instanceof AppError && err.statusCode === 409) return attempt();
      throw err;
    }
  }

  /** The work of one upload, in the caller's transaction. */
  async add(trx: Transaction<Database>, ctx: RequestContext, batchId: string, input: NewRecord): Promise<RawRecord> {
    // The batch; the equipment and the tester, the agency's own; the device's keys in force at the capture; the
    // record's latest version: one round trip. (A capture time that does not parse is refused below, after the
    // batch's own checks, as before; the keys are then not read for anything.)
    const capturedAt = parseInstant(input.capturedAt);
    const batch = await getBatchWithSiteForUpload(trx, ctx, batchId, (eb) => [
      eb
        .selectFrom('equipment')
        .select(sql<string>`json_build_object('id', equipment.id, 'auto_collect', equipment.auto_collect, 'equipment_type', equipment.equipment_type, 'serial_number', equipment.serial_number)`.as('e'))
        .where('equipment.id', '=', input.equipmentId)
        .where('equipment.agency_id', '=', sql.ref<string>('b.agency_id'))
        .as('equipment'),
      eb
        .selectFrom('personnel')
        .select(sql<string>`json_build_object('id', personnel.id, 'name', personnel.name)`.as('p'))
        .where('personnel.id', '=', input.testerPersonId)
        .where('personnel.agency_id', '=', sql.ref<string>('b.agency_id'))
        .as('tester'),
      eb
        .selectFrom('batch_records')
        .select(sql<string>`json_build_object('version', batch_records.version, 'item_code', batch_records.item_code)`.as('r'))
        .where('batch_records.batch_id', '=', batchId)
        .where('batch_records.record_key', '=', input.recordKey)
        .orderBy('batch_records.version', 'desc')
        .limit(1)
        .as('prior'),
      deviceKeysAtColumn(eb, input.equipmentId, capturedAt ?? new Date(0)).as('device_keys'),
    ]);
    const found = batch.extras;
    const by = assertAgencyOperator(ctx, batch.agencyId);

    if (!batch.itemCodes.includes(input.itemCode)) {
      throw unprocessable('RECORD_ITEM_NOT_ON_BATCH', `检测项目 ${input.itemCode} 不在本批次中`, 'body.itemCode');
    }
    const catalogue = await this.#catalogue(trx, batch.catalogueVersion);
    const item = catalogue ? findItem(catalogue, input.itemCode) : null;
    if (!item) throw new Error(`item ${input.itemCode} of batch ${batchId} missing from catalogue version ${batch.catalogueVersion}`);
    const valueErrors = validateRecordValues(item.item, input.values);
    if (valueErrors.length > 0) {
      const e = valueErrors[0]!;
      throw badRequest(e.code, e.message, `body.values.${e.field}`);
    }

    if (!capturedAt) throw badRequest('RECORD_CAPTURED_AT_INVALID', '采集时间应为带时区的 RFC 3339 时间，如 2026-07-15T10:05:00+08:00', 'body.capturedAt');
    if (capturedInFuture(capturedAt, ctx.now)) throw unprocessable('RECORD_CAPTURED_IN_FUTURE', '采集时间晚于平台当前时间', 'body.capturedAt');

    const componentCode = parseComponentId(input.componentId);
    if (!componentCode) throw badRequest('COMPONENT_ID_INVALID', `构件编号 ${input.componentId.slice(0, 40)} 格式或校验位不正确`, 'body.componentId');

    const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as T));
    const equipment = json<{ id: string; auto_collect: boolean; equipment_type: string; serial_number: string }>(found.equipment);
    if (!equipment) throw unprocessable('RECORD_EQUIPMENT_UNKNOWN', '设备不是本机构登记的设备', 'body.equipmentId');
    const tester = json<{ id: string; name: string }>(found.tester);
    if (!tester) throw unprocessable('RECORD_TESTER_UNKNOWN', '检测人员不是本机构登记的人员', 'body.testerPersonId');

    let signature: { keyId: string; value: string; payload: string } | null = null;
    let manualExceptionId: string | null = null;
    if (input.source === 'auto') {
      if (!input.signature) throw unprocessable('RECORD_SIGNATURE_REQUIRED', '自动采集的原始记录须带设备签名', 'body.signature');
      const payload = signingPayload(batchId, input);
      const keys = verificationKeys(found.device_keys).filter((k) => !input.signature?.keyId || k.id === input.signature.keyId);
      const key = keys.find((k) => verifyEd25519(devicePublicKeyObject(k.publicKey), payload, input.signature!.value));
      if (!key) {
        throw unprocessable(
          'RECORD_SIGNATURE_INVALID',
          keys.length === 0 ? '设备在采集时间没有有效的登记密钥，签名无法验证' : '设备签名验证未通过：记录内容与签名不符',
          'body.signature.value',
        );
      }
      signature = { keyId: key.id, value: input.signature.value, payload };
    } else {
      if (input.signature) throw badRequest('RECORD_SIGNATURE_NOT_FOR_MANUAL', '人工录入的记录不带设备签名；设备签名的记录请以 source: auto 上传', 'body.signature');
      if (equipment.auto_collect) {
        const exception = await manualEntryExceptionFor(trx, batchId, input.itemCode);
        if (!exception) {
          throw unprocessable(
            'MANUAL_ENTRY_FORBIDDEN',
            `设备${equipment.equipment_type}（出厂编号 ${equipment.serial_number}）具备自动采集功能，严禁人工录入替代自动采集；确需人工录入的，须经项目所在地住建部门批准`,
            'body.source',
          );
        }
        manualExceptionId = exception.id;
      }
    }

    const prior = json<{ version: number; item_code: string }>(found.prior);
    let version = 1;
    let correctionReason: string | null = null;
    if (input.correctionOf) {
      if (!prior) throw unprocessable('RECORD_NOT_FOUND_FOR_CORRECTION', `没有可更正的原始记录 ${input.recordKey}`, 'body.correctionOf.version');
      if (input.correctionOf.version !== prior.version) {
        throw conflict('RECORD_VERSION_CONFLICT', `原始记录 ${input.recordKey} 的最新版本是第 ${prior.version} 版，请基于最新版本更正`, 'body.correctionOf.version');
      }
      if (prior.item_code !== input.itemCode) throw unprocessable('RECORD_CORRECTION_ITEM_CHANGED', '更正不能改变检测项目；其他项目请另建记录', 'body.itemCode');
      correctionReason = input.correctionOf.reason.trim();
      if (correctionReason.length < 2) throw badRequest('CORRECTION_REASON_REQUIRED', '更正须说明理由', 'body.correctionOf.reason');
      version = prior.version + 1;
    } else if (prior) {
      throw conflict('RECORD_KEY_EXISTS', `原始记录 ${input.recordKey} 已存在；更正请带 correctionOf（原版本号和理由）`, 'body.recordKey');
    }

    const contentSha256 = recordContentSha256({
      batchId,
      recordKey: input.recordKey,
      version,
      itemCode: input.itemCode,
      componentId: componentCode,
      values: input.values,
      capturedAt,
      source: input.source,
      equipmentId: equipment.id,
      testerPersonId: tester.id,
    });
    // The record and its audit row in one statement (the id is made here, so the audit need not wait for it).
    const id = randomUUID();
    const supplementary = isSupplementary(batch);
    const row = await trx
      .with('record', (db) =>
        db
          .insertInto('batch_records')
          .values({
            id,
            batch_id: batchId,
            record_key: input.recordKey,
            version,
            item_code: input.itemCode,
            component_code: componentCode,
            values: JSON.stringify(input.values),
            captured_at: capturedAt,
            source: input.source,
            equipment_id: equipment.id,
            tester_person_id: tester.id,
            content_sha256: contentSha256,
            signed_payload: signature?.payload ?? null,
            signature_alg: signature ? 'Ed25519' : null,
            signature_value: signature?.value ?? null,
            signature_key_id: signature?.keyId ?? null,
            manual_exception_id: manualExceptionId,
            correction_reason: correctionReason,
            supplementary,
            received_at: ctx.now,
            submitted_by_type: by.kind,
            submitted_by_id: by.id,
            submitted_by_name: by.kind === 'user' ? by.displayName : by.name,
          })
          .returningAll(),
      )
      .with('audit', (db) =>
        db.insertInto('audit_log').values(
          auditRow(ctx, {
            action: version === 1 ? 'record.upload' : 'record.correct',
            targetType: 'batch_record',
            targetId: id,
            organisationId: batch.agencyId,
            regionCode: batch.regionCode,
            details: {
              batchId,
              batchNumber: batch.batchNumber,
              recordKey: input.recordKey,
              version,
              source: input.source,
              contentSha256,
              ...(correctionReason ? { reason: correctionReason } : {}),
              ...(manualExceptionId ? { manualExceptionId } : {}),
              ...(supplementary ? { supplementary: true } : {}),
            },
          }),
        ),
      )
      .selectFrom('record')
      .selectAll()
      .executeTakeFirstOrThrow();
    await markUploading(trx, ctx, batchId, batch);

    // Consistency flags: the record is real data and is kept; the departments see what does not fit.
    const flags: AnomalyKind[] = [];
    const flag = async (kind: AnomalyKind, details: Record<string, unknown>) => {
      await recordAnomaly(trx, ctx, { batchId, kind, subjectType: 'record', subjectId: subjectOf(input.recordKey, version), details: { recordKey: input.recordKey, version, ...details } }, batch);
      flags.push(kind);
    };
    if (!batch.testerPersonIds.includes(tester.id)) await flag('tester_not_on_batch', { testerPersonId: tester.id, testerName: tester.name });
    if (!batch.equipmentIds.includes(equipment.id)) await flag('equipment_not_on_batch', { equipmentId: equipment.id, serialNumber: equipment.serial_number });
    if (!batch.componentIds.includes(componentCode)) {
      const inProject = await trx.selectFrom('components').select('id').where('code', '=', componentCode).where('project_id', '=', batch.projectId).executeTakeFirst();
      await flag('component_not_on_batch', { componentId: componentCode, display: formatComponentId(componentCode), registeredInProject: inProject !== undefined });
    }
    const outside = captureOutsideWindow(capturedAt, batch.openedAt, batch.completedAt);
    if (outside) {
      await flag('capture_outside_window', {
        capturedAt: capturedAt.toISOString(),
        bound: outside,
        openedAt: batch.openedAt.toISOString(),
        completedAt: batch.completedAt?.toISOString() ?? null,
      });
    }
    return toRecord(row, true, flags);
  }

  /** Every version of every record of the batch, oldest key first, versions in order; the newest flagged. */
  async list(ctx: RequestContext, batchId: string, opts: { latestOnly?: boolean } = {}): Promise<RawRecord[]> {
    await findVisibleBatch(this.#db, ctx, batchId);
    const rows = await this.#db.selectFrom('batch_records').selectAll().where('batch_id', '=', batchId).orderBy('record_key').orderBy('version').execute();
    const newest = new Map<string, number>();
    for (const r of rows) newest.set(r.record_key, Math.max(newest.get(r.record_key) ?? 0, r.version));
    const anomalies = await this.#db
      .selectFrom('anomalies')
      .select(['kind', 'subject_id'])
      .where('batch_id', '=', batchId)
      .where('subject_type', '=', 'record')
      .execute();
    const flagsOf = (r: BatchRecordRow) =>
      anomalies.filter((a) => a.subject_id === subjectOf(r.record_key, r.version) || a.subject_id === r.record_key).map((a) => a.kind as AnomalyKind);
    return rows
      .map((r) => toRecord(r, newest.get(r.record_key) === r.version, flagsOf(r)))
      .filter((r) => !opts.latestOnly || r.latest);
  }
}
