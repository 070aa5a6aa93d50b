import { describe, expect, it } from 'vitest';
import { isViolationType, severityOf, VIOLATION_TYPE_LABELS, VIOLATION_TYPES, type ViolationType } from './types.ts';

describe('violation types', () => {
  it.each<[ViolationType, 'minor' | 'serious']>([
    ['late_upload', 'minor'],
    ['missing_upload', 'minor'],
    ['tampered_data', 'serious'],
    ['synthesized_image', 'serious'],
    ['fabricated_data', 'serious'],
    ['manual_entry_instead_of_auto', 'serious'],
    ['unregistered_witness', 'minor'],
    ['proxy_witness', 'serious'],
    ['witness_change_late', 'minor'],
    ['no_double_review', 'minor'],
    ['unqualified_commission', 'minor'],
    ['other', 'minor'],
  ])('%s is %s', (type, severity) => {
    expect(severityOf(type)).toBe(severity);
  });

  it('every type has a Chinese label and the table above covers them all', () => {
    expect(VIOLATION_TYPES).toHaveLength(12);
    for (const t of VIOLATION_TYPES) expect(VIOLATION_TYPE_LABELS[t]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('recognises only the listed codes', () => {
    expect(isViolationType('late_upload')).toBe(true);
    expect(isViolationType('toString')).toBe(false);
    expect(isViolationType('LATE_UPLOAD')).toBe(false);
  });
});
