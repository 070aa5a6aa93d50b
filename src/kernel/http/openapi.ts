import type { FastifyInstance, RouteOptions } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { machineMayCall } from '../auth/machine-routes.ts';

/**
 * How the OpenAPI document is written (see docs/decisions.md, "One source for every shape"):
 * - every shape a route takes or gives has a name in `components.schemas`: the module's own schemas (`$id`, added
 *   once at the app root, referenced with `ref()`), and a one-off inline body or answer named after its operation
 *   (`ListOrganisationsResponse`, `CreateOrganisationRequest`);
 * - every operation has an `operationId` (camelCase verbNoun, derived from method and path unless the route names it);
 * - every 4xx/5xx answer is the one `Error` response (the `ErrorResponse` shape) and the operation lists the `code`
 *   values it can give in `x-error-codes` (the module's declared codes and the platform-wide ones);
 * - tuples are written as OpenAPI 3.1 `prefixItems`.
 */

declare module 'fastify' {
  interface FastifySchema {
    /** The stable `code` values this route can answer with (see `declareErrorCodes`). */
    'x-error-codes'?: readonly string[];
  }
}

/** A reference to a shared schema by its `$id` that keeps the schema's static type (for handlers and services). */
export function ref<T extends TSchema>(schema: T) {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string') throw new Error('ref(): the schema has no $id');
  return Type.Unsafe<Static<T>>(Type.Ref(id));
}

/**
 * Codes any route can answer with, whatever its module: authentication, validation, body parsing and the database's
 * integrity guards (src/kernel/errors.ts, src/kernel/http/error-handler.ts, src/app.ts).
 */
export const PLATFORM_ERROR_CODES = [
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIAL',
  'FORBIDDEN',
  'CROSS_SITE_REQUEST_REFUSED',
  'CONSOLE_HEADER_REQUIRED',
  'MACHINE_ROUTE_NOT_ALLOWED',
  'RATE_LIMITED',
  'SECOND_FACTOR_ENROLLMENT_REQUIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'EMPTY_BODY',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_CONTENT_LENGTH',
  'BAD_REQUEST',
  'DUPLICATE',
  'REFERENCE_INVALID',
  'CONSTRAINT_VIOLATED',
  'INVALID_VALUE',
  'CONCURRENT_UPDATE',
  'INTERNAL_ERROR',
] as const;

/**
 * Declares the codes the routes of a module can answer with: every route the plugin registers after this call
 * carries them (with the platform-wide ones) as `x-error-codes`, with any the route lists itself.
 * A test (src/kernel/http/error-codes.test.ts) fails when a module's code throws a code its list lacks.
 */
export function declareErrorCodes(app: FastifyInstance, codes: readonly string[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = (route.schema ??= {});
    // A module registered inside another (service requests in inspections) adds its codes to the outer ones.
    schema['x-error-codes'] = [...new Set([...(schema['x-error-codes'] ?? []), ...codes])];
  });
}

const VERB: Record<string, string> = { GET: 'get', POST: 'create', PUT: 'put', PATCH: 'update', DELETE: 'delete' };
const IRREGULAR: Record<string, string> = { agencies: 'agency', batches: 'batch', witnesses: 'witness', statuses: 'status', analyses: 'analysis' };
const UNCOUNTABLE = new Set(['equipment', 'personnel', 'series', 'audit']);
/** Actions named by a noun in the path (`POST /force-majeure-filings/:id/decision` → `decideForceMajeureFiling`). */
const ACTION_VERBS: Record<string, [verb: string, object: string]> = {
  'force-majeure': ['file', 'ForceMajeure'],
  decision: ['decide', ''],
  clearance: ['clear', ''],
  penalty: ['penalise', ''],
  intent: ['declare', 'Intent'],
  report: ['issue', 'Report'],
  'rectification-decision': ['decide', 'Rectification'],
  violation: ['record', 'Violation'],
};

const camel = (segment: string) => segment.replace(/[-_.]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const isPlural = (word: string) => !UNCOUNTABLE.has(word) && (word in IRREGULAR || (/[^su]s$/.test(word) && !/ss$/.test(word)));
const singular = (word: string) => (isPlural(word) ? (IRREGULAR[word] ?? (word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1))) : word);
const lastWord = (s: string) => /[A-Z]?[a-z0-9]+$/.exec(s)?.[0] ?? s;
/** `manualEntryExceptions` → `manualEntryException`, `personnel` → `personnel`. */
const singularPhrase = (s: string) => {
  const w = lastWord(s);
  return s.slice(0, s.length - w.length) + (w[0] === w[0]?.toUpperCase() ? pascal(singular(w.toLowerCase())) : singular(w));
};
const collection = (s: string) => {
  const w = lastWord(s).toLowerCase();
  return isPlural(w) || UNCOUNTABLE.has(w);
};

/**
 * The operationId of a route that does not name one (camelCase verbNoun): `GET /organisations` → `listOrganisations`,
 * `GET /organisations/:id` → `getOrganisation`, `POST /organisations` → `createOrganisation`, `POST
 * /organisations/:id/disable` → `disableOrganisation`, `POST /batches/:id/images` → `createBatchImage`. Routes whose
 * path does not say what they do (`POST /auth/login`) name theirs in their schema.
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url.replace(/^\/api\/v1/, '').split('/').filter(Boolean);
  const words: string[] = [];
  const m = method.toUpperCase();
  segments.forEach((s, i) => {
    if (s.startsWith(':')) return;
    const nextIsParam = segments[i + 1]?.startsWith(':') ?? false;
    const isLast = i === segments.length - 1;
    const afterParam = segments[i - 1]?.startsWith(':') ?? false;
    if (m === 'POST' && isLast && afterParam && !collection(camel(s))) return;
    words.push(nextIsParam || (m === 'POST' && isLast) ? singularPhrase(camel(s)) : camel(s));
  });
  const noun = words.map(pascal).join('');
  const last = segments[segments.length - 1] ?? '';
  const endsWithParam = last.startsWith(':');
  if (m === 'GET') return `${!endsWithParam && collection(words[words.length - 1] ?? '') ? 'list' : 'get'}${noun}`;
  if (m === 'POST' && !endsWithParam && segments[segments.length - 2]?.startsWith(':') && !collection(camel(last))) {
    const [verb, object] = ACTION_VERBS[last] ?? [camel(last).replace(/[A-Z].*$/, ''), pascal(camel(last)).replace(/^[A-Z][a-z0-9]*/, '')];
    return `${verb}${noun}${object}`;
  }
  return `${VERB[m] ?? m.toLowerCase()}${noun}`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON Schema draft-07 tuples (`items: [...]`, as TypeBox writes them and Ajv validates them) as 3.1 `prefixItems`. */
function tuplesToPrefixItems(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) tuplesToPrefixItems(n);
    return;
  }
  if (!isObject(node)) return;
  if (Array.isArray(node.items)) {
    node.prefixItems = node.items;
    delete node.items;
    if (node.additionalItems === false) node.items = false;
    delete node.additionalItems;
  }
  for (const v of Object.values(node)) tuplesToPrefixItems(v);
}

const ERROR_REF = '#/components/schemas/ErrorResponse';

/**
 * The last pass over the document Fastify's swagger plugin builds: names inline shapes after their operation,
 * turns every error answer into the one shared `Error` response and writes tuples as `prefixItems`.
 */
export function finishOpenApiDocument(doc: Json): Json {
  const components = (doc.components ??= {}) as Json;
  const schemas = (components.schemas ??= {}) as Json;
  const responses = (components.responses ??= {}) as Json;
  responses.Error = {
    description: '错误（统一格式 `{ code, message, field? }`；本操作可能的 `code` 见 `x-error-codes`）',
    content: { 'application/json': { schema: { $ref: ERROR_REF } } },
  };
  const hoist = (name: string, schema: unknown): unknown => {
    if (!isObject(schema) || typeof schema.$ref === 'string') return schema;
    if (schema.type !== 'object' && schema.type !== 'array' && !schema.anyOf && !schema.oneOf && !schema.allOf) return schema;
    if (name in schemas) throw new Error(`OpenAPI: two shapes named ${name}`);
    schemas[name] = schema;
    return { $ref: `#/components/schemas/${name}` };
  };
  for (const pathItem of Object.values(doc.paths as Json)) {
    for (const op of Object.values(pathItem as Json)) {
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const base = pascal(op.operationId);
      const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
      for (const media of Object.values(body ?? {})) {
        if (isObject(media)) media.schema = hoist(`${base}Request`, media.schema);
      }
      const answers = op.responses as Json;
      const success = Object.keys(answers).filter((s) => s.startsWith('2'));
      for (const [status, answer] of Object.entries(answers)) {
        if (!isObject(answer)) continue;
        if (/^[45]/.test(status)) {
          const content = answer.content as Json | undefined;
          const schema = (content?.['application/json'] as Json | undefined)?.schema as Json | undefined;
          if (schema?.$ref === ERROR_REF || content === undefined) answers[status] = { $ref: '#/components/responses/Error' };
          continue;
        }
        const content = answer.content as Json | undefined;
        for (const media of Object.values(content ?? {})) {
          if (isObject(media)) media.schema = hoist(success.length > 1 ? `${base}Response${status}` : `${base}Response`, media.schema);
        }
      }
    }
  }
  tuplesToPrefixItems(doc);
  return doc;
}

/** The swagger plugin's per-route pass: an operationId for every route and the platform-wide codes with its own. */
export function describeRoute({ schema, url, route }: { schema: Json; url: string; route: RouteOptions }): { schema: Json; url: string } {
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  const own = (schema?.['x-error-codes'] as readonly string[] | undefined) ?? [];
  const codes = [...new Set([...PLATFORM_ERROR_CODES, ...own])].sort();
  // Public routes keep their empty `security`; the others take a session, and a machine credential only where
  // kernel/auth/machine-routes.ts allows it (the same list the request hook enforces).
  const security = Array.isArray(schema?.security) && (schema.security as unknown[]).length === 0
    ? []
    : machineMayCall(method, route.url) ? [{ session: [] }, { machine: [] }] : [{ session: [] }];
  return { schema: { ...schema, security, operationId: schema?.operationId ?? operationIdOf(method, url), 'x-error-codes': codes }, url };
}
