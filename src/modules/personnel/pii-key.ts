import { KeyFileError, resolveKey, type ResolvedKey } from '../../kernel/crypto/key-file.ts';

/**
 * The key that protects personal ID numbers (身份证号) at rest, resolved by the kernel's key-file rule.
 *
 * - `PII_KEY`: base64 of 32 random bytes (`openssl rand -base64 32`). Required in practice when several processes
 *   share one PostgreSQL database: every process must hold the same key.
 * - otherwise `DATA_DIR/pii.key` (`DATA_DIR` as in the configuration, default `./data`): read, or created once with
 *   mode 0600. Back it up apart from the database: without it stored numbers cannot be revealed, and a database dump
 *   alone does not expose them.
 * A process whose key differs from the one the stored records were written with refuses to write or reveal them
 * (see PII_KEY_MISMATCH in the personnel service), so a forgotten PII_KEY on one node cannot mix keys.
 */
export const PII_KEY_BYTES = 32;
export const PII_KEY_FILE = 'pii.key';

export { KeyFileError as PiiKeyError };
export type ResolvedPiiKey = ResolvedKey;

export function resolvePiiKey(env: NodeJS.ProcessEnv): ResolvedPiiKey {
  return resolveKey({ envName: 'PII_KEY', fileName: PII_KEY_FILE, bytes: PII_KEY_BYTES }, env);
}

let cached: Buffer | undefined;

/** The process's key, resolved once from `process.env`. */
export function piiKey(): Buffer {
  cached ??= resolvePiiKey(process.env).key;
  return cached;
}
