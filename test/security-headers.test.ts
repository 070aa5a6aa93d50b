import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_NONCE_PLACEHOLDER, PERMISSIONS_POLICY } from '../src/kernel/http/security-headers.ts';
import { createTestApp, type TestApp } from '../src/testing/app.ts';

/** Issue 15 item 4: the platform's response headers, on HTTP (the embedded demo) and on HTTPS (COOKIE_SECURE=true). */
function consoleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qtrace-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><script type="module" src="/assets/app.js" nonce="${CSP_NONCE_PLACEHOLDER}"></script></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

function directives(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe.each([
  ['plain HTTP (embedded demo)', false],
  ['HTTPS behind the terminator', true],
])('response headers on %s', (_label, secure) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = consoleDir();
    t = await createTestApp({ seed: false, config: { webDistDir: dir, cookieSecure: secure } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the console page: a strict CSP with a fresh nonce per request, written into the page for Ant Design', async () => {
    const pages = await Promise.all(['/', '/batches/123', '/index.html'].map((url) => t.app.inject({ url })));
    const nonces = pages.map((res) => {
      expect(res.statusCode).toBe(200);
      const csp = directives(res.headers['content-security-policy'] as string);
      expect(csp.get('script-src')?.[0]).toBe("'self'");
      expect(csp.get('script-src')?.some((v) => v.includes('unsafe'))).toBe(false);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('style-src')?.some((v) => v.includes('unsafe'))).toBe(false);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(secure);
      const nonce = /'nonce-([^']+)'/.exec(csp.get('style-src')!.join(' '))![1]!;
      expect(res.body).not.toContain(CSP_NONCE_PLACEHOLDER);
      expect(res.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(res.headers['cache-control']).toBe('no-store');
      return nonce;
    });
    expect(new Set(nonces).size).toBe(3);
    expect(nonces[0]!.length).toBeGreaterThanOrEqual(16);
  });

  it('every answer (API, assets, errors): Permissions-Policy with camera and geolocation for ourselves only, no sniffing, no framing; HSTS only over HTTPS', async () => {
    for (const url of ['/api/v1/auth/me', '/assets/app.js', '/healthz', '/api/v1/nowhere']) {
      const res = await t.app.inject({ url });
      expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      if (secure) expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      else expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect(PERMISSIONS_POLICY).toMatch(/(^|, )camera=\(self\)(,|$)/);
    expect(PERMISSIONS_POLICY).toMatch(/(^|, )geolocation=\(self\)(,|$)/);
    expect(PERMISSIONS_POLICY).toMatch(/(^|, )microphone=\(\)(,|$)/);
  });

  it('the API documentation keeps its own hashed policy and still has no inline script allowance', async () => {
    const res = await t.app.inject({ url: '/docs' });
    expect(res.statusCode).toBe(200);
    const csp = directives(res.headers['content-security-policy'] as string);
    expect(csp.get('script-src')?.includes("'unsafe-inline'")).toBe(false);
    expect(csp.has('upgrade-insecure-requests')).toBe(secure);
  });
});
