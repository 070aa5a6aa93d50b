import { sql, type Transaction } from 'kysely';
import type { Database } from './types.ts';

/**
 * Advisory-lock keys, one per kind of work that several processes may start at once and that must happen once.
 * (Migrations use a session-level lock of their own in migrate.ts.)
 */
export const LOCKS = {
  regionSync: 0x51540001,
  demoSeed: 0x51540002,
  catalogueLoad: 0x51540003,
  calendarSync: 0x51540004,
  /** Enforcement: one reassessment of one organisation at a time (second key: hashtext of its id). */
  enforcementReassess: 0x51540b11,
  /** 日常核查 snapshots (issue 6 item 6): one writer per day's versions across processes. */
  dailyCheckSnapshot: 0x51540120,
  /** Ledger (issue 13): one sequencer at a time appends to the Merkle log. */
  ledgerSequencer: 0x51540d13,
} as const;

/** Held until the transaction ends; a second process waits here, then sees the first one's result. */
export async function advisoryXactLock(trx: Transaction<Database>, key: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
