import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API the dev server proxies to; QTRACE_API_URL points it elsewhere (e.g. a server on another port).
const api = process.env.QTRACE_API_URL ?? 'http://127.0.0.1:3000';

/** The console: built into web/dist and served by the API server; in development Vite proxies the API to it. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // The server replaces this with a fresh nonce per request (src/kernel/http/security-headers.ts); Vite puts it on its
  // tags and in <meta property="csp-nonce">, from which the console hands it to Ant Design's style insertion.
  html: { cspNonce: 'QTRACE_CSP_NONCE' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Ant Design is one large vendor chunk by nature; pages are split out and loaded on demand.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(['/api', '/healthz', '/readyz', '/openapi.json', '/docs'].map((p) => [p, { target: api, changeOrigin: false }])),
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
