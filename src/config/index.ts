/**
 * The only reader of process.env. Every setting is parsed by zod, has a documented default,
 * and fails the start with the variable's name when it is wrong. The result is frozen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { defaultPagerDutyUrl, defaultRundeckApiVersion, resolveIncidentSources, type IncidentSourcesConfig } from './incident-sources.js';
import type { AccountDataPolicy, AccountLimits } from './account-settings.js';
import { defaultPrices, routingSchema, type RoutingConfig } from './llm-routing.js';
import { formatZodIssues } from '../errors/zod-issues.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** The server, its database and log, and the model providers. */
function serverAndModelVariables() {
  return {
    /** Deployment mode; `production` refuses unsafe defaults. */
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** HTTP port of /graphql, graphql-ws, health and metrics. */
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    /** Interface to listen on. */
    HOST: z.string().default('0.0.0.0'),
    /** Folder for the embedded database and the local signing key. */
    DATA_DIR: z.string().default('./data'),
    /** PostgreSQL connection string; unset uses embedded PGlite in DATA_DIR. */
    DATABASE_URL: z.string().optional(),
    /** PostgreSQL schema for our tables (created if missing); default `public`. */
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lowercase SQL identifier').optional(),
    /** Named prepared statements on PostgreSQL; false behind PgBouncer in transaction mode before 1.21. */
    DATABASE_PREPARED_STATEMENTS: booleanFlag.optional().transform((value) => value ?? true),
    /** pino level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Enables the openai provider; with no LLM_CONFIG every feature goes to it first. */
    OPENAI_API_KEY: z.string().optional(),
    /** Any OpenAI-compatible server (vLLM, Ollama, llama.cpp, Azure); default api.openai.com. */
    OPENAI_BASE_URL: z.string().url().optional(),
    /** Model for the openai provider when no LLM_CONFIG is given. */
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    /** Enables the bedrock provider (after openai) when no LLM_CONFIG is given. */
    BEDROCK_MODEL_ID: z.string().optional(),
    /** AWS region of Bedrock. */
    AWS_REGION: z.string().default('us-east-1'),
    /** Bedrock endpoint override (VPC endpoint, tests). */
    BEDROCK_ENDPOINT: z.string().url().optional(),
    /** Path of a JSON or YAML routing file (see src/config/llm-routing.ts). */
    LLM_CONFIG: z.string().optional(),
  };
}

/** Where incidents come from. */
function incidentSourceVariables() {
  return {
    /** Path of a JSON or YAML sources file: per account, its drivers and the names of their secrets' variables (docs/incident-sources.md). */
    INCIDENT_SOURCES: z.string().optional(),
    /** Serve the sample incidents of account `demo` beside real sources (always on when none is configured). Default true. */
    SAMPLE_INCIDENTS: booleanFlag.optional(),
    /** PagerDuty REST API token; enables the pagerduty driver for PAGERDUTY_ACCOUNT_ID. */
    PAGERDUTY_API_TOKEN: z.string().optional(),
    /** PagerDuty REST API base URL. */
    PAGERDUTY_API_URL: z.string().url().default(defaultPagerDutyUrl),
    /** Our account whose incidents PAGERDUTY_API_TOKEN serves. */
    PAGERDUTY_ACCOUNT_ID: z.string().min(1).default('demo'),
    /** `From:` of published status updates when the caller's token has no email claim. */
    PAGERDUTY_FROM_EMAIL: z.string().email().optional(),
    /** Secret of PagerDuty V3 webhook signatures; enables POST /webhooks/pagerduty. */
    PAGERDUTY_WEBHOOK_SECRET: z.string().optional(),
    /** Start a postmortem draft when PagerDuty says an incident was resolved (single-account setting). Default false. */
    PAGERDUTY_AUTO_POSTMORTEM: booleanFlag.default(false),
    /** Runbook Automation / Rundeck base URL; with RUNDECK_API_TOKEN enables the rundeck driver. */
    RUNDECK_URL: z.string().url().optional(),
    /** Rundeck API token (X-Rundeck-Auth-Token). */
    RUNDECK_API_TOKEN: z.string().optional(),
    /** Rundeck API version in request paths. */
    RUNDECK_API_VERSION: z.coerce.number().int().min(1).default(defaultRundeckApiVersion),
    /** Rundeck project that generated jobs are imported into. */
    RUNDECK_PROJECT: z.string().min(1).optional(),
    /** Our account whose jobs RUNDECK_API_TOKEN serves. */
    RUNDECK_ACCOUNT_ID: z.string().min(1).default('demo'),
    /** The router URL of a supergraph holding incidents; enables the graphql driver for every account. */
    INCIDENTS_GRAPHQL_URL: z.string().url().optional(),
    /** A file with the query document of the graphql driver (default: the built-in one). */
    INCIDENTS_GRAPHQL_QUERY_FILE: z.string().optional(),
    /** Timeout of one request to an incident source (ms). */
    INCIDENT_SOURCE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    /** Deadline of loading one incident from a source, every page and retry included (ms). */
    INCIDENT_SOURCE_DEADLINE_MS: z.coerce.number().int().positive().default(15_000),
    /** How long incidents and jobs read from a source are cached per account (ms); 0 turns the cache off. */
    INCIDENT_CACHE_TTL_MS: z.coerce.number().int().nonnegative().default(30_000),
    /** Requests in flight per source credential (PagerDuty rate-limits per token). */
    INCIDENT_SOURCE_MAX_CONCURRENT_PER_TOKEN: z.coerce.number().int().positive().default(4),
  };
}

/** Shutdown and heap, Slack, the identity provider, Redis, the response cache and the throttle. */
function limitAndIntegrationVariables() {
  return {
    /** Milliseconds a graceful shutdown may take before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(25_000),
    /**
     * How far V8 lets the old generation grow past what survived the last full GC, in percent
     * (V8's --heap-growing-percent); 0 leaves V8's own factor (up to 300% under load). The
     * default bounds peak RSS under load (each in-flight draft's objects outlive the young
     * generation and are promoted) for a little more GC CPU.
     */
    HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(100),
    /** Slack app signing secret; enables /slack/events when set with SLACK_BOT_TOKEN. */
    SLACK_SIGNING_SECRET: z.string().optional(),
    /** Slack bot token (xoxb-...) used to answer in threads. */
    SLACK_BOT_TOKEN: z.string().optional(),
    /** Slack Web API base URL (tests point it at a fake). */
    SLACK_API_URL: z.string().url().default('https://slack.com/api/'),
    /** The account a Slack workspace's requests act for. */
    SLACK_ACCOUNT_ID: z.string().default('demo'),
    /** JWKS URL of the identity provider; enables verification of its JWTs. */
    AUTH_JWKS_URL: z.string().url().optional(),
    /** Required `iss` of identity-provider tokens. */
    AUTH_ISSUER: z.string().optional(),
    /** Required `aud` of identity-provider tokens. */
    AUTH_AUDIENCE: z.string().optional(),
    /** Claim holding the account id. */
    AUTH_ACCOUNT_CLAIM: z.string().min(1).default('account_id'),
    /** Redis for throttles, budgets and draft streams shared by replicas; unset keeps them in-process. */
    REDIS_URL: z.string().optional(),
    /** Prefix of every Redis key, so deployments can share a Redis. */
    REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).default('incident-ai'),
    /**
     * Exact response cache: seconds an answer is reused for the same account, feature, prompt and
     * route (memory, or Redis with REDIS_URL). 0 (the default) turns it off.
     */
    RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(0),
    /** AI operations per minute per account. */
    RATE_LIMIT_RPM: z.coerce.number().int().positive().default(60),
    /** Generations running at once per account. */
    MAX_CONCURRENT_GENERATIONS: z.coerce.number().int().positive().default(10),
    /** Tokens per UTC day per account; 0 = unlimited. */
    TOKEN_BUDGET_DAILY: z.coerce.number().int().nonnegative().default(0),
    /** Tokens per UTC month per account; 0 = unlimited. */
    TOKEN_BUDGET_MONTHLY: z.coerce.number().int().nonnegative().default(0),
    /** Share of rate and concurrency reserved for P1/P2 or high-urgency incidents. */
    THROTTLE_RESERVED_SHARE: z.coerce.number().min(0).max(0.9).default(0.25),
    /** When Redis cannot answer a throttle decision: `open` serves (and logs), `closed` refuses. */
    THROTTLE_FAIL_MODE: z.enum(['open', 'closed']).default('open'),
  };
}

/** Account settings, subscription callbacks, the playground, OpenTelemetry, keys and the GraphQL surface. */
function accessAndTelemetryVariables() {
  return {
    /**
     * Data policy per account, JSON: {"acme": {"externalProviders": false, "retainText": false}}.
     * Defaults: external providers allowed, text retained.
     */
    DATA_POLICIES: z.string().optional(),
    /** Per-account overrides, JSON: {"acme": {"requestsPerMinute": 600, "tokensPerDay": 5000000}}. */
    ACCOUNT_LIMITS: z.string().optional(),
    /**
     * Router callback URLs allowed for subscriptions in callback mode (comma-separated URL
     * prefixes, e.g. http://router:4001/callback/). Unset: callback mode is off.
     */
    SUBSCRIPTION_CALLBACK_URL_PREFIXES: z.string().optional(),
    /**
     * Serve the playground page at /playground and the console at /console. Unset or empty: on, except with NODE_ENV=production;
     * true/false overrides.
     */
    PLAYGROUND_ENABLED: z
      .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
      .optional()
      .transform((value) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1' || value === 'yes')),
    /** Standard OpenTelemetry switches (the SDK reads the other OTEL_* variables itself). */
    OTEL_SDK_DISABLED: booleanFlag.default(false),
    OTEL_SERVICE_NAME: z.string().default('incident-ai'),
    OTEL_TRACES_EXPORTER: z.string().optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
    /** Record prompt and completion text on spans (after redaction). */
    OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: booleanFlag.default(false),
    /** Use the local signing key even in production (explicit opt-in). */
    AUTH_LOCAL_KEYS: booleanFlag.default(false),
    /**
     * HMAC key ("pepper") of stored API key hashes, at least 32 characters; required in production.
     * Unset: a built-in default (development and tests). Changing it invalidates every issued key.
     */
    API_KEY_PEPPER: z.string().optional(),
    /**
     * Declare `@authenticated`/`@requiresScopes` in the subgraph SDL, for a gateway that enforces
     * them (Apollo Router with an enterprise licence, Hive Gateway, Cosmo). Default false: the
     * supergraph then loads in `@apollo/gateway` and Apollo Router without a licence. The subgraph
     * checks every field itself either way.
     */
    FEDERATION_AUTH_DIRECTIVES: booleanFlag.default(false),
    /** Answer a POST of an operation already validated without Apollo Server's pipeline (same answers, less CPU). */
    GRAPHQL_FAST_PATH: booleanFlag.default(true),
  };
}

/**
 * The environment's schema, built per {@link loadConfig} call: it is read once at start, and a
 * module-level copy (with zod's compiled parser) stayed on the heap for the process's life
 * (~330 KB; docs/stack-notes.md item 44).
 */
function environmentSchema() {
  return z.object({ ...serverAndModelVariables(), ...incidentSourceVariables(), ...limitAndIntegrationVariables(), ...accessAndTelemetryVariables() });
}
type EnvironmentVariables = z.infer<ReturnType<typeof environmentSchema>>;

/**
 * Settings that do nothing without a partner: setting one alone is refused, naming the missing
 * variable, instead of silently leaving the feature off.
 */
const partnerSettings: { set: keyof EnvironmentVariables; needs: keyof EnvironmentVariables; why: string; withoutLlmConfigOnly?: boolean }[] = [
  { set: 'SLACK_SIGNING_SECRET', needs: 'SLACK_BOT_TOKEN', why: '/slack/events is served only with both' },
  { set: 'SLACK_BOT_TOKEN', needs: 'SLACK_SIGNING_SECRET', why: '/slack/events is served only with both' },
  { set: 'AUTH_ISSUER', needs: 'AUTH_JWKS_URL', why: 'identity-provider tokens are verified only with a JWKS URL' },
  { set: 'AUTH_AUDIENCE', needs: 'AUTH_JWKS_URL', why: 'identity-provider tokens are verified only with a JWKS URL' },
  { set: 'OPENAI_BASE_URL', needs: 'OPENAI_API_KEY', why: 'the openai provider is enabled by its key (any value for a server without keys)', withoutLlmConfigOnly: true },
  { set: 'BEDROCK_ENDPOINT', needs: 'BEDROCK_MODEL_ID', why: 'the bedrock provider is enabled by its model id', withoutLlmConfigOnly: true },
];

/** {@link environmentSchema} with the {@link partnerSettings} check (built per call too). */
function checkedEnvironmentSchema() {
  return environmentSchema().superRefine((variables, context) => {
    for (const { set, needs, why, withoutLlmConfigOnly } of partnerSettings) {
      // With LLM_CONFIG the routing file names the providers; these variables only shape the default routing.
      if (withoutLlmConfigOnly && variables.LLM_CONFIG) continue;
      if (variables[set] && !variables[needs]) {
        context.addIssue({ code: 'custom', path: [needs], message: `${set} is set but ${needs} is not; set ${needs} too (${why}), or unset ${set}` });
      }
    }
  });
}

/** Shortest API_KEY_PEPPER accepted: 32 characters (about 192 bits as base64). */
export const minApiKeyPepperLength = 32;

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { port: number; host: string };
  dataDir: string;
  databaseUrl: string | null;
  databaseSchema: string | null;
  /** Named prepared statements on PostgreSQL (DATABASE_PREPARED_STATEMENTS). */
  databasePreparedStatements: boolean;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  routing: RoutingConfig;
  /** Secrets by environment variable name, for providers that name theirs (`apiKeyEnv`). */
  providerSecrets: Record<string, string | undefined>;
  /** Which incident sources serve which account (src/config/incident-sources.ts). Holds source secrets: never log it. */
  incidentSources: IncidentSourcesConfig;
  shutdownTimeoutMs: number;
  /** V8's --heap-growing-percent, applied at start (main.ts); 0: V8's default. */
  heapGrowingPercent: number;
  auth: {
    /** Whether tokens signed by the local key in DATA_DIR are accepted (and the demo token printed). */
    localKeys: boolean;
    jwks: { url: string; issuer: string | null; audience: string | null } | null;
    accountClaim: string;
    /** HMAC key of API key hashes (API_KEY_PEPPER); null uses the built-in default (never in production). */
    apiKeyPepper: string | null;
  };
  redisUrl: string | null;
  /** Allowed router callback URL prefixes; empty turns subscription callbacks off. */
  subscriptionCallbackPrefixes: string[];
  /** Whether GET /playground serves the playground page (PLAYGROUND_ENABLED). */
  playgroundEnabled: boolean;
  dataPolicies: Record<string, Partial<AccountDataPolicy>>;
  redisKeyPrefix: string;
  /** Exact response cache TTL in seconds; 0 = off. */
  responseCacheTtlSeconds: number;
  throttle: {
    defaults: AccountLimits;
    accounts: Record<string, Partial<AccountLimits>>;
    failMode: 'open' | 'closed';
  };
  telemetry: {
    sdkDisabled: boolean;
    serviceName: string;
    /** An OTLP endpoint is configured and the traces exporter is not `none`. */
    exportTraces: boolean;
    captureMessageContent: boolean;
  };
  /** Whether the subgraph SDL declares @authenticated/@requiresScopes (FEDERATION_AUTH_DIRECTIVES). */
  federationAuthDirectives: boolean;
  /** Whether /graphql answers known operations without Apollo's pipeline (GRAPHQL_FAST_PATH). */
  graphqlFastPath: boolean;
  /** Null when Slack is not configured. */
  slack: { signingSecret: string; botToken: string; apiUrl: string; accountId: string } | null;
}

/** A configuration error: the message names the variable and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Refuses settings that would leave a deployment open (no identity provider, a weak or default pepper); returns the pepper. */
function checkSecuritySettings(variables: EnvironmentVariables): string | null {
  if (variables.NODE_ENV === 'production' && !variables.AUTH_JWKS_URL && !variables.AUTH_LOCAL_KEYS) {
    throw new ConfigError(
      'NODE_ENV=production needs an identity provider (AUTH_JWKS_URL, with AUTH_ISSUER and AUTH_AUDIENCE), or AUTH_LOCAL_KEYS=true to use the local signing key on purpose.',
    );
  }
  if (variables.AUTH_JWKS_URL && (!variables.AUTH_ISSUER || !variables.AUTH_AUDIENCE)) {
    throw new ConfigError('AUTH_JWKS_URL is set: AUTH_ISSUER and AUTH_AUDIENCE are required too, so tokens meant for other services are refused.');
  }
  const apiKeyPepper = variables.API_KEY_PEPPER || null;
  if (apiKeyPepper !== null && apiKeyPepper.length < minApiKeyPepperLength) {
    throw new ConfigError(
      `API_KEY_PEPPER must be at least ${minApiKeyPepperLength} characters (it has ${apiKeyPepper.length}); generate one with \`openssl rand -base64 48\`.`,
    );
  }
  if (variables.NODE_ENV === 'production' && apiKeyPepper === null) {
    throw new ConfigError(
      `NODE_ENV=production needs API_KEY_PEPPER (at least ${minApiKeyPepperLength} random characters, e.g. \`openssl rand -base64 48\`, kept in a secret store): the key of stored API key hashes must be this deployment's secret, not the built-in default.`,
    );
  }
  return apiKeyPepper;
}

/** Parses the environment (default: process.env) into the frozen configuration. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = checkedEnvironmentSchema().safeParse(environment);
  if (!parsed.success) {
    const problems = formatZodIssues(parsed.error.issues, '');
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const variables = parsed.data;
  const apiKeyPepper = checkSecuritySettings(variables);
  const routing = variables.LLM_CONFIG ? readRoutingFile(variables.LLM_CONFIG) : defaultRouting(variables);
  routing.providers.extractive ??= { kind: 'extractive' };
  routing.prices = { ...defaultPrices, ...routing.prices };

  const providerSecrets: Record<string, string | undefined> = {};
  for (const provider of Object.values(routing.providers)) {
    if (provider.kind === 'openai') providerSecrets[provider.apiKeyEnv] = environment[provider.apiKeyEnv];
  }

  return deepFreeze({
    env: variables.NODE_ENV,
    http: { port: variables.PORT, host: variables.HOST },
    dataDir: path.resolve(variables.DATA_DIR),
    databaseUrl: variables.DATABASE_URL || null,
    databaseSchema: variables.DATABASE_SCHEMA ?? null,
    databasePreparedStatements: variables.DATABASE_PREPARED_STATEMENTS,
    logLevel: variables.LOG_LEVEL,
    routing,
    providerSecrets,
    incidentSources: resolveIncidentSources(variables, environment, (message) => new ConfigError(message)),
    shutdownTimeoutMs: variables.SHUTDOWN_TIMEOUT_MS,
    heapGrowingPercent: variables.HEAP_GROWING_PERCENT,
    auth: {
      // Local keys are the embedded default; in production they must be asked for.
      localKeys: variables.AUTH_LOCAL_KEYS || (!variables.AUTH_JWKS_URL && variables.NODE_ENV !== 'production'),
      jwks: variables.AUTH_JWKS_URL
        ? { url: variables.AUTH_JWKS_URL, issuer: variables.AUTH_ISSUER ?? null, audience: variables.AUTH_AUDIENCE ?? null }
        : null,
      accountClaim: variables.AUTH_ACCOUNT_CLAIM,
      apiKeyPepper,
    },
    redisUrl: variables.REDIS_URL || null,
    subscriptionCallbackPrefixes: (variables.SUBSCRIPTION_CALLBACK_URL_PREFIXES ?? '').split(',').map((prefix) => prefix.trim()).filter(Boolean),
    playgroundEnabled: variables.PLAYGROUND_ENABLED ?? variables.NODE_ENV !== 'production',
    dataPolicies: parseJsonSetting('DATA_POLICIES', variables.DATA_POLICIES, dataPoliciesSchema),
    redisKeyPrefix: variables.REDIS_KEY_PREFIX,
    responseCacheTtlSeconds: variables.RESPONSE_CACHE_TTL_SECONDS,
    throttle: {
      defaults: {
        requestsPerMinute: variables.RATE_LIMIT_RPM,
        concurrentGenerations: variables.MAX_CONCURRENT_GENERATIONS,
        tokensPerDay: variables.TOKEN_BUDGET_DAILY,
        tokensPerMonth: variables.TOKEN_BUDGET_MONTHLY,
        reservedShare: variables.THROTTLE_RESERVED_SHARE,
      },
      accounts: parseJsonSetting('ACCOUNT_LIMITS', variables.ACCOUNT_LIMITS, accountLimitsSchema),
      failMode: variables.THROTTLE_FAIL_MODE,
    },
    telemetry: {
      sdkDisabled: variables.OTEL_SDK_DISABLED,
      serviceName: variables.OTEL_SERVICE_NAME,
      exportTraces:
        variables.OTEL_TRACES_EXPORTER !== 'none' &&
        Boolean(variables.OTEL_EXPORTER_OTLP_ENDPOINT || variables.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
      captureMessageContent: variables.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT,
    },
    federationAuthDirectives: variables.FEDERATION_AUTH_DIRECTIVES,
    graphqlFastPath: variables.GRAPHQL_FAST_PATH,
    slack:
      variables.SLACK_SIGNING_SECRET && variables.SLACK_BOT_TOKEN
        ? { signingSecret: variables.SLACK_SIGNING_SECRET, botToken: variables.SLACK_BOT_TOKEN, apiUrl: variables.SLACK_API_URL, accountId: variables.SLACK_ACCOUNT_ID }
        : null,
  });
}

/**
 * Routing when no LLM_CONFIG is given: OpenAI when its key is set, then Bedrock when a model
 * id is set; the extractive engine is appended to every chain by the router.
 */
function defaultRouting(variables: EnvironmentVariables): RoutingConfig {
  const providers: Record<string, unknown> = {};
  const chain: { provider: string; model: string }[] = [];
  if (variables.OPENAI_API_KEY) {
    providers.openai = { kind: 'openai', baseURL: variables.OPENAI_BASE_URL, apiKeyEnv: 'OPENAI_API_KEY' };
    chain.push({ provider: 'openai', model: variables.OPENAI_MODEL });
  }
  if (variables.BEDROCK_MODEL_ID) {
    providers.bedrock = { kind: 'bedrock', region: variables.AWS_REGION, endpoint: variables.BEDROCK_ENDPOINT };
    chain.push({ provider: 'bedrock', model: variables.BEDROCK_MODEL_ID });
  }
  return routingSchema.parse({ providers, defaultChain: chain.length > 0 ? chain : undefined });
}

const accountLimitsSchema = z.record(
  z.string(),
  z
    .object({
      requestsPerMinute: z.number().int().positive(),
      concurrentGenerations: z.number().int().positive(),
      tokensPerDay: z.number().int().nonnegative(),
      tokensPerMonth: z.number().int().nonnegative(),
      reservedShare: z.number().min(0).max(0.9),
    })
    .partial()
    .strict(),
);

const dataPoliciesSchema = z.record(z.string(), z.object({ externalProviders: z.boolean(), retainText: z.boolean() }).partial().strict());

/** A JSON-valued setting, validated; the error names the variable and the path. */
function parseJsonSetting<T>(name: string, text: string | undefined, schema: z.ZodType<T>): T | Record<string, never> {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`${name}: not valid JSON.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`${name}: ${formatZodIssues(parsed.error.issues, '').join('; ')}`);
  }
  return parsed.data;
}

function readRoutingFile(file: string): RoutingConfig {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`LLM_CONFIG: cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = routingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = formatZodIssues(parsed.error.issues);
    throw new ConfigError(`LLM_CONFIG ${file} is invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
