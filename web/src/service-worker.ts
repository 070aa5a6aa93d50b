/**
 * The shell's service worker (web/public/sw.js): the console, and 现场采集 above all, opens without network once it
 * has been opened with it. Registered in production builds only (the dev server has no built assets to keep).
 */

/** Tells the worker which built assets this page has loaded, so that it keeps those fetched before it took control. */
export function cacheLoadedAssets(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((reg) => {
      const cacheAssets = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => new URL(u).pathname.startsWith('/assets/'));
      reg.active?.postMessage({ cacheAssets });
    })
    .catch(() => undefined);
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(cacheLoadedAssets)
      .catch(() => undefined);
  });
}
