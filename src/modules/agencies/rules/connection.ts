import { CONNECTION_MIN_CERTIFIED_PERSONNEL, CONNECTION_MIN_VERIFIED_EQUIPMENT } from '../../../kernel/policy.ts';
import { isValidAt, validityStart, type ValidityPeriod } from '../../../kernel/time.ts';

/**
 * Connection status (对接状态, 一(一)): computed from the registries, never typed in. An agency is connected when
 * (a) it has declared its origin, and that origin is confirmed: a local agency by the 统一社会信用代码 the platform
 *     registered (issued in Jilin, division code 22xxxx), an out-of-province one by a 入吉备案 in force that a
 *     department has verified against its document (issue 15 item 7: a typed-in fact never counts by itself);
 * (b) at least one verified qualification certificate is in force;
 * (c) enough verified equipment has a 检定/校准 certificate in force;
 * (d) enough active registered people hold a certificate in force.
 * Pure: the caller gathers the facts and passes `now`.
 */
export type AgencyOrigin = 'local' | 'out_of_province';

export interface ConnectionFacts {
  /** null: the agency has not declared its origin yet. */
  origin: AgencyOrigin | null;
  /** The administrative division code in the agency's registered USCC; null when none is registered. */
  usccDivision: string | null;
  /** The agency's 入吉备案 submissions that are not superseded, newest first (out-of-province agencies only). */
  filings: FilingFact[];
  /** Qualification certificates verified by a department and not superseded by a newer one. */
  verifiedQualifications: ValidityPeriod[];
  /** Equipment verified by a department (设备核验), each with all its 检定/校准 certificates. */
  verifiedEquipment: { calibrations: ValidityPeriod[] }[];
  /** People currently registered (active) at the agency, each with all their certificates. */
  activePersonnel: { certificates: ValidityPeriod[] }[];
}

export type FilingStatus = 'pending' | 'verified' | 'rejected';

export interface FilingFact extends ValidityPeriod {
  status: FilingStatus;
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

/** Jilin's provincial division code prefix (GB/T 2260). */
const JILIN_DIVISION_PREFIX = '22';

function originEntry(f: ConnectionFacts, now: Date): ChecklistEntry {
  if (f.origin === null) return { item: 'origin', ok: false, message: '尚未登记机构来源（本省注册或外省入吉）' };
  if (f.origin === 'local') {
    if (f.usccDivision === null) return { item: 'origin', ok: false, message: '平台尚未登记机构的统一社会信用代码，无法确认为本省注册' };
    if (!f.usccDivision.startsWith(JILIN_DIVISION_PREFIX)) {
      return { item: 'origin', ok: false, message: '统一社会信用代码显示机构非本省注册，须按外省检测机构办理入吉备案' };
    }
    return { item: 'origin', ok: true, message: '本省注册检测机构' };
  }
  const verified = f.filings.filter((x) => x.status === 'verified');
  const inForce = verified.find((x) => isValidAt(x, now));
  if (inForce) return { item: 'origin', ok: true, message: `入吉备案经住建部门核验有效（至 ${inForce.validTo}）` };
  // A submission awaiting the department says so first: it is what the agency is waiting for.
  if (f.filings.some((x) => x.status === 'pending')) return { item: 'origin', ok: false, message: '入吉备案待住建部门核验' };
  const latest = verified[0];
  if (latest && now < validityStart(latest.validFrom)) {
    return { item: 'origin', ok: false, message: `入吉备案自 ${latest.validFrom} 起生效，目前尚未生效` };
  }
  if (latest) return { item: 'origin', ok: false, message: `入吉备案已于 ${latest.validTo} 到期` };
  if (f.filings.length > 0) return { item: 'origin', ok: false, message: '入吉备案未通过住建部门核验，请重新提交' };
  return { item: 'origin', ok: false, message: '外省检测机构尚未登记入吉备案' };
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
