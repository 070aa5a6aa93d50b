import { readFileSync, writeFileSync } from 'node:fs';
import { PLATFORM_ERROR_CODES } from '../src/kernel/http/openapi.ts';
import { declaredErrorCodes, ERROR_TABLE_BEGIN, ERROR_TABLE_END, renderErrorCodeTable } from '../src/testing/error-codes.ts';

// `npm run docs:error-codes`: rewrites the table of every error code in docs/integration-api.md.
const path = new URL('../docs/integration-api.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const table = renderErrorCodeTable(PLATFORM_ERROR_CODES, await declaredErrorCodes());
const begin = doc.indexOf(ERROR_TABLE_BEGIN);
const end = doc.indexOf(ERROR_TABLE_END);
if (begin < 0 || end < 0) throw new Error('docs/integration-api.md has no error-codes markers');
writeFileSync(path, doc.slice(0, begin) + table + doc.slice(end + ERROR_TABLE_END.length));
process.stdout.write('docs/integration-api.md: error code table rewritten\n');
