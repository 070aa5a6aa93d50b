import type { Kysely } from 'kysely';
import { resolveKey } from '../../kernel/crypto/key-file.ts';
import type { Config } from '../../kernel/config.ts';
import type { Database } from '../../kernel/db/types.ts';
import { LEDGER_ORIGIN_SUFFIX } from '../../kernel/policy.ts';
import { makeSigner, type NoteSigner } from './note.ts';
import './tables.ts';

/**
 * The log key: an Ed25519 seed, `LEDGER_KEY` (base64 of 32 bytes) or `DATA_DIR/ledger.key` created once (mode 0600),
 * the same rule as PII_KEY. Every process sharing one database must hold the same key; the first start records the
 * origin and public key in `ledger_identity`, and a process with another key refuses to sign.
 */
export const LEDGER_KEY_FILE = 'ledger.key';

export class LedgerKeyMismatchError extends Error {}

export interface LedgerLog {
  origin: string;
  signer: NoteSigner;
}

export function ledgerSeed(config: Pick<Config, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Buffer {
  return resolveKey({ envName: 'LEDGER_KEY', fileName: LEDGER_KEY_FILE, bytes: 32 }, { LEDGER_KEY: env.LEDGER_KEY, DATA_DIR: config.dataDir }).key;
}

export function defaultOrigin(config: Pick<Config, 'publicBaseUrl' | 'host'>): string {
  const host = config.publicBaseUrl ? new URL(config.publicBaseUrl).host : config.host === '0.0.0.0' ? 'localhost' : config.host;
  return `${host}/${LEDGER_ORIGIN_SUFFIX}`;
}

const opened = new WeakMap<object, Promise<LedgerLog>>();

/** The log of this database (origin fixed at first start), with this process's signer; cached per database handle. */
export function openLedgerLog(db: Kysely<Database>, config: Pick<Config, 'dataDir' | 'publicBaseUrl' | 'host'>, now: Date): Promise<LedgerLog> {
  let p = opened.get(db);
  if (!p) {
    p = (async () => {
      const seed = ledgerSeed(config);
      const probe = makeSigner(defaultOrigin(config), seed);
      await db
        .insertInto('ledger_identity')
        .values({ origin: probe.name, public_key: probe.publicKey.toString('base64'), created_at: now })
        .onConflict((oc) => oc.column('one').doNothing())
        .execute();
      const id = await db.selectFrom('ledger_identity').selectAll().executeTakeFirstOrThrow();
      if (id.public_key !== probe.publicKey.toString('base64')) {
        throw new LedgerKeyMismatchError(`LEDGER_KEY differs from the key this log was created with (${id.origin}); every process must hold the same LEDGER_KEY`);
      }
      return { origin: id.origin, signer: makeSigner(id.origin, seed) };
    })();
    p.catch(() => opened.delete(db));
    opened.set(db, p);
  }
  return p;
}
