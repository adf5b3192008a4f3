/**
 * The incident source of the whole service: per account, the configured drivers (each
 * behind the per-account cache) and the samples, composed into one {@link IncidentSource}.
 * For each id, drivers are asked in order (samples first: they are in memory, so sample ids
 * never cost an upstream call) until one has it; an id no driver of the account has is
 * `null`, exactly like an id of another account.
 */
import type { Logger } from 'pino';
import type { AccountSourcesConfig, IncidentSourcesConfig } from '../config/incident-sources.js';
import type { DriverFactories, DriverName, IncidentDriver } from './incident-driver.js';
import type { Incident, IncidentSource } from './types.js';
import type { CacheStore } from './upstream/cache-store.js';
import { createCachedIncidentSource, type CachedIncidentSource } from './upstream/cached-source.js';
import type { UpstreamResources } from './upstream/upstream-resources.js';

const driverOrder: readonly DriverName[] = ['pagerduty', 'rundeck', 'graphql'];

export interface SourceRegistryOptions {
  config: IncidentSourcesConfig;
  factories: DriverFactories;
  /** The sample source (serves account `demo`); used when `config.samples`. */
  samples: IncidentSource;
  cacheStore: CacheStore;
  upstream: UpstreamResources;
  logger: Logger;
}

export interface SourceRegistry {
  /** The composed source every feature reads. */
  readonly source: IncidentSource;
  /** The driver of that name serving the account, or null. */
  driverFor<Name extends DriverName>(accountId: string, name: Name): IncidentDriver | null;
  /** The settings of the account (its own entry, else `*`), or null. */
  settingsFor(accountId: string): AccountSourcesConfig | null;
  /** Drops an incident of an account from the cache. */
  invalidate(accountId: string, incidentId: string): Promise<void>;
}

interface AccountDrivers {
  settings: AccountSourcesConfig;
  drivers: Map<DriverName, IncidentDriver>;
  cached: CachedIncidentSource[];
}

const nothing = { loadIncidents: async (_: string, ids: readonly string[]) => ids.map(() => null) };

export function createSourceRegistry(options: SourceRegistryOptions): SourceRegistry {
  const { config, factories, upstream, logger } = options;
  const byAccount = new Map<string, AccountDrivers>();

  for (const [accountId, settings] of Object.entries(config.accounts)) {
    const drivers = new Map<DriverName, IncidentDriver>();
    const cached: CachedIncidentSource[] = [];
    for (const name of driverOrder) {
      const driverSettings = settings[name];
      if (!driverSettings) continue;
      const factory = factories[name] as ((settings: unknown, context: unknown) => IncidentDriver) | undefined;
      if (!factory) throw new Error(`Account ${accountId} uses the ${name} incident source, which this build does not include.`);
      const driver = factory(driverSettings, {
        accountId,
        upstream,
        requestTimeoutMs: config.requestTimeoutMs,
        deadlineMs: config.deadlineMs,
        logger: logger.child({ incidentSource: name, accountId }),
      });
      drivers.set(name, driver);
      cached.push(
        createCachedIncidentSource(
          {
            loadIncidents: driver.loadIncidents?.bind(driver) ?? nothing.loadIncidents,
            loadJob: driver.loadJob?.bind(driver) ?? (async () => null),
            loadExecution: driver.loadExecution?.bind(driver) ?? (async () => null),
          },
          { store: options.cacheStore, ttlMs: config.cacheTtlMs, namespace: name, perCaller: name === 'graphql' },
        ),
      );
    }
    byAccount.set(accountId, { settings, drivers, cached });
  }

  const accountFor = (accountId: string): AccountDrivers | null => byAccount.get(accountId) ?? byAccount.get('*') ?? null;

  /** The sources an account reads, in order; each returns null for what it does not have. */
  const sourcesOf = (accountId: string, part: keyof IncidentSource): IncidentSource[] => {
    const account = accountFor(accountId);
    const real = account ? account.cached.filter((_, index) => [...account.drivers.values()][index]?.[part] !== undefined) : [];
    return config.samples ? [options.samples, ...real] : real;
  };

  const source: IncidentSource = {
    async loadIncidents(accountId, ids, caller) {
      const results: (Incident | null)[] = ids.map(() => null);
      for (const next of sourcesOf(accountId, 'loadIncidents')) {
        const missing = [...new Set(ids.filter((_, index) => results[index] === null))];
        if (missing.length === 0) break;
        const loaded = await next.loadIncidents(accountId, missing, caller);
        const byId = new Map(missing.map((id, index) => [id, loaded[index] ?? null]));
        ids.forEach((id, index) => {
          const incident = byId.get(id);
          // Exact scoping, whatever a driver does: a record of another account is not found.
          if (results[index] === null && incident && incident.accountId === accountId) results[index] = incident;
        });
      }
      return results;
    },
    async loadJob(accountId, jobId, caller) {
      for (const next of sourcesOf(accountId, 'loadJob')) {
        const job = await next.loadJob(accountId, jobId, caller);
        if (job && job.accountId === accountId) return job;
      }
      return null;
    },
    async loadExecution(accountId, jobId, executionId, caller) {
      for (const next of sourcesOf(accountId, 'loadExecution')) {
        const execution = await next.loadExecution(accountId, jobId, executionId, caller);
        if (execution && execution.accountId === accountId) return execution;
      }
      return null;
    },
  };

  return {
    source,
    driverFor: (accountId, name) => accountFor(accountId)?.drivers.get(name) ?? null,
    settingsFor: (accountId) => accountFor(accountId)?.settings ?? null,
    async invalidate(accountId, incidentId) {
      await Promise.all((accountFor(accountId)?.cached ?? []).map((cache) => cache.invalidate(accountId, incidentId)));
    },
  };
}
