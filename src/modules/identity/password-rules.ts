import { dictionary } from '@zxcvbn-ts/language-common';
import { pinyin } from 'pinyin-pro';
import { badRequest } from '../../kernel/errors.ts';
import { PASSWORD_MIN_CHARACTER_CLASSES, PASSWORD_MIN_LENGTH, PASSWORD_NAME_PART_MIN_LENGTH } from '../../kernel/policy.ts';

/**
 * Passwords people choose (issue 15 item 1; 等保 2.0 "口令复杂度"). Beyond length and character classes, a password is
 * refused when it contains the user name, the person's name in pinyin, or is a commonly used password — the first
 * things a guesser tries, and all allowed by the class rule ("Wangjianguo1!", "P@ssw0rd").
 */

/**
 * Common passwords: the 49 233 of zxcvbn-ts's common list (from leaked-password corpora), and the patterns Chinese
 * users favour that it lacks (from published analyses of the CSDN / 12306 leaks).
 */
const COMMON: ReadonlySet<string> = new Set([
  ...(dictionary['passwords-common'] as string[]),
  'woaini1314', 'woaini520', 'woaini521', '5201314', '1314520', 'aini1314', 'iloveyou1314', 'qq123456', 'qq5201314',
  'aa123456', 'abc123456', 'a1234567', 'a12345678', 'admin888', 'admin666', 'admin123456', '1qaz2wsx3edc', 'zxcvbnm123',
  'asd123456', 'qwe123456', 'qwe123', 'asdf1234', 'zhang123', 'wang123', 'li123456', 'password123', 'p@ssword',
]);

/** Who the password is for: the rules compare against these. */
export interface PasswordOwner {
  username: string;
  displayName: string;
}

/** Throws 400 with the field when the password breaks a rule; the message says which, in Chinese. */
export function checkPasswordStrength(password: string, field: string, owner: PasswordOwner): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw badRequest('PASSWORD_TOO_SHORT', `密码至少 ${PASSWORD_MIN_LENGTH} 位`, field);
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < PASSWORD_MIN_CHARACTER_CLASSES) {
    throw badRequest('PASSWORD_TOO_WEAK', '密码须包含大写字母、小写字母、数字、符号中的至少三类', field);
  }
  const lower = password.toLowerCase();
  if (usernameParts(owner.username).some((part) => lower.includes(part))) {
    throw badRequest('PASSWORD_CONTAINS_USERNAME', '密码不能包含用户名', field);
  }
  if (namePinyin(owner.displayName).some((part) => lower.includes(part))) {
    throw badRequest('PASSWORD_CONTAINS_NAME', '密码不能包含本人姓名的拼音', field);
  }
  if (isCommonPassword(password)) {
    throw badRequest('PASSWORD_COMMON', '该密码属于常见密码，容易被猜中，请换一个', field);
  }
}

/** The user name and its parts split at dots, dashes and underscores ("officer.nanguan" → also "nanguan"). */
export function usernameParts(username: string): string[] {
  const u = username.trim().toLowerCase();
  const parts = [u, ...u.split(/[._-]+/)];
  return [...new Set(parts.filter((p) => p.length >= PASSWORD_NAME_PART_MIN_LENGTH))];
}

/**
 * The person's name in pinyin as people type it in passwords: full name, surname first ("wangjianguo"), given name
 * ("jianguo"), given name then surname ("jianguowang"), and the initials with the given name ("wjianguo"). Surnames
 * read as surnames (单 → shan). Short parts are left out: a rule that refuses every password with "li" in it would
 * only teach people to ignore it.
 */
export function namePinyin(displayName: string): string[] {
  const name = displayName.replace(/\s+/g, '');
  if (!/\p{Script=Han}/u.test(name)) {
    const latin = name.toLowerCase().replace(/[^a-z]/g, '');
    return latin.length >= PASSWORD_NAME_PART_MIN_LENGTH ? [latin] : [];
  }
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  if (syllables.length === 0) return [];
  // Two-character surnames (欧阳, 司马 …) are rare enough that the first syllable stands for the surname here.
  const [surname, ...given] = syllables as [string, ...string[]];
  const givenName = given.join('');
  const candidates = [syllables.join(''), givenName, givenName + surname, surname[0] + givenName];
  return [...new Set(candidates.filter((c) => c.length >= PASSWORD_NAME_PART_MIN_LENGTH))];
}

/** On the list as typed, or once symbols are taken out ("P@ss-word1" is "password1" to a guesser's rules too). */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON.has(lower) || COMMON.has(lower.replace(/[^a-z0-9]/g, ''));
}
