import { buildAutomationDigestCases } from '../../../../src/features/automation-digest/eval/build-cases.js';
import { suite } from '../../../../src/features/automation-digest/eval/suite.js';
import { describeDataset } from '../../../eval/support/dataset-checks.js';

describeDataset({
  suite,
  build: buildAutomationDigestCases,
  requiredTags: ['failed', 'succeeded', 'timed-out', 'aborted', 'running', 'long-log', 'adversarial', 'keepgoing', 'sub-steps', 'misleading-error'],
  minimumSources: 30,
});
