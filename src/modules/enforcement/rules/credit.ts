import {
  CREDIT_BASE_SCORE,
  CREDIT_CLEAN_YEAR_BONUS,
  CREDIT_DEDUCTION,
  CREDIT_DISHONESTY_RESTRICTION_MONTHS,
  CREDIT_LEVELS,
  CREDIT_PENALTY_DEDUCTION,
  CREDIT_SERIOUS_RESTRICTION_MONTHS,
} from '../../../kernel/policy.ts';

export type CreditLevel = (typeof CREDIT_LEVELS)[number]['level'];

export interface CreditViolation {
  severity: 'minor' | 'serious';
  /** Trial-period exemption (see ladder.ts): stays in the history, out of the score. */
  exemptFromCredit: boolean;
  decidedAt: Date;
}

export interface CreditInput {
  year: number;
  violations: readonly CreditViolation[];
  /** Administrative penalties decided this year (each an adverse credit record). */
  penalties: number;
  /** A finding of dishonesty (失信), e.g. fabricated data, this year. */
  dishonest: boolean;
  /** Had the organisation a whole previous calendar year on the platform without any violation? */
  previousYearClean: boolean;
}

export interface CreditAssessment {
  score: number;
  level: CreditLevel;
  downgraded: boolean;
  /** Market access restricted until this instant (exclusive), or null. */
  restrictedUntil: Date | null;
  breakdown: { base: number; bonus: number; deductions: number };
}

const levelOf = (score: number): CreditLevel => CREDIT_LEVELS.find((l) => score >= l.min)!.level;
const lower = (l: CreditLevel): CreditLevel => CREDIT_LEVELS[Math.min(CREDIT_LEVELS.findIndex((x) => x.level === l) + 1, CREDIT_LEVELS.length - 1)]!.level;

function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** The credit model (⚙, explained in docs/credit.md). Pure: the same year of facts gives the same assessment. */
export function assessCredit(input: CreditInput): CreditAssessment {
  const counted = input.violations.filter((v) => !v.exemptFromCredit);
  const deductions = counted.reduce((s, v) => s + CREDIT_DEDUCTION[v.severity], 0) + input.penalties * CREDIT_PENALTY_DEDUCTION;
  const bonus = input.previousYearClean && input.violations.length === 0 ? CREDIT_CLEAN_YEAR_BONUS : 0;
  const score = CREDIT_BASE_SCORE + bonus - deductions;
  let level = levelOf(score);
  let downgraded = false;
  let restrictedUntil: Date | null = null;
  const serious = counted.filter((v) => v.severity === 'serious').sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime());
  if (input.dishonest) {
    downgraded = level !== 'D';
    level = 'D';
  } else if (serious.length > 0) {
    const l = lower(level);
    downgraded = l !== level;
    level = l;
  }
  if (serious.length > 0) restrictedUntil = addMonths(serious[0]!.decidedAt, input.dishonest ? CREDIT_DISHONESTY_RESTRICTION_MONTHS : CREDIT_SERIOUS_RESTRICTION_MONTHS);
  return { score, level, downgraded, restrictedUntil, breakdown: { base: CREDIT_BASE_SCORE, bonus, deductions } };
}
