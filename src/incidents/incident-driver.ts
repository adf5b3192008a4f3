/**
 * The contract between the source registry and a driver (pagerduty, rundeck, graphql).
 * A driver implements the parts of {@link IncidentSource} its upstream holds; the registry
 * composes drivers per account, adds the per-account cache, and keeps the samples beside.
 */
import type { Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type {
  AccountSourcesConfig,
  GraphqlSourceSettings,
  PagerDutySourceSettings,
  RundeckSourceSettings,
} from '../config/incident-sources.js';
import type { IncidentSource } from './types.js';
import type { UpstreamResources } from './upstream/upstream-resources.js';

/** Driver names, as in the sources file. */
export type DriverName = keyof AccountSourcesConfig;

/**
 * One configured driver for one account. Records it returns carry the `accountId` they were
 * loaded for (the credential is the account's, so whatever the upstream shows belongs to it).
 */
export interface IncidentDriver extends Partial<IncidentSource> {
  readonly name: DriverName;
}

/** What a factory gets beside its settings. */
export interface DriverContext {
  /** The account the driver serves (`*` for every account without an entry of its own). */
  accountId: string;
  /** Shared per-token gates and per-upstream circuit breakers. */
  upstream: UpstreamResources;
  /** Timeout of one request and deadline of one load (ms). */
  requestTimeoutMs: number;
  deadlineMs: number;
  logger: Logger;
  /** Tracer of the upstream request spans; default the global one. */
  tracer?: Tracer;
}

/** Settings of each driver, by name. */
export interface DriverSettings {
  pagerduty: PagerDutySourceSettings;
  rundeck: RundeckSourceSettings;
  graphql: GraphqlSourceSettings;
}

/** Builds a driver from its settings. */
export type DriverFactory<Name extends DriverName> = (settings: DriverSettings[Name], context: DriverContext) => IncidentDriver;

/** The factories the app knows; a configured driver without a factory fails the start. */
export type DriverFactories = { [Name in DriverName]?: DriverFactory<Name> };
