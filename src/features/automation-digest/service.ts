import { notImplemented } from '../../errors/app-error.js';
import type { DigestJobExecutionInput } from '../../generated/graphql.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';

export interface AutomationDigestService {
  run(principal: Principal, input: DigestJobExecutionInput): Promise<DraftRecord>;
}

export function createAutomationDigestService(_dependencies: FeatureDependencies): AutomationDigestService {
  return {
    run: async () => {
      throw notImplemented('digestJobExecution');
    },
  };
}
