import { phaseWords } from '../../../../src/eval/dataset/phase-words.js';
import { buildPostmortemCases } from '../../../../src/features/postmortem/eval/build-cases.js';
import { suite } from '../../../../src/features/postmortem/eval/suite.js';
import { describeDataset } from '../../../eval/support/dataset-checks.js';

describeDataset({
  suite,
  build: buildPostmortemCases,
  vocabulary: Object.values(phaseWords).flat(),
  requiredTags: ['resolved', 'preliminary', 'investigating', 'long-timeline', 'condensed', 'adversarial', 'injection', 'blame', 'cut', 'private'],
  minimumSources: 20,
});
