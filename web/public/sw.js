// QTrace console service worker (hand-written; docs/decisions.md "Field capture on the phone"): keeps the console's
// shell so that 现场采集 opens from the home screen without network. It never touches the API: every /api/ request goes
// to the network as if there were no worker (uploads, logins and data must never come from a cache).
const CACHE = 'qtrace-shell-v1';
const SHELL = '/__shell';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page tells the worker which built assets it loaded before the worker took control (its first visit), so that
// the shell is whole offline from then on.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.cacheAssets) ? event.data.cacheAssets : [];
  const own = urls.filter((u) => typeof u === 'string' && new URL(u, self.location.origin).origin === self.location.origin && new URL(u, self.location.origin).pathname.startsWith('/assets/'));
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all(own.map((u) => c.match(u).then((hit) => hit ?? c.add(u).catch(() => undefined))))));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;

  // Pages: the network first (fresh page, fresh CSP nonce); without network the last page seen, which carries its own
  // CSP header with the nonce it was written with.
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            event.waitUntil(
              caches.open(CACHE).then(async (c) => {
                const html = await copy.clone().text();
                await c.put(SHELL, copy);
                // The entry script, its preloaded chunks and styles: the page loaded them before this worker took
                // control, so they are cached here from the names the page carries.
                const assets = [...new Set(html.match(/\/assets\/[^"'\s]+/g) ?? [])];
                await Promise.all(assets.map((a) => c.match(a).then((hit) => hit ?? c.add(a).catch(() => undefined))));
              }),
            );
          }
          return res;
        })
        .catch(() => caches.open(CACHE).then((c) => c.match(SHELL)).then((hit) => hit ?? Response.error())),
    );
    return;
  }

  // Built assets have content hashes in their names: once fetched they never change, so the cache answers first.
  if (url.pathname.startsWith('/assets/') || url.pathname === '/manifest.webmanifest' || url.pathname === '/icon.svg') {
    event.respondWith(
      caches.open(CACHE).then((c) =>
        c.match(req).then(
          (hit) =>
            hit ??
            fetch(req).then((res) => {
              if (res.ok) event.waitUntil(c.put(req, res.clone()));
              return res;
            }),
        ),
      ),
    );
  }
});
