import { WITNESS_CHANGE_WORKING_DAYS } from '../../../kernel/policy.ts';
import { beijingDate } from '../../../kernel/time.ts';
import { addWorkingDays, type WorkCalendar } from '../../calendar/index.ts';

export interface WitnessChangeDeadline {
  /** The Beijing date of the change: the day from which the working days are counted (itself not counted). */
  changedOn: string;
  dueDate: string;
  /** End of the due day, 23:59:59.999 Beijing time. */
  dueAt: Date;
  /** True when the count ran through a year whose official calendar is not loaded (weekends-only fallback). */
  provisional: boolean;
  uncoveredYears: number[];
}

/**
 * 二(二): "变更的应在3个工作日内完成更新注册". The change's Beijing date is day 0; the registration is due by the end of
 * the WITNESS_CHANGE_WORKING_DAYS-th working day after it, on the official calendar (see addWorkingDays).
 */
export function witnessChangeDeadline(cal: WorkCalendar, changedAt: Date): WitnessChangeDeadline {
  const changedOn = beijingDate(changedAt);
  const d = addWorkingDays(cal, changedOn, WITNESS_CHANGE_WORKING_DAYS);
  return { changedOn, dueDate: d.date, dueAt: d.dueAt, provisional: d.provisional, uncoveredYears: d.uncoveredYears };
}

export interface WitnessChangeAssessment extends WitnessChangeDeadline {
  late: boolean;
}

/** Late means registered after the due instant: the whole due day, to its last millisecond, is on time. */
export function assessWitnessChange(cal: WorkCalendar, changedAt: Date, registeredAt: Date): WitnessChangeAssessment {
  const d = witnessChangeDeadline(cal, changedAt);
  return { ...d, late: registeredAt.getTime() > d.dueAt.getTime() };
}
