import { CALIBRATION_WARNING_DAYS, durations } from '../../../kernel/policy.ts';
import { isValidAt, validityEnd, validityStart, type ValidityPeriod } from '../../../kernel/time.ts';

/**
 * Calibration (检定/校准) state of one piece of equipment at an instant. Certificates are day-dated (see
 * validity.ts): equipment becomes unusable at the exclusive end of its last certificate in force, from that instant.
 */
export type CalibrationState = 'valid' | 'expiring' | 'not_in_force' | 'none';

export interface CalibrationStatus {
  state: CalibrationState;
  /** The instant (exclusive) the current, unbroken coverage ends; null when nothing is in force now. */
  validUntil: Date | null;
  /** The console's warning (⚙ CALIBRATION_WARNING_DAYS ahead): coverage ends within that many days. */
  warning: boolean;
}

/**
 * End of unbroken coverage from `now`: a renewal recorded in advance that starts no later than the current
 * certificate's end extends it, so a device calibrated again before expiry gives no warning.
 */
export function coverageEnd(calibrations: ValidityPeriod[], now: Date): Date | null {
  const inForce = calibrations.filter((c) => isValidAt(c, now));
  if (inForce.length === 0) return null;
  let end = Math.max(...inForce.map((c) => validityEnd(c.validTo).getTime()));
  for (let extended = true; extended; ) {
    extended = false;
    for (const c of calibrations) {
      const s = validityStart(c.validFrom).getTime();
      const e = validityEnd(c.validTo).getTime();
      if (s <= end && e > end) {
        end = e;
        extended = true;
      }
    }
  }
  return new Date(end);
}

export function calibrationStatus(calibrations: ValidityPeriod[], now: Date): CalibrationStatus {
  const until = coverageEnd(calibrations, now);
  if (until === null) return { state: calibrations.length === 0 ? 'none' : 'not_in_force', validUntil: null, warning: false };
  const warning = until.getTime() - now.getTime() <= CALIBRATION_WARNING_DAYS * durations.DAY;
  return { state: warning ? 'expiring' : 'valid', validUntil: until, warning };
}
