import { phaseWords } from '../../../../src/eval/dataset/phase-words.js';
import { buildStatusUpdateCases } from '../../../../src/features/status-update/eval/build-cases.js';
import { suite } from '../../../../src/features/status-update/eval/suite.js';
import { describeDataset } from '../../../eval/support/dataset-checks.js';

describeDataset({
  suite,
  build: buildStatusUpdateCases,
  vocabulary: Object.values(phaseWords).flat(),
  requiredTags: ['public', 'stakeholders', 'responders', 'adversarial', 'injection', 'long-timeline', 'ambiguous', 'investigating', 'identified', 'monitoring', 'resolved'],
  minimumSources: 12,
});
