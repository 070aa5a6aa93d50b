import { startImageWorker } from '../modules/images/index.ts';
import type { AppDeps } from '../kernel/deps.ts';
import { createTestApp, type TestAppOptions } from './app.ts';

/**
 * The real server on a random local port, for browser tests: fresh database, demo seed, built console, and the image
 * worker beside it as `npm start` runs it (so uploaded images get their EXIF, thumbnail and checks).
 */
export async function startTestServer(opts: TestAppOptions = {}): Promise<{ url: string; deps: AppDeps; close(): Promise<void> }> {
  const t = await createTestApp({ seed: opts.seed ?? true, ...opts });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const worker = startImageWorker(t.deps, { log: { error: () => undefined, warn: () => undefined } });
  const addr = t.app.server.address();
  if (!addr || typeof addr !== 'object') throw new Error('server has no address');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    deps: t.deps,
    async close() {
      await worker.stop();
      await t.close();
    },
  };
}
