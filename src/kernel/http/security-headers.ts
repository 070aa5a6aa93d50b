/**
 * Response headers of a government platform (issue 15 item 4, 等保 2.0 intrusion prevention), applied by
 * @fastify/helmet with per-request nonces. Plain data so that tests and docs read the same policy.
 */

/**
 * The console's Content-Security-Policy, without the nonces helmet appends to script-src and style-src per request.
 * - No inline script anywhere: scripts only from the platform's own origin.
 * - `<style>` elements need the request's nonce: Ant Design's CSS-in-JS inserts them, and the console hands it the nonce
 *   from `<meta property="csp-nonce">` (web/src/csp-nonce.ts, which also puts it on the few <style> elements antd's
 *   building blocks create without it), so a style injected through markup is not applied.
 * - Inline style *attributes* are allowed (`style-src-attr`): React, antd and ECharts position elements with them;
 *   they cannot run code, and refusing them would break layout without a security gain worth it.
 * - Images also from data: and blob: (QR codes, photos previewed on the phone before upload).
 * - frame-ancestors 'none': no page of the platform can be framed (click-jacking); form-action and base-uri 'self'.
 */
export function contentSecurityPolicyDirectives(opts: { upgradeInsecureRequests: boolean }): Record<string, string[]> {
  const d: Record<string, string[]> = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    mediaSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    baseUri: ["'self'"],
  };
  if (opts.upgradeInsecureRequests) d.upgradeInsecureRequests = [];
  return d;
}

/**
 * Powerful browser features: camera and geolocation for the platform's own pages only (field capture needs both);
 * everything else that a page of ours never uses is off.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'geolocation=(self)',
  'microphone=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
].join(', ');

/** HSTS for one year with subdomains, sent only when the platform is served over HTTPS (COOKIE_SECURE=true). */
export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The placeholder Vite writes into the console's index.html (web/vite.config.ts `html.cspNonce`); replaced per request. */
export const CSP_NONCE_PLACEHOLDER = 'QTRACE_CSP_NONCE';
