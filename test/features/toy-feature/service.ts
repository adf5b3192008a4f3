import { badInput, notFound } from '../../../src/errors/app-error.js';
import { sourceCallerOf } from '../../../src/guard/auth/caller-authorization.js';
import type { Principal } from '../../../src/guard/auth/principal.js';
import type { FeatureDependencies } from '../../../src/features/common/dependencies.js';
import type { DraftRecord } from '../../../src/store/types.js';
import { toyFeature } from './feature.js';

export interface ToyService {
  draft(principal: Principal, request: { incidentId: string }): Promise<DraftRecord>;
}

export function createToyService({ incidents, generator }: FeatureDependencies): ToyService {
  return {
    async draft(principal, request) {
      const incidentId = request.incidentId.trim();
      if (!incidentId) throw badInput('incidentId must not be empty.', 'incidentId');
      const [incident] = await incidents.loadIncidents(principal.accountId, [incidentId], sourceCallerOf(principal));
      if (!incident) throw notFound('Incident', incidentId);
      return generator.generate(
        toyFeature,
        { principal, input: { incidentId }, incident, job: null, execution: null },
        { incidentId: incident.id, jobId: null, executionId: null },
        { stream: false, variant: null },
      );
    },
  };
}
