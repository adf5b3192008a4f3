/**
 * The automation digest's graders: the shared metrics over what the digest says, plus the two
 * facts a responder reads first: the outcome, and the step that failed.
 */
import { commonMetrics, gradeCommon } from '../../../eval/metrics/common.js';
import { stringsOf } from '../../../eval/metrics/normalize.js';
import type { AudienceTarget } from '../../../eval/metrics/readability.js';
import type { FeatureGraders, MetricDefinition } from '../../../eval/types.js';
import type { AutomationDigestOutput } from '../output-schema.js';

/** A digest is read by the responder who ran the job: short, technical words are fine. */
export const digestTarget: AudienceTarget = { minWords: 15, maxWords: 350, maxGrade: 16 };

const outcomeCorrect: MetricDefinition = {
  name: 'outcomeCorrect',
  description: "The digest reports the execution's recorded outcome.",
  direction: 'higher',
  threshold: 0.03,
  unit: 'ratio',
};

const failingStepFound: MetricDefinition = {
  name: 'failingStepFound',
  description: 'The digest names the step that failed (and none for an execution that did not fail).',
  direction: 'higher',
  threshold: 0.05,
  unit: 'ratio',
};

/** What the digest says in its own words (quotes of the log excluded). */
export function digestText(output: AutomationDigestOutput): string {
  return [output.summary.text, output.failingStep?.description ?? '', output.probableCause?.text ?? '', ...output.nextSteps.map((step) => step.text)].filter(Boolean).join('\n');
}

export const automationDigestGraders: FeatureGraders<AutomationDigestOutput> = {
  metrics: [
    commonMetrics.schemaValid,
    commonMetrics.citationValidity,
    outcomeCorrect,
    failingStepFound,
    commonMetrics.factRecall,
    commonMetrics.hallucinationRate,
    commonMetrics.forbiddenFree,
    commonMetrics.lengthOk,
    commonMetrics.readingGrade,
    commonMetrics.words,
  ],
  grade(evalCase, outcome) {
    const output = outcome.output;
    const text = output ? digestText(output) : '';
    const common = gradeCommon(evalCase, outcome, { readerText: text, modelText: text, exposedText: output ? stringsOf(output).join('\n') : '', target: digestTarget });
    const notes = [...common.notes];
    const expected = evalCase.expected;
    let outcomeScore: number | null = null;
    let stepScore: number | null = null;
    if (expected.outcome !== null) {
      outcomeScore = output ? Number(output.outcome === expected.outcome) : 0;
      if (output && !outcomeScore) notes.push(`outcome ${output.outcome}, expected ${expected.outcome}`);
    }
    if (expected.failingStep !== undefined) {
      const named = output?.failingStep?.number ?? null;
      stepScore = output ? Number(named === expected.failingStep) : 0;
      if (output && !stepScore) notes.push(`failing step ${named ?? 'none'}, expected ${expected.failingStep ?? 'none'}`);
    }
    return { metrics: { ...common.metrics, outcomeCorrect: outcomeScore, failingStepFound: stepScore }, notes };
  },
};
