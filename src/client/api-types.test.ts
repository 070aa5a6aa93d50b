import { readFileSync } from 'node:fs';
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
});
