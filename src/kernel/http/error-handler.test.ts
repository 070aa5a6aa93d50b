import { describe, expect, it } from 'vitest';
import { errorHandler, isDatabaseUnavailable } from './error-handler.ts';

describe('database unavailable → 503 DATABASE_UNAVAILABLE', () => {
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, true],
    [{ code: 'ECONNRESET', message: 'read ECONNRESET' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '57P03', message: 'the database system is starting up' }, true],
    [{ code: '08006', message: 'connection failure' }, true],
    [{ code: '08001', message: 'could not connect' }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [new Error('timeout exceeded when trying to connect'), true],
    [{ code: '23505', message: 'duplicate key' }, false],
    [{ code: '40001', message: 'could not serialize' }, false],
    [new Error('something else'), false],
    [null, false],
  ])('%o → %s', (err, expected) => {
    expect(isDatabaseUnavailable(err)).toBe(expected);
  });

  it('answers a full blob store (ENOSPC, EDQUOT) with 507 STORAGE_FULL', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const { sent, reply, req } = fakeReply();
      errorHandler(Object.assign(new Error('no space left on device, write'), { code }) as never, req as never, reply as never);
      expect(sent.status).toBe(507);
      expect(sent.body).toMatchObject({ code: 'STORAGE_FULL' });
    }
  });

  it('answers 503 with the code, a Chinese message and Retry-After, not 500', () => {
    const { sent, reply, req } = fakeReply();
    errorHandler(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) as never, req as never, reply as never);
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect((sent.body as { message: string }).message).toMatch(/数据库/);
    expect(sent.headers['retry-after']).toBe('5');
  });
});

/** What errorHandler is given: a reply that records status, body and headers, and a request with a silent log. */
function fakeReply() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(s: number) {
      sent.status = s;
      return reply;
    },
    send(b: unknown) {
      sent.body = b;
      return reply;
    },
    header(k: string, v: string) {
      sent.headers[k] = v;
      return reply;
    },
  };
  return { sent, reply, req: { log: { warn: () => {}, error: () => {} } } };
}
