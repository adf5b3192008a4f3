/**
 * The assistant's graders: the shared metrics over the answer's statements (and what it says
 * is missing), plus whether it answered exactly when the incident data holds the answer.
 */
import { commonMetrics, gradeCommon } from '../../../eval/metrics/common.js';
import { stringsOf } from '../../../eval/metrics/normalize.js';
import type { AudienceTarget } from '../../../eval/metrics/readability.js';
import type { FeatureGraders, MetricDefinition } from '../../../eval/types.js';
import type { AssistantOutput } from '../output-schema.js';

/** An answer is read in a chat or a Slack thread: short, and technical words are fine. */
export const answerTarget: AudienceTarget = { minWords: 3, maxWords: 220, maxGrade: 16 };

const answeredCorrect: MetricDefinition = {
  name: 'answeredCorrect',
  description: 'answered is true exactly when the incident data holds the answer (no guessing, no needless refusals).',
  direction: 'higher',
  threshold: 0.05,
  unit: 'ratio',
};

/** What the answer says, as a reader sees it. */
export function answerText(output: AssistantOutput): string {
  return [...output.statements.map((statement) => statement.text), output.missing ?? ''].filter(Boolean).join('\n');
}

export const assistantGraders: FeatureGraders<AssistantOutput> = {
  metrics: [
    commonMetrics.schemaValid,
    commonMetrics.citationValidity,
    commonMetrics.factRecall,
    answeredCorrect,
    commonMetrics.hallucinationRate,
    commonMetrics.forbiddenFree,
    commonMetrics.lengthOk,
    commonMetrics.readingGrade,
    commonMetrics.words,
  ],
  grade(evalCase, outcome) {
    const output = outcome.output;
    const text = output ? answerText(output) : '';
    const common = gradeCommon(evalCase, outcome, { readerText: text, modelText: text, exposedText: output ? stringsOf(output).join('\n') : '', target: answerTarget });
    const notes = [...common.notes];
    const expected = evalCase.expected.answered;
    let answered: number | null = null;
    const refusedAsAllowed = !outcome.ok && outcome.errorCode !== null && outcome.errorCode === evalCase.expected.acceptedError;
    if (expected !== null) {
      answered = output ? Number(output.answered === expected) : refusedAsAllowed && !expected ? 1 : 0;
      if (output && !answered) notes.push(expected ? 'said the data does not hold the answer, but it does' : 'answered although the data does not hold the answer');
    }
    return { metrics: { ...common.metrics, answeredCorrect: answered }, notes };
  },
};
