import type { Specialty } from '../../../kernel/specialties.ts';

/**
 * Whether a commission (委托) lets an agency test a specialty at an instant — the commission's own part of the
 * answer (the agency's qualification at that instant is checked beside it, from the registry):
 * it must be this agency's, already made, not terminated by then, and name the specialty.
 */
export interface CommissionFacts {
  agencyId: string;
  specialties: readonly Specialty[];
  createdAt: Date;
  /** When the construction unit terminated it; null while in force. */
  terminatedAt: Date | null;
}

export type CoverageRefusal =
  | 'COMMISSION_OTHER_AGENCY'
  | 'COMMISSION_NOT_YET_MADE'
  | 'COMMISSION_TERMINATED'
  | 'COMMISSION_SPECIALTY_NOT_COVERED';

export function commissionRefusal(c: CommissionFacts, agencyId: string, specialty: Specialty, at: Date): CoverageRefusal | null {
  if (c.agencyId !== agencyId) return 'COMMISSION_OTHER_AGENCY';
  if (at.getTime() < c.createdAt.getTime()) return 'COMMISSION_NOT_YET_MADE';
  // Terminated at T: work at T or later is no longer covered; work before T was.
  if (c.terminatedAt !== null && at.getTime() >= c.terminatedAt.getTime()) return 'COMMISSION_TERMINATED';
  if (!c.specialties.includes(specialty)) return 'COMMISSION_SPECIALTY_NOT_COVERED';
  return null;
}

/**
 * Whether a market restriction (限制市场准入, 四(二)) is in force at `at`: from its start (inclusive) until its end
 * (exclusive) or, if it has none, until it is lifted (exclusive).
 */
export interface RestrictionFacts {
  restrictedFrom: Date;
  restrictedUntil: Date | null;
  liftedAt: Date | null;
}

export function restrictionInForce(r: RestrictionFacts, at: Date): boolean {
  const t = at.getTime();
  if (t < r.restrictedFrom.getTime()) return false;
  if (r.restrictedUntil !== null && t >= r.restrictedUntil.getTime()) return false;
  if (r.liftedAt !== null && t >= r.liftedAt.getTime()) return false;
  return true;
}
