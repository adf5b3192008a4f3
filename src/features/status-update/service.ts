import { sourceCallerOf } from '../../guard/auth/caller-authorization.js';
import type { RequestTrace } from '../../telemetry/request-trace.js';
import { badInput, notFound } from '../../errors/app-error.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';
import { statusUpdateFeature } from './feature.js';
import { audiences, type Audience } from './output-schema.js';

/** Longest responder guidance accepted, in characters. */
export const maxGuidanceLength = 2_000;

export interface DraftStatusUpdateRequest {
  incidentId: string;
  audience: Audience;
  guidance?: string | null;
  stream?: boolean | null;
  /** Admin only: the routing variant to generate with (see GenerateOptions in common/draft-generator.ts). */
  variant?: string | null;
}

export interface StatusUpdateService {
  draft(principal: Principal, request: DraftStatusUpdateRequest, trace?: RequestTrace | null): Promise<DraftRecord>;
}

export function createStatusUpdateService(dependencies: Pick<FeatureDependencies, 'incidents' | 'generator'>): StatusUpdateService {
  const { incidents, generator } = dependencies;
  return {
    async draft(principal, request, trace) {
      if (!audiences.includes(request.audience)) throw badInput(`audience must be one of ${audiences.join(', ')}.`, 'audience');
      const guidance = request.guidance?.trim() || null;
      if (guidance && guidance.length > maxGuidanceLength) {
        throw badInput(`guidance is ${guidance.length} characters long; the limit is ${maxGuidanceLength}.`, 'guidance');
      }
      const [incident] = await incidents.loadIncidents(principal.accountId, [request.incidentId], sourceCallerOf(principal, trace?.context));
      if (!incident) throw notFound('Incident', request.incidentId);
      return generator.generate(
        statusUpdateFeature,
        { principal, trace, input: { audience: request.audience, guidance }, incident, job: null, execution: null },
        { incidentId: incident.id, jobId: null, executionId: null },
        { stream: request.stream ?? false, variant: request.variant ?? null },
      );
    },
  };
}
