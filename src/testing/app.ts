import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../app.ts';
import { bootstrap } from '../bootstrap.ts';
import type { ManualClock} from '../kernel/clock.ts';
import { systemClock, type Clock } from '../kernel/clock.ts';
import { loadConfig, type Config } from '../kernel/config.ts';
import type { AppDeps } from '../kernel/deps.ts';
import { DEMO_PASSWORD, type DemoSeedResult } from '../seed/demo.ts';
import { createTestDb } from './db.ts';
import { CONSOLE_REQUEST_HEADER } from '../kernel/http/cross-site.ts';

export interface TestApp {
  app: App;
  deps: AppDeps;
  seeded: DemoSeedResult | null;
  clock: Clock;
  /**
   * `app.inject` without the console's header: `t.app.inject` adds CONSOLE_REQUEST_HEADER to every request that carries
   * a cookie (as the console's client does), so tests read as before; cross-site tests use this one.
   */
  rawInject: App['inject'];
  /** Logs in through the API and returns the cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  clock?: Clock | ManualClock;
  config?: Partial<Config>;
  /** The demo's month of batch history (src/seed/inspections.ts); off by default, as tests count the demo's batches. */
  demoHistory?: boolean;
}

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const blobDir = mkdtempSync(join(tmpdir(), 'qtrace-test-blobs-'));
  const config: Config = {
    ...loadConfig({}),
    blobDir,
    seedDemo: opts.seed === false ? 'false' : 'true',
    logLevel: 'silent',
    // Suites send thousands of requests from one address; the limits have their own test (test/rate-limit.test.ts).
    rateLimit: false,
    ...opts.config,
  };
  const handle = await createTestDb();
  const clock = opts.clock ?? systemClock;
  const { deps, seeded } = await bootstrap(config, { handle, clock, demoHistory: opts.demoHistory ?? false });
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  const rawInject = app.inject.bind(app) as App['inject'];
  app.inject = ((opts?: { headers?: Record<string, unknown> }) => {
    if (opts && typeof opts === 'object' && opts.headers && 'cookie' in opts.headers && !(CONSOLE_REQUEST_HEADER in opts.headers)) {
      opts = { ...opts, headers: { ...opts.headers, [CONSOLE_REQUEST_HEADER]: '1' } };
    }
    return (rawInject as (o?: unknown) => unknown)(opts);
  }) as unknown as App['inject'];
  return {
    app,
    rawInject,
    deps,
    seeded,
    clock,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'qtrace_session');
      if (!cookie) throw new Error('no session cookie');
      return `qtrace_session=${cookie.value}`;
    },
    async close() {
      await app.close();
      await handle.close();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}
