import { notImplemented } from '../../errors/app-error.js';
import type { GenerateRunbookJobInput } from '../../generated/graphql.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';

export interface RunbookJobService {
  run(principal: Principal, input: GenerateRunbookJobInput): Promise<DraftRecord>;
}

export function createRunbookJobService(_dependencies: FeatureDependencies): RunbookJobService {
  return {
    run: async () => {
      throw notImplemented('generateRunbookJob');
    },
  };
}
