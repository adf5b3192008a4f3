/**
 * A short per-account cache in front of an {@link IncidentSource}. Every key includes the
 * account, so one account's incident is never served to another, even when two accounts
 * ask for the same id. Only found incidents and jobs are cached (an unknown id may appear
 * at the source any moment); executions are not (their logs can be large and change while
 * running). Misses of one batch go to the source in one call, so its batching survives.
 */
import type { Incident, IncidentSource, RunbookJob, SourceCaller } from '../types.js';
import { credentialKey } from './token-gate.js';
import type { CacheStore } from './cache-store.js';
import { createParsedRecords } from './parsed-records.js';

export interface CachedIncidentSource extends IncidentSource {
  /** Drops the cached copy of an incident of an account (a webhook said it changed). */
  invalidate(accountId: string, incidentId: string): Promise<void>;
}

export interface CachedSourceOptions {
  store: CacheStore;
  /** Time to live of an entry (ms); 0 disables the cache. */
  ttlMs: number;
  /** Separates caches of different sources in one store (e.g. `pagerduty`). */
  namespace: string;
  /**
   * The source acts with the caller's credentials (the supergraph): entries are kept per
   * credential (a hash of it), since two users of one account may see different things.
   */
  perCaller?: boolean;
}

const part = (value: string): string => encodeURIComponent(value);

export function createCachedIncidentSource(source: IncidentSource, options: CachedSourceOptions): CachedIncidentSource {
  const { store, ttlMs, namespace } = options;
  const perCaller = options.perCaller ?? false;
  const scope = (accountId: string, caller?: SourceCaller): string =>
    `${part(accountId)}${perCaller ? `:${caller?.authorization ? credentialKey(caller.authorization) : 'anonymous'}` : ''}`;
  const incidentKey = (accountId: string, id: string, caller?: SourceCaller): string => `incident-source:${namespace}:${scope(accountId, caller)}:incident:${part(id)}`;
  const jobKey = (accountId: string, id: string, caller?: SourceCaller): string => `incident-source:${namespace}:${scope(accountId, caller)}:job:${part(id)}`;
  // One object per cached text: what is computed per incident object is computed once per version.
  const parsed = createParsedRecords();

  return {
    async loadIncidents(accountId, ids, caller) {
      if (ttlMs <= 0) return source.loadIncidents(accountId, ids, caller);
      const keys = ids.map((id) => incidentKey(accountId, id, caller));
      const cached = await store.getMany(keys);
      const results: (Incident | null)[] = cached.map((text, index) => (text === null ? null : parsed.parse<Incident>(keys[index]!, text)));
      // A cached record of another account cannot be reached (the key holds the account);
      // checking again costs nothing and keeps a wrong write from leaking.
      results.forEach((incident, index) => {
        if (incident && incident.accountId !== accountId) results[index] = null;
      });
      const missing = ids.filter((_, index) => results[index] === null);
      if (missing.length === 0) return results;
      const loaded = await source.loadIncidents(accountId, [...new Set(missing)], caller);
      const byId = new Map<string, Incident | null>();
      [...new Set(missing)].forEach((id, index) => byId.set(id, loaded[index] ?? null));
      await Promise.all(
        [...byId].map(([id, incident]) =>
          incident && incident.accountId === accountId ? store.set(incidentKey(accountId, id, caller), JSON.stringify(incident), ttlMs) : undefined,
        ),
      );
      return ids.map((id, index) => results[index] ?? byId.get(id) ?? null);
    },
    async loadJob(accountId, jobId, caller) {
      if (ttlMs <= 0) return source.loadJob(accountId, jobId, caller);
      const key = jobKey(accountId, jobId, caller);
      const [text] = await store.getMany([key]);
      if (text) {
        const job = parsed.parse<RunbookJob>(key, text);
        if (job.accountId === accountId) return job;
      }
      const job = await source.loadJob(accountId, jobId, caller);
      if (job && job.accountId === accountId) await store.set(jobKey(accountId, jobId, caller), JSON.stringify(job), ttlMs);
      return job;
    },
    loadExecution: (accountId, jobId, executionId, caller) => source.loadExecution(accountId, jobId, executionId, caller),
    invalidate(accountId, incidentId) {
      parsed.forget(incidentKey(accountId, incidentId));
      return store.delete([incidentKey(accountId, incidentId)]);
    },
  };
}
