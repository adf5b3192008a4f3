import type { Logger } from 'pino';
import { sourceCallerOf } from '../../guard/auth/caller-authorization.js';
import type { RequestTrace } from '../../telemetry/request-trace.js';
import { badInput, notFound } from '../../errors/app-error.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { Incident } from '../../incidents/types.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';
import type { PrepareStep, PrepareTools } from '../common/draft-generator.js';
import type { PostmortemOutput } from './output-schema.js';
import type { CondensedTimeline } from './condensed-timeline.js';
import { createPostmortemFeature } from './feature.js';
import { planFinalPrompt, type PostmortemInput } from './prompt.js';
import { condenseTimeline, thinToFit } from './timeline-condenser.js';
import { itemEvent, logEntryItems } from './timeline-selection.js';
import { postmortemBudget, type PostmortemBudget } from './token-budget.js';

/** The fields of the `generatePostmortem` input this service reads (the GraphQL input fits it). */
export interface GeneratePostmortemInput {
  incidentId: string;
  stream?: boolean | null;
  /** Admin only: the routing variant to generate with (see DraftGenerator GenerateOptions). */
  variant?: string | null;
}

/** Longest incident id accepted, in characters. */
export const maxIncidentIdLength = 200;

/** Map requests of one postmortem running at once, unless the service is built with another number. */
export const defaultMapConcurrency = 4;

export interface PostmortemService {
  /**
   * Generates the postmortem of an incident: `NOT_FOUND` when the incident does not exist
   * for the caller's account. A long incident is summarized in stages first (see
   * timeline-condenser.ts) as the generation's prepare step: after the draft is created, under
   * the account's throttle permit, on the screened incident, with every map request recorded
   * against the draft (with `stream` the call returns at once). An open incident gets a
   * preliminary postmortem.
   */
  run(principal: Principal, input: GeneratePostmortemInput, trace?: RequestTrace | null): Promise<DraftRecord>;
}

/** Options of {@link createPostmortemService}. */
export interface PostmortemServiceOptions {
  /** Default {@link postmortemBudget}. */
  budget?: PostmortemBudget;
  /** Default: the account's concurrency limit when the generator knows it, else {@link defaultMapConcurrency}. */
  mapConcurrency?: number;
}

export function createPostmortemService(dependencies: FeatureDependencies, options: PostmortemServiceOptions = {}): PostmortemService {
  const { incidents, generator, manager, logger } = dependencies;
  const budget = options.budget ?? postmortemBudget;
  const concurrencyOf = (tools: PrepareTools): number => Math.max(1, options.mapConcurrency ?? tools.concurrency ?? defaultMapConcurrency);

  async function timelineFor(principal: Principal, incident: Incident, input: PostmortemInput, tools: PrepareTools, log: Logger): Promise<CondensedTimeline | null> {
    const plan = planFinalPrompt(incident, input, budget);
    if (plan.kind === 'whole-log') return null;
    if (manager) {
      return condenseTimeline({ manager: tools.manager, principal, incident, budget, timelineTokens: plan.timelineTokens, concurrency: concurrencyOf(tools), logger: log, signal: tools.signal });
    }
    // Without the LLM Manager nothing can summarize: keep the most telling entries.
    log.warn({ incidentId: incident.id }, 'postmortem of a long incident without an LLM Manager: the timeline is thinned, not summarized');
    const events = thinToFit(logEntryItems(incident).map(itemEvent), plan.timelineTokens);
    return { events, condensation: { events: events.length, logEntries: incident.logEntries.length, rounds: 0, chunks: [], requests: 0, degraded: true } };
  }

  return {
    async run(principal, request, trace) {
      const incidentId = request.incidentId.trim();
      if (incidentId.length === 0) throw badInput('incidentId must not be empty.', 'incidentId');
      if (incidentId.length > maxIncidentIdLength) {
        throw badInput(`incidentId is ${incidentId.length} characters long; the limit is ${maxIncidentIdLength}.`, 'incidentId');
      }
      const [incident] = await incidents.loadIncidents(principal.accountId, [incidentId], sourceCallerOf(principal, trace?.context));
      if (!incident) throw notFound('Incident', incidentId);

      const input: PostmortemInput = {
        preliminary: incident.status !== 'resolved',
        incidentStatus: incident.status,
        asOf: latestRecordAt(incident),
        condensation: null,
      };
      const prepare: PrepareStep<PostmortemInput, PostmortemOutput> = async (context, tools) => {
        const condensed = await timelineFor(principal, context.incident!, context.input, tools, context.trace?.logger ?? logger);
        return {
          feature: createPostmortemFeature(budget, condensed),
          context: { ...context, input: { ...context.input, condensation: condensed?.condensation ?? null } },
        };
      };
      return generator.generate(
        createPostmortemFeature(budget, null),
        { principal, trace, input, incident, job: null, execution: null },
        { incidentId: incident.id, jobId: null, executionId: null },
        { stream: request.stream ?? false, variant: request.variant ?? null, prepare },
      );
    },
  };
}

/** The time of the incident's latest record (log entry, note or alert), or its creation. */
function latestRecordAt(incident: Incident): string {
  let latest = incident.createdAt;
  for (const record of [...incident.logEntries, ...incident.notes, ...incident.alerts]) {
    if (Date.parse(record.at) > Date.parse(latest)) latest = record.at;
  }
  return latest;
}
