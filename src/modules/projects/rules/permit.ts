/**
 * 施工许可证号 (construction permit number). Formats differ between years and issuers (18-digit national numbers,
 * older local ones with letters and hyphens), so any plausible text is accepted; what must be unique is its key:
 * full-width characters folded (NFKC), blanks removed, letters upper-cased — the same permit typed twice is caught.
 */
const ALLOWED = /^[0-9A-Z\-_/()（）〔〕[\]\u4e00-\u9fff]{6,50}$/;

export type PermitCheck = { ok: true; display: string; key: string } | { ok: false; message: string };

export function normalisePermitNumber(raw: string): PermitCheck {
  const display = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const key = display.replace(/\s/g, '').toUpperCase();
  if (key.length < 6) return { ok: false, message: '施工许可证号至少 6 个字符' };
  if (!ALLOWED.test(key)) return { ok: false, message: '施工许可证号只能包含数字、字母、汉字、括号和连接符' };
  return { ok: true, display, key };
}
