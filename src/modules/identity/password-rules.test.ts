import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.ts';
import { checkPasswordStrength, isCommonPassword, namePinyin, usernameParts } from './password-rules.ts';

const owner = { username: 'officer.nanguan', displayName: '王建国' };
const codeOf = (password: string, who = owner): string | null => {
  try {
    checkPasswordStrength(password, 'body.password', who);
    return null;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    expect(e.field).toBe('body.password');
    return e.code;
  }
};

describe('checkPasswordStrength', () => {
  it.each([
    ['Qx7!vR2m', null],
    ['Demo@2026', null],
    ['Qx7!vR2', 'PASSWORD_TOO_SHORT'],
    ['qx7vr2mk', 'PASSWORD_TOO_WEAK'],
    ['Officer.Nanguan1', 'PASSWORD_CONTAINS_USERNAME'],
    ['Nanguan#2026', 'PASSWORD_CONTAINS_USERNAME'],
    ['Wangjianguo1!', 'PASSWORD_CONTAINS_NAME'],
    ['Jianguo@1985', 'PASSWORD_CONTAINS_NAME'],
    ['JIANGUOWANG#1', 'PASSWORD_CONTAINS_NAME'],
    ['wjianguo#A1', 'PASSWORD_CONTAINS_NAME'],
    ['Wang#2026abc', null],
    ['P@ssw0rd', 'PASSWORD_COMMON'],
    ['Password1!', 'PASSWORD_COMMON'],
    ['Woaini1314!', 'PASSWORD_COMMON'],
    ['1qaz@WSX', 'PASSWORD_COMMON'],
    ['Admin@123', 'PASSWORD_COMMON'],
  ])('%s → %s', (password, code) => {
    expect(codeOf(password)).toBe(code);
  });

  it('reads surnames as surnames and leaves short parts out', () => {
    expect(namePinyin('单雄信')).toContain('shanxiongxin');
    expect(namePinyin('李强')).toEqual(['liqiang', 'qiang', 'qiangli', 'lqiang']);
    expect(namePinyin('王一')).toEqual(['wangyi', 'yiwang']);
    expect(namePinyin('Anna Li')).toEqual(['annali']);
    expect(usernameParts('jz.li')).toEqual(['jz.li']);
    expect(usernameParts('li')).toEqual([]);
    expect(usernameParts('jz.tester')).toEqual(['jz.tester', 'tester']);
  });

  it('finds common passwords with their symbols taken out', () => {
    expect(isCommonPassword('Q-W-E-R-T-Y')).toBe(true);
    expect(isCommonPassword('Tq8#Lw2!Zp')).toBe(false);
  });
});
