/** The registered features (`features/feature-modules.ts`) as the evaluation tools see them. */
import { featureModules } from '../features/feature-modules.js';
import { createDraftKinds, type DraftKinds } from '../store/draft-kinds.js';

/** Their names and draft kinds: the cases' `feature`, `--feature`, the store the tools open. */
export const registeredDraftKinds: DraftKinds = createDraftKinds(featureModules);
