import { notImplemented } from '../../errors/app-error.js';
import type { GeneratePostmortemInput } from '../../generated/graphql.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';

export interface PostmortemService {
  run(principal: Principal, input: GeneratePostmortemInput): Promise<DraftRecord>;
}

export function createPostmortemService(_dependencies: FeatureDependencies): PostmortemService {
  return {
    run: async () => {
      throw notImplemented('generatePostmortem');
    },
  };
}
