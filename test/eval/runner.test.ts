import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { loadDataset, type Dataset } from '../../src/eval/cases.js';
import { createSingleStepManager, parseVariant } from '../../src/eval/variant.js';
import { mapConcurrent, runFeature } from '../../src/eval/runner.js';
import { suite as statusUpdateSuite } from '../../src/features/status-update/eval/suite.js';
import type { AnyEvalSuite } from '../../src/eval/types.js';
import { createExtractiveProvider } from '../../src/llm/providers/extractive-provider.js';
import { defaultExtractors } from '../../src/features/feature-modules.js';
import type { Completion, LlmProvider, LlmRequest } from '../../src/llm/types.js';

const routing = loadConfig({ NODE_ENV: 'test' }).routing;
const suite: AnyEvalSuite = statusUpdateSuite;

async function smallDataset(ids: string[]): Promise<Dataset> {
  const dataset = await loadDataset(suite.casesFile, 'statusUpdate');
  return { ...dataset, cases: dataset.cases.filter((evalCase) => ids.includes(evalCase.id)) };
}

/** A provider answering every request with `answer(request)`. */
function scriptedProvider(id: string, answer: (request: LlmRequest) => string): LlmProvider & { requests: LlmRequest[] } {
  const requests: LlmRequest[] = [];
  const complete = async (request: LlmRequest): Promise<Completion> => {
    requests.push(request);
    return { text: answer(request), finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 20 }, responseModel: request.model, providerRequestId: null };
  };
  return {
    id,
    kind: 'openai',
    degraded: false,
    selfHosted: false,
    requests,
    complete,
    async *stream(request) {
      yield { type: 'finish', completion: await complete(request) };
    },
  };
}

const ids = ['su-pdemo01-public', 'su-pdemo05-responders', 'su-evinc07-investigating-stakeholders'];

describe('runFeature', () => {
  it('generates every case through the feature and the manager, grades it, and reports means', async () => {
    const variant = parseVariant('extractive');
    const manager = createSingleStepManager({ routing, providers: [createExtractiveProvider({ extractors: defaultExtractors })], step: variant, label: 'extractive:extractive@status-update/v1' });
    const progress: number[] = [];
    const report = await runFeature({
      suite,
      dataset: await smallDataset(ids),
      variant,
      promptVersion: 'status-update/v1',
      label: 'extractive:extractive@status-update/v1',
      manager,
      concurrency: 2,
      onProgress: (done) => progress.push(done),
      newId: () => 'run-1',
    });
    expect(report).toMatchObject({ runId: 'run-1', feature: 'statusUpdate', provider: 'extractive', model: 'extractive', promptVersion: 'status-update/v1', caseCount: 3, gate: null, judgeSummary: null });
    expect(report.results.map((result) => result.caseId)).toEqual(ids);
    for (const result of report.results) {
      expect(result.ok).toBe(true);
      expect(result.generation).toMatchObject({ provider: 'extractive', variant: 'extractive:extractive@status-update/v1', promptVersion: 'status-update/v1', degraded: true });
      expect(result.text).toMatch(/^## /);
      expect(result.output).toHaveProperty('unverifiedCount');
    }
    expect(report.metrics.schemaValid).toBe(1);
    expect(report.metrics.forbiddenFree).toBe(1);
    expect(report.definitions.map((definition) => definition.name)).toEqual(expect.arrayContaining(['factRecall', 'hallucinationRate', 'latencyMs', 'costUsd']));
    expect(progress).toEqual([1, 2, 3]);
  });

  it('uses the variant prompt version, and scores a provider whose answers never validate as failed', async () => {
    const provider = scriptedProvider('openai', () => '{"title":""}');
    const variant = parseVariant('openai:gpt-4o-mini@status-update/v0-bad');
    const manager = createSingleStepManager({ routing, providers: [provider], step: variant, label: 'x' });
    const report = await runFeature({ suite, dataset: await smallDataset(ids.slice(0, 1)), variant, promptVersion: 'status-update/v0-bad', label: 'x', manager });
    const [result] = report.results;
    expect(result).toMatchObject({ ok: false, errorCode: 'INVALID_MODEL_OUTPUT', refusedAsAllowed: false });
    expect(result?.metrics).toMatchObject({ schemaValid: 0, factRecall: 0, hallucinationRate: null });
    // The first answer and its repair, both with the eval-only prompt (no citation rules); no fallback.
    expect(provider.requests).toHaveLength(2);
    expect(provider.requests[0]!.messages[0]!.content).toMatch(/^Write a short status update/);
    expect(provider.requests[0]!.model).toBe('gpt-4o-mini');
  });

  it('judges each case against the baseline in both orders and gates on the metrics', async () => {
    const extractive = parseVariant('extractive');
    const manager = createSingleStepManager({ routing, providers: [createExtractiveProvider({ extractors: defaultExtractors })], step: extractive, label: 'e' });
    const dataset = await smallDataset(ids);
    const baseline = await runFeature({ suite, dataset, variant: extractive, promptVersion: 'status-update/v1', label: 'e', manager });
    // A judge that always prefers whichever candidate it is shown first: pure position bias.
    const judgeProvider = scriptedProvider('judge', () => JSON.stringify({ winner: 'A', reasons: 'first is best' }));
    const judge = { label: 'judge:first', manager: createSingleStepManager({ routing, providers: [judgeProvider], step: { provider: 'judge', model: 'j' }, label: 'j' }) };
    const judged: string[] = [];
    const current = await runFeature({
      suite,
      dataset,
      variant: extractive,
      promptVersion: 'status-update/v1',
      label: 'e',
      manager,
      judge,
      baseline: { runId: baseline.runId, variant: baseline.variant, results: baseline.results },
      onJudged: (result) => judged.push(result.caseId),
    });
    expect(current.gate).toMatchObject({ passed: true, regressions: [], comparedCases: 3 });
    expect(current.judgeSummary).toMatchObject({ judge: 'judge:first', judgedCases: 3, winRate: 0.5, consistency: 0 });
    expect(current.results[0]?.judge?.vsBaseline).toMatchObject({ winner: 'tie', scoreA: 0.5, consistent: false });
    expect(judged.sort()).toEqual([...ids].sort());
    // Two verdicts per case, plus two per human preference pair of the cases.
    const pairs = dataset.cases.reduce((total, evalCase) => total + evalCase.humanPreference.length, 0);
    expect(judgeProvider.requests).toHaveLength(3 * 2 + pairs * 2);
    expect(current.judgeSummary?.humanPairs).toBe(pairs);


    // A variant whose answers never validate, against the same baseline: the gate fails.
    const broken = scriptedProvider('openai', () => 'not json');
    const brokenVariant = parseVariant('openai:gpt-4o-mini');
    const gated = await runFeature({
      suite,
      dataset,
      variant: brokenVariant,
      promptVersion: 'status-update/v1',
      label: 'broken',
      manager: createSingleStepManager({ routing, providers: [broken], step: brokenVariant, label: 'broken' }),
      judge,
      baseline: { runId: baseline.runId, variant: baseline.variant, results: baseline.results },
    });
    expect(gated.gate?.passed).toBe(false);
    expect(gated.gate?.regressions).toEqual(expect.arrayContaining(['schemaValid', 'factRecall', 'judgeWinRate']));
    // A run with no output loses every pair without asking the judge.
    expect(gated.judgeSummary).toMatchObject({ winRate: 0, judgedCases: 3 });
  });
});

describe('mapConcurrent', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapConcurrent([5, 1, 3, 2, 4], 2, async (value) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, value));
      running -= 1;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
    expect(await mapConcurrent([], 3, async () => 1)).toEqual([]);
  });
});
