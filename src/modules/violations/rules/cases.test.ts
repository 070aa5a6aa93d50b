import { describe, expect, it } from 'vitest';
import { keySupervision, planProposal, settleViolation, type CaseFacts, type SettlementViolation } from './cases.ts';
import type { LadderProposal } from './ladder.ts';

const at = (s: string) => new Date(`${s}+08:00`);
const c = (over: Partial<CaseFacts>): CaseFacts => ({
  id: 'c',
  rung: 'interview',
  status: 'proposed',
  outcome: null,
  reasons: ['first_minor_violation'],
  violationIds: ['v1'],
  confirmedAt: null,
  dueAt: null,
  closedAt: null,
  interviewHeldAt: null,
  reportSubmittedAt: null,
  ...over,
});
const interview: LadderProposal = { rung: 'interview', reasons: ['first_minor_violation'], keySupervision: false };
const rect: LadderProposal = { rung: 'rectification', reasons: ['violations_reached_rectification'], keySupervision: true };
const penalty: LadderProposal = { rung: 'penalty', reasons: ['serious_violation'], keySupervision: true };

describe('planProposal (idempotent reassessment)', () => {
  it.each<[string, LadderProposal, string[], CaseFacts[], object]>([
    ['nothing to propose', { rung: 'none', reasons: [], keySupervision: false }, [], [], { propose: false, why: 'no_rung' }],
    ['first violation, no case → interview', interview, ['v1'], [], { propose: true, rung: 'interview', supersede: [] }],
    ['the same proposal again → nothing (one open proposal)', interview, ['v1'], [c({})], { propose: false, why: 'open_case' }],
    ['confirmed interview in progress → nothing', interview, ['v1'], [c({ status: 'confirmed' })], { propose: false, why: 'open_case' }],
    ['interview held for the same violation → nothing', interview, ['v1'], [c({ status: 'closed', outcome: 'held' })], { propose: false, why: 'already_handled' }],
    ['dismissed with the same facts → nothing', interview, ['v1'], [c({ status: 'dismissed' })], { propose: false, why: 'dismissed' }],
    ['second violation supersedes the unconfirmed interview', rect, ['v1', 'v2'], [c({ id: 'i' })], { propose: true, rung: 'rectification', supersede: ['i'] }],
    ['second violation beside a confirmed interview: both proceed', rect, ['v1', 'v2'], [c({ status: 'confirmed' })], { propose: true, rung: 'rectification', supersede: [] }],
    ['a closed penalty covers a lower rung with the same facts', rect, ['v1', 'v2'], [c({ rung: 'penalty', status: 'closed', outcome: 'decided', violationIds: ['v1', 'v2'], reasons: ['violations_reached_rectification', 'serious_violation'] })], { propose: false, why: 'already_handled' }],
    ['a new violation after a decided penalty → a new penalty proposal', penalty, ['v1', 'v2'], [c({ rung: 'penalty', status: 'closed', outcome: 'decided', violationIds: ['v1'], reasons: ['serious_violation'] })], { propose: true, rung: 'penalty', supersede: [] }],
    ['dismissed rectification, then a new violation → propose again', rect, ['v1', 'v2', 'v3'], [c({ rung: 'rectification', status: 'dismissed', violationIds: ['v1', 'v2'], reasons: ['violations_reached_rectification'] })], { propose: true, rung: 'rectification', supersede: [] }],
    ['a dismissed interview does not stop a rectification', rect, ['v1', 'v2'], [c({ status: 'dismissed' })], { propose: true, rung: 'rectification', supersede: [] }],
  ])('%s', (_l, proposal, ids, cases, expected) => {
    expect(planProposal(proposal, ids, cases)).toEqual(expected);
  });
});

describe('settleViolation (五 trial period)', () => {
  const may: SettlementViolation = { id: 'v1', type: 'late_upload', occurredAt: at('2026-05-10T10:00:00'), intentional: false };
  const now = at('2026-06-20T00:00:00');
  const due = at('2026-06-01T00:00:00');
  const heldInterview = c({ status: 'closed', outcome: 'held', confirmedAt: at('2026-05-11T00:00:00'), dueAt: due, closedAt: due, interviewHeldAt: due });
  const acceptedRect = (submitted: Date) =>
    c({ rung: 'rectification', status: 'closed', outcome: 'accepted', confirmedAt: at('2026-05-11T00:00:00'), dueAt: due, closedAt: now, reportSubmittedAt: submitted });
  it.each<[string, typeof may, CaseFacts[], Date, string]>([
    ['July: counts at once', { ...may, occurredAt: at('2026-07-01T00:00:00') }, [], now, 'counts'],
    ['last instant of June, no case yet: pending', { ...may, occurredAt: at('2026-06-30T23:59:59.999') }, [], now, 'pending'],
    ['tampering in May: counts', { ...may, type: 'tampered_data' }, [], now, 'counts'],
    ['found intentional: counts', { ...may, intentional: true }, [], now, 'counts'],
    ['interview proposed: pending', may, [c({})], now, 'pending'],
    ['interview held exactly at its due time: exempt', may, [heldInterview], now, 'exempt'],
    ['interview held 1 ms late: counts', may, [{ ...heldInterview, interviewHeldAt: new Date(due.getTime() + 1) }], now, 'counts'],
    ['interview confirmed, due passed, not held: counts', may, [c({ status: 'confirmed', dueAt: due, confirmedAt: at('2026-05-11T00:00:00') })], now, 'counts'],
    ['interview confirmed, due exactly now: pending', may, [c({ status: 'confirmed', dueAt: now, confirmedAt: at('2026-05-11T00:00:00') })], now, 'pending'],
    ['interview held, intent undetermined: pending the finding', { ...may, intentional: null }, [heldInterview], now, 'pending'],
    ['interview late, intent undetermined: counts', { ...may, intentional: null }, [{ ...heldInterview, interviewHeldAt: new Date(due.getTime() + 1) }], now, 'counts'],
    ['interview held, rectification accepted, report on time: exempt', may, [heldInterview, acceptedRect(due)], now, 'exempt'],
    ['rectification report 1 ms late: counts', may, [heldInterview, acceptedRect(new Date(due.getTime() + 1))], now, 'counts'],
    ['rectification rejected: counts', may, [c({ rung: 'rectification', status: 'closed', outcome: 'rejected', dueAt: due, closedAt: now })], now, 'counts'],
    ['a confirmed penalty: counts', may, [c({ rung: 'penalty', status: 'confirmed', confirmedAt: now })], now, 'counts'],
    ['a dismissed proposal: counts', may, [c({ status: 'dismissed' })], now, 'counts'],
    ['superseded proposals are ignored', may, [c({ status: 'superseded' })], now, 'pending'],
  ])('%s → %s', (_l, v, cases, when, expected) => {
    expect(settleViolation(v, cases, when)).toBe(expected);
  });
});

describe('keySupervision (重点监管名单)', () => {
  const now = at('2026-10-01T00:00:00');
  it.each<[string, Parameters<typeof keySupervision>[0], Date, object]>([
    ['no cases', { cases: [], lastViolationAt: null }, now, { member: false }],
    ['an interview only is not on the list', { cases: [c({ status: 'closed', outcome: 'held', confirmedAt: at('2026-03-01T00:00:00'), closedAt: at('2026-03-05T00:00:00') })], lastViolationAt: at('2026-02-01T00:00:00') }, now, { member: false }],
    ['a proposed rectification is not yet', { cases: [c({ rung: 'rectification' })], lastViolationAt: at('2026-02-01T00:00:00') }, now, { member: false }],
    ['a confirmed rectification: on the list with no end yet', { cases: [c({ rung: 'rectification', status: 'confirmed', confirmedAt: at('2026-05-01T00:00:00'), reasons: ['violations_reached_rectification'] })], lastViolationAt: at('2026-04-01T00:00:00') }, now, { member: true, since: at('2026-05-01T00:00:00'), leavesAt: null, rung: 'rectification', reasons: ['violations_reached_rectification'] }],
    ['closed: stays 12 months after the closing', { cases: [c({ rung: 'rectification', status: 'closed', outcome: 'accepted', confirmedAt: at('2026-05-01T00:00:00'), closedAt: at('2026-06-01T00:00:00') })], lastViolationAt: at('2026-04-01T00:00:00') }, now, { member: true, leavesAt: at('2027-06-01T00:00:00') }],
    ['… and a later violation extends the stay', { cases: [c({ rung: 'rectification', status: 'closed', outcome: 'accepted', confirmedAt: at('2026-05-01T00:00:00'), closedAt: at('2026-06-01T00:00:00') })], lastViolationAt: at('2026-09-01T00:00:00') }, now, { member: true, leavesAt: at('2027-09-01T00:00:00') }],
    ['leaves exactly 12 months after', { cases: [c({ rung: 'penalty', status: 'closed', outcome: 'decided', confirmedAt: at('2025-09-01T00:00:00'), closedAt: at('2025-10-01T00:00:00') })], lastViolationAt: at('2025-08-01T00:00:00') }, now, { member: false }],
    ['… 1 ms before, still on it', { cases: [c({ rung: 'penalty', status: 'closed', outcome: 'decided', confirmedAt: at('2025-09-01T00:00:00'), closedAt: at('2025-10-01T00:00:00') })], lastViolationAt: at('2025-08-01T00:00:00') }, new Date(now.getTime() - 1), { member: true, rung: 'penalty' }],
    ['a new stay after an ended one starts anew', {
      cases: [
        c({ rung: 'penalty', status: 'closed', outcome: 'decided', confirmedAt: at('2024-01-01T00:00:00'), closedAt: at('2024-02-01T00:00:00'), reasons: ['serious_violation'] }),
        c({ rung: 'rectification', status: 'confirmed', confirmedAt: at('2026-08-01T00:00:00'), reasons: ['supplementary_uploads_exceeded'] }),
      ],
      lastViolationAt: at('2024-01-01T00:00:00'),
    }, now, { member: true, since: at('2026-08-01T00:00:00'), rung: 'rectification', reasons: ['supplementary_uploads_exceeded'] }],
  ])('%s', (_l, input, when, expected) => {
    expect(keySupervision(input, when)).toMatchObject(expected);
  });
});
