import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { requireAuthenticated, requireRole, scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { visibleTo, containsPattern } from '../../kernel/db/scope-sql.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { isInverted, isValidAt, type ValidityPeriod } from '../../kernel/time.ts';
import { agencyForNewEntry, mayManageAgency } from '../organisations/index.ts';
import { type VerificationStatus } from '../agencies/index.ts';
import { useDocument } from '../documents/index.ts';
import { calibrationStatus, type CalibrationState } from './rules/calibration.ts';
import { parseDevicePublicKey } from './rules/device-key.ts';
import type { CalibrationKind, CalibrationRow, EquipmentKeyRow, EquipmentRow } from './tables.ts';
import './tables.ts';

export interface Calibration {
  id: string;
  certificateNumber: string;
  kind: CalibrationKind;
  issuingBody: string;
  validFrom: string;
  validTo: string;
  documentId: string | null;
  createdAt: string;
  inForce: boolean;
}

export interface DeviceKey {
  id: string;
  /** base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  fingerprint: string;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
}

export interface Equipment {
  id: string;
  agencyId: string;
  agencyName: string;
  equipmentType: string;
  maker: string;
  model: string;
  serialNumber: string;
  autoCollect: boolean;
  autoCollectProtocol: string | null;
  status: VerificationStatus;
  submittedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  calibrationState: CalibrationState;
  /** The exclusive instant the current calibration coverage ends. */
  calibrationValidUntil: string | null;
  /** Coverage ends within ⚙ CALIBRATION_WARNING_DAYS. */
  calibrationWarning: boolean;
  /** Verified and in calibration now: may be put on a batch. */
  usable: boolean;
  currentKeyFingerprint: string | null;
  createdAt: string;
  rowVersion: number;
}

export interface EquipmentDetail extends Equipment {
  calibrations: Calibration[];
  keys: DeviceKey[];
}

export interface NewCalibration {
  certificateNumber: string;
  kind: CalibrationKind;
  issuingBody: string;
  validFrom: string;
  validTo: string;
  documentId: string;
}

export interface NewEquipment {
  agencyId?: string | null;
  equipmentType: string;
  maker: string;
  model: string;
  serialNumber: string;
  autoCollect: boolean;
  autoCollectProtocol?: string | null;
  publicKey?: string | null;
  calibration?: NewCalibration | null;
}

export interface EquipmentFilter {
  agencyId?: string;
  status?: VerificationStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

type Db = Kysely<Database> | Transaction<Database>;
type Row = EquipmentRow & { agency_name: string; region_code: string; decided_by_name: string | null };

const toCalibration = (c: CalibrationRow, now: Date): Calibration => ({
  id: c.id,
  certificateNumber: c.certificate_number,
  kind: c.kind,
  issuingBody: c.issuing_body,
  validFrom: c.valid_from,
  validTo: c.valid_to,
  documentId: c.document_id,
  createdAt: c.created_at.toISOString(),
  inForce: isValidAt({ validFrom: c.valid_from, validTo: c.valid_to }, now),
});

const toKey = (k: EquipmentKeyRow): DeviceKey => ({
  id: k.id,
  publicKey: k.public_key,
  fingerprint: k.fingerprint,
  validFrom: k.valid_from.toISOString(),
  validTo: k.valid_to ? k.valid_to.toISOString() : null,
  createdAt: k.created_at.toISOString(),
});

const periods = (cals: CalibrationRow[]): ValidityPeriod[] => cals.map((c) => ({ validFrom: c.valid_from, validTo: c.valid_to }));

function toEquipment(r: Row, cals: CalibrationRow[], keys: EquipmentKeyRow[], now: Date): Equipment {
  const cal = calibrationStatus(periods(cals), now);
  const current = keys.find((k) => k.valid_from <= now && (k.valid_to === null || now < k.valid_to));
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    equipmentType: r.equipment_type,
    maker: r.maker,
    model: r.model,
    serialNumber: r.serial_number,
    autoCollect: r.auto_collect,
    autoCollectProtocol: r.auto_collect_protocol,
    status: r.status,
    submittedAt: r.submitted_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decidedByName: r.decided_by_name,
    decisionReason: r.decision_reason,
    calibrationState: cal.state,
    calibrationValidUntil: cal.validUntil ? cal.validUntil.toISOString() : null,
    calibrationWarning: cal.warning,
    usable: r.status === 'verified' && cal.validUntil !== null,
    currentKeyFingerprint: current?.fingerprint ?? null,
    createdAt: r.created_at.toISOString(),
    rowVersion: r.row_version,
  };
}

/** Trimmed, non-empty text, or a 400 naming the field. */
function requiredText(value: string, field: string, label: string): string {
  const t = value.trim();
  if (!t) throw badRequest('FIELD_REQUIRED', `请填写${label}`, field);
  return t;
}

function checkCalibration(c: NewCalibration, prefix: string): NewCalibration {
  const out = {
    ...c,
    certificateNumber: requiredText(c.certificateNumber, `${prefix}.certificateNumber`, '检定/校准证书编号'),
    issuingBody: requiredText(c.issuingBody, `${prefix}.issuingBody`, '检定/校准机构'),
  };
  if (out.issuingBody.length < 2) throw badRequest('ISSUING_BODY_TOO_SHORT', '检定/校准机构名称至少 2 个字符', `${prefix}.issuingBody`);
  if (isInverted(c)) throw badRequest('VALIDITY_INVERTED', '有效期截止日期早于起始日期', `${prefix}.validTo`);
  return out;
}

async function calibrationsOf(db: Db, equipmentIds: string[]): Promise<Map<string, CalibrationRow[]>> {
  const map = new Map<string, CalibrationRow[]>(equipmentIds.map((id) => [id, []]));
  if (equipmentIds.length === 0) return map;
  const rows = await db.selectFrom('equipment_calibrations').selectAll().where('equipment_id', 'in', equipmentIds).orderBy('valid_from', 'desc').orderBy('created_at', 'desc').execute();
  for (const r of rows) map.get(r.equipment_id)?.push(r);
  return map;
}

async function keysOf(db: Db, equipmentIds: string[]): Promise<Map<string, EquipmentKeyRow[]>> {
  const map = new Map<string, EquipmentKeyRow[]>(equipmentIds.map((id) => [id, []]));
  if (equipmentIds.length === 0) return map;
  const rows = await db.selectFrom('equipment_keys').selectAll().where('equipment_id', 'in', equipmentIds).orderBy('valid_from', 'desc').execute();
  for (const r of rows) map.get(r.equipment_id)?.push(r);
  return map;
}

const NOT_FOUND = () => notFound('EQUIPMENT_NOT_FOUND', '设备不存在或无权查看');

/**
 * Equipment (检测设备, issue 3 item 5): registration with 检定/校准 certificates as history, Ed25519 device keys
 * with rotation, and department verification (设备核验).
 */
export class EquipmentService {
  readonly #db: Kysely<Database>;
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
  }

  /** The scoped base query: every read of equipment goes through here. */
  #visible(ctx: RequestContext, db: Db = this.#db) {
    const scope = scopeOf(ctx.actor);
    return db
      .selectFrom('equipment as e')
      .innerJoin('organisations as o', 'o.id', 'e.agency_id')
      .leftJoin('users as du', 'du.id', 'e.decided_by')
      .selectAll('e')
      .select(['o.name as agency_name', 'o.region_code', 'du.display_name as decided_by_name'])
      .where((eb) => visibleTo(scope, { organisation: eb.ref('e.agency_id'), region: eb.ref('o.region_code') }));
  }

  async #rowFor(ctx: RequestContext, db: Db, id: string, lock = false): Promise<Row> {
    let q = this.#visible(ctx, db).where('e.id', '=', id);
    if (lock) q = q.forUpdate('e');
    const row = await q.executeTakeFirst();
    if (!row) throw NOT_FOUND();
    return row;
  }

  async #present(db: Db, rows: Row[], now: Date): Promise<Equipment[]> {
    const ids = rows.map((r) => r.id);
    const [cals, keys] = [await calibrationsOf(db, ids), await keysOf(db, ids)];
    return rows.map((r) => toEquipment(r, cals.get(r.id) ?? [], keys.get(r.id) ?? [], now));
  }

  async list(ctx: RequestContext, f: EquipmentFilter): Promise<{ items: Equipment[]; total: number }> {
    requireAuthenticated(ctx.actor);
    let q = this.#visible(ctx);
    if (f.agencyId) q = q.where('e.agency_id', '=', f.agencyId);
    if (f.status) q = q.where('e.status', '=', f.status);
    if (f.q && f.q.trim()) {
      const like = containsPattern(f.q);
      q = q.where((eb) =>
        eb.or([eb('e.equipment_type', 'ilike', like), eb('e.maker', 'ilike', like), eb('e.model', 'ilike', like), eb('e.serial_number', 'ilike', like)]),
      );
    }
    const pageSize = f.pageSize ?? 20;
    const rows = await q.orderBy('e.created_at', 'desc').orderBy('e.id').limit(pageSize).offset(((f.page ?? 1) - 1) * pageSize).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: await this.#present(this.#db, rows, ctx.now), total: Number(count.n) };
  }

  async get(ctx: RequestContext, id: string): Promise<EquipmentDetail> {
    requireAuthenticated(ctx.actor);
    return this.#detail(this.#db, await this.#rowFor(ctx, this.#db, id), ctx.now);
  }

  async #detail(db: Db, row: Row, now: Date): Promise<EquipmentDetail> {
    const cals = (await calibrationsOf(db, [row.id])).get(row.id) ?? [];
    const keys = (await keysOf(db, [row.id])).get(row.id) ?? [];
    return { ...toEquipment(row, cals, keys, now), calibrations: cals.map((c) => toCalibration(c, now)), keys: keys.map(toKey) };
  }

  async create(ctx: RequestContext, input: NewEquipment): Promise<EquipmentDetail> {
    const user = requireAuthenticated(ctx.actor);
    const equipmentType = requiredText(input.equipmentType, 'body.equipmentType', '设备类型');
    const maker = requiredText(input.maker, 'body.maker', '生产厂家');
    const model = requiredText(input.model, 'body.model', '规格型号');
    const serialNumber = requiredText(input.serialNumber, 'body.serialNumber', '出厂编号');
    const protocol = input.autoCollectProtocol?.trim() || null;
    if (input.autoCollect && !protocol) {
      throw badRequest('PROTOCOL_REQUIRED', '具备自动采集功能的设备须说明数据接口/协议', 'body.autoCollectProtocol');
    }
    if (!input.autoCollect && protocol) {
      throw badRequest('PROTOCOL_NOT_APPLICABLE', '不具备自动采集功能的设备不应填写采集协议', 'body.autoCollectProtocol');
    }
    const key = input.publicKey ? parseDevicePublicKey(input.publicKey) : null;
    if (key && !key.ok) throw badRequest('DEVICE_KEY_INVALID', key.message, 'body.publicKey');
    const calibration = input.calibration ? checkCalibration(input.calibration, 'body.calibration') : null;

    return this.#db.transaction().execute(async (trx) => {
      const agency = await agencyForNewEntry(trx, ctx, input.agencyId, 'body.agencyId');
      const dup = await trx.selectFrom('equipment').select('id').where('agency_id', '=', agency.id).where('serial_number', '=', serialNumber).executeTakeFirst();
      if (dup) throw conflict('SERIAL_TAKEN', `本机构已登记出厂编号为 ${serialNumber} 的设备`, 'body.serialNumber');
      if (key?.ok && (await trx.selectFrom('equipment_keys').select('id').where('public_key', '=', key.raw).executeTakeFirst())) {
        throw conflict('DEVICE_KEY_IN_USE', '该公钥已登记在其他设备上，每台设备须使用自己的密钥', 'body.publicKey');
      }
      const createdBy = user.kind === 'user' ? user.id : null;
      const row = await trx
        .insertInto('equipment')
        .values({
          agency_id: agency.id,
          equipment_type: equipmentType,
          maker,
          model,
          serial_number: serialNumber,
          auto_collect: input.autoCollect,
          auto_collect_protocol: protocol,
          status: 'pending',
          submitted_by: createdBy,
          submitted_at: ctx.now,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (calibration) {
        const doc = await useDocument(trx, ctx, calibration.documentId, 'body.calibration.documentId');
        await trx
          .insertInto('equipment_calibrations')
          .values({
            equipment_id: row.id,
            certificate_number: calibration.certificateNumber,
            kind: calibration.kind,
            issuing_body: calibration.issuingBody,
            valid_from: calibration.validFrom,
            valid_to: calibration.validTo,
            document_id: doc.id,
            created_by: createdBy,
            created_at: ctx.now,
          })
          .execute();
      }
      if (key?.ok) {
        await trx
          .insertInto('equipment_keys')
          .values({ equipment_id: row.id, public_key: key.raw, fingerprint: key.fingerprint, valid_from: ctx.now, valid_to: null, created_by: createdBy, created_at: ctx.now })
          .execute();
      }
      await recordAudit(trx, ctx, {
        action: 'equipment.create',
        targetType: 'equipment',
        targetId: row.id,
        organisationId: agency.id,
        regionCode: agency.regionCode,
        details: {
          equipmentType,
          maker,
          model,
          serialNumber,
          autoCollect: input.autoCollect,
          calibration: calibration ? { certificateNumber: calibration.certificateNumber, validFrom: calibration.validFrom, validTo: calibration.validTo } : null,
          keyFingerprint: key?.ok ? key.fingerprint : null,
        },
      });
      return this.#detail(trx, { ...row, agency_name: agency.name, region_code: agency.regionCode, decided_by_name: null }, ctx.now);
    });
  }

  async listCalibrations(ctx: RequestContext, id: string): Promise<Calibration[]> {
    requireAuthenticated(ctx.actor);
    const row = await this.#rowFor(ctx, this.#db, id);
    return ((await calibrationsOf(this.#db, [row.id])).get(row.id) ?? []).map((c) => toCalibration(c, ctx.now));
  }

  /** A new 检定/校准 certificate is a new row; earlier ones stay as the device's history. */
  async addCalibration(ctx: RequestContext, id: string, input: NewCalibration): Promise<Calibration> {
    const user = requireAuthenticated(ctx.actor);
    const c = checkCalibration(input, 'body');
    return this.#db.transaction().execute(async (trx) => {
      const row = await this.#rowFor(ctx, trx, id, true);
      if (!mayManageAgency(ctx, row.agency_id)) throw forbidden('AGENCY_ADMIN_REQUIRED', '只有本机构管理员或平台管理员可以办理');
      const dup = await trx.selectFrom('equipment_calibrations').select('id').where('equipment_id', '=', id).where('certificate_number', '=', c.certificateNumber).executeTakeFirst();
      if (dup) throw conflict('CALIBRATION_DUPLICATE', '该设备已登记此编号的检定/校准证书', 'body.certificateNumber');
      const doc = await useDocument(trx, ctx, c.documentId, 'body.documentId');
      const cal = await trx
        .insertInto('equipment_calibrations')
        .values({
          equipment_id: id,
          certificate_number: c.certificateNumber,
          kind: c.kind,
          issuing_body: c.issuingBody,
          valid_from: c.validFrom,
          valid_to: c.validTo,
          document_id: doc.id,
          created_by: user.kind === 'user' ? user.id : null,
          created_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'equipment.calibration.add',
        targetType: 'equipment',
        targetId: id,
        organisationId: row.agency_id,
        regionCode: row.region_code,
        details: { calibrationId: cal.id, certificateNumber: cal.certificate_number, kind: cal.kind, validFrom: cal.valid_from, validTo: cal.valid_to, documentSha256: doc.sha256 },
      });
      return toCalibration(cal, ctx.now);
    });
  }

  async listKeys(ctx: RequestContext, id: string): Promise<DeviceKey[]> {
    requireAuthenticated(ctx.actor);
    const row = await this.#rowFor(ctx, this.#db, id);
    return ((await keysOf(this.#db, [row.id])).get(row.id) ?? []).map(toKey);
  }

  /**
   * Registers a device key, in force from `validFrom` (default now; never in the past, so nothing already captured
   * can be re-attributed). Keys in force at that instant retire from it; they stay, to verify what they signed.
   */
  async addKey(ctx: RequestContext, id: string, input: { publicKey: string; validFrom?: string }): Promise<DeviceKey> {
    const user = requireAuthenticated(ctx.actor);
    const key = parseDevicePublicKey(input.publicKey);
    if (!key.ok) throw badRequest('DEVICE_KEY_INVALID', key.message, 'body.publicKey');
    const from = input.validFrom ? new Date(input.validFrom) : ctx.now;
    if (from < ctx.now) throw badRequest('KEY_VALID_FROM_PAST', '新密钥的启用时间不能早于当前时间', 'body.validFrom');
    return this.#db.transaction().execute(async (trx) => {
      // The row lock serialises rotations of one device.
      const row = await this.#rowFor(ctx, trx, id, true);
      if (!mayManageAgency(ctx, row.agency_id)) throw forbidden('AGENCY_ADMIN_REQUIRED', '只有本机构管理员或平台管理员可以办理');
      if (await trx.selectFrom('equipment_keys').select('id').where('public_key', '=', key.raw).executeTakeFirst()) {
        throw conflict('DEVICE_KEY_IN_USE', '该公钥已登记过（本设备或其他设备），轮换须使用新生成的密钥', 'body.publicKey');
      }
      const later = await trx.selectFrom('equipment_keys').select('valid_from').where('equipment_id', '=', id).where('valid_from', '>=', from).executeTakeFirst();
      if (later) {
        throw conflict('KEY_ROTATION_SCHEDULED', `已有自 ${later.valid_from.toISOString()} 起启用的密钥，新密钥的启用时间须晚于它`, 'body.validFrom');
      }
      const retired = await trx
        .updateTable('equipment_keys')
        .set({ valid_to: from })
        .where('equipment_id', '=', id)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]))
        .returning('fingerprint')
        .execute();
      const k = await trx
        .insertInto('equipment_keys')
        .values({ equipment_id: id, public_key: key.raw, fingerprint: key.fingerprint, valid_from: from, valid_to: null, created_by: user.kind === 'user' ? user.id : null, created_at: ctx.now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: retired.length > 0 ? 'equipment.key.rotate' : 'equipment.key.register',
        targetType: 'equipment',
        targetId: id,
        organisationId: row.agency_id,
        regionCode: row.region_code,
        details: { fingerprint: k.fingerprint, validFrom: from.toISOString(), retired: retired.map((r) => r.fingerprint) },
      });
      return toKey(k);
    });
  }

  /**
   * 设备核验 by a department whose jurisdiction contains the agency. Approval needs a 检定/校准 certificate in force:
   * verifying a device that cannot be used would only hide what is missing.
   */
  async decide(ctx: RequestContext, id: string, decision: 'approve' | 'reject', reason?: string): Promise<EquipmentDetail> {
    requireAuthenticated(ctx.actor);
    const why = reason?.trim() ?? '';
    return this.#db.transaction().execute(async (trx) => {
      const row = await this.#rowFor(ctx, trx, id, true);
      const officer = requireRole(ctx.actor, 'dept_officer');
      if (decision === 'reject' && !why) throw badRequest('REASON_REQUIRED', '驳回须说明理由', 'body.reason');
      if (row.status !== 'pending') throw conflict('EQUIPMENT_ALREADY_DECIDED', '该设备已核验完毕，不在待核验状态');
      if (decision === 'approve') {
        const cals = (await calibrationsOf(trx, [id])).get(id) ?? [];
        if (!cals.some((c) => isValidAt({ validFrom: c.valid_from, validTo: c.valid_to }, ctx.now))) {
          throw unprocessable('EQUIPMENT_CALIBRATION_MISSING', '该设备没有有效期内的检定/校准证书，不能核验通过');
        }
      }
      const updated = await trx
        .updateTable('equipment')
        .set({
          status: decision === 'approve' ? 'verified' : 'rejected',
          decided_by: officer.id,
          decided_at: ctx.now,
          decision_reason: why || null,
          updated_at: ctx.now,
          row_version: row.row_version + 1,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: decision === 'approve' ? 'equipment.approve' : 'equipment.reject',
        targetType: 'equipment',
        targetId: id,
        organisationId: row.agency_id,
        regionCode: row.region_code,
        details: { serialNumber: row.serial_number, ...(why ? { reason: why } : {}) },
      });
      return this.#detail(trx, { ...updated, agency_name: row.agency_name, region_code: row.region_code, decided_by_name: officer.displayName }, ctx.now);
    });
  }

  /** A rejected device goes back to the queue after the agency has fixed what was wrong (the reason is in the audit trail). */
  async resubmit(ctx: RequestContext, id: string): Promise<EquipmentDetail> {
    const user = requireAuthenticated(ctx.actor);
    return this.#db.transaction().execute(async (trx) => {
      const row = await this.#rowFor(ctx, trx, id, true);
      if (!mayManageAgency(ctx, row.agency_id)) throw forbidden('AGENCY_ADMIN_REQUIRED', '只有本机构管理员或平台管理员可以办理');
      if (row.status !== 'rejected') throw conflict('EQUIPMENT_NOT_REJECTED', '只有被驳回的设备可以重新提交核验');
      const updated = await trx
        .updateTable('equipment')
        .set({
          status: 'pending',
          submitted_by: user.kind === 'user' ? user.id : null,
          submitted_at: ctx.now,
          decided_by: null,
          decided_at: null,
          decision_reason: null,
          updated_at: ctx.now,
          row_version: row.row_version + 1,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'equipment.resubmit',
        targetType: 'equipment',
        targetId: id,
        organisationId: row.agency_id,
        regionCode: row.region_code,
        details: { previousReason: row.decision_reason },
      });
      return this.#detail(trx, { ...updated, agency_name: row.agency_name, region_code: row.region_code, decided_by_name: null }, ctx.now);
    });
  }

  /** Equipment awaiting 设备核验 in the caller's jurisdiction, oldest first (the verification queue). */
  async listPending(ctx: RequestContext, limit: number): Promise<{ items: Equipment[]; total: number }> {
    const q = this.#visible(ctx).where('e.status', '=', 'pending');
    const rows = await q.orderBy('e.submitted_at').orderBy('e.id').limit(limit).execute();
    const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items: await this.#present(this.#db, rows, ctx.now), total: Number(count.n) };
  }
}

/**
 * For batches: the equipment exists, belongs to `agencyId`, is verified, and its calibration is in force at `now`.
 * Expired calibration makes it unusable from the exclusive end instant of its last certificate.
 * Returns what a batch needs to know about it (auto-collecting equipment forbids manual entry, 二(三)).
 */
export async function assertEquipmentUsable(
  db: Db,
  equipmentId: string,
  agencyId: string,
  now: Date,
  field: string,
): Promise<{ id: string; equipmentType: string; serialNumber: string; autoCollect: boolean }> {
  const row = await db
    .selectFrom('equipment')
    .select(['id', 'agency_id', 'status', 'equipment_type', 'serial_number', 'auto_collect'])
    .where('id', '=', equipmentId)
    .executeTakeFirst();
  if (!row || row.agency_id !== agencyId) throw new AppError(404, 'EQUIPMENT_NOT_FOUND', '设备不存在或不属于本检测机构', field);
  const label = `${row.equipment_type}（出厂编号 ${row.serial_number}）`;
  if (row.status !== 'verified') throw unprocessable('EQUIPMENT_NOT_VERIFIED', `设备${label}尚未通过住建部门核验`, field);
  const cals = await db.selectFrom('equipment_calibrations').select(['valid_from', 'valid_to']).where('equipment_id', '=', equipmentId).execute();
  if (!cals.some((c) => isValidAt({ validFrom: c.valid_from, validTo: c.valid_to }, now))) {
    throw unprocessable('EQUIPMENT_CALIBRATION_EXPIRED', `设备${label}没有有效期内的检定/校准证书，不能使用`, field);
  }
  return { id: row.id, equipmentType: row.equipment_type, serialNumber: row.serial_number, autoCollect: row.auto_collect };
}

/** The device keys in force at instant `at` (normally one; old keys remain for what they signed). */
export async function deviceKeysAt(db: Db, equipmentId: string, at: Date): Promise<DeviceKey[]> {
  const rows = await db
    .selectFrom('equipment_keys')
    .selectAll()
    .where('equipment_id', '=', equipmentId)
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .orderBy('valid_from', 'desc')
    .execute();
  return rows.map(toKey);
}

/** What verifying a device signature needs of a key. */
export type VerificationKey = Pick<DeviceKey, 'id' | 'publicKey'>;

/**
 * `deviceKeysAt` as a column (a JSON array, newest first) for upload paths that read it together with the other facts
 * they check, in one round trip. Read it back with `verificationKeys`.
 */
export function deviceKeysAtColumn(eb: ExpressionBuilder<Database, never>, equipmentId: string, at: Date) {
  return eb
    .selectFrom('equipment_keys')
    .select(sql<unknown>`coalesce(json_agg(json_build_object('id', equipment_keys.id, 'publicKey', equipment_keys.public_key) order by equipment_keys.valid_from desc), '[]'::json)`.as('keys'))
    .where('equipment_keys.equipment_id', '=', equipmentId)
    .where('equipment_keys.valid_from', '<=', at)
    .where((w) => w.or([w('equipment_keys.valid_to', 'is', null), w('equipment_keys.valid_to', '>', at)]));
}

export const verificationKeys = (column: unknown): VerificationKey[] => (typeof column === 'string' ? JSON.parse(column) : (column ?? [])) as VerificationKey[];

/** For the connection check: every verified device of the agency with its calibration periods. */
export async function verifiedEquipmentCalibrations(db: Db, agencyId: string): Promise<{ equipmentId: string; calibrations: ValidityPeriod[] }[]> {
  const ids = (await db.selectFrom('equipment').select('id').where('agency_id', '=', agencyId).where('status', '=', 'verified').execute()).map((r) => r.id);
  const cals = await calibrationsOf(db, ids);
  return ids.map((id) => ({ equipmentId: id, calibrations: periods(cals.get(id) ?? []) }));
}
