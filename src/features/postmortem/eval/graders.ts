/**
 * The postmortem's graders: the shared metrics over every section, plus whether the root cause
 * is marked a hypothesis exactly when the records do not confirm it, and whether the timeline
 * reads in order.
 */
import { commonMetrics, gradeCommon } from '../../../eval/metrics/common.js';
import { quoteKeys, stringsOf } from '../../../eval/metrics/normalize.js';
import type { AudienceTarget } from '../../../eval/metrics/readability.js';
import type { FeatureGraders, MetricDefinition } from '../../../eval/types.js';
import type { PostmortemOutput } from '../output-schema.js';

/** A postmortem is read by engineers and managers: complete, but not a novel. */
export const postmortemTarget: AudienceTarget = { minWords: 120, maxWords: 2_000, maxGrade: 16 };

const rootCauseStatusCorrect: MetricDefinition = {
  name: 'rootCauseStatusCorrect',
  description: 'The root cause is marked a hypothesis exactly when no record confirms it.',
  direction: 'higher',
  threshold: 0.05,
  unit: 'ratio',
};

const timelineOrdered: MetricDefinition = {
  name: 'timelineOrdered',
  description: 'The timeline is in chronological order.',
  direction: 'higher',
  threshold: 0.03,
  unit: 'ratio',
};

/** What the postmortem says in its own words (timestamps and quotes of the records excluded). */
export function postmortemText(output: PostmortemOutput): string {
  const { timeline, ...rest } = output;
  return [...stringsOf(rest, quoteKeys), ...timeline.map((event) => event.text)].join('\n');
}

export const postmortemGraders: FeatureGraders<PostmortemOutput> = {
  metrics: [
    commonMetrics.schemaValid,
    commonMetrics.citationValidity,
    commonMetrics.factRecall,
    rootCauseStatusCorrect,
    timelineOrdered,
    commonMetrics.hallucinationRate,
    commonMetrics.forbiddenFree,
    commonMetrics.lengthOk,
    commonMetrics.readingGrade,
    commonMetrics.words,
  ],
  grade(evalCase, outcome) {
    const output = outcome.output;
    const text = output ? postmortemText(output) : '';
    // A quote of a note that blames someone is evidence, not blame: forbidden content is the postmortem's own words.
    const common = gradeCommon(evalCase, outcome, { readerText: text, modelText: text, target: postmortemTarget });
    const notes = [...common.notes];
    let status: number | null = null;
    let ordered: number | null = null;
    if (output) {
      if (evalCase.expected.phase) {
        const hypothesis = evalCase.expected.phase === 'INVESTIGATING';
        status = Number(output.rootCause.hypothesis === hypothesis);
        if (!status) notes.push(hypothesis ? 'states a root cause the records do not confirm' : 'calls a confirmed root cause a hypothesis');
      }
      const times = output.timeline.map((event) => Date.parse(event.at));
      ordered = Number(times.every((time, index) => index === 0 || !(time < times[index - 1]!)));
      if (!ordered) notes.push('the timeline is out of order');
    } else if (evalCase.expected.phase) {
      status = 0;
    }
    return { metrics: { ...common.metrics, rootCauseStatusCorrect: status, timelineOrdered: ordered }, notes };
  },
};
