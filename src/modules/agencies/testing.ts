import type { TestApp } from '../../testing/app.ts';
import { seedRegistryAgencies } from '../../seed/registry-agencies.ts';
import './tables.ts';

/** Helpers for the registry modules' API tests (agencies, personnel, equipment). */

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Uploads a small PDF as `cookie`'s organisation and returns the document id. */
export async function uploadDocument(t: TestApp, cookie: string, filename = '证书扫描件.pdf'): Promise<string> {
  const boundary = '----qtrace-registry-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/documents', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/**
 * The registry part of the demo (src/seed/registry-agencies.ts). src/seed/demo.ts runs it in every seeded database
 * once it calls seedRegistryAgencies; where it does not (yet), the test runs it, so the tests hold either way.
 * Returns the demo organisation ids, including the out-of-province `agency-ln` the registry seed adds.
 */
export async function ensureRegistrySeed(t: TestApp): Promise<Record<string, string>> {
  const ids = t.seeded!.organisations;
  const seeded = await t.deps.db.selectFrom('agency_profiles').select('organisation_id').where('organisation_id', '=', ids['agency-jz']!).executeTakeFirst();
  if (!seeded) await t.deps.db.transaction().execute((trx) => seedRegistryAgencies(trx, ids, t.clock.now()));
  if (!ids['agency-ln']) {
    ids['agency-ln'] = (await t.deps.db.selectFrom('organisations').select('id').where('name', '=', '沈阳华建工程质量检测有限公司').executeTakeFirstOrThrow()).id;
  }
  return ids;
}
