import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { ApiError } from '../api.ts';
import { PASSWORD_MIN_CHARACTER_CLASSES, PASSWORD_MIN_LENGTH } from '../../../src/kernel/policy.ts';

/**
 * Puts a server error next to the form field it names (`field: 'body.uscc'` → the `uscc` item).
 * Returns false when the error names no field of this form, so the caller shows it above the form instead.
 */
export function showFieldError<T>(form: FormInstance<T>, e: unknown, fields: readonly string[]): boolean {
  if (!(e instanceof ApiError)) return false;
  const name = e.fieldName;
  if (!name || !fields.includes(name)) return false;
  form.setFields([{ name: name as never, errors: [e.message] }]);
  form.scrollToField(name as never, { block: 'center' });
  return true;
}

/** The platform's password rule (from the server's policy module, one source), shown before the server refuses. */
export { PASSWORD_MIN_LENGTH };

export function passwordProblem(value: string): string | null {
  if (value.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(value)).length;
  if (classes < PASSWORD_MIN_CHARACTER_CLASSES) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}

export const passwordRule = {
  validator: (_: unknown, value: string | undefined) => {
    if (!value) return Promise.resolve();
    const problem = passwordProblem(value);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

/** A strong random password for an initial or reset password (the person must change it at first login). */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%&*+=?'];
  const all = sets.join('');
  const pick = (s: string) => s.charAt(crypto.getRandomValues(new Uint32Array(1))[0]! % s.length);
  const chars = [...sets.map(pick), ...Array.from({ length: 8 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/**
 * For forms whose items do not mirror the request body one to one. `map` turns the server's path — without `body.`
 * and without list indexes, e.g. `filing.validTo` or `calibration.documentId` — into the form item it belongs to;
 * the longest matching prefix wins. Returns false when nothing matches (show the error above the form).
 */
export function showMappedFieldError<T>(form: FormInstance<T>, e: unknown, map: Record<string, NamePath>): boolean {
  if (!(e instanceof ApiError) || !e.field) return false;
  const parts = e.field.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  if (['body', 'query', 'querystring', 'params'].includes(parts[0] ?? '')) parts.shift();
  for (let n = parts.length; n > 0; n--) {
    const target = map[parts.slice(0, n).join('.')];
    if (target !== undefined) {
      form.setFields([{ name: target as never, errors: [e.message] }]);
      form.scrollToField(target as never, { block: 'center' });
      return true;
    }
  }
  return false;
}

/** The date range of a validity period must not be inverted; a RangePicker cannot, but a cleared end can. */
export const requiredRange = (label: string) => ({
  validator: (_: unknown, v: unknown) =>
    Array.isArray(v) && v[0] && v[1] ? Promise.resolve() : Promise.reject(new Error(`请选择${label}`)),
});
