import { notImplemented } from '../../errors/app-error.js';
import type { AskAssistantInput } from '../../generated/graphql.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';

export interface AssistantService {
  run(principal: Principal, input: AskAssistantInput): Promise<DraftRecord>;
}

export function createAssistantService(_dependencies: FeatureDependencies): AssistantService {
  return {
    run: async () => {
      throw notImplemented('askAssistant');
    },
  };
}
