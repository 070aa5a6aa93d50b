/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the byte string a device signs over a raw record, so that the
 * platform and every device agree on it whatever whitespace or key order their JSON libraries produce.
 * Object keys are sorted by UTF-16 code units; numbers and strings are serialised as ECMAScript's JSON.stringify
 * does (which is what RFC 8785 specifies); non-finite numbers and other non-JSON values are refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JCS: numbers must be finite');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
    // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 requires.
    keys.sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  throw new TypeError(`JCS: cannot serialise a ${typeof value}`);
}
