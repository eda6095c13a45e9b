/**
 * The only reader of process.env. Parsed once at start-up into a typed Config that is
 * passed down; an invalid value names its variable and the process stops.
 */
import { z } from 'zod';

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const flag = (fallback: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z.union([
      z.boolean(),
      z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v)),
    ]),
  );

export const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: 127.0.0.1 in demo mode (the demo trusts whoever reaches it), 0.0.0.0 otherwise. */
  HOST: optionalString,
  /** Base URL people reach the service at; used in links (certificates, launches). */
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** postgres://… selects PostgreSQL; unset selects embedded PGlite in DATA_DIR. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  /** Where uploaded SCORM packages are extracted; defaults to DATA_DIR/content. */
  CONTENT_DIR: optionalString,
  /** Seed the demo organisation when the database is empty. */
  SEED_DEMO: flag(true),
  /**
   * Demo mode opens the web chat with a person picker and prints a generated admin token.
   * Unset: on only when the demo organisation was seeded into this database.
   */
  DEMO_MODE: z.preprocess((v) => (v === '' ? undefined : v), flag(false).optional()),
  ADMIN_API_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Removed: one shared key let its holder be anyone. People sign in with one-time links. */
  WEB_CHAT_TOKEN: optionalString,
  /**
   * Signs SCORM launch tokens. Unset: generated once and stored in the database, so every
   * replica and the CLI share it.
   */
  LAUNCH_TOKEN_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** After changing LAUNCH_TOKEN_SECRET: the old one, still accepted for links it signed (12 h). */
  LAUNCH_TOKEN_SECRET_PREVIOUS: optionalString,
  /** Zone used for organisation-wide dates (reports, seed) when a person has none. */
  DEFAULT_TIME_ZONE: z.string().default('Europe/London').refine(isTimeZone, 'must be an IANA time zone'),
  JOBS_ENABLED: flag(true),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  /** Only events from this workspace are accepted (Slack team id, e.g. T0123). */
  SLACK_TEAM_ID: optionalString,
  /** App-level token (xapp-…, connections:write): Socket Mode instead of inbound HTTP. */
  SLACK_APP_TOKEN: optionalString,
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  /**
   * Comma-separated Microsoft tenant ids whose activities are accepted; others get 403 (the
   * Teams twin of SLACK_TEAM_ID). Defaults to MICROSOFT_APP_TENANT_ID when that is set.
   */
  MICROSOFT_ALLOWED_TENANTS: optionalString,
  /**
   * Accept unauthenticated activities from the Bot Framework Emulator on this machine. Only
   * with a loopback HOST, and replies only go to loopback serviceUrls.
   */
  TEAMS_EMULATOR: flag(false),
  /**
   * Where inbound Bot Framework tokens' signing keys are published, and the issuer they must
   * name. Defaults are the public cloud's (login.botframework.com / api.botframework.com);
   * override for a sovereign cloud, or in tests to point at a local OpenID/JWKS server.
   */
  MICROSOFT_OPENID_METADATA_URL: optionalString.pipe(z.url().optional()),
  MICROSOFT_TOKEN_ISSUER: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
});

export type Config = Omit<
  z.infer<typeof ZConfig>,
  'CONTENT_DIR' | 'MICROSOFT_ALLOWED_TENANTS' | 'HOST' | 'WEB_CHAT_TOKEN'
> & {
  HOST: string;
  /** HOST came from the environment (demo mode does not move an explicit HOST to loopback). */
  hostFromEnv: boolean;
  /** Parsed MICROSOFT_ALLOWED_TENANTS; empty means any tenant the token was issued for. */
  MICROSOFT_ALLOWED_TENANTS: string[];
  CONTENT_DIR: string;
  /** Derived: which database openDb() will give. */
  dbKind: 'pglite' | 'postgres';
  demoMode: boolean;
  publicUrl: string;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parses the environment (or the given overrides, for tests and the CLI). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const values = parsed.data;
  const dbKind = values.DATABASE_URL ? 'postgres' : 'pglite';
  if (values.TEAMS_EMULATOR && values.MICROSOFT_APP_ID) {
    throw new ConfigError('TEAMS_EMULATOR=true cannot be combined with MICROSOFT_APP_ID; unset one of them.');
  }
  if (values.WEB_CHAT_TOKEN) {
    throw new ConfigError(
      'WEB_CHAT_TOKEN is no longer used: people sign in to the web chat with one-time links (ask the bot "open Rollcall in my browser", or `npm run -s cli -- web-link --as <email>`). Unset it.',
    );
  }
  const demoMode = values.DEMO_MODE ?? false;
  const host = values.HOST ?? (demoMode ? '127.0.0.1' : '0.0.0.0');
  if (values.TEAMS_EMULATOR && !isLoopbackHost(host)) {
    throw new ConfigError(
      `TEAMS_EMULATOR=true accepts unauthenticated Teams activities, so the service must bind a loopback address (HOST=127.0.0.1), not ${host}.`,
    );
  }
  const allowedTenants = (values.MICROSOFT_ALLOWED_TENANTS ?? values.MICROSOFT_APP_TENANT_ID ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    ...values,
    HOST: host,
    hostFromEnv: values.HOST !== undefined,
    MICROSOFT_ALLOWED_TENANTS: allowedTenants,
    CONTENT_DIR: values.CONTENT_DIR ?? `${values.DATA_DIR.replace(/\/$/, '')}/content`,
    dbKind,
    demoMode,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
  };
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Reads one variable that only scripts outside the service use (tests, benchmarks). */
export function envValue(name: string): string | undefined {
  const value = process.env[name];
  return value === '' ? undefined : value;
}
