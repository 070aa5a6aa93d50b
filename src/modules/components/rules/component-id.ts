/**
 * Component IDs (构件/部位唯一标识, 二(四)): `QC` + 10 random Crockford base-32 characters (50 bits) + one check
 * character (Luhn mod 32). Random rather than sequential, so a label reveals nothing about other components and
 * cannot be guessed from its neighbour; Crockford's alphabet has no I, L, O or U, so what is read off a label is
 * what was printed; the check character catches every single mistyped character and most swapped neighbours.
 * The human description (building, floor, position, type) is printed beside it, never encoded in it: a corrected
 * description must not change an ID that is already glued to concrete.
 */
export const COMPONENT_ID_PREFIX = 'QC';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 10;
const N = ALPHABET.length;

function luhnSum(chars: string, startFactor: 1 | 2): number {
  let factor = startFactor;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(chars[i]!);
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return sum;
}

export function checkCharacter(body: string): string {
  return ALPHABET[(N - (luhnSum(body, 2) % N)) % N]!;
}

/** A new ID from 7 random bytes (the caller's CSPRNG), of which 50 bits are used. */
export function componentIdFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 7) throw new Error('componentIdFromBytes needs 7 bytes');
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) {
    body = ALPHABET[Number(bits & 31n)]! + body;
    bits >>= 5n;
  }
  return `${COMPONENT_ID_PREFIX}${body}${checkCharacter(body)}`;
}

/**
 * Reads an ID as a person or a scanner may give it: any case, with blanks or hyphens between groups, and with the
 * letters Crockford maps to digits (I, L → 1; O → 0). Returns the canonical form, or null if it is not a valid ID.
 */
export function parseComponentId(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (!s.startsWith(COMPONENT_ID_PREFIX)) return null;
  const body = s.slice(COMPONENT_ID_PREFIX.length).replace(/[IL]/g, '1').replace(/O/g, '0');
  if (body.length !== BODY_LENGTH + 1) return null;
  for (const c of body) if (!ALPHABET.includes(c)) return null;
  if (luhnSum(body, 1) % N !== 0) return null;
  return `${COMPONENT_ID_PREFIX}${body}`;
}

/** Grouped for reading aloud and typing: `QC 7K3M 9P2X Q48`. */
export function formatComponentId(id: string): string {
  const body = id.slice(COMPONENT_ID_PREFIX.length);
  return `${COMPONENT_ID_PREFIX} ${body.slice(0, 4)} ${body.slice(4, 8)} ${body.slice(8)}`;
}
