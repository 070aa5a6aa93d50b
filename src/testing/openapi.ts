import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp } from './app.ts';

/** Where the generated types of the agency client live (committed; `npm run client:generate` rewrites them). */
export const CLIENT_TYPES_PATH = new URL('../client/api-types.ts', import.meta.url);

/** The app's OpenAPI document, built in-process on an empty embedded database (no server, no demo data). */
export async function currentOpenApiDocument(): Promise<Record<string, unknown>> {
  const t = await createTestApp({ seed: false });
  try {
    return t.app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await t.close();
  }
}

const HEADER = `/**
 * Types of the QTrace integration API, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run client:generate\` after changing a route schema (a test fails while this file is stale).
 */

`;

/** The TypeScript source of the client's types for `doc`: the same text for the same document. */
export async function renderClientTypes(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as never, { alphabetize: true, exportType: false });
  return HEADER + astToString(ast);
}
