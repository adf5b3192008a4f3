import { sourceCallerOf } from '../../guard/auth/caller-authorization.js';
import type { RequestTrace } from '../../telemetry/request-trace.js';
import { badInput, notFound } from '../../errors/app-error.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';
import { runbookFeature } from './feature.js';

/** The fields of the `generateRunbookJob` input this service reads (the GraphQL input fits it). */
export interface GenerateRunbookJobInput {
  description: string;
  incidentId?: string | null;
  stream?: boolean | null;
  /** Admin only: the routing variant to generate with (see DraftGenerator GenerateOptions). */
  variant?: string | null;
}

/** Longest request accepted, in characters: a runbook request is a paragraph, not a document. */
export const maxRunbookDescriptionLength = 4_000;

export interface RunbookService {
  /** Generates a runbook job draft for the request (streaming when `input.stream`). */
  run(principal: Principal, input: GenerateRunbookJobInput, trace?: RequestTrace | null): Promise<DraftRecord>;
}

export function createRunbookService(dependencies: FeatureDependencies): RunbookService {
  const { incidents, generator } = dependencies;
  return {
    async run(principal, input, trace) {
      const description = input.description.trim();
      if (description.length === 0) throw badInput('description must say what the job should do; it is empty.', 'description');
      if (description.length > maxRunbookDescriptionLength) {
        throw badInput(`description is ${description.length} characters long; the limit is ${maxRunbookDescriptionLength}.`, 'description');
      }
      const incidentId = input.incidentId?.trim() || null;
      const incident = incidentId ? ((await incidents.loadIncidents(principal.accountId, [incidentId], sourceCallerOf(principal, trace?.context)))[0] ?? null) : null;
      if (incidentId && !incident) throw notFound('Incident', incidentId);
      return generator.generate(
        runbookFeature,
        { principal, trace, input: { description, incidentId }, incident, job: null, execution: null },
        { incidentId, jobId: null, executionId: null },
        { stream: input.stream ?? false, variant: input.variant ?? null },
      );
    },
  };
}
