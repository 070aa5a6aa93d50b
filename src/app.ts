import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor, RequestContext } from './kernel/auth/actor.ts';
import type { AppDeps } from './kernel/deps.ts';
import type {} from './kernel/db/schema.ts';
import { forbidden, tooManyRequests, unauthorized } from './kernel/errors.ts';
import { ANONYMOUS_REQUESTS_PER_MINUTE, MACHINE_REQUESTS_PER_MINUTE } from './kernel/policy.ts';
import { CONSOLE_REQUEST_HEADER, crossSiteRefusal, originOf } from './kernel/http/cross-site.ts';
import { errorHandler } from './kernel/http/error-handler.ts';
import {
  contentSecurityPolicyDirectives,
  CSP_NONCE_PLACEHOLDER,
  HSTS_MAX_AGE_SECONDS,
  PERMISSIONS_POLICY,
} from './kernel/http/security-headers.ts';
import { addApiSchemas } from './api-schemas.ts';
import { describeRoute, finishOpenApiDocument } from './kernel/http/openapi.ts';
import { validatorCompilerFactory } from './kernel/http/validation.ts';
import { serializerCompilerFactory } from './kernel/http/serialization.ts';
import { auditRoutes, AuditService } from './modules/audit/index.ts';
import { documentRoutes } from './modules/documents/index.ts';
import { machineMayCall } from './kernel/auth/machine-routes.ts';
import { AuthService, identityRoutes, MachineCredentialService, SecondFactorService, SESSION_COOKIE, UserService } from './modules/identity/index.ts';
import { organisationRoutes, OrganisationService } from './modules/organisations/index.ts';
import { regionRoutes, RegionService } from './modules/regions/index.ts';
import { systemRoutes } from './modules/system/index.ts';
import { calendarRoutes } from './modules/calendar/index.ts';
import { violationRoutes } from './modules/violations/index.ts';
import { witnessRoutes } from './modules/witnesses/index.ts';
import { agenciesRoutes } from './modules/agencies/index.ts';
import { personnelRoutes } from './modules/personnel/index.ts';
import { equipmentRoutes } from './modules/equipment/index.ts';
import { catalogueRoutes } from './modules/catalogue/index.ts';
import { projectRoutes } from './modules/projects/index.ts';
import { componentRoutes } from './modules/components/index.ts';
import { commissionRoutes } from './modules/commissions/index.ts';
import { imageRoutes } from './modules/images/index.ts';
import { checkinRoutes } from './modules/checkins/index.ts';
import { batchRoutes } from './modules/batches/index.ts';
import { recordRoutes } from './modules/records/index.ts';
import { reportRoutes } from './modules/reports/index.ts';
import { deadlineRoutes } from './modules/deadlines/index.ts';
import { notificationRoutes } from './modules/notifications/index.ts';
import { enforcementRoutes } from './modules/enforcement/index.ts';
import { inspectionRoutes } from './modules/inspections/index.ts';
import { ledgerApiRoutes, ledgerTileRoutes } from './modules/ledger/index.ts';
import { anomalyDeskRoutes } from './modules/anomaly-desk/index.ts';
import { captureRoutes } from './modules/capture/index.ts';

export interface Services {
  regions: RegionService;
  organisations: OrganisationService;
  users: UserService;
  auth: AuthService;
  machineCredentials: MachineCredentialService;
  secondFactor: SecondFactorService;
  audit: AuditService;
}

export function createServices(deps: AppDeps): Services {
  const users = new UserService(deps.db);
  return {
    regions: new RegionService(deps.db),
    organisations: new OrganisationService(deps.db),
    users,
    auth: new AuthService(deps.db, deps.clock, users, { secondFactorRequired: deps.config.secondFactorRequired }),
    secondFactor: new SecondFactorService(deps.db, deps.config.secondFactorRequired),
    machineCredentials: new MachineCredentialService(deps.db),
    audit: new AuditService(deps.db),
  };
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    services: Services;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Who, from where, when: built once per request after authentication. */
    ctx: RequestContext;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface BuildOptions {
  logger?: boolean | Record<string, unknown>;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? {
      level: deps.config.logLevel,
      // Secrets and personal data never reach the log: cookies, credentials and bodies are not logged at all.
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
    },
    bodyLimit: deps.config.bodyLimitBytes,
    // A hop count trusts the nearest N hops (what proxy-addr does for a number; Fastify's types take it as a function).
    trustProxy: typeof deps.config.trustProxy === 'number' ? trustHops(deps.config.trustProxy) : deps.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    forceCloseConnections: 'idle',
    // Our validator compiler ignores the pool/options Fastify passes; its signature is wider than we need. The
    // serializer compiler gives each response only the shared schemas it references (src/kernel/http/serialization.ts).
    schemaController: { compilersFactory: { buildValidator: validatorCompilerFactory() as never, buildSerializer: serializerCompilerFactory() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler((err: Parameters<typeof errorHandler>[0], req, reply) => errorHandler(err, req as never, reply as never));
  app.decorate('deps', deps);
  app.decorate('services', createServices(deps));
  app.decorateRequest('actor', null as never);
  app.decorateRequest('ctx', null as never);
  addApiSchemas(app);

  await app.register(fastifyCookie);
  const secure = deps.config.cookieSecure;
  await app.register(fastifyHelmet, {
    // A fresh nonce per request for script-src and style-src; the console's page carries the style one to Ant Design.
    enableCSPNonces: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives({ upgradeInsecureRequests: secure }) },
    // HSTS only where the platform is served over HTTPS; on plain HTTP (the embedded demo) it would be ignored or wrong.
    hsts: secure ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    // Images are served same-origin; COEP would only get in the way of the public verification page's pictures.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  if (deps.config.rateLimit) {
    await app.register(fastifyRateLimit, {
      // After authentication (the onRequest hook below), so that a machine credential is counted as itself.
      hook: 'preHandler',
      timeWindow: 60_000,
      max: (req) => (req.actor?.kind === 'machine' ? MACHINE_REQUESTS_PER_MINUTE : ANONYMOUS_REQUESTS_PER_MINUTE),
      keyGenerator: (req) => (req.actor?.kind === 'machine' ? `machine:${req.actor.id}` : `address:${req.ip}`),
      // People signed in are not limited; nor are the console's page, assets and health checks.
      allowList: (req) => req.actor?.kind === 'user' || req.actor?.kind === 'system' || !req.url.startsWith('/api/'),
      errorResponseBuilder: (_req, context) =>
        tooManyRequests('RATE_LIMITED', `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`, Math.max(1, Math.ceil(context.ttl / 1000))),
    });
  }
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'QTrace 建设工程质量检测监管平台 API',
        version: '1',
        description:
          'API of the supervision platform defined by 吉建质〔2026〕2号. Console sessions use a cookie; agency systems send ' +
          '`Authorization: Bearer qtm_…` with a machine credential. Errors are `{ code, message, field? }`.',
      },
      servers: [{ url: deps.config.publicBaseUrl ?? `http://127.0.0.1:${deps.config.port}`, description: '本平台（PUBLIC_BASE_URL）' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          machine: { type: 'http', scheme: 'bearer', description: 'Machine credential qtm_<keyId>_<secret>' },
        },
      },
      // Per operation (describeRoute): a session everywhere, a machine credential only on kernel/auth/machine-routes.ts.
      security: [{ session: [] }],
    },
    transform: describeRoute as never,
    transformObject: (documentObject) => finishOpenApiDocument((documentObject as unknown as { openapiObject: never }).openapiObject) as never,
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    // Swagger UI's own hashed policy replaces the console's on its pages; no upgrade on plain HTTP.
    staticCSP: true,
    transformStaticCSP: (header) => (secure ? header : header.replace(/\s*upgrade-insecure-requests;?/, '')),
  });

  const configuredOrigin = originOf(deps.config.publicBaseUrl);
  const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    const refusal = crossSiteRefusal({
      method: req.method,
      hasSessionCookie: Boolean(req.cookies[SESSION_COOKIE]),
      hasAuthorization: Boolean(req.headers.authorization),
      origin: single(req.headers.origin),
      secFetchSite: single(req.headers['sec-fetch-site']),
      consoleHeader: single(req.headers[CONSOLE_REQUEST_HEADER]),
      // The request's own scheme and host (behind a trusted proxy, the proxy's), and PUBLIC_BASE_URL's.
      ownOrigins: [`${req.protocol}://${req.host}`.toLowerCase(), ...(configuredOrigin ? [configuredOrigin] : [])],
    });
    if (refusal) throw forbidden(refusal.code, refusal.message);
    req.actor = await authenticate(app, req.headers.authorization, req.cookies[SESSION_COOKIE]);
    if (req.actor.kind === 'machine' && !machineMayCall(req.method, req.routeOptions.url)) {
      throw forbidden('MACHINE_ROUTE_NOT_ALLOWED', '接口凭证只能调用检测机构业务系统所需的接口（见对接文档），该接口须由本人登录后操作');
    }
    // A session that must first set up its second factor, or change a password someone else set, may do only that.
    if (req.actor.kind === 'user' && (req.routeOptions.url ?? '').startsWith('/api/') && !ACCOUNT_SETUP_ROUTES.has(req.routeOptions.url ?? '')) {
      if (req.actor.secondFactorEnrollmentPending) throw forbidden('SECOND_FACTOR_ENROLLMENT_REQUIRED', '请先绑定两步验证（动态验证码），再使用平台其他功能');
      if (req.actor.passwordChangeRequired) throw forbidden('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码或管理员重置的密码，再使用平台其他功能');
    }
    req.ctx = { actor: req.actor, requestId: req.id, clientIp: req.ip ?? null, now: deps.clock.now() };
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'same-origin');
    return payload;
  });

  await app.register(systemRoutes);
  await app.register(ledgerTileRoutes);
  await app.register(
    async (api) => {
      await api.register(identityRoutes);
      await api.register(regionRoutes);
      await api.register(organisationRoutes);
      await api.register(auditRoutes);
      await api.register(documentRoutes);
      await api.register(calendarRoutes);
      await api.register(violationRoutes);
      await api.register(witnessRoutes);
      await api.register(agenciesRoutes);
      await api.register(personnelRoutes);
      await api.register(equipmentRoutes);
      await api.register(catalogueRoutes);
      await api.register(projectRoutes);
      await api.register(componentRoutes);
      await api.register(commissionRoutes);
      await api.register(imageRoutes);
      await api.register(checkinRoutes);
      await api.register(batchRoutes);
      await api.register(recordRoutes);
      await api.register(reportRoutes);
      await api.register(anomalyDeskRoutes);
      await api.register(deadlineRoutes);
      await api.register(notificationRoutes);
      await api.register(enforcementRoutes);
      await api.register(inspectionRoutes);
      await api.register(ledgerApiRoutes);
      await api.register(captureRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webDist = deps.config.webDistDir;
  const hasConsole = existsSync(`${webDist}/index.html`);
  // The console's page is served from memory with this request's CSP nonce in place of Vite's placeholder; its
  // assets are static files.
  const consolePage = hasConsole ? readFileSync(`${webDist}/index.html`, 'utf8') : '';
  if (hasConsole) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, globIgnore: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // The console is a single-page app: its deep links are answered with its page.
    const isPage = path === '/index.html' || (!path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path));
    if (hasConsole && (req.method === 'GET' || req.method === 'HEAD') && isPage) {
      const nonce = (reply as unknown as { cspNonce: { style: string } }).cspNonce.style;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(consolePage.replaceAll(CSP_NONCE_PLACEHOLDER, nonce));
    }
    return reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: `接口不存在：${req.method} ${path}` });
  });

  return app;
}

async function authenticate(app: FastifyInstance, authorization: string | undefined, cookie: string | undefined): Promise<Actor> {
  if (authorization) {
    const m = /^Bearer (\S+)$/i.exec(authorization);
    const actor = m ? await app.services.auth.resolveMachineToken(m[1]!) : null;
    // A wrong credential is an error, not an anonymous call: a lab system must learn at once that it is rejected.
    if (!actor) throw unauthorized('AUTH_INVALID_CREDENTIAL', '接口凭证无效或已吊销');
    return actor;
  }
  if (cookie) {
    const actor = await app.services.auth.resolveSession(cookie);
    if (actor) return actor;
  }
  return { kind: 'anonymous' };
}

/**
 * What a session awaiting its second factor's setup or a password change may call (besides the console's own page and
 * assets): the account page's own calls.
 */
const ACCOUNT_SETUP_ROUTES: ReadonlySet<string> = new Set(
  ['/auth/me', '/auth/logout', '/auth/options', '/auth/password', '/auth/second-factor', '/auth/second-factor/enrollment', '/auth/second-factor/enrollment/confirm'].map(
    (p) => `/api/v1${p}`,
  ),
);

/** proxy-addr's reading of a hop count: the nearest `hops` addresses are proxies, the one beyond is the client. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
