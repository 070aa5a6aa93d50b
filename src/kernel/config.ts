import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Configuration comes from the environment only, validated once at start. An invalid value stops the process
 * with a message naming the variable; nothing falls back silently. The README's table mirrors this schema.
 */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  BLOB_DIR: Type.Optional(Type.String({ minLength: 1 })),
  SEED_DEMO: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')], { default: 'auto' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    { default: 'info' },
  ),
  PUBLIC_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  COOKIE_SECURE: Type.Union([Type.Literal('true'), Type.Literal('false')], { default: 'false' }),
  TRUST_PROXY: Type.String({ minLength: 1, default: 'false' }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  PG_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 10_000 }),
  WEB_DIST_DIR: Type.Optional(Type.String({ minLength: 1 })),
  LEDGER_WITNESSES: Type.Optional(Type.String()),
  RATE_LIMIT: Type.Union([Type.Literal('true'), Type.Literal('false')], { default: 'true' }),
  MFA_REQUIRED: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')], { default: 'auto' }),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Unset: the embedded PGlite database under `dataDir/pg`. `memory://` is accepted by tests only. */
  databaseUrl: string | undefined;
  blobDir: string;
  seedDemo: 'auto' | 'true' | 'false';
  logLevel: string;
  publicBaseUrl: string | undefined;
  cookieSecure: boolean;
  /**
   * Which reverse proxies may tell the client's address in X-Forwarded-For: none (false), the nearest N hops, or the
   * proxies at these addresses / CIDR ranges. Never "any": a client could then claim any address (issue 15 item 1).
   */
  trustProxy: false | number | string[];
  bodyLimitBytes: number;
  pgPoolMax: number;
  shutdownTimeoutMs: number;
  webDistDir: string;
  /**
   * Whether administrators and department officers must sign in with a second factor (issue 15 item 2). `auto`: on
   * with a PostgreSQL server (production), off on the embedded database (the demo), which says so at start.
   */
  secondFactorRequired: boolean;
  /** Request rate limits for machine credentials and anonymous callers (kernel/policy.ts); tests turn them off. */
  rateLimit: boolean;
  /** Verifier keys (C2SP vkeys, type 0x04) of the witnesses whose cosignatures the ledger accepts. */
  ledgerWitnesses: string[];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw));
  const errors = [...Value.Errors(EnvSchema, withDefaults)];
  if (errors.length > 0) {
    // A union reports one error per branch; one line per variable is what an operator needs.
    const byVar = new Map<string, string>();
    for (const e of errors) {
      const name = e.instancePath.replace(/^\//, '') || '(root)';
      if (!byVar.has(name)) byVar.set(name, `${name}=${JSON.stringify(raw[name])}: ${e.message}`);
    }
    throw new ConfigError(`Invalid configuration:\n  ${[...byVar.values()].join('\n  ')}`);
  }
  const e = withDefaults as Env;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    blobDir: resolve(e.BLOB_DIR ?? `${dataDir}/blobs`),
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    pgPoolMax: e.PG_POOL_MAX,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    webDistDir: resolve(e.WEB_DIST_DIR ?? 'web/dist'),
    rateLimit: e.RATE_LIMIT === 'true',
    secondFactorRequired: e.MFA_REQUIRED === 'true' || (e.MFA_REQUIRED === 'auto' && e.DATABASE_URL !== undefined),
    ledgerWitnesses: (e.LEDGER_WITNESSES ?? '').split(/[\s,]+/).filter((v) => v.length > 0),
  };
}

/** TRUST_PROXY: `false`, a hop count 1–10, or a comma-separated list of proxy addresses / CIDR ranges. */
export function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim();
  if (v === 'false' || v === '0') return false;
  if (v === 'true') {
    throw new ConfigError(
      'Invalid configuration:\n  TRUST_PROXY="true": trusting every X-Forwarded-For lets any client claim any address. ' +
        'Give the number of reverse proxies in front of the platform (usually 1) or their addresses, e.g. TRUST_PROXY=1 or TRUST_PROXY=10.0.0.5,10.0.1.0/24',
    );
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY=${JSON.stringify(value)}: at most 10 proxy hops`);
    return hops;
  }
  const list = v.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
  for (const entry of list) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (family === 0 || !bitsOk || extra !== undefined) {
      throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY=${JSON.stringify(value)}: "${entry}" is not an IP address or CIDR range (or use a hop count such as 1)`);
    }
  }
  return list;
}
