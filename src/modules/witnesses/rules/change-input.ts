import { beijingDate } from '../../../kernel/time.ts';

export interface InputProblem {
  code: string;
  message: string;
  /** Which of the checked inputs is at fault; the caller prefixes its path (`body.changedAt`). */
  field: 'changedAt' | 'signedOn';
}

/**
 * Timing checks on a declared change (untrusted input), against the platform's `now`:
 * the change has happened (not in the future), the written authorization is signed (not after today in Beijing),
 * and a change cannot take effect before the document that makes it was signed.
 */
export function checkChangeTiming(input: { changedAt: Date | null; signedOn: string | null }, now: Date): InputProblem | null {
  if (input.signedOn !== null && input.signedOn > beijingDate(now)) {
    return { code: 'SIGNED_ON_IN_FUTURE', message: `授权书签署日期 ${input.signedOn} 晚于今天`, field: 'signedOn' };
  }
  if (input.changedAt === null) return null;
  if (input.changedAt.getTime() > now.getTime()) {
    return { code: 'CHANGED_AT_IN_FUTURE', message: '变更发生时间不能晚于当前时间：请在变更发生后登记', field: 'changedAt' };
  }
  if (input.signedOn !== null && beijingDate(input.changedAt) < input.signedOn) {
    return {
      code: 'CHANGED_BEFORE_SIGNED',
      message: `变更发生日期 ${beijingDate(input.changedAt)} 早于授权书签署日期 ${input.signedOn}`,
      field: 'changedAt',
    };
  }
  return null;
}
