/**
 * The evaluation CLI end to end, spawned like CI runs it: the offline extractive engine on a
 * clean setup (no keys), and the regression gate against the fake OpenAI server used as both
 * the variant and the judge. A deliberately worse prompt version (`status-update/v0-bad`,
 * without the citation rules) must be caught: exit code 1, with the metrics that fell.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnsweringOpenAi, type AnsweringOpenAi } from './support/answering-openai.js';
import { scriptedAnswer } from './support/scripted-answers.js';
import { seededDataDir, spawnNpm } from './support/spawn-eval.js';

interface ReportFile {
  passed: boolean;
  features: {
    runId: string;
    feature: string;
    variant: string;
    metrics: Record<string, number | null>;
    gate: { passed: boolean; regressions: string[] } | null;
    judgeSummary: { winRate: number | null; humanAgreement: number | null; humanPairs: number } | null;
    results: { caseId: string; ok: boolean }[];
  }[];
}

async function latestReport(directory: string): Promise<ReportFile> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
  return JSON.parse(await readFile(path.join(directory, files.at(-1)!), 'utf8')) as ReportFile;
}

let dataDir: string;
let openai: AnsweringOpenAi;

beforeAll(async () => {
  dataDir = await seededDataDir();
  openai = await startAnsweringOpenAi(scriptedAnswer);
});
afterAll(async () => {
  await openai?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run eval', () => {
  it('runs statusUpdate through the extractive engine with no keys, stores the run and writes both reports', async () => {
    const out = path.join(dataDir, 'reports-extractive');
    const run = await spawnNpm('eval', ['--feature', 'statusUpdate', '--variant', 'extractive', '--out', out], { DATA_DIR: dataDir });
    expect(run.stderr).not.toMatch(/evaluation failed/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/statusUpdate · extractive:extractive@status-update\/v2 · \d+ cases · no baseline/);
    expect(run.stdout).toMatch(/factRecall/);
    const report = await latestReport(out);
    const [feature] = report.features;
    expect(feature?.results.length).toBeGreaterThanOrEqual(30);
    expect(feature?.metrics.schemaValid).toBe(1);
    expect(feature?.gate).toBeNull();
    expect((await readdir(out)).some((file) => file.endsWith('.md'))).toBe(true);
  }, 60_000);

  it('gates on a baseline: the same prompt passes, a deliberately worse prompt version fails with exit code 1', async () => {
    const env = { DATA_DIR: dataDir, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url };
    const judge = ['--judge', 'openai:gpt-4o'];

    const baselineOut = path.join(dataDir, 'reports-baseline');
    const baseline = await spawnNpm('eval', ['--feature', 'statusUpdate', '--variant', 'openai:gpt-4o-mini', ...judge, '--concurrency', '8', '--out', baselineOut], env);
    expect(baseline.stderr).not.toMatch(/evaluation failed/);
    expect(baseline.code).toBe(0);
    const baselineRun = (await latestReport(baselineOut)).features[0]!;
    expect(baselineRun.variant).toBe('openai:gpt-4o-mini@status-update/v2');
    expect(baselineRun.metrics.schemaValid).toBe(1);
    expect(baselineRun.metrics.citationValidity).toBe(1);
    // Human preferences are judged even without a baseline.
    expect(baselineRun.judgeSummary?.humanPairs).toBeGreaterThan(0);

    const againOut = path.join(dataDir, 'reports-again');
    const again = await spawnNpm('eval', ['--feature', 'statusUpdate', '--variant', 'openai:gpt-4o-mini', ...judge, '--baseline', baselineRun.runId, '--concurrency', '8', '--out', againOut], env);
    expect(again.code).toBe(0);
    const againRun = (await latestReport(againOut)).features[0]!;
    expect(againRun.gate?.passed).toBe(true);
    expect(againRun.judgeSummary?.winRate).toBe(0.5);

    const worseOut = path.join(dataDir, 'reports-worse');
    const worse = await spawnNpm(
      'eval',
      ['--feature', 'statusUpdate', '--variant', 'openai:gpt-4o-mini@status-update/v0-bad', ...judge, '--baseline', baselineRun.runId, '--concurrency', '8', '--out', worseOut],
      env,
    );
    expect(worse.code).toBe(1);
    expect(worse.stderr).toMatch(/evaluation gate FAILED: statusUpdate/);
    expect(worse.stdout).toMatch(/REGRESSED/);
    const worseReport = await latestReport(worseOut);
    const worseRun = worseReport.features[0]!;
    expect(worseReport.passed).toBe(false);
    expect(worseRun.variant).toBe('openai:gpt-4o-mini@status-update/v0-bad');
    expect(worseRun.gate?.regressions).toEqual(expect.arrayContaining(['factRecall', 'citationValidity', 'judgeWinRate']));
    expect(worseRun.judgeSummary?.winRate).toBeLessThan(0.2);
  }, 90_000);
});
