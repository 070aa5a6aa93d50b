import { chmodSync, closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * A process secret of fixed length: from an environment variable (base64), else from `DATA_DIR/<file>`, created once
 * with mode 0600. Free of the rest of the kernel, so scripts resolve the same key as the API without building an
 * application. Used for PII_KEY (personnel) and LEDGER_KEY (ledger).
 */
export class KeyFileError extends Error {}

export interface KeySpec {
  envName: string;
  fileName: string;
  bytes: number;
}

export interface ResolvedKey {
  key: Buffer;
  source: 'env' | 'file';
  /** The key file, when `source` is `file`. */
  path?: string;
}

function decode(spec: KeySpec, text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(t) ? Buffer.from(t, 'base64') : Buffer.alloc(0);
  if (key.length !== spec.bytes) {
    throw new KeyFileError(`${where} must be base64 of exactly ${spec.bytes} bytes (e.g. \`openssl rand -base64 ${spec.bytes}\`), got ${key.length} bytes`);
  }
  return key;
}

/** Reads the key file, refusing one that others can read. */
function readKeyFile(spec: KeySpec, path: string): Buffer {
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new KeyFileError(`${path} is readable by other users; run \`chmod 600 ${path}\``);
  }
  return decode(spec, readFileSync(path, 'utf8'), path);
}

/**
 * Creates the key file atomically: written to a private temporary file, then hard-linked into place, which fails if
 * another process got there first (then that process's key is read). Two test workers or two starting processes
 * therefore always end with one key.
 */
function createKeyFile(spec: KeySpec, dir: string, path: string): Buffer {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${spec.fileName}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(spec.bytes).toString('base64')}\n`);
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
  return readKeyFile(spec, path);
}

export function resolveKey(spec: KeySpec, env: NodeJS.ProcessEnv): ResolvedKey {
  const fromEnv = env[spec.envName];
  if (fromEnv !== undefined && fromEnv !== '') return { key: decode(spec, fromEnv, spec.envName), source: 'env' };
  // Same default as the configuration's DATA_DIR.
  const dir = resolve(env.DATA_DIR || './data');
  const path = join(dir, spec.fileName);
  try {
    return { key: readKeyFile(spec, path), source: 'file', path };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return { key: createKeyFile(spec, dir, path), source: 'file', path };
}
