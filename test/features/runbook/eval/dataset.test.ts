import { buildRunbookCases } from '../../../../src/features/runbook/eval/build-cases.js';
import { suite } from '../../../../src/features/runbook/eval/suite.js';
import { describeDataset } from '../../../eval/support/dataset-checks.js';

describeDataset({
  suite,
  build: buildRunbookCases,
  requiredTags: ['read-only', 'changes-state', 'destructive', 'no-incident', 'adversarial', 'injection', 'vague'],
  minimumSources: 10,
});
