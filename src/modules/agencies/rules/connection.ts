import { CONNECTION_MIN_CERTIFIED_PERSONNEL, CONNECTION_MIN_VERIFIED_EQUIPMENT } from '../../../kernel/policy.ts';
import { isValidAt, validityStart, type ValidityPeriod } from '../../../kernel/time.ts';

/**
 * Connection status (对接状态, 一(一)): computed from the registries, never typed in. An agency is connected when
 * (a) it has declared its origin and, if it comes from outside Jilin, holds a 入吉备案 in force;
 * (b) at least one verified qualification certificate is in force;
 * (c) enough verified equipment has a 检定/校准 certificate in force;
 * (d) enough active registered people hold a certificate in force.
 * Pure: the caller gathers the facts and passes `now`.
 */
export type AgencyOrigin = 'local' | 'out_of_province';

export interface ConnectionFacts {
  /** null: the agency has not declared its origin yet. */
  origin: AgencyOrigin | null;
  /** The 入吉备案 (out-of-province agencies only); null when none is registered. */
  filing: ValidityPeriod | null;
  /** Qualification certificates verified by a department and not superseded by a newer one. */
  verifiedQualifications: ValidityPeriod[];
  /** Equipment verified by a department (设备核验), each with all its 检定/校准 certificates. */
  verifiedEquipment: { calibrations: ValidityPeriod[] }[];
  /** People currently registered (active) at the agency, each with all their certificates. */
  activePersonnel: { certificates: ValidityPeriod[] }[];
}

export type ConnectionItem = 'origin' | 'qualification' | 'equipment' | 'personnel';

export interface ChecklistEntry {
  item: ConnectionItem;
  ok: boolean;
  message: string;
}

export interface ConnectionStatus {
  connected: boolean;
  checklist: ChecklistEntry[];
}

/** The latest `validTo` among periods in force at `now` (they are `YYYY-MM-DD`, so strings order as dates). */
function latestEnd(periods: ValidityPeriod[], now: Date): string | null {
  let best: string | null = null;
  for (const p of periods) if (isValidAt(p, now) && (best === null || p.validTo > best)) best = p.validTo;
  return best;
}

function originEntry(f: ConnectionFacts, now: Date): ChecklistEntry {
  if (f.origin === null) return { item: 'origin', ok: false, message: '尚未登记机构来源（本省注册或外省入吉）' };
  if (f.origin === 'local') return { item: 'origin', ok: true, message: '本省注册检测机构' };
  if (!f.filing) return { item: 'origin', ok: false, message: '外省检测机构尚未登记入吉备案' };
  if (isValidAt(f.filing, now)) return { item: 'origin', ok: true, message: `入吉备案有效（至 ${f.filing.validTo}）` };
  if (now < validityStart(f.filing.validFrom)) {
    return { item: 'origin', ok: false, message: `入吉备案自 ${f.filing.validFrom} 起生效，目前尚未生效` };
  }
  return { item: 'origin', ok: false, message: `入吉备案已于 ${f.filing.validTo} 到期` };
}

function qualificationEntry(f: ConnectionFacts, now: Date): ChecklistEntry {
  if (f.verifiedQualifications.length === 0) {
    return { item: 'qualification', ok: false, message: '没有经住建部门核验的资质证书' };
  }
  const end = latestEnd(f.verifiedQualifications, now);
  if (end === null) return { item: 'qualification', ok: false, message: '经核验的资质证书均不在有效期内' };
  return { item: 'qualification', ok: true, message: `资质证书已核验且在有效期内（至 ${end}）` };
}

function equipmentEntry(f: ConnectionFacts, now: Date): ChecklistEntry {
  const need = CONNECTION_MIN_VERIFIED_EQUIPMENT;
  if (f.verifiedEquipment.length === 0) return { item: 'equipment', ok: false, message: '没有经住建部门核验的检测设备' };
  const usable = f.verifiedEquipment.filter((e) => e.calibrations.some((c) => isValidAt(c, now))).length;
  if (usable >= need) return { item: 'equipment', ok: true, message: `${usable} 台检测设备已核验且检定/校准在有效期内` };
  if (usable === 0) return { item: 'equipment', ok: false, message: '经核验的检测设备均无有效期内的检定/校准证书' };
  return { item: 'equipment', ok: false, message: `已核验且检定/校准有效的检测设备 ${usable} 台，至少需要 ${need} 台` };
}

function personnelEntry(f: ConnectionFacts, now: Date): ChecklistEntry {
  const need = CONNECTION_MIN_CERTIFIED_PERSONNEL;
  if (f.activePersonnel.length === 0) return { item: 'personnel', ok: false, message: '没有在职的注册检测人员' };
  const certified = f.activePersonnel.filter((p) => p.certificates.some((c) => isValidAt(c, now))).length;
  if (certified >= need) return { item: 'personnel', ok: true, message: `${certified} 名在职人员持有效期内的岗位证书` };
  if (certified === 0) return { item: 'personnel', ok: false, message: '在职人员均无有效期内的岗位证书' };
  return { item: 'personnel', ok: false, message: `持有效证书的在职人员 ${certified} 名，至少需要 ${need} 名` };
}

export function evaluateConnection(facts: ConnectionFacts, now: Date): ConnectionStatus {
  const checklist = [originEntry(facts, now), qualificationEntry(facts, now), equipmentEntry(facts, now), personnelEntry(facts, now)];
  return { connected: checklist.every((c) => c.ok), checklist };
}
