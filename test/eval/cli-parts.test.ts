import { describe, expect, it } from 'vitest';
import { EvalDatasetError, parseCases } from '../../src/eval/cases.js';
import { parseEvalArguments } from '../../src/eval/cli-arguments.js';
import { selectSuites } from '../../src/eval/cli.js';
import { discoverSuites } from '../../src/eval/discovery.js';
import { createProgress, progressBar } from '../../src/eval/progress.js';
import { formatDelta, formatValue, markdownReport, slugOf, sparkline } from '../../src/eval/report.js';
import { EvalUsageError, parseVariant, variantLabel } from '../../src/eval/variant.js';

const minimalCase = (id: string, feature = 'statusUpdate'): string => JSON.stringify({ id, feature, title: 't', data: {}, input: { audience: 'PUBLIC' } });

describe('parseCases', () => {
  it('applies defaults and skips blank and comment lines', () => {
    const [evalCase] = parseCases(`// a comment\n\n${minimalCase('a')}\n`, 'cases.jsonl');
    expect(evalCase).toMatchObject({ id: 'a', tags: [], data: { incident: null, job: null, execution: null }, humanPreference: [] });
    expect(evalCase?.expected).toMatchObject({ mustState: [], mustNotState: [], maxCommandClass: null, answered: null, acceptedError: null });
    expect(evalCase?.expected.failingStep).toBeUndefined();
  });

  it('names the file and line of a bad case', () => {
    expect(() => parseCases(`${minimalCase('a')}\n{oops`, 'f.jsonl')).toThrow(/^f\.jsonl:2: not valid JSON/);
    expect(() => parseCases(`${minimalCase('a')}\n${minimalCase('a')}`, 'f.jsonl')).toThrow(/f\.jsonl:2: case id "a" is used twice/);
    expect(() => parseCases(minimalCase('a', 'runbook'), 'f.jsonl', 'statusUpdate')).toThrow(EvalDatasetError);
    expect(() => parseCases(JSON.stringify({ id: 'Bad Id', feature: 'statusUpdate', title: 't', data: {}, input: {} }), 'f.jsonl')).toThrow(/id: case ids are lowercase/);
  });
});

describe('parseVariant', () => {
  it('reads provider, model and prompt version', () => {
    expect(parseVariant('openai:gpt-4o-mini')).toEqual({ provider: 'openai', model: 'gpt-4o-mini', promptVersion: null });
    expect(parseVariant('bedrock:anthropic.claude-3-5-haiku-20241022-v1:0@status-update/v1')).toEqual({
      provider: 'bedrock',
      model: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      promptVersion: 'status-update/v1',
    });
    expect(parseVariant('extractive')).toEqual({ provider: 'extractive', model: 'extractive', promptVersion: null });
    expect(variantLabel(parseVariant('vllm:llama-3.1-8b'), 'runbook/v1')).toBe('vllm:llama-3.1-8b@runbook/v1');
  });

  it('refuses what is not a variant', () => {
    for (const bad of ['openai', 'openai:', ':gpt', 'openai:gpt@']) expect(() => parseVariant(bad)).toThrow(EvalUsageError);
  });
});

describe('parseEvalArguments', () => {
  it('reads every option, with defaults', () => {
    expect(parseEvalArguments(['--feature', 'all', '--variant', 'extractive'])).toEqual({
      feature: 'all',
      variant: 'extractive',
      baseline: null,
      judge: null,
      concurrency: 4,
      out: 'eval-reports',
      cases: [],
      limit: null,
      store: true,
      judgeThreshold: 0.15,
      url: null,
      token: null,
    });
    expect(
      parseEvalArguments(['--feature=runbook', '--variant', 'openai:gpt-4o', '--baseline', 'latest', '--judge', 'openai:gpt-4o-mini', '--concurrency', '8', '--out', 'x', '--case', 'a, b', '--limit', '3', '--no-store', '--judge-threshold', '0.1', '--url', 'http://127.0.0.1:4000', '--token', 't']),
    ).toEqual({ feature: 'runbook', variant: 'openai:gpt-4o', baseline: 'latest', judge: 'openai:gpt-4o-mini', concurrency: 8, out: 'x', cases: ['a', 'b'], limit: 3, store: false, judgeThreshold: 0.1, url: 'http://127.0.0.1:4000', token: 't' });
  });

  it('explains what is wrong', () => {
    expect(() => parseEvalArguments(['--variant', 'extractive'])).toThrow(/--feature is required/);
    expect(() => parseEvalArguments(['--feature', 'all', '--variant'])).toThrow(/--variant needs a value/);
    expect(() => parseEvalArguments(['--feature', 'all', '--variant', 'x', '--concurrency', '0'])).toThrow(/positive integer/);
    expect(() => parseEvalArguments(['--feature', 'all', '--variant', 'x', '--bogus'])).toThrow(/unknown argument "--bogus"/);
  });
});

describe('discovery and feature selection', () => {
  it('finds every feature suite under src/features/*/eval and selects by name', async () => {
    const discovery = await discoverSuites();
    expect([...discovery.suites.keys()]).toEqual(expect.arrayContaining(['statusUpdate', 'assistant', 'automationDigest', 'runbook', 'postmortem']));
    expect(discovery.failures).toEqual([]);
    for (const suite of discovery.suites.values()) expect(suite.promptVersions).toContain(suite.feature.promptVersion);
    expect(selectSuites('statusUpdate', discovery.suites, []).suites.map((suite) => suite.feature.name)).toEqual(['statusUpdate']);
    const all = selectSuites('all', discovery.suites, []);
    expect(all.suites.length).toBe(discovery.suites.size);
    expect(() => selectSuites('nope', discovery.suites, [])).toThrow(/not a feature/);
  });

  it('says why a feature without a suite is skipped', () => {
    const selection = selectSuites('all', new Map([['runbook', { feature: { name: 'runbook' } } as never]]), [{ folder: 'postmortem', reason: 'SyntaxError: x' }]);
    expect(selection.skipped).toEqual(
      expect.arrayContaining([
        { feature: 'postmortem', reason: 'SyntaxError: x' },
        { feature: 'statusUpdate', reason: 'no suite yet: src/features/status-update/eval/suite.ts' },
      ]),
    );
    expect(() => selectSuites('assistant', new Map(), [])).toThrow(/no suite yet: src\/features\/assistant\/eval\/suite.ts/);
  });
});

describe('progress', () => {
  it('redraws in place on a terminal and prints quarters elsewhere', () => {
    expect(progressBar(7, 28)).toBe(`[${'#'.repeat(7)}${'.'.repeat(21)}] 7/28`);
    const written: string[] = [];
    const log = createProgress({ write: (text: string) => written.push(text), isTTY: false }, 'statusUpdate');
    for (let done = 1; done <= 8; done += 1) log.update(done, 8);
    expect(written).toEqual(['statusUpdate 1/8\n', 'statusUpdate 2/8\n', 'statusUpdate 4/8\n', 'statusUpdate 6/8\n', 'statusUpdate 8/8\n']);
    const terminal: string[] = [];
    let now = 0;
    const bar = createProgress({ write: (text: string) => terminal.push(text), isTTY: true }, 'x', () => now);
    bar.update(1, 4);
    bar.update(2, 4);
    now = 500;
    bar.update(4, 4);
    bar.finish();
    expect(terminal).toHaveLength(3);
    expect(terminal[0]).toMatch(/^\r\u001b\[2Kx \[/);
    expect(terminal.at(-1)).toBe('\n');
  });
});

describe('report formatting', () => {
  it('draws sparklines and formats values and changes', () => {
    expect(sparkline([0, 0.5, 1])).toBe('▁▅█');
    expect(sparkline([0.7, null, 0.7])).toBe('▄ ▄');
    expect(sparkline([])).toBe('');
    expect(formatValue(0.8333, 'ratio')).toBe('83.3%');
    expect(formatValue(133.4, 'number')).toBe('133');
    expect(formatValue(null, 'number')).toBe('–');
    expect(formatDelta(-0.052, 'ratio')).toBe('−5.2 pts');
    expect(formatDelta(0, 'number')).toBe('±0.0');
    expect(slugOf('openai:gpt-4o-mini@status-update/v0-bad')).toBe('openai_gpt-4o-mini_status-update_v0-bad');
  });

  it('writes a Markdown table per feature with the trend and the gate', () => {
    const markdown = markdownReport({
      createdAt: '2025-07-01T00:00:00.000Z',
      variant: 'extractive',
      judge: null,
      baseline: 'latest',
      passed: false,
      skipped: [{ feature: 'postmortem', reason: 'no suite yet' }],
      history: { statusUpdate: { factRecall: [0.9, 0.95] } },
      features: [
        {
          runId: 'r2',
          feature: 'statusUpdate',
          variant: 'extractive:extractive@status-update/v1',
          provider: 'extractive',
          model: 'extractive',
          promptVersion: 'status-update/v1',
          judge: null,
          baselineRunId: 'r1',
          baselineVariant: 'extractive:extractive@status-update/v1',
          datasetFile: '/repo/src/features/status-update/eval/cases.jsonl',
          datasetHash: 'h',
          caseCount: 1,
          startedAt: '2025-07-01T00:00:00.000Z',
          finishedAt: '2025-07-01T00:00:01.000Z',
          definitions: [],
          metrics: { factRecall: 0.5 },
          judgeSummary: null,
          gate: {
            passed: false,
            regressions: ['factRecall'],
            comparedCases: 1,
            comparisons: [{ name: 'factRecall', direction: 'higher', unit: 'ratio', threshold: 0.05, current: 0.5, baseline: 0.95, delta: -0.45, regressed: true }],
          },
          results: [{ caseId: 'su-a', title: 't', tags: [], ok: true, errorCode: null, errorMessage: null, refusedAsAllowed: false, metrics: {}, notes: ['missing facts: "x"'], text: '', output: null, generation: null, judge: null }],
        },
      ],
    });
    expect(markdown).toContain('## statusUpdate: FAIL (factRecall)');
    expect(markdown).toContain('| factRecall | ▇█▁ | 95.0% | 50.0% | −45.0 pts | −5.0 pts | ❌ |');
    expect(markdown).toContain('> postmortem: not evaluated (no suite yet)');
    expect(markdown).toContain('| su-a | missing facts: "x" |');
  });
});
