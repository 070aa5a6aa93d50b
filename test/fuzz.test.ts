import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../src/kernel/prng.ts';
import { createTestApp, type TestApp } from '../src/testing/app.ts';

/**
 * Issue 15: a fuzz run generated from /openapi.json — every route, as each kind of caller (anonymous, a platform
 * administrator, a department officer, an agency tester, an agency system with a machine credential), with malformed
 * JSON, wrong types, huge values, metacharacters, NUL, lone surrogates and path traversal. Fixed seed, bounded count:
 * the same requests every run. The server must answer every one below 500 and still be ready afterwards.
 */
// FUZZ_SEED explores other sequences locally; CI keeps the fixed one.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);
const CASES_PER_OPERATION = 24;

const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\ud800',
  'x\udfffy',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%00',
  '%ZZ',
  '',
  ' ',
  '-1',
  '1e309',
  '9'.repeat(40),
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '😀'.repeat(50),
  'x'.repeat(70_000),
  '\u202e\u200b\ufeff',
  'null',
  '__proto__',
  'constructor',
  '2026-02-30T25:61:61Z',
];
const HOSTILE_VALUES: unknown[] = [
  -1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.1, true, false, null, [], {}, [null], { __proto__: { polluted: 1 } },
  Array.from({ length: 2000 }, (_, i) => i), deep(200),
];
const MALFORMED_BODIES = ['{', '{"a":', '[1,2', '"\\u0000"', '{"a":"\\ud800"}', 'nul', '{"a":1}{"b":2}', '\u0000', '{"a":1e999999}'];

function deep(n: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema?: Schema }[];
  body?: Schema;
  bodyType?: string;
}

describe('fuzz from the OpenAPI document: no 5xx, still ready', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, Schema> } };
  const callers: { name: string; headers: Record<string, string> }[] = [{ name: 'anonymous', headers: {} }];

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject({ url: '/openapi.json' })).json();
    for (const user of ['admin', 'officer.nanguan', 'jz.tester']) callers.push({ name: user, headers: { cookie: await t.login(user) } });
    const jzAdmin = await t.login('jz.admin');
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/machine-credentials', headers: { cookie: jzAdmin }, payload: { name: '模糊测试' } });
    callers.push({ name: 'machine', headers: { authorization: `Bearer ${made.json().secret}` } });
  }, 120_000);
  afterAll(() => t?.close());

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    let s = schema;
    for (let i = 0; i < 10 && s && typeof s.$ref === 'string'; i++) s = doc.components.schemas[(s.$ref as string).split('/').pop()!];
    return s;
  };

  /** A value the schema would accept, as a starting point for a single hostile mutation. */
  const plausible = (schema: Schema | undefined, rand: () => number, depth = 0): unknown => {
    const s = resolve(schema);
    if (!s || depth > 6) return 'x';
    const variants = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (variants?.length) return plausible(variants[Math.floor(rand() * variants.length)], rand, depth + 1);
    if (Array.isArray(s.enum)) return s.enum[0];
    if ('const' in s) return s.const;
    switch (s.type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        const props = (s.properties ?? {}) as Record<string, Schema>;
        for (const key of (s.required ?? Object.keys(props).slice(0, 3)) as string[]) out[key] = plausible(props[key], rand, depth + 1);
        return out;
      }
      case 'array':
        return [plausible(s.items as Schema, rand, depth + 1)];
      case 'integer':
      case 'number':
        return typeof s.minimum === 'number' ? s.minimum : 1;
      case 'boolean':
        return true;
      default:
        if (s.format === 'uuid') return crypto.randomUUID();
        if (s.format === 'date-time') return '2026-12-05T02:00:00.000Z';
        if (s.format === 'date') return '2026-12-05';
        return 'x'.repeat(typeof s.minLength === 'number' ? s.minLength : 1);
    }
  };

  /** Replaces one leaf of `value` (or the value itself) by something hostile. */
  const mutate = (value: unknown, rand: () => number): unknown => {
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const hostile = () => (rand() < 0.6 ? pick(HOSTILE_STRINGS) : pick(HOSTILE_VALUES));
    if (value === null || typeof value !== 'object' || rand() < 0.15) return hostile();
    const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (keys.length === 0 || rand() < 0.15) {
      copy[pick(['evil', '__proto__', 'constructor', 'a\u0000b', '\ud800'])] = hostile();
      return copy;
    }
    const key = pick(keys);
    copy[key] = mutate(copy[key], rand);
    return copy;
  };

  const encodeSegment = (v: string): string => {
    try {
      return encodeURIComponent(v);
    } catch {
      return '%ED%A0%80'; // a lone surrogate as UTF-8 bytes: not valid UTF-8
    }
  };

  it(`${CASES_PER_OPERATION} requests per operation per seed, every caller`, async () => {
    const rand = mulberry32(SEED);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const operations: Operation[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        // Signing out or changing a password would end the callers' sessions and hide the routes after them.
        if (/\/auth\/(logout|password)|\/account\/password/.test(path)) continue;
        const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {};
        const bodyType = Object.keys(content)[0];
        operations.push({
          method: method.toUpperCase(),
          path,
          params: [...((item.parameters as unknown as Operation['params']) ?? []), ...((op.parameters as Operation['params']) ?? [])],
          body: bodyType ? content[bodyType]!.schema : undefined,
          bodyType,
        });
      }
    }
    expect(operations.length).toBeGreaterThan(100);

    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      for (let i = 0; i < CASES_PER_OPERATION; i++) {
        const caller = pick(callers);
        const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
          const p = op.params.find((x) => x.in === 'path' && x.name === name);
          return encodeSegment(rand() < 0.7 ? pick(HOSTILE_STRINGS) : String(plausible(p?.schema, rand)));
        });
        const query = op.params
          .filter((p) => p.in === 'query' && rand() < 0.6)
          .map((p) => `${encodeURIComponent(p.name)}=${encodeSegment(rand() < 0.7 ? pick(HOSTILE_STRINGS) : String(plausible(p.schema, rand)))}`);
        if (rand() < 0.2) query.push(`${encodeSegment(pick(HOSTILE_STRINGS))}=${encodeSegment(pick(HOSTILE_STRINGS))}`);
        const headers: Record<string, string> = { ...caller.headers };
        let payload: string | undefined;
        if (op.method !== 'GET' && op.method !== 'DELETE') {
          const r = rand();
          if (r < 0.25) {
            payload = pick(MALFORMED_BODIES);
            headers['content-type'] = 'application/json';
          } else if (r < 0.35) {
            payload = pick(HOSTILE_STRINGS);
            headers['content-type'] = pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json']);
          } else {
            payload = JSON.stringify(mutate(plausible(op.body, rand), rand));
            headers['content-type'] = 'application/json';
          }
        }
        const res = await t.app.inject({ method: op.method as 'GET', url: `${url}${query.length ? `?${query.join('&')}` : ''}`, headers, payload });
        sent++;
        if (res.statusCode >= 500) failures.push(`${op.method} ${op.path} as ${caller.name} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(sent).toBe(operations.length * CASES_PER_OPERATION);
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  }, 240_000);
});
