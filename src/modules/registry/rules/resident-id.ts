/**
 * 公民身份号码 (resident identity number), GB 11643-1999.
 *
 * Layout (18 characters): 1–6 region code (GB/T 2260 at the time of first registration), 7–14 birth date
 * YYYYMMDD, 15–17 sequence (17th odd = male, even = female), 18 check character (0–9 or X).
 */

/** Weights 2^(18-i) mod 11 for positions 1–17. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character by Σ mod 11. */
const ID_CHECK_CHARS = '10X98765432';

/**
 * Province-level prefixes that can begin a number: the 31 provinces plus 81 香港, 82 澳门, 83 台湾 (used in the
 * 港澳台居民居住证 numbers that share this format). Only the prefix is checked: the region part is the place of
 * first registration and stays valid after that code is retired (e.g. 220381, 公主岭 before 2020).
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/** ⚙ Earliest birth date we accept: older dates are typos, not people who still witness tests. */
const EARLIEST_BIRTH = '19000101';

/** Beijing time is UTC+8 without DST; "today" for a birth date is the date in that zone. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export type ResidentIdFailureReason = 'length' | 'charset' | 'region' | 'birth_date' | 'checksum';

export type ResidentIdResult =
  | { ok: true; code: string }
  | { ok: false; reason: ResidentIdFailureReason; message: string };

const fail = (reason: ResidentIdFailureReason, message: string): ResidentIdResult => ({ ok: false, reason, message });

/** Upper case (a typed x is the check character X), no surrounding whitespace. */
export function normaliseResidentId(s: string): string {
  return s.trim().toUpperCase();
}

/** Check character over the 17 leading digits. */
export function computeResidentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need the first 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/** True when YYYYMMDD names a real calendar day (rejects 20260230, 20250229). */
function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Today's date in Beijing as YYYYMMDD (string comparison then orders dates correctly). */
function beijingToday(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Validates a resident ID number. `now` is passed in (not read from the clock) so the rule stays pure and
 * testable; a birth date after today's Beijing date is rejected.
 */
export function validateResidentId(s: string, now: Date): ResidentIdResult {
  const code = normaliseResidentId(s);
  if (code.length !== 18) return fail('length', `身份证号码应为18位，当前为${code.length}位`);
  if (!/^\d{17}[\dX]$/.test(code)) return fail('charset', '身份证号码前17位应为数字，第18位应为数字或 X');
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) return fail('region', `身份证号码前6位地址码“${code.slice(0, 6)}”无效`);
  const birth = code.slice(6, 14);
  if (!isRealDate(birth) || birth < EARLIEST_BIRTH || birth > beijingToday(now)) {
    return fail('birth_date', `身份证号码中的出生日期“${birth}”无效`);
  }
  if (computeResidentIdCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    return fail('checksum', '身份证号码校验位错误，请核对是否输错');
  }
  return { ok: true, code };
}

/**
 * Masked for display: first 3 + 11 `*` + last 4, e.g. `220***********123X`.
 * Why 3 and not the bank-style 6: the first 6 name the county where the person was first registered, which
 * beside a name narrows a witness down in a console that is read across the province; the first 3 say only
 * the province and the first digit of the city. The last 4 let a person recognise their own number among
 * several, as ticketing and bank screens do (they include the gender digit, which the name shows anyway).
 * Anything that is not 18 characters is masked whole but for its last 2, so malformed data never leaks either.
 */
export function maskResidentId(s: string): string {
  const code = normaliseResidentId(s);
  if (code.length === 18) return `${code.slice(0, 3)}${'*'.repeat(11)}${code.slice(14)}`;
  if (code.length <= 4) return '*'.repeat(code.length);
  return '*'.repeat(code.length - 2) + code.slice(-2);
}

/** A valid number for tests and demo data: region + birth + a 3-digit sequence from `seed` + check. */
export function makeValidResidentId(seed: number, birth: string, region = '220102'): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError('region must be 6 digits');
  if (!/^\d{8}$/.test(birth) || !isRealDate(birth)) throw new RangeError('birth must be a real YYYYMMDD date');
  const seq = String((((Math.trunc(seed) % 1000) + 1000) % 1000)).padStart(3, '0');
  const first17 = `${region}${birth}${seq}`;
  return first17 + computeResidentIdCheckChar(first17);
}
