import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_ERROR_CODES } from '../src/kernel/http/openapi.ts';
import {
  codesInModule,
  declaredErrorCodes,
  ERROR_TABLE_BEGIN,
  ERROR_TABLE_END,
  KERNEL_CODES_USED_BY,
  renderErrorCodeTable,
} from '../src/testing/error-codes.ts';

let declared: Record<string, readonly string[]>;
beforeAll(async () => {
  declared = await declaredErrorCodes();
});

describe('declared error codes', () => {
  it('cover every code each module produces (declare a new code in the module’s schemas.ts ERROR_CODES)', () => {
    const missing = Object.keys(declared).flatMap((m) =>
      codesInModule(m)
        .map((c) => c.code)
        .filter((c) => !declared[m]!.includes(c) && !(PLATFORM_ERROR_CODES as readonly string[]).includes(c))
        .map((c) => `${m}: ${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('name no code the module cannot produce', () => {
    const stale = Object.entries(declared).flatMap(([m, codes]) => {
      const produced = new Set([...codesInModule(m).map((c) => c.code), ...(KERNEL_CODES_USED_BY[m] ?? [])]);
      return codes.filter((c) => !produced.has(c)).map((c) => `${m}: ${c}`);
    });
    expect(stale).toEqual([]);
  });

  it('find a code written in a module (the scan can fail)', () => {
    expect(codesInModule('batches').map((c) => c.code)).toContain('BATCH_NOT_FOUND');
  });

  it('are all in the table of docs/integration-api.md (run `npm run docs:error-codes`)', () => {
    const doc = readFileSync(new URL('../docs/integration-api.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf(ERROR_TABLE_BEGIN), doc.indexOf(ERROR_TABLE_END) + ERROR_TABLE_END.length);
    expect(table).toBe(renderErrorCodeTable(PLATFORM_ERROR_CODES, declared));
  });
});
