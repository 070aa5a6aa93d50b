import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, type CrossSiteInput } from './cross-site.ts';

const own = 'https://qtrace.jl.gov.cn';
const base: CrossSiteInput = {
  method: 'POST',
  hasSessionCookie: true,
  hasAuthorization: false,
  origin: own,
  secFetchSite: 'same-origin',
  consoleHeader: '1',
  ownOrigins: [own],
};

describe('cross-site refusal', () => {
  it.each<[string, Partial<CrossSiteInput>, string | null]>([
    ['the console itself', {}, null],
    ['a GET from anywhere', { method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site', consoleHeader: undefined }, null],
    ['HEAD and OPTIONS are safe', { method: 'HEAD', consoleHeader: undefined }, null],
    ['a machine credential', { hasAuthorization: true, origin: undefined, secFetchSite: undefined, consoleHeader: undefined }, null],
    ['a cross-site POST (fetch metadata)', { secFetchSite: 'cross-site' }, 'CROSS_SITE_REQUEST_REFUSED'],
    ['a same-site POST from a sibling host', { secFetchSite: 'same-site' }, 'CROSS_SITE_REQUEST_REFUSED'],
    ['typed into the address bar', { secFetchSite: 'none' }, null],
    ['a foreign Origin without fetch metadata', { secFetchSite: undefined, origin: 'https://evil.example' }, 'CROSS_SITE_REQUEST_REFUSED'],
    ['the null Origin of a sandboxed frame', { secFetchSite: undefined, origin: 'null' }, 'CROSS_SITE_REQUEST_REFUSED'],
    ['our host on another scheme', { secFetchSite: undefined, origin: 'http://qtrace.jl.gov.cn' }, 'CROSS_SITE_REQUEST_REFUSED'],
    ['our host on another port', { secFetchSite: undefined, origin: 'https://qtrace.jl.gov.cn:8443' }, 'CROSS_SITE_REQUEST_REFUSED'],
    ['Origin compared case-insensitively', { origin: 'HTTPS://QTRACE.JL.GOV.CN' }, null],
    ['a session without the console header (a form, an old browser)', { origin: undefined, secFetchSite: undefined, consoleHeader: undefined }, 'CONSOLE_HEADER_REQUIRED'],
    ['an empty console header', { consoleHeader: '' }, 'CONSOLE_HEADER_REQUIRED'],
    ['sign-in without a cookie from a tool', { hasSessionCookie: false, origin: undefined, secFetchSite: undefined, consoleHeader: undefined }, null],
    ['sign-in without a cookie from a foreign page', { hasSessionCookie: false, secFetchSite: 'cross-site', consoleHeader: undefined }, 'CROSS_SITE_REQUEST_REFUSED'],
    ['DELETE and PATCH count as changes', { method: 'PATCH', consoleHeader: undefined }, 'CONSOLE_HEADER_REQUIRED'],
  ])('%s', (_label, change, expected) => {
    expect(crossSiteRefusal({ ...base, ...change })?.code ?? null).toBe(expected);
  });
});
