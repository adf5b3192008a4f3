/**
 * The metrics every feature shares, and the grading that computes them from one output.
 * A feature's graders (`src/features/<feature>/eval/graders.ts`) pick the definitions, set
 * their thresholds, and add their own metrics.
 */
import type { CaseData } from '../case-data.js';
import type { EvalCase } from '../cases.js';
import type { CaseGrade, GenerationOutcome, MetricDefinition } from '../types.js';
import { citationTally } from './citation-validity.js';
import { describeFact, factRecall } from './fact-recall.js';
import { forbiddenPhrasesIn, nonPublicContentIn, peopleOf } from './forbidden-content.js';
import { hallucinationsIn, supportIndex, type Entity, type EntityKind } from './hallucination.js';
import { checkTarget, type AudienceTarget } from './readability.js';

/** Definitions of the shared metrics with default thresholds; override with {@link withThreshold}. */
export const commonMetrics = {
  schemaValid: {
    name: 'schemaValid',
    description: 'The generation ended with an output valid against the feature schema (after the one repair).',
    direction: 'higher',
    threshold: 0.03,
    unit: 'ratio',
  },
  citationValidity: {
    name: 'citationValidity',
    description: 'Share of statements whose citations all name records of the input.',
    direction: 'higher',
    threshold: 0.05,
    unit: 'ratio',
  },
  factRecall: {
    name: 'factRecall',
    description: 'Share of the labelled facts (mustState) the output states, after normalisation.',
    direction: 'higher',
    threshold: 0.05,
    unit: 'ratio',
  },
  hallucinationRate: {
    name: 'hallucinationRate',
    description: 'Share of named specifics (hosts, services, numbers, times, names) absent from the input.',
    direction: 'lower',
    threshold: 0.05,
    unit: 'ratio',
  },
  forbiddenFree: {
    name: 'forbiddenFree',
    description: 'Share of outputs with none of the forbidden content (mustNotState; non-public details for public text).',
    direction: 'higher',
    threshold: 0.02,
    unit: 'ratio',
  },
  lengthOk: {
    name: 'lengthOk',
    description: "Share of outputs whose length suits the audience's target.",
    direction: 'higher',
    threshold: 0.1,
    unit: 'ratio',
  },
  readingLevelOk: {
    name: 'readingLevelOk',
    description: "Share of outputs at or under the audience's Flesch–Kincaid grade.",
    direction: 'higher',
    threshold: 0.1,
    unit: 'ratio',
  },
  readingGrade: {
    name: 'readingGrade',
    description: 'Mean Flesch–Kincaid grade level of the text a reader reads.',
    direction: 'lower',
    threshold: null,
    unit: 'number',
  },
  words: {
    name: 'words',
    description: 'Mean length of the text a reader reads, in words.',
    direction: 'lower',
    threshold: null,
    unit: 'number',
  },
} as const satisfies Record<string, MetricDefinition>;

/** A definition with another threshold. */
export const withThreshold = (definition: MetricDefinition, threshold: number | null): MetricDefinition => ({ ...definition, threshold });

/** What {@link gradeCommon} needs to know about a feature's output. */
export interface CommonGradingOptions {
  /** The prose a person reads (for length and reading level). */
  readerText: string;
  /** The words the model wrote as its own (for recall and hallucination): no quotes of the input. */
  modelText: string;
  /** Everything the output exposes, quotes included (for forbidden content); default `modelText`. */
  exposedText?: string;
  /** Length and reading level target; none: those metrics are null. */
  target: AudienceTarget | null;
  /** Check the text as public (status page): no internal details at all. */
  publicText?: boolean;
  hallucinationKinds?: readonly EntityKind[];
  allowedNumbers?: readonly number[];
  /** Entities not to check (see HallucinationOptions.ignore). */
  ignoreEntity?: (entity: Entity) => boolean;
}

/** The input a case's output may rest on, as one text: its records and its feature input. */
export function sourceTextOf(data: CaseData, input: Record<string, unknown>): string {
  return JSON.stringify({ data, input });
}

/**
 * The shared metrics of one output. A failed generation scores 0 on validity and recall
 * (the reader got nothing) and null on the rest (there is nothing to judge), unless it failed
 * with the refusal the case accepts.
 */
export function gradeCommon<Output>(evalCase: EvalCase, outcome: GenerationOutcome<Output>, options: CommonGradingOptions): CaseGrade {
  const expected = evalCase.expected;
  if (!outcome.ok && outcome.errorCode !== null && outcome.errorCode === expected.acceptedError) {
    // Refused the way the case allows: nothing was generated, and nothing could leak.
    return {
      metrics: {
        schemaValid: null,
        citationValidity: null,
        factRecall: null,
        hallucinationRate: null,
        forbiddenFree: 1,
        lengthOk: null,
        readingLevelOk: null,
        readingGrade: null,
        words: null,
      },
      notes: [],
    };
  }
  if (!outcome.ok) {
    return {
      metrics: {
        schemaValid: 0,
        citationValidity: null,
        factRecall: expected.mustState.length > 0 ? 0 : null,
        hallucinationRate: null,
        forbiddenFree: null,
        lengthOk: null,
        readingLevelOk: null,
        readingGrade: null,
        words: null,
      },
      notes: [`generation failed: ${outcome.errorCode ?? 'unknown'}${outcome.errorMessage ? ` (${outcome.errorMessage.slice(0, 200)})` : ''}`],
    };
  }
  const notes: string[] = [];
  const citations = citationTally(outcome.marked);
  if (citations.validity !== null && citations.validity < 1) notes.push(`${citations.statements - citations.verified} of ${citations.statements} statements unverified`);

  const recall = factRecall(options.modelText, expected.mustState);
  if (recall.missing.length > 0) notes.push(`missing facts: ${recall.missing.map(describeFact).join(', ')}`);

  const support = supportIndex(sourceTextOf(evalCase.data, evalCase.input));
  const hallucination = hallucinationsIn(options.modelText, support, {
    ...(options.hallucinationKinds && { kinds: options.hallucinationKinds }),
    ...(options.allowedNumbers && { allowedNumbers: options.allowedNumbers }),
    ...(options.ignoreEntity && { ignore: options.ignoreEntity }),
  });
  if (hallucination.unsupported.length > 0) {
    notes.push(`not in the input: ${hallucination.unsupported.map((entity) => `${entity.kind} "${entity.text}"`).join(', ')}`);
  }

  const exposed = options.exposedText ?? options.modelText;
  const forbidden = forbiddenPhrasesIn(exposed, expected.mustNotState);
  const nonPublic = options.publicText ? nonPublicContentIn(exposed, peopleOf(evalCase.data.incident)) : [];
  if (forbidden.length > 0) notes.push(`forbidden: ${forbidden.map((phrase) => `"${phrase}"`).join(', ')}`);
  if (nonPublic.length > 0) notes.push(`not public: ${nonPublic.join(', ')}`);

  const target = options.target ? checkTarget(options.readerText, options.target) : null;
  if (target && !target.lengthOk) notes.push(`length ${target.readability.words} words, target ${options.target!.minWords}-${options.target!.maxWords}`);
  if (target && !target.readingLevelOk) notes.push(`reading grade ${target.readability.fleschKincaidGrade}, target <= ${options.target!.maxGrade}`);

  return {
    metrics: {
      schemaValid: 1,
      citationValidity: citations.validity,
      factRecall: recall.recall,
      hallucinationRate: hallucination.rate,
      forbiddenFree: forbidden.length === 0 && nonPublic.length === 0 ? 1 : 0,
      lengthOk: target ? Number(target.lengthOk) : null,
      readingLevelOk: target ? Number(target.readingLevelOk) : null,
      readingGrade: target?.readability.fleschKincaidGrade ?? null,
      words: target ? target.readability.words : null,
    },
    notes,
  };
}
