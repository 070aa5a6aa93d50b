import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The module front-door rule (eslint.config.js): linting small in-memory sources, placed at real paths of the repo,
 * with the project's own configuration. A file outside a module may import only its `index.ts`.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the configuration and the TypeScript parser: slow on a loaded machine, so not in a test.
  await eslint.lintText('export {};\n', { filePath: `${root}src/app.ts` });
}, 120_000);

async function frontDoorErrors(filePath: string, specifier: string): Promise<number> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport const y = x;\n`, { filePath: `${root}${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('module front doors', () => {
  it.each([
    // [importing file, specifier, errors]
    ['src/modules/witnesses/service.ts', '../batches/service.ts', 1],
    ['src/modules/witnesses/service.ts', '../batches/tables.ts', 1],
    ['src/modules/witnesses/service.ts', '../batches/rules/lifecycle.ts', 1],
    ['src/modules/witnesses/rules/change-input.ts', '../../batches/rules/lifecycle.ts', 1],
    ['src/modules/witnesses/service.ts', '../batches/test-fixtures.ts', 1],
    ['src/app.ts', './modules/batches/service.ts', 1],
    ['src/seed/batches.ts', '../modules/images/test-images.ts', 1],
    ['scripts/redraw.ts', '../src/modules/batches/service.ts', 1],
    ['e2e/batches-agency.e2e.ts', '../src/modules/batches/service.ts', 1],
    ['src/modules/records/records.test.ts', '../batches/service.ts', 1],
    // allowed: the front door, one's own internals, the kernel, and other modules' test support from tests
    ['src/modules/witnesses/service.ts', '../batches/index.ts', 0],
    ['src/modules/witnesses/rules/change-input.ts', '../../batches/index.ts', 0],
    ['src/modules/witnesses/service.ts', './rules/change-input.ts', 0],
    ['src/modules/witnesses/rules/change-input.ts', '../tables.ts', 0],
    ['src/modules/witnesses/rules/change-input.ts', '../../../kernel/policy.ts', 0],
    ['src/app.ts', './modules/batches/index.ts', 0],
    ['src/modules/records/records.test.ts', '../batches/test-fixtures.ts', 0],
    ['src/modules/images/test-helpers.ts', '../batches/test-fixtures.ts', 0],
    ['e2e/batches-agency.e2e.ts', '../src/modules/images/test-images.ts', 0],
  ] as const)('%s importing %s: %i error(s)', async (file, specifier, errors) => {
    expect(await frontDoorErrors(file, specifier)).toBe(errors);
  });
});
