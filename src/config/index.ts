/**
 * Typed configuration with embedded defaults. Every setting is an environment
 * variable (documented in README.md); defaults give the embedded demo: SQLite
 * file under ./data, shipped models under ./models, port 3000.
 */
import path from 'node:path';
import { z } from 'zod';

/** Raised when a setting is invalid; names the setting so the user can fix it. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`Invalid setting ${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const databaseUrl = z
  .string()
  .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), 'must start with file: (SQLite) or postgresql:// (PostgreSQL)');

const schema = z.object({
  DATABASE_URL: databaseUrl.default('file:./data/shopdesk.db'),
  SHOPDESK_HOST: z.string().min(1).default('127.0.0.1'),
  SHOPDESK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SHOPDESK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHOPDESK_MODELS_DIR: z.string().min(1).default('models'),
  SHOPDESK_AUTO_SEED: bool.default(true),
  SHOPDESK_SEED: z.coerce.number().int().default(42),
  SHOPDESK_SEED_SCALE: z.coerce.number().positive().max(10).default(1),
  SHOPDESK_SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SHOPDESK_DB_RETRY_MS: z.coerce.number().int().min(50).default(2000),
  REDIS_URL: z.string().url().optional(),
  SHOPDESK_DEMO_STAFF_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('shopdesk-demo'),
  SHOPDESK_SECURE_COOKIES: bool.default(false),
  SHOPDESK_ROUTING_CONFIG: z.string().min(1).optional(),
  SHOPDESK_PUBLIC_URL: z.string().url().optional(),
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
});

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface ShopDeskConfig {
  databaseUrl: string;
  databaseProvider: DatabaseProvider;
  host: string;
  port: number;
  logLevel: z.infer<typeof schema>['SHOPDESK_LOG_LEVEL'];
  modelsDir: string;
  autoSeed: boolean;
  seed: number;
  /** Size of the generated demo store relative to the full one (tests use small stores). */
  seedScale: number;
  /** Secret for HMAC session tokens; a random per-process value when unset (tokens then die with the process). */
  sessionSecret: string | undefined;
  dbRetryMs: number;
  redisUrl: string | undefined;
  /** Password of the demo staff accounts created with the embedded demo store (README: agent console). */
  demoStaffPassword: string;
  /** Staff session cookies only over HTTPS (set behind TLS). */
  secureCookies: boolean;
  /** The shop's public origin, for absolute links in other channels' cards (default: the origin a request came on). */
  publicUrl: string | undefined;
  /** Store-editable routing rules (default: config/routing.yml). */
  routingConfigPath: string | undefined;
  /** Bot Framework credentials; without an app id the channel runs in anonymous local mode. */
  botFramework: { appId?: string; appPassword?: string; tenantId?: string; appType?: string };
}

/** The provider a DATABASE_URL selects. */
export function providerOf(url: string): DatabaseProvider {
  return url.startsWith('file:') ? 'sqlite' : 'postgresql';
}

/**
 * Reads configuration from an environment (default: process.env).
 * @throws ConfigError naming the first invalid setting.
 * @example loadConfig({ SHOPDESK_PORT: '0' }).port === 0
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ShopDeskConfig {
  const relevant = Object.fromEntries(
    Object.keys(schema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'configuration');
    throw new ConfigError(setting, `${issue?.message ?? 'invalid'} (got ${JSON.stringify(relevant[setting])})`);
  }
  const c = parsed.data;
  return {
    databaseUrl: resolveSqlitePath(c.DATABASE_URL, cwd),
    databaseProvider: providerOf(c.DATABASE_URL),
    host: c.SHOPDESK_HOST,
    port: c.SHOPDESK_PORT,
    logLevel: c.SHOPDESK_LOG_LEVEL,
    modelsDir: path.resolve(cwd, c.SHOPDESK_MODELS_DIR),
    autoSeed: c.SHOPDESK_AUTO_SEED,
    seed: c.SHOPDESK_SEED,
    seedScale: c.SHOPDESK_SEED_SCALE,
    sessionSecret: c.SHOPDESK_SESSION_SECRET,
    dbRetryMs: c.SHOPDESK_DB_RETRY_MS,
    redisUrl: c.REDIS_URL,
    demoStaffPassword: c.SHOPDESK_DEMO_STAFF_PASSWORD,
    secureCookies: c.SHOPDESK_SECURE_COOKIES,
    publicUrl: c.SHOPDESK_PUBLIC_URL,
    routingConfigPath: c.SHOPDESK_ROUTING_CONFIG ? path.resolve(cwd, c.SHOPDESK_ROUTING_CONFIG) : undefined,
    botFramework: {
      ...(c.MICROSOFT_APP_ID ? { appId: c.MICROSOFT_APP_ID } : {}),
      ...(c.MICROSOFT_APP_PASSWORD ? { appPassword: c.MICROSOFT_APP_PASSWORD } : {}),
      ...(c.MICROSOFT_APP_TENANT_ID ? { tenantId: c.MICROSOFT_APP_TENANT_ID } : {}),
      ...(c.MICROSOFT_APP_TYPE ? { appType: c.MICROSOFT_APP_TYPE } : {}),
    },
  };
}

/** Relative SQLite paths are resolved against the working directory so every process agrees on one file. */
function resolveSqlitePath(url: string, cwd: string): string {
  if (!url.startsWith('file:')) return url;
  const file = url.slice('file:'.length);
  if (file === ':memory:' || path.isAbsolute(file)) return url;
  return `file:${path.resolve(cwd, file)}`;
}
