import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ config: { bodyLimitBytes: 16 * 1024 } });
  admin = await t.login('admin');
});
afterAll(() => t.close());

const send = (payload: string, contentType = 'application/json', url = '/api/v1/organisations') =>
  t.app.inject({ method: 'POST', url, headers: { cookie: admin, 'content-type': contentType }, payload });

describe('bad input gets a 4xx with a code and the field, never a 500', () => {
  it.each([
    ['malformed JSON', '{"name": "x",', 400, 'MALFORMED_JSON', undefined],
    ['a JSON array instead of an object', '[1,2,3]', 400, 'VALIDATION_FAILED', 'body'],
    ['an unknown field', JSON.stringify({ name: '某检测公司', type: 'agency', regionCode: '220102', evil: true }), 400, 'VALIDATION_FAILED', 'body.evil'],
    ['a missing field', JSON.stringify({ name: '某检测公司', type: 'agency' }), 400, 'VALIDATION_FAILED', 'body.regionCode'],
    ['a wrong type', JSON.stringify({ name: 12345, type: 'agency', regionCode: '220102' }), 400, 'VALIDATION_FAILED', 'body.name'],
    ['a number where a string is due is not coerced', JSON.stringify({ name: '某检测公司', type: 'agency', regionCode: 220102 }), 400, 'VALIDATION_FAILED', 'body.regionCode'],
    ['a value outside the enumeration', JSON.stringify({ name: '某检测公司', type: 'bank', regionCode: '220102' }), 400, 'VALIDATION_FAILED', 'body.type'],
    ['an oversized body', JSON.stringify({ name: 'x'.repeat(20 * 1024), type: 'agency', regionCode: '220102' }), 413, 'BODY_TOO_LARGE', undefined],
  ])('%s', async (_label, payload, status, code, field) => {
    const res = await send(payload);
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    if (field) expect(body.field).toBe(field);
  });

  it.each([
    ['NUL in a body field', { name: '某检测\u0000公司', type: 'agency', regionCode: '220102' }, 'body.name'],
    ['a control character in a body field', { name: '某检测\u001b公司', type: 'agency', regionCode: '220102' }, 'body.name'],
    ['a lone surrogate in a body field', { name: '某检测\ud800公司', type: 'agency', regionCode: '220102' }, 'body.name'],
    ['NUL in a field name', { name: '某检测公司', type: 'agency', regionCode: '220102', 'a\u0000': 1 }, 'body.a\u0000'],
  ])('%s is refused at the schema, naming the field (one kernel rule)', async (_label, body, field) => {
    const res = await send(JSON.stringify(body));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(res.json().message).toContain('控制字符');
  });

  it('NUL in a query string or a path parameter is refused with the field; tabs and line breaks in text are kept', async () => {
    const q = await t.app.inject({ url: '/api/v1/organisations?q=%00', headers: { cookie: admin } });
    expect(q.statusCode).toBe(400);
    expect(q.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.q' });
    const p = await t.app.inject({ url: '/api/v1/organisations/%00', headers: { cookie: admin } });
    expect(p.statusCode).toBe(400);
    expect(p.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'params.id' });
    const ok = await send(JSON.stringify({ name: '某检测\t公司\n二部', type: 'agency', regionCode: '220102' }));
    // Refused later for its missing credit code, not for its tab and line break.
    expect(ok.json()).toMatchObject({ code: 'USCC_REQUIRED', field: 'body.uscc' });
  });

  it('an unsupported content type is 415', async () => {
    const res = await send('name=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a malformed id in the path is 400 naming the param', async () => {
    const res = await t.app.inject({ url: '/api/v1/organisations/not-a-uuid', headers: { cookie: admin } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'params.id' });
  });

  it('query strings are coerced but bounded', async () => {
    expect((await t.app.inject({ url: '/api/v1/organisations?page=2&pageSize=5', headers: { cookie: admin } })).statusCode).toBe(200);
    const res = await t.app.inject({ url: '/api/v1/organisations?pageSize=100000', headers: { cookie: admin } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('querystring.pageSize');
  });

  it('an unknown API route is a JSON 404; requests without a session are 401', async () => {
    const nf = await t.app.inject({ url: '/api/v1/nope', headers: { cookie: admin } });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().code).toBe('ROUTE_NOT_FOUND');
    const anon = await t.app.inject({ url: '/api/v1/organisations' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toEqual({ code: 'AUTH_REQUIRED', message: '请先登录' });
  });

  it('the process survives a burst of garbage and still answers', async () => {
    const garbage = ['\u0000\u0001', '{"a":'.repeat(1000), '"', 'null', 'true', '{"__proto__": {"x": 1}}', '\uFFFF'];
    for (const g of garbage) expect((await send(g)).statusCode).toBeLessThan(500);
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });
});

describe('service endpoints', () => {
  it('readyz reports the database and blob store; the request id is echoed', async () => {
    const res = await t.app.inject({ url: '/readyz', headers: { 'x-request-id': 'req-abcdef12' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', blobs: 'ok' });
    expect(res.headers['x-request-id']).toBe('req-abcdef12');
  });

  it('serves an OpenAPI 3 document generated from the route schemas', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/organisations', '/api/v1/users', '/api/v1/audit']));
    expect(doc.components.schemas.ErrorResponse).toBeDefined();
  });
});
