/**
 * 统一社会信用代码 for the browser tests, computed here from the standards rather than taken from the server:
 * GB 11714-1997 for the organisation-code check character (position 17) and GB 32100-2015 for the final one (18).
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charAt(i);
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i]!;
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** A valid code: 9 (市场监管) 1 (企业), the region, a random 8-digit body and both check characters. */
export function validUscc(regionCode = '220102'): string {
  const body = String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0');
  const first17 = `91${regionCode}${body}${orgCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/** The same code with a wrong final check character: right length and characters, fails only the checksum. */
export function withWrongCheckChar(code: string): string {
  const right = code.charAt(17);
  const wrong = CHARSET.charAt((CHARSET.indexOf(right) + 1) % CHARSET.length);
  return code.slice(0, 17) + wrong;
}
