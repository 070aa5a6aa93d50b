import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_TYPES_PATH, currentOpenApiDocument, renderClientTypes } from '../testing/openapi.ts';

let doc: Record<string, unknown>;
beforeAll(async () => {
  doc = await currentOpenApiDocument();
});

describe('the agency client types', () => {
  it('are those of the current OpenAPI document (run `npm run client:generate` after changing a route schema)', async () => {
    const committed = readFileSync(CLIENT_TYPES_PATH, 'utf8');
    const current = await renderClientTypes(doc);
    // Comparing line counts first gives a short message; the full comparison catches every change.
    expect(current.split('\n').length).toBe(committed.split('\n').length);
    expect(current === committed, 'src/client/api-types.ts is stale: run `npm run client:generate`').toBe(true);
  });

  it('notice a changed schema (the comparison above can fail)', async () => {
    const paths = doc.paths as Record<string, unknown>;
    const changed = { ...doc, paths: { ...paths, '/api/v1/simulated-new-route': paths['/healthz'] } };
    expect(await renderClientTypes(changed)).not.toBe(readFileSync(CLIENT_TYPES_PATH, 'utf8'));
  });

  // Issue 17: the console's shapes are these generated types, so a server change the console has not followed must
  // fail the console's typecheck. A scratch copy of src/ and web/ gets the types of a document whose User schema
  // renamed `displayName`; tsc on the copied console must then fail where the users pages still read it.
  it.skipIf(process.env.DATABASE_URL)('a changed response schema fails the console typecheck where the console uses the old shape', async () => {
    const components = doc.components as { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    const user = components.schemas.User!;
    const { displayName, ...others } = user.properties;
    const changedUser = { ...user, properties: { ...others, fullName: displayName }, required: user.required?.map((r) => (r === 'displayName' ? 'fullName' : r)) };
    const changed = { ...doc, components: { ...components, schemas: { ...components.schemas, User: changedUser } } };

    const root = fileURLToPath(new URL('../../', import.meta.url));
    const scratch = mkdtempSync(join(tmpdir(), 'qtrace-console-types-'));
    try {
      cpSync(join(root, 'src'), join(scratch, 'src'), { recursive: true });
      for (const f of ['web/src', 'web/tsconfig.json', 'web/vite.config.ts']) cpSync(join(root, f), join(scratch, f), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
      writeFileSync(join(scratch, 'src/client/api-types.ts'), await renderClientTypes(changed));
      const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(scratch, 'web/tsconfig.json')], { encoding: 'utf8' });
      expect(tsc.status).not.toBe(0);
      expect(tsc.stdout).toMatch(/web\/src\/pages\/users\/[A-Za-z]+\.tsx\(\d+,\d+\): error TS2339: Property 'displayName' does not exist/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 180_000);
});
