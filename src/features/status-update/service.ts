import { sourceCallerOf } from '../../guard/auth/caller-authorization.js';
import { badInput, notFound } from '../../errors/app-error.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { IncidentSource } from '../../incidents/types.js';
import type { DraftRecord } from '../../store/types.js';
import type { DraftGenerator } from '../common/draft-generator.js';
import { statusUpdateFeature } from './feature.js';
import { audiences, type Audience } from './output-schema.js';

/** Longest responder guidance accepted, in characters. */
export const maxGuidanceLength = 2_000;

export interface DraftStatusUpdateRequest {
  incidentId: string;
  audience: Audience;
  guidance?: string | null;
  stream?: boolean | null;
}

export interface StatusUpdateService {
  draft(principal: Principal, request: DraftStatusUpdateRequest): Promise<DraftRecord>;
}

export function createStatusUpdateService(options: { incidents: IncidentSource; generator: DraftGenerator }): StatusUpdateService {
  return {
    async draft(principal, request) {
      if (!audiences.includes(request.audience)) throw badInput(`audience must be one of ${audiences.join(', ')}.`, 'audience');
      const guidance = request.guidance?.trim() || null;
      if (guidance && guidance.length > maxGuidanceLength) {
        throw badInput(`guidance is ${guidance.length} characters long; the limit is ${maxGuidanceLength}.`, 'guidance');
      }
      const [incident] = await options.incidents.loadIncidents(principal.accountId, [request.incidentId], sourceCallerOf(principal));
      if (!incident) throw notFound('Incident', request.incidentId);
      return options.generator.generate(
        statusUpdateFeature,
        { principal, input: { audience: request.audience, guidance }, incident, job: null, execution: null },
        { incidentId: incident.id, jobId: null, executionId: null },
        { stream: request.stream ?? false },
      );
    },
  };
}
