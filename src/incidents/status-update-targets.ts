/**
 * Where a status update for an incident of an account goes: PagerDuty when the account's
 * pagerduty driver serves the incident, nowhere for a sample incident. Null when the incident
 * is not visible to the account at all (NOT_FOUND, like everywhere else).
 */
import type { PagerDutyDriver } from './pagerduty/pagerduty-driver.js';
import type { SourceRegistry } from './source-registry.js';
import type { IncidentSource } from './types.js';

export type StatusUpdateTarget =
  | { target: 'NONE' }
  | {
      target: 'PAGERDUTY';
      /** `From:` when the caller's token has no email claim (PAGERDUTY_FROM_EMAIL or the file's `fromEmail`). */
      defaultFrom: string | null;
      /** Posts the status update; null when PagerDuty no longer knows the incident. */
      publish(message: string, from: string): Promise<{ id: string } | null>;
    };

export interface StatusUpdateTargets {
  targetFor(accountId: string, incidentId: string): Promise<StatusUpdateTarget | null>;
}

export function createStatusUpdateTargets(options: { registry: SourceRegistry; samples: IncidentSource | null }): StatusUpdateTargets {
  return {
    async targetFor(accountId, incidentId) {
      if (options.samples && (await options.samples.loadIncidents(accountId, [incidentId]))[0]) return { target: 'NONE' };
      const driver = options.registry.driverFor(accountId, 'pagerduty') as PagerDutyDriver | null;
      if (!driver) return null;
      // Through the composed source, so a recently read incident comes from the cache.
      const [incident] = await options.registry.source.loadIncidents(accountId, [incidentId]);
      if (!incident) return null;
      return {
        target: 'PAGERDUTY',
        defaultFrom: driver.fromEmail,
        publish: (message, from) => driver.publishStatusUpdate(incidentId, message, from),
      };
    },
  };
}
