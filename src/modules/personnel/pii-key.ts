import { chmodSync, closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * The key that protects personal ID numbers (身份证号) at rest. Deliberately free of the kernel, so that scripts and
 * the demo seed resolve the same key as the API without building an application.
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

export class PiiKeyError extends Error {}

export interface ResolvedPiiKey {
  key: Buffer;
  source: 'env' | 'file';
  /** The key file, when `source` is `file`. */
  path?: string;
}

function decode(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(t) ? Buffer.from(t, 'base64') : Buffer.alloc(0);
  if (key.length !== PII_KEY_BYTES) {
    throw new PiiKeyError(`${where} must be base64 of exactly ${PII_KEY_BYTES} bytes (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`);
  }
  return key;
}

/** Reads the key file, refusing one that others can read. */
function readKeyFile(path: string): Buffer {
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new PiiKeyError(`${path} is readable by other users; run \`chmod 600 ${path}\``);
  }
  return decode(readFileSync(path, 'utf8'), path);
}

/**
 * Creates the key file atomically: written to a private temporary file, then hard-linked into place, which fails if
 * another process got there first (then that process's key is read). Two test workers or two starting processes
 * therefore always end with one key.
 */
function createKeyFile(dir: string, path: string): Buffer {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${PII_KEY_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(PII_KEY_BYTES).toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, 0o600); // a umask cannot widen it, but make the mode explicit
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readKeyFile(path);
}

export function resolvePiiKey(env: NodeJS.ProcessEnv): ResolvedPiiKey {
  const fromEnv = env.PII_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return { key: decode(fromEnv, 'PII_KEY'), source: 'env' };
  // Same default as the configuration's DATA_DIR.
  const dir = resolve(env.DATA_DIR || './data');
  const path = join(dir, PII_KEY_FILE);
  try {
    return { key: readKeyFile(path), source: 'file', path };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return { key: createKeyFile(dir, path), source: 'file', path };
}

let cached: Buffer | undefined;

/** The process's key, resolved once from `process.env`. */
export function piiKey(): Buffer {
  cached ??= resolvePiiKey(process.env).key;
  return cached;
}
