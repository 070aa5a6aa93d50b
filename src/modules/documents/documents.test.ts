import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { sniffDocumentType } from './sniff.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function multipart(content: Buffer, filename: string, field = 'file') {
  const boundary = '----qtrace-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(who: string, content: Buffer, filename = '资质证书.pdf', field = 'file') {
  const cookie = await t.login(who);
  const m = multipart(content, filename, field);
  return t.app.inject({ method: 'POST', url: '/api/v1/documents', payload: m.payload, headers: { ...m.headers, cookie } });
}

describe('sniffDocumentType', () => {
  it.each([
    ['pdf', PDF, 'application/pdf'],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['exe', Buffer.from('MZ\x90\x00'), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s', (_n, head, type) => expect(sniffDocumentType(head)).toBe(type));
});

describe('documents', () => {
  it('stores an upload content-addressed, records who, and serves it back to its organisation and department', async () => {
    const res = await upload('jz.admin', PDF);
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ contentType: 'application/pdf', filename: '资质证书.pdf', size: PDF.length });
    expect(await t.deps.blobs.has(doc.sha256)).toBe(true);
    for (const who of ['jz.admin', 'officer.nanguan', 'admin']) {
      const got = await t.app.inject({ url: `/api/v1/documents/${doc.id}/content`, headers: { cookie: await t.login(who) } });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(PDF)).toBe(true);
    }
    for (const who of ['jk.admin', 'officer.chaoyang']) {
      expect((await t.app.inject({ url: `/api/v1/documents/${doc.id}`, headers: { cookie: await t.login(who) } })).statusCode).toBe(404);
    }
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', doc.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['document.upload']);
  });

  it('judges the type by content, not by name', async () => {
    const res = await upload('jz.admin', Buffer.from('MZ this is not a pdf'), 'fake.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'DOCUMENT_TYPE_UNSUPPORTED', field: 'file' });
    expect(await t.deps.db.selectFrom('documents').select('id').where('filename', '=', 'fake.pdf').execute()).toEqual([]);
  });

  it('keeps only the last segment of a path-like file name', async () => {
    const res = await upload('jz.admin', PDF, '../../etc/passwd.pdf');
    expect(res.json().filename).toBe('passwd.pdf');
  });

  it('refuses a missing file field and a non-multipart body', async () => {
    expect((await upload('jz.admin', PDF, 'a.pdf', 'other')).json()).toMatchObject({ code: 'FILE_REQUIRED', field: 'file' });
    const cookie = await t.login('jz.admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/documents', headers: { cookie }, payload: { a: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('file');
  });
});
