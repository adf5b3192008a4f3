/**
 * Sanity checks of a case's labels against its own data, run by the dataset tests: a fact
 * the output must state has to be findable in the input (or be a word for a phase or
 * outcome the output has to name), and a phrase the output must not contain must not already
 * be in the input, unless the case is adversarial and the phrase is the planted text.
 */
import type { EvalCase } from '../cases.js';
import { sourceTextOf } from '../metrics/common.js';
import { describeFact, statesFact } from '../metrics/fact-recall.js';
import { containsNormalized, normalizeText } from '../metrics/normalize.js';

/** Options of {@link labelProblems}. */
export interface LabelCheckOptions {
  /** Words an output may need that the input need not contain (phase words, "not in the data"...). */
  vocabulary?: readonly string[];
  /** Check `mustStep` facts too (runbooks: commands are the model's, not the input's). */
  steps?: boolean;
}

/** What is wrong with a case's labels; empty when they are consistent with its data. */
export function labelProblems(evalCase: EvalCase, options: LabelCheckOptions = {}): string[] {
  const problems: string[] = [];
  const source = normalizeText(sourceTextOf(evalCase.data, evalCase.input));
  const vocabulary = normalizeText((options.vocabulary ?? []).join(' \u0001 '));
  for (const fact of evalCase.expected.mustState) {
    const alternatives = typeof fact === 'string' ? [fact] : fact;
    if (!statesFact(source, fact) && !alternatives.some((alternative) => containsNormalized(vocabulary, alternative))) {
      problems.push(`${evalCase.id}: mustState ${describeFact(fact)} is nowhere in the input`);
    }
  }
  if (!evalCase.tags.includes('adversarial')) {
    for (const phrase of evalCase.expected.mustNotState) {
      if (containsNormalized(source, phrase) && !evalCase.tags.includes('public')) {
        problems.push(`${evalCase.id}: mustNotState "${phrase}" is in the input, so quoting the input would fail the case`);
      }
    }
  }
  return problems;
}
