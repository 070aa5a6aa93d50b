/**
 * Cross-site request refusal (issue 15, 等保 2.0 intrusion prevention). A browser attaches the session cookie to any
 * request a foreign page makes, so a state-changing request that rides on the cookie must prove it comes from the
 * platform's own pages:
 * - `Sec-Fetch-Site`, where the browser sends it, must be `same-origin` (or `none`: typed by the person);
 * - `Origin`, where sent, must be the platform's own origin (`null` — sandboxed frames, files — is foreign);
 * - and the console's calls carry CONSOLE_REQUEST_HEADER, a custom header that no form, link or simple cross-origin
 *   fetch can set without a CORS preflight, which the platform never grants — so an old browser that sends neither
 *   fetch-metadata nor Origin is covered too.
 * Machine credentials (`Authorization: Bearer`) are not sent by browsers on their own and are exempt. Requests without
 * a session cookie (sign-in) still get the Origin and fetch-metadata checks: a foreign page must not sign a person in.
 */
export const CONSOLE_REQUEST_HEADER = 'x-qtrace-request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CrossSiteInput {
  method: string;
  /** The request carries the console's session cookie. */
  hasSessionCookie: boolean;
  /** The request carries an Authorization header (a machine credential). */
  hasAuthorization: boolean;
  origin: string | undefined;
  secFetchSite: string | undefined;
  consoleHeader: string | undefined;
  /** Origins the platform is reached at: its own (`<protocol>://<host>` of this request) and PUBLIC_BASE_URL's. */
  ownOrigins: readonly string[];
}

export type CrossSiteRefusal = { code: 'CROSS_SITE_REQUEST_REFUSED' | 'CONSOLE_HEADER_REQUIRED'; message: string } | null;

export function crossSiteRefusal(r: CrossSiteInput): CrossSiteRefusal {
  if (SAFE_METHODS.has(r.method.toUpperCase()) || r.hasAuthorization) return null;
  if (r.secFetchSite !== undefined && r.secFetchSite !== 'same-origin' && r.secFetchSite !== 'none') {
    return { code: 'CROSS_SITE_REQUEST_REFUSED', message: '拒绝来自其他网站的请求（跨站请求）' };
  }
  if (r.origin !== undefined && !r.ownOrigins.includes(r.origin.toLowerCase())) {
    return { code: 'CROSS_SITE_REQUEST_REFUSED', message: '拒绝来自其他网站的请求（来源不符）' };
  }
  if (r.hasSessionCookie && !r.consoleHeader) {
    return { code: 'CONSOLE_HEADER_REQUIRED', message: `以登录会话提交的修改须由平台控制台发出（缺少请求头 ${CONSOLE_REQUEST_HEADER}）` };
  }
  return null;
}

/** `scheme://host[:port]` of a URL, lower-cased, or undefined when it is not one. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.origin === 'null' ? undefined : u.origin.toLowerCase();
  } catch {
    return undefined;
  }
}
