/**
 * The checks every feature's dataset passes: enough valid cases, the committed file is what
 * its generator writes, labels agree with the case data, every case builds a prompt through
 * the feature, and the dataset has the variety the brief asks for.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadDataset, type EvalCaseInput } from '../../../src/eval/cases.js';
import { labelProblems } from '../../../src/eval/dataset/label-check.js';
import { casesText } from '../../../src/eval/dataset/write-cases.js';
import { evaluationPrincipal } from '../../../src/eval/runner.js';
import type { AnyEvalSuite } from '../../../src/eval/types.js';
import { testSpotlight } from '../../support/spotlight.js';

export interface DatasetCheckOptions {
  suite: AnyEvalSuite;
  build: () => EvalCaseInput[];
  /** Words outputs may need that the input need not contain. */
  vocabulary?: readonly string[];
  /** Tags some case must carry. */
  requiredTags: readonly string[];
  /** How many distinct incidents (or executions) the cases must cover. */
  minimumSources: number;
}

export function describeDataset(options: DatasetCheckOptions): void {
  const { suite } = options;
  describe(`${suite.feature.name} dataset`, () => {
    it('has at least 30 valid cases for this feature', async () => {
      const dataset = await loadDataset(suite.casesFile, suite.feature.name);
      expect(dataset.cases.length).toBeGreaterThanOrEqual(30);
    });

    it('is exactly what its generator writes (regenerate with tsx .../eval/build-cases.ts)', async () => {
      expect(await readFile(suite.casesFile, 'utf8')).toBe(casesText(suite.casesFile, options.build()));
    });

    it('has labels that agree with each case data', async () => {
      const dataset = await loadDataset(suite.casesFile, suite.feature.name);
      expect(dataset.cases.flatMap((evalCase) => labelProblems(evalCase, { ...(options.vocabulary && { vocabulary: options.vocabulary }) }))).toEqual([]);
    });

    it('is varied: sources, adversarial and other required kinds of cases', async () => {
      const dataset = await loadDataset(suite.casesFile, suite.feature.name);
      const sources = new Set(dataset.cases.map((evalCase) => evalCase.data.execution?.id ?? evalCase.data.incident?.id ?? `none:${evalCase.id}`));
      expect(sources.size).toBeGreaterThanOrEqual(options.minimumSources);
      const tags = new Set(dataset.cases.flatMap((evalCase) => evalCase.tags));
      for (const tag of options.requiredTags) expect(tags, `tag ${tag}`).toContain(tag);
    });

    it('builds a feature context and a prompt of every version for every case', async () => {
      const dataset = await loadDataset(suite.casesFile, suite.feature.name);
      for (const evalCase of dataset.cases) {
        const context = suite.context(evalCase, evaluationPrincipal);
        for (const version of suite.promptVersions) expect(suite.buildPrompt(version, context, testSpotlight).length, `${evalCase.id} ${version}`).toBeGreaterThan(0);
        expect(suite.target(evalCase)).toBeDefined();
      }
    });
  });
}
