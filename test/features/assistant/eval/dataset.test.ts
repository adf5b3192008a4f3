import { buildAssistantCases } from '../../../../src/features/assistant/eval/build-cases.js';
import { suite } from '../../../../src/features/assistant/eval/suite.js';
import { describeDataset } from '../../../eval/support/dataset-checks.js';

describeDataset({
  suite,
  build: buildAssistantCases,
  requiredTags: ['not-in-data', 'follow-up', 'adversarial', 'injection', 'no-incident', 'long-timeline', 'number', 'time'],
  minimumSources: 12,
});
