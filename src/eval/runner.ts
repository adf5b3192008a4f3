/**
 * Runs one feature's dataset through one variant: every case through the real draft
 * generator (the feature's own prompt, schema, citation check, repair and rendering, via an
 * LLM Manager), concurrently; grades each output; judges it against the baseline's output
 * when a judge is given; aggregates the metrics and applies the regression gate.
 */
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { isAppError } from '../errors/app-error.js';
import { createDraftGenerator } from '../features/common/draft-generator.js';
import type { Principal } from '../guard/auth/principal.js';
import { incidentPromptText } from '../features/common/incident-prompt-data.js';
import type { LlmManager } from '../llm/generation.js';
import type { EvalRunRecord } from '../store/eval-repository.js';
import type { GenerationRecord } from '../store/types.js';
import { createDraftStreamHub } from '../streams/draft-stream-hub.js';
import type { CaseData } from './case-data.js';
import type { Dataset, EvalCase } from './cases.js';
import { compareRuns, judgeComparison, meanMetrics, type GateResult } from './gate.js';
import { createPairwiseJudge, humanAgreement, winRate, type JudgeCase, type PairwiseResult } from './judge.js';
import { evaluationDraftStore } from './memory-draft-repository.js';
import type { AnyEvalSuite, CaseMetrics, GenerationOutcome, MetricDefinition } from './types.js';
import type { VariantSpec } from './variant.js';
import { mapWithConcurrency } from '../features/common/map-with-concurrency.js';
import { contextCoverage, contextCoverageMetrics } from './metrics/context-coverage.js';
import { captureRequests, type CapturedCall } from './request-capture.js';
import { callTokenCounts } from './token-count.js';

/** The principal evaluation drafts are generated for: never a real account. */
export const evaluationPrincipal: Principal = {
  accountId: 'eval',
  userId: 'eval-runner',
  scopes: new Set(['ai:read', 'ai:write']),
  method: 'system',
};

/** The judge of a run. */
export interface RunJudge {
  manager: LlmManager;
  /** `provider:model`, recorded with the run. */
  label: string;
}

/** A baseline's per-case results, as stored by an earlier run. */
export interface BaselineResults {
  runId: string;
  variant: string;
  results: { caseId: string; ok: boolean; metrics: CaseMetrics; text: string }[];
}

/** The judge's view of one case. */
export interface CaseJudgement {
  /** Against the baseline's output of the same case: A is this run. */
  vsBaseline: Pick<PairwiseResult, 'winner' | 'scoreA' | 'consistent' | 'invalid'> & { reasons: string[] };
}

/** One case of a run. */
export interface CaseResult {
  caseId: string;
  title: string;
  tags: string[];
  ok: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  /** Failed with the typed refusal the case accepts (e.g. INJECTION_BLOCKED): a correct outcome. */
  refusedAsAllowed: boolean;
  metrics: CaseMetrics;
  notes: string[];
  /** Rendered markdown ('' when the generation failed). */
  text: string;
  /** The stored output (statements marked verified or not). */
  output: Record<string, unknown> | null;
  generation: GenerationRecord | null;
  judge: CaseJudgement | null;
}

/** The judge's summary of a run. */
export interface JudgeSummary {
  judge: string;
  /** Cases judged against the baseline. */
  judgedCases: number;
  /** Share won against the baseline, ties half; null without a baseline. */
  winRate: number | null;
  /** Share of pairs judged the same in both orders. */
  consistency: number | null;
  /** Share of the dataset's human preferences the judge agrees with; null when none. */
  humanAgreement: number | null;
  humanPairs: number;
  invalidVerdicts: number;
}

/** The fields of a run that a report carries as the store keeps them. */
type StoredRunField = 'feature' | 'variant' | 'provider' | 'model' | 'promptVersion' | 'judge' | 'baselineRunId' | 'datasetHash' | 'caseCount' | 'startedAt' | 'finishedAt';

/** Everything one feature's run produced. */
export interface FeatureRunReport extends Pick<EvalRunRecord, StoredRunField> {
  runId: string;
  baselineVariant: string | null;
  datasetFile: string;
  definitions: MetricDefinition[];
  /** Mean of each metric over every case of this run. */
  metrics: Record<string, number | null>;
  judgeSummary: JudgeSummary | null;
  /** Null without a baseline. */
  gate: GateResult | null;
  results: CaseResult[];
}

/** Options of {@link runFeature}. */
export interface RunFeatureOptions {
  suite: AnyEvalSuite;
  dataset: Dataset;
  variant: VariantSpec;
  /** The variant's prompt version, resolved (the feature's current one when the variant names none). */
  promptVersion: string;
  /** `provider:model@promptVersion`. */
  label: string;
  manager: LlmManager;
  judge?: RunJudge | null;
  baseline?: BaselineResults | null;
  /** Cases generated at once; default 4. */
  concurrency?: number;
  /** Largest fall in judge win rate below 0.5 the gate lets through; default 0.15. */
  judgeThreshold?: number;
  logger?: Logger;
  /** Called after each case and each judged pair. */
  onProgress?: (done: number, total: number) => void;
  /** Called with every judged case (tracking). */
  onJudged?: (result: CaseResult, judgement: CaseJudgement) => void;
  newId?: () => string;
  now?: () => Date;
}

/** Usage metrics every run reports; never gated (prices and latency are not quality). */
export const usageMetrics: readonly MetricDefinition[] = [
  { name: 'latencyMs', description: 'Mean generation latency per case (repairs included), in ms.', direction: 'lower', threshold: null, unit: 'number' },
  { name: 'costUsd', description: 'Mean cost per case in USD (repairs included).', direction: 'lower', threshold: null, unit: 'number' },
  { name: 'attempts', description: 'Mean provider attempts per case (repairs and retries included).', direction: 'lower', threshold: null, unit: 'number' },
  { name: 'inputTokens', description: 'Mean input (prompt) tokens per case (repairs included): the context a draft costs.', direction: 'lower', threshold: null, unit: 'number' },
  { name: 'outputTokens', description: 'Mean output tokens per case (repairs included).', direction: 'lower', threshold: null, unit: 'number' },
  {
    name: 'inputTokensO200k',
    description: 'Mean input tokens per case counted with the o200k_base tokenizer: messages and output schema of every request sent (map stages and repairs included).',
    direction: 'lower',
    threshold: null,
    unit: 'number',
  },
  { name: 'outputTokensO200k', description: 'Mean output tokens per case counted with the o200k_base tokenizer (map stages and repairs included).', direction: 'lower', threshold: null, unit: 'number' },
];

/**
 * The prompt of a case's draft as sent: the messages of the first request for the feature's
 * own output (not a map stage, not a repair, which resends it with the rejected answer).
 */
export function draftPromptOf(calls: readonly CapturedCall[], outputName: string): string | null {
  const call = calls.find((candidate) => candidate.request.output?.name === outputName) ?? calls[0];
  return call ? call.request.messages.map((message) => message.content).join('\n') : null;
}

/** Runs `tasks` with at most `limit` at once; results in input order (features/common/map-with-concurrency.ts). */
export const mapConcurrent = mapWithConcurrency;

/** Longest source text shown to the judge, in characters. */
export const judgeSourceLimit = 24_000;

/** The source records of a case as the judge reads them. */
export function judgeSourceData(data: CaseData): string {
  const parts: string[] = [];
  if (data.incident) parts.push(incidentPromptText(data.incident));
  if (data.job) parts.push(`Job: ${JSON.stringify(data.job)}`);
  if (data.execution) {
    const { log, ...execution } = data.execution;
    parts.push(`Execution: ${JSON.stringify(execution)}`);
    parts.push(log.map((line, index) => `L${index + 1} ${line.at.slice(11, 19)} ${line.level} [${line.step}] ${line.text}`).join('\n'));
  }
  const text = parts.join('\n\n');
  return text.length <= judgeSourceLimit ? text : `${text.slice(0, judgeSourceLimit)}\n[... clipped]`;
}

const silentLogger = (): Logger => pino({ level: 'silent' });

/** Runs one feature's dataset through one variant. */
export async function runFeature(options: RunFeatureOptions): Promise<FeatureRunReport> {
  const { suite, dataset } = options;
  const logger = options.logger ?? silentLogger();
  const now = options.now ?? (() => new Date());
  const runId = (options.newId ?? randomUUID)();
  const startedAt = now().toISOString();
  const store = evaluationDraftStore();
  const generator = createDraftGenerator({ store, manager: options.manager, hub: createDraftStreamHub({ store, logger }), logger, now });
  // The feature exactly as the service has it, with the variant's prompt.
  const feature = { ...suite.feature, promptVersion: options.promptVersion, buildPrompt: (...[context, spotlight]: Parameters<typeof suite.feature.buildPrompt>) => suite.buildPrompt(options.promptVersion, context, spotlight) };
  const baselineById = new Map((options.baseline?.results ?? []).map((result) => [result.caseId, result]));
  const judge = options.judge ? createPairwiseJudge({ manager: options.judge.manager, feature: suite.feature.name, rubric: suite.rubric }) : null;
  const humanPairs = judge ? dataset.cases.reduce((total, evalCase) => total + evalCase.humanPreference.length, 0) : 0;
  const judgedPerCase = (evalCase: EvalCase): number => (judge && baselineById.get(evalCase.id)?.ok ? 1 : 0);
  const total = dataset.cases.length + dataset.cases.reduce((sum, evalCase) => sum + judgedPerCase(evalCase), 0) + humanPairs;
  let done = 0;
  const tick = (): void => {
    done += 1;
    options.onProgress?.(done, total);
  };

  const results = await mapConcurrent(dataset.cases, options.concurrency ?? 4, async (evalCase) => {
    const { result: outcome, calls } = await captureRequests(() => generate(evalCase));
    tick();
    const grade = suite.graders.grade(evalCase, outcome);
    const usage = outcome.generation;
    const prompt = draftPromptOf(calls, suite.feature.outputSpec.name);
    const coverage = prompt === null ? null : contextCoverage(evalCase.data, evalCase.expected.mustState, prompt);
    const tokens = calls.length > 0 ? callTokenCounts(calls) : null;
    const result: CaseResult = {
      caseId: evalCase.id,
      title: evalCase.title,
      tags: evalCase.tags,
      ok: outcome.ok,
      errorCode: outcome.errorCode,
      errorMessage: outcome.errorMessage,
      refusedAsAllowed: !outcome.ok && outcome.errorCode !== null && outcome.errorCode === evalCase.expected.acceptedError,
      metrics: { ...grade.metrics, latencyMs: usage?.latencyMs ?? null, costUsd: usage?.costUsd ?? null, attempts: usage?.attempts ?? null, inputTokens: usage?.inputTokens ?? null, outputTokens: usage?.outputTokens ?? null,
        inputTokensO200k: tokens?.input ?? null, outputTokensO200k: tokens?.output ?? null,
        contextCoverage: coverage?.contextCoverage ?? null, contextFactCoverage: coverage?.contextFactCoverage ?? null, contextIdCoverage: coverage?.contextIdCoverage ?? null },
      notes: grade.notes,
      text: outcome.text,
      output: outcome.marked,
      generation: outcome.generation,
      judge: null,
    };
    const baseline = baselineById.get(evalCase.id);
    if (judge && baseline?.ok) {
      const judgeCase: JudgeCase = { request: evalCase.input, sourceData: judgeSourceData(evalCase.data) };
      // A failed generation loses to any baseline output without asking the judge.
      const pairwise = outcome.ok
        ? await judge.compare(judgeCase, outcome.text, baseline.text).catch((error: unknown) => {
            logger.warn({ err: error, caseId: evalCase.id }, 'the judge failed; the pair counts as a tie');
            return null;
          })
        : null;
      const judgement: CaseJudgement = {
        vsBaseline: pairwise
          ? { winner: pairwise.winner, scoreA: pairwise.scoreA, consistent: pairwise.consistent, invalid: pairwise.invalid, reasons: pairwise.verdicts.map((verdict) => verdict.reasons) }
          : outcome.ok
            ? { winner: 'tie', scoreA: 0.5, consistent: false, invalid: 2, reasons: ['the judge did not answer'] }
            : { winner: 'B', scoreA: 0, consistent: true, invalid: 0, reasons: ['this run produced no output'] },
      };
      result.judge = judgement;
      options.onJudged?.(result, judgement);
      tick();
    }
    return result;
  });

  const humanResults = judge ? await judgeHumanPreferences() : [];
  const judgements = results.map((result) => result.judge?.vsBaseline).filter((judgement): judgement is CaseJudgement['vsBaseline'] => Boolean(judgement));
  const judgeSummary: JudgeSummary | null = options.judge
    ? {
        judge: options.judge.label,
        judgedCases: judgements.length,
        winRate: winRate(judgements),
        consistency: judgements.length === 0 ? null : judgements.filter((judgement) => judgement.consistent).length / judgements.length,
        humanAgreement: humanAgreement(humanResults),
        humanPairs: humanResults.length,
        invalidVerdicts: judgements.reduce((sum, judgement) => sum + judgement.invalid, 0) + humanResults.reduce((sum, pair) => sum + pair.result.invalid, 0),
      }
    : null;

  const definitions = [...suite.graders.metrics, ...contextCoverageMetrics, ...usageMetrics];
  let gate: GateResult | null = null;
  if (options.baseline) {
    gate = compareRuns(definitions, results.map((result) => ({ caseId: result.caseId, metrics: result.metrics })), options.baseline.results);
    if (judgeSummary && judgeSummary.winRate !== null) {
      const comparison = judgeComparison(judgeSummary.winRate, options.judgeThreshold ?? 0.15);
      gate.comparisons.push(comparison);
      if (comparison.regressed) {
        gate.regressions.push(comparison.name);
        gate.passed = false;
      }
    }
  }

  return {
    runId,
    feature: suite.feature.name,
    variant: options.label,
    provider: options.variant.provider,
    model: options.variant.model,
    promptVersion: options.promptVersion,
    judge: options.judge?.label ?? null,
    baselineRunId: options.baseline?.runId ?? null,
    baselineVariant: options.baseline?.variant ?? null,
    datasetFile: dataset.file,
    datasetHash: dataset.hash,
    caseCount: dataset.cases.length,
    startedAt,
    finishedAt: now().toISOString(),
    definitions,
    metrics: meanMetrics(definitions, results.map((result) => result.metrics)),
    judgeSummary,
    gate,
    results,
  };

  async function generate(evalCase: EvalCase): Promise<GenerationOutcome<unknown>> {
    try {
      const context = suite.context(evalCase, evaluationPrincipal);
      const prepared = suite.prepare ? await suite.prepare(evalCase, context, { manager: options.manager, promptVersion: options.promptVersion, logger }) : { feature, context };
      const draft = await generator.generate({ ...prepared.feature, promptVersion: options.promptVersion }, prepared.context, suite.target(evalCase), { stream: false });
      const parsed = suite.feature.outputSchema.safeParse(draft.output);
      return {
        ok: draft.state === 'COMPLETE' && parsed.success,
        output: parsed.success ? parsed.data : null,
        marked: draft.output,
        text: draft.text,
        errorCode: null,
        errorMessage: null,
        generation: draft.generation,
      };
    } catch (error) {
      // The generator stored the failure; only its code and message matter here.
      return {
        ok: false,
        output: null,
        marked: null,
        text: '',
        errorCode: isAppError(error) ? error.code : 'INTERNAL_SERVER_ERROR',
        errorMessage: error instanceof Error ? error.message : String(error),
        generation: null,
      };
    }
  }

  async function judgeHumanPreferences(): Promise<{ preference: EvalCase['humanPreference'][number]; result: PairwiseResult }[]> {
    const pairs = dataset.cases.flatMap((evalCase) => evalCase.humanPreference.map((preference) => ({ evalCase, preference })));
    const judged = await mapConcurrent(pairs, options.concurrency ?? 4, async ({ evalCase, preference }) => {
      const result = await judge!
        .compare({ request: evalCase.input, sourceData: judgeSourceData(evalCase.data) }, preference.a, preference.b)
        .catch((error: unknown) => {
          logger.warn({ err: error, caseId: evalCase.id }, 'the judge failed on a human preference pair');
          return null;
        });
      tick();
      return result && { preference, result };
    });
    return judged.filter((pair): pair is NonNullable<typeof pair> => pair !== null);
  }
}
