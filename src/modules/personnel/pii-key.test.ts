import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PiiKeyError, resolvePiiKey } from './pii-key.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'qtrace-pii-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('PII key resolution', () => {
  it('takes PII_KEY (base64 of 32 bytes) from the environment first', () => {
    const key = Buffer.alloc(32, 7);
    const r = resolvePiiKey({ PII_KEY: key.toString('base64'), DATA_DIR: tempDir() });
    expect(r).toEqual({ key, source: 'env' });
  });

  it.each([
    ['16 bytes', Buffer.alloc(16, 1).toString('base64')],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64')],
    ['not base64', 'this is not base64!'],
  ])('refuses a PII_KEY of %s, naming the variable', (_label, value) => {
    expect(() => resolvePiiKey({ PII_KEY: value })).toThrow(PiiKeyError);
    expect(() => resolvePiiKey({ PII_KEY: value })).toThrow(/PII_KEY/);
  });

  it('otherwise creates DATA_DIR/pii.key once, mode 0600, and keeps using it', () => {
    const dir = join(tempDir(), 'nested');
    const first = resolvePiiKey({ DATA_DIR: dir });
    expect(first.source).toBe('file');
    expect(first.path).toBe(join(dir, 'pii.key'));
    expect(first.key).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(first.path!, 'utf8').trim(), 'base64')).toEqual(first.key);
    expect(resolvePiiKey({ DATA_DIR: dir }).key).toEqual(first.key);
  });

  it.runIf(process.platform !== 'win32')('refuses a key file that other users can read', () => {
    const dir = tempDir();
    const path = join(dir, 'pii.key');
    writeFileSync(path, Buffer.alloc(32, 3).toString('base64'));
    chmodSync(path, 0o644);
    expect(() => resolvePiiKey({ DATA_DIR: dir })).toThrow(/chmod 600/);
  });

  it('refuses a damaged key file rather than replacing it', () => {
    const dir = tempDir();
    const path = join(dir, 'pii.key');
    writeFileSync(path, 'short', { mode: 0o600 });
    expect(() => resolvePiiKey({ DATA_DIR: dir })).toThrow(PiiKeyError);
    expect(readFileSync(path, 'utf8')).toBe('short');
  });
});
