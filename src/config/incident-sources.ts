/**
 * Which incident sources serve which account: the single-account settings
 * (`PAGERDUTY_API_TOKEN`, `RUNDECK_URL`, `INCIDENTS_GRAPHQL_URL`, …) and the sources file
 * (`INCIDENT_SOURCES`, JSON or YAML). The file names the environment variables that hold
 * secrets, never a secret; a named variable that is unset fails the start with its name.
 *
 * File shape (every driver optional per account; `"*"` serves accounts without an entry):
 * ```yaml
 * samples: true                    # default SAMPLE_INCIDENTS
 * accounts:
 *   acme:
 *     pagerduty: { url: https://api.pagerduty.com, tokenEnv: ACME_PAGERDUTY_TOKEN, fromEmail: oncall@acme.example }
 *     rundeck: { url: https://rundeck.acme.example, apiVersion: 41, project: ops, tokenEnv: ACME_RUNDECK_TOKEN }
 *     graphql: { url: http://router:4000/graphql, queryFile: ./incident-query.graphql }
 * ```
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** PagerDuty's public REST API. */
export const defaultPagerDutyUrl = 'https://api.pagerduty.com';
/** Rundeck API version used when none is given (supported by Rundeck / Runbook Automation 4.x and 5.x). */
export const defaultRundeckApiVersion = 41;

/** A PagerDuty REST API v2 source of one account. */
export interface PagerDutySourceSettings {
  url: string;
  /** The API token. Secret: never logged, never stored, never returned. */
  token: string;
  /** The variable holding the token, named in logs when PagerDuty refuses it. */
  tokenSetting: string;
  /** `From:` of status updates when the caller's token has no email claim. */
  fromEmail: string | null;
  /** Start a postmortem draft when a webhook says an incident was resolved. */
  autoPostmortem: boolean;
}

/** A Runbook Automation / Rundeck source of one account. */
export interface RundeckSourceSettings {
  url: string;
  apiVersion: number;
  /** Project that jobs are imported into; null: jobs are read only. */
  project: string | null;
  /** Secret: never logged, never stored, never returned. */
  token: string;
  tokenSetting: string;
}

/** The supergraph as a source (the caller's authorization is forwarded). */
export interface GraphqlSourceSettings {
  url: string;
  /** A file holding the operator's query document; null: the built-in one. */
  queryFile: string | null;
}

/** The drivers of one account; null when the account does not use that driver. */
export interface AccountSourcesConfig {
  pagerduty: PagerDutySourceSettings | null;
  rundeck: RundeckSourceSettings | null;
  graphql: GraphqlSourceSettings | null;
}

export interface IncidentSourcesConfig {
  /** Per account id; `*` serves every account without an entry of its own. */
  accounts: Record<string, AccountSourcesConfig>;
  /** Serve the sample incidents (account `demo`). Always true when no real source is configured. */
  samples: boolean;
  /** Timeout of one request to a source (ms). */
  requestTimeoutMs: number;
  /** Deadline of one load (an incident with all its pages, retries included) (ms). */
  deadlineMs: number;
  /** Time to live of cached incidents and jobs (ms); 0 disables the cache. */
  cacheTtlMs: number;
  /** Requests in flight per source credential. */
  maxConcurrentPerToken: number;
  /** Secret of PagerDuty V3 webhook signatures; null: /webhooks/pagerduty is off. */
  pagerDutyWebhookSecret: string | null;
}

/** The environment variables this module reads (declared in the config's environment schema). */
export interface IncidentSourceVariables {
  INCIDENT_SOURCES?: string | undefined;
  SAMPLE_INCIDENTS?: boolean | undefined;
  PAGERDUTY_API_TOKEN?: string | undefined;
  PAGERDUTY_API_URL: string;
  PAGERDUTY_ACCOUNT_ID: string;
  PAGERDUTY_FROM_EMAIL?: string | undefined;
  PAGERDUTY_WEBHOOK_SECRET?: string | undefined;
  PAGERDUTY_AUTO_POSTMORTEM: boolean;
  RUNDECK_URL?: string | undefined;
  RUNDECK_API_TOKEN?: string | undefined;
  RUNDECK_API_VERSION: number;
  RUNDECK_PROJECT?: string | undefined;
  RUNDECK_ACCOUNT_ID: string;
  INCIDENTS_GRAPHQL_URL?: string | undefined;
  INCIDENTS_GRAPHQL_QUERY_FILE?: string | undefined;
  INCIDENT_SOURCE_TIMEOUT_MS: number;
  INCIDENT_SOURCE_DEADLINE_MS: number;
  INCIDENT_CACHE_TTL_MS: number;
  INCIDENT_SOURCE_MAX_CONCURRENT_PER_TOKEN: number;
}

const environmentName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

/** The sources file, as written by an operator. */
export const sourcesFileSchema = z
  .object({
    samples: z.boolean().optional(),
    accounts: z.record(
      z.string().min(1),
      z
        .object({
          pagerduty: z
            .object({
              url: z.string().url().default(defaultPagerDutyUrl),
              tokenEnv: environmentName,
              fromEmail: z.string().email().optional(),
              autoPostmortem: z.boolean().default(false),
            })
            .strict()
            .optional(),
          rundeck: z
            .object({
              url: z.string().url(),
              apiVersion: z.number().int().min(1).default(defaultRundeckApiVersion),
              project: z.string().min(1).optional(),
              tokenEnv: environmentName,
            })
            .strict()
            .optional(),
          graphql: z.object({ url: z.string().url(), queryFile: z.string().min(1).optional() }).strict().optional(),
        })
        .strict(),
    ),
  })
  .strict();

type ConfigErrorFactory = (message: string) => Error;

/** Builds the sources configuration; `fail` makes the start error (naming the variable). */
export function resolveIncidentSources(
  variables: IncidentSourceVariables,
  environment: NodeJS.ProcessEnv,
  fail: ConfigErrorFactory,
): IncidentSourcesConfig {
  const accounts: Record<string, AccountSourcesConfig> = {};
  const accountOf = (id: string): AccountSourcesConfig => (accounts[id] ??= { pagerduty: null, rundeck: null, graphql: null });
  const secret = (name: string, where: string): string => {
    const value = environment[name];
    if (!value) throw fail(`${where}: the environment variable ${name} is not set.`);
    return value;
  };

  let fileSamples: boolean | undefined;
  if (variables.INCIDENT_SOURCES) {
    const file = readSourcesFile(variables.INCIDENT_SOURCES, fail);
    fileSamples = file.samples;
    for (const [accountId, entry] of Object.entries(file.accounts)) {
      const where = `INCIDENT_SOURCES ${variables.INCIDENT_SOURCES}: accounts.${accountId}`;
      const account = accountOf(accountId);
      if (entry.pagerduty) {
        account.pagerduty = {
          url: entry.pagerduty.url,
          token: secret(entry.pagerduty.tokenEnv, `${where}.pagerduty.tokenEnv`),
          tokenSetting: entry.pagerduty.tokenEnv,
          fromEmail: entry.pagerduty.fromEmail ?? variables.PAGERDUTY_FROM_EMAIL ?? null,
          autoPostmortem: entry.pagerduty.autoPostmortem,
        };
      }
      if (entry.rundeck) {
        account.rundeck = {
          url: entry.rundeck.url,
          apiVersion: entry.rundeck.apiVersion,
          project: entry.rundeck.project ?? null,
          token: secret(entry.rundeck.tokenEnv, `${where}.rundeck.tokenEnv`),
          tokenSetting: entry.rundeck.tokenEnv,
        };
      }
      if (entry.graphql) account.graphql = { url: entry.graphql.url, queryFile: entry.graphql.queryFile ?? null };
    }
  }

  if (variables.PAGERDUTY_API_TOKEN) {
    const account = accountOf(variables.PAGERDUTY_ACCOUNT_ID);
    if (account.pagerduty) throw fail(`PAGERDUTY_API_TOKEN: account ${variables.PAGERDUTY_ACCOUNT_ID} already has a PagerDuty source in INCIDENT_SOURCES.`);
    account.pagerduty = {
      url: variables.PAGERDUTY_API_URL,
      token: variables.PAGERDUTY_API_TOKEN,
      tokenSetting: 'PAGERDUTY_API_TOKEN',
      fromEmail: variables.PAGERDUTY_FROM_EMAIL ?? null,
      autoPostmortem: variables.PAGERDUTY_AUTO_POSTMORTEM,
    };
  }
  if (variables.RUNDECK_URL || variables.RUNDECK_API_TOKEN) {
    if (!variables.RUNDECK_URL || !variables.RUNDECK_API_TOKEN) throw fail('RUNDECK_URL and RUNDECK_API_TOKEN go together: set both or neither.');
    const account = accountOf(variables.RUNDECK_ACCOUNT_ID);
    if (account.rundeck) throw fail(`RUNDECK_URL: account ${variables.RUNDECK_ACCOUNT_ID} already has a Rundeck source in INCIDENT_SOURCES.`);
    account.rundeck = {
      url: variables.RUNDECK_URL,
      apiVersion: variables.RUNDECK_API_VERSION,
      project: variables.RUNDECK_PROJECT ?? null,
      token: variables.RUNDECK_API_TOKEN,
      tokenSetting: 'RUNDECK_API_TOKEN',
    };
  }
  if (variables.INCIDENTS_GRAPHQL_URL) {
    // The supergraph answers for whoever calls (their authorization is forwarded): every account.
    const account = accountOf('*');
    if (account.graphql) throw fail('INCIDENTS_GRAPHQL_URL: INCIDENT_SOURCES already has a graphql source for "*".');
    account.graphql = { url: variables.INCIDENTS_GRAPHQL_URL, queryFile: variables.INCIDENTS_GRAPHQL_QUERY_FILE ?? null };
  }

  const anyRealSource = Object.values(accounts).some((account) => account.pagerduty || account.rundeck || account.graphql);
  return {
    accounts,
    samples: !anyRealSource || (variables.SAMPLE_INCIDENTS ?? fileSamples ?? true),
    requestTimeoutMs: variables.INCIDENT_SOURCE_TIMEOUT_MS,
    deadlineMs: variables.INCIDENT_SOURCE_DEADLINE_MS,
    cacheTtlMs: variables.INCIDENT_CACHE_TTL_MS,
    maxConcurrentPerToken: variables.INCIDENT_SOURCE_MAX_CONCURRENT_PER_TOKEN,
    pagerDutyWebhookSecret: variables.PAGERDUTY_WEBHOOK_SECRET || null,
  };
}

function readSourcesFile(file: string, fail: ConfigErrorFactory): z.infer<typeof sourcesFileSchema> {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw fail(`INCIDENT_SOURCES: cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = sourcesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw fail(`INCIDENT_SOURCES ${file} is invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}
