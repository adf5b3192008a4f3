import { notImplemented } from '../../errors/app-error.js';
import type { DraftFeedbackInput } from '../../generated/graphql.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { FeedbackRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';

export interface DraftFeedbackService {
  run(principal: Principal, input: DraftFeedbackInput): Promise<FeedbackRecord>;
}

export function createDraftFeedbackService(_dependencies: FeatureDependencies): DraftFeedbackService {
  return {
    run: async () => {
      throw notImplemented('submitDraftFeedback');
    },
  };
}
