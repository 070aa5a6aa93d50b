import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { currentOpenApiDocument } from '../src/testing/openapi.ts';

// `npm run lint:openapi`: the app's OpenAPI document, built in-process (no server), linted by Redocly CLI with
// the rules of redocly.yaml (its recommended set). Any error fails; warnings are printed.
process.env.LOG_LEVEL ??= 'silent';
const out = fileURLToPath(new URL('../.tmp/openapi.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../.tmp/', import.meta.url)), { recursive: true });
writeFileSync(out, `${JSON.stringify(await currentOpenApiDocument(), null, 2)}\n`);
const redocly = fileURLToPath(new URL('../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
const run = spawnSync(process.execPath, [redocly, 'lint', out, '--format', 'summary'], { stdio: 'inherit', cwd: fileURLToPath(new URL('..', import.meta.url)) });
process.exit(run.status ?? 1);
