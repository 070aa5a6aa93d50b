/**
 * 统一社会信用代码 (unified social credit code, USCC), GB 32100-2015.
 *
 * Layout (18 characters):
 *   1      登记管理部门代码 registration authority (1–9, A, N, Y)
 *   2      机构类别代码 entity type (a digit 1–9 in every authority's table)
 *   3–8    登记管理机关行政区划码 region code (6 digits, GB/T 2260)
 *   9–17   主体标识码 = organisation code, GB 11714-1997 (8 body characters + its own check character)
 *   18     校验码 check character over 1–17
 * Every character is from the 31-character set below: 0-9 and the letters without I, O, S, V, Z.
 */

/** The GB 32100 character set; a character's index is its value in the check computation. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17: 3^(i-1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714-1997 weights for the 8 body characters of the organisation code. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Registration authorities in GB 32100-2015 Table 1: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教,
 * 8 工会, 9 工商 (now 市场监管), A 中央军委改革和编制办公室, N 农业, Y 其他.
 * The per-authority type tables are not enforced pair by pair: they have been extended since 2015 and a false
 * rejection would keep a real agency off the platform. We only require the type to be a digit 1–9.
 */
const AUTHORITY_CODES = '123456789ANY';

export type UsccFailureReason = 'length' | 'charset' | 'format' | 'checksum' | 'org_code_checksum';

export type UsccResult =
  | { ok: true; code: string }
  | { ok: false; reason: UsccFailureReason; message: string };

const fail = (reason: UsccFailureReason, message: string): UsccResult => ({ ok: false, reason, message });

/** Upper case, no surrounding whitespace: people paste codes from licences and spreadsheets. */
export function normaliseUscc(s: string): string {
  return s.trim().toUpperCase();
}

/** Value of a character in GB 11714 (0-9 → 0–9, A–Z → 10–35); -1 if not a digit or Latin capital. */
function orgCharValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  return -1;
}

/** GB 11714-1997 check character for an 8-character organisation-code body: 11 - (Σ mod 11); 10 → X, 11 → 0. */
export function computeOrgCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError('organisation code body must be 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgCharValue(body8.charAt(i));
    if (v < 0) throw new RangeError(`invalid organisation code character ${body8.charAt(i)}`);
    sum += v * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100 check character over the first 17 characters: 31 - (Σ mod 31), where 31 maps to 0. */
export function computeUsccCheckChar(first17: string): string {
  const s = normaliseUscc(first17);
  if (s.length !== 17) throw new RangeError('need the first 17 characters of the code');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(s.charAt(i));
    if (v < 0) throw new RangeError(`invalid USCC character ${s.charAt(i)}`);
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Validates a 统一社会信用代码. Checks run from the cheapest to the most specific so that the message names the
 * first thing a person should fix (wrong length before a wrong letter before a typo caught by the checksum).
 */
export function validateUscc(s: string): UsccResult {
  const code = normaliseUscc(s);
  if (code.length !== 18) return fail('length', `统一社会信用代码应为18位，当前为${code.length}位`);
  for (const c of code) {
    if (!USCC_CHARSET.includes(c)) {
      return fail('charset', `统一社会信用代码含有非法字符“${c}”（只允许数字和除 I、O、S、V、Z 以外的大写字母）`);
    }
  }
  if (!AUTHORITY_CODES.includes(code.charAt(0))) {
    return fail('format', `第1位登记管理部门代码“${code.charAt(0)}”不存在`);
  }
  if (!/^[1-9]$/.test(code.charAt(1))) return fail('format', `第2位机构类别代码“${code.charAt(1)}”不存在`);
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('format', '第3至8位登记管理机关行政区划码应为6位数字');
  if (computeOrgCodeCheckChar(code.slice(8, 16)) !== code.charAt(16)) {
    return fail('org_code_checksum', '第9至17位主体标识码（组织机构代码）校验位错误，请核对');
  }
  if (computeUsccCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    return fail('checksum', '统一社会信用代码校验位错误，请核对是否输错');
  }
  return { ok: true, code };
}

/** A small deterministic generator (LCG step) so that seeds give stable, different bodies. */
function lcg(x: number): number {
  return (Math.imul(x >>> 0, 1_103_515_245) + 12_345) >>> 0;
}

/**
 * A valid code for tests and demo data: authority 9 (市场监管) type 1 (企业), the given region, an 8-digit
 * organisation body derived from `seed`, both check characters computed. Same seed, same code. The body is
 * digits only so that the organisation check char is the only place an X can appear, as in real codes.
 */
export function makeValidUscc(seed: number, regionCode = '220100'): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('regionCode must be 6 digits');
  const body = String(lcg(seed) % 100_000_000).padStart(8, '0');
  const first17 = `91${regionCode}${body}${computeOrgCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}
