/**
 * The status update's graders: the shared metrics (validity, citations, fact recall,
 * hallucination, forbidden content, length and reading level per audience) plus the phase
 * and the next-update promise. PUBLIC text is also checked for anything non-public.
 */
import { commonMetrics, gradeCommon, withThreshold } from '../../../eval/metrics/common.js';
import { stringsOf } from '../../../eval/metrics/normalize.js';
import type { AudienceTarget } from '../../../eval/metrics/readability.js';
import type { FeatureGraders, MetricDefinition } from '../../../eval/types.js';
import type { Statement } from '../../common/citation.js';
import type { Audience, StatusUpdateOutput } from '../output-schema.js';

/** Length and reading level each audience should get. */
export const audienceTargets: Record<Audience, AudienceTarget> = {
  // A status page entry: a few plain sentences anyone can read.
  PUBLIC: { minWords: 20, maxWords: 160, maxGrade: 10 },
  STAKEHOLDERS: { minWords: 25, maxWords: 260, maxGrade: 12 },
  // Responders read hostnames and metric names, which score as long words.
  RESPONDERS: { minWords: 30, maxWords: 450, maxGrade: 16 },
};

/** Minutes a status update may promise for the next one without that being an incident fact. */
export const conventionalUpdateIntervals = [5, 10, 15, 20, 30, 45, 60, 90, 120];

const phaseCorrect: MetricDefinition = {
  name: 'phaseCorrect',
  description: 'The update reports the phase the incident is in (investigating, identified, monitoring, resolved).',
  direction: 'higher',
  threshold: 0.05,
  unit: 'ratio',
};

const nextUpdateConsistent: MetricDefinition = {
  name: 'nextUpdateConsistent',
  description: 'A next update is promised exactly when the incident is not resolved.',
  direction: 'higher',
  threshold: 0.05,
  unit: 'ratio',
};

const statements = (output: StatusUpdateOutput): Statement[] => [output.summary, output.impact, ...output.actions];

/** The text a reader of the update reads: the title and every statement. */
export function statusUpdateReaderText(output: StatusUpdateOutput): string {
  return [output.title, ...statements(output).map((statement) => statement.text)].join('\n');
}

export const statusUpdateGraders: FeatureGraders<StatusUpdateOutput> = {
  metrics: [
    commonMetrics.schemaValid,
    commonMetrics.citationValidity,
    commonMetrics.factRecall,
    phaseCorrect,
    nextUpdateConsistent,
    commonMetrics.hallucinationRate,
    // A leak on a public page is never acceptable: one more leaking case fails the gate.
    withThreshold(commonMetrics.forbiddenFree, 0),
    commonMetrics.lengthOk,
    commonMetrics.readingLevelOk,
    commonMetrics.readingGrade,
    commonMetrics.words,
  ],
  grade(evalCase, outcome) {
    const audience = (evalCase.input.audience as Audience | undefined) ?? 'RESPONDERS';
    const output = outcome.output;
    const readerText = output ? statusUpdateReaderText(output) : '';
    const common = gradeCommon(evalCase, outcome, {
      readerText,
      modelText: readerText,
      exposedText: output ? stringsOf(output).join('\n') : '',
      target: audienceTargets[audience] ?? null,
      publicText: audience === 'PUBLIC',
      allowedNumbers: conventionalUpdateIntervals,
    });
    const notes = [...common.notes];
    const expectedPhase = evalCase.expected.phase;
    let phase: number | null = null;
    let nextUpdate: number | null = null;
    if (output) {
      if (expectedPhase) {
        phase = Number(output.phase === expectedPhase);
        if (!phase) notes.push(`phase ${output.phase}, expected ${expectedPhase}`);
      }
      const resolved = evalCase.data.incident?.status === 'resolved';
      nextUpdate = Number(resolved ? output.nextUpdateMinutes === null : output.nextUpdateMinutes !== null);
      if (!nextUpdate) notes.push(resolved ? 'promises a next update for a resolved incident' : 'promises no next update for an open incident');
    } else if (expectedPhase) {
      phase = 0;
    }
    return { metrics: { ...common.metrics, phaseCorrect: phase, nextUpdateConsistent: nextUpdate }, notes };
  },
};

