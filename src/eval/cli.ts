/**
 * `npm run eval`: runs features' datasets through a variant, grades them, judges them
 * against a baseline, stores the runs, writes the reports and gates on regressions.
 * See {@link usage} for the arguments.
 */
import path from 'node:path';
import type { LlmProvider } from '../llm/types.js';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trace } from '@opentelemetry/api';
import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig, type AppConfig } from '../config/index.js';
import { tracerName } from '../llm/tracing.js';
import { createProviders } from '../llm/providers/create-providers.js';
import { defaultExtractors } from '../features/feature-modules.js';
import { registeredDraftKinds } from './registered-features.js';
import { createStore } from '../store/create-store.js';
import type { EvalRunRecord } from '../store/eval-repository.js';
import type { Store } from '../store/store.js';
import { createLogger } from '../telemetry/logger.js';
import { startTracing } from '../telemetry/tracing-sdk.js';
import { loadBaseline } from './baseline.js';
import { EvalDatasetError, loadDataset } from './cases.js';
import { parseEvalArguments, type EvalArguments } from './cli-arguments.js';
import { discoverSuites } from './discovery.js';
import { createProgress, type ProgressOutput } from './progress.js';
import { consoleTable, writeReports, type EvalSession } from './report.js';
import { runFeature, type FeatureRunReport } from './runner.js';
import { emitEvaluationResult } from '../features/feedback/evaluation-tracking.js';
import { findRemoteRecorder } from './remote-recorder.js';
import type { AnyEvalSuite } from './types.js';
import { promptBoundProvider, promptExtractiveProviderId } from './prompt-bound-engine.js';
import { capturingProvider } from './request-capture.js';
import { createSingleStepManager, EvalUsageError, parseVariant, variantLabel, type VariantSpec } from './variant.js';

/** Exit codes of the CLI. */
export const ExitCode = { passed: 0, regressed: 1, usage: 2 } as const;

/** Where the CLI writes and what it reads; the process's by default. */
export interface CliEnvironment {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: ProgressOutput;
  stderr: ProgressOutput;
}

/** Runs the CLI; resolves with the exit code. */
export async function runEvalCli(environment: CliEnvironment): Promise<number> {
  const { stdout, stderr } = environment;
  let store: Store | null = null;
  let tracing: { shutdown(): Promise<void> } | null = null;
  try {
    const args = parseEvalArguments(environment.argv);
    const config = loadConfig(environment.env);
    const logger = createLogger(environment.env.LOG_LEVEL ?? 'warn', pino.destination({ dest: 2, sync: true }));
    // Judged results go to the tracing backend when one is configured (OTEL_*), like the service's spans.
    tracing = config.telemetry.exportTraces ? startTracing(config.telemetry) : null;

    const discovery = await discoverSuites();
    const { suites, skipped } = selectSuites(args.feature, discovery.suites, discovery.failures);
    const variant = parseVariant(args.variant);
    assertPromptVersionKnown(variant, suites);
    const judgeSpec = args.judge ? parseVariant(args.judge) : null;
    const providers = await providersOf(config);
    // While a service holds the embedded database (or with --url), runs go through its admin API.
    const remote = args.store ? await findRemoteRecorder(config, { url: args.url, token: args.token }) : null;
    if (remote) stderr.write(`note: recording through the service's admin API at ${remote.service.url} (${remote.service.why}).\n`);
    store = args.store && !remote ? await openStore(config) : null;

    const reports: FeatureRunReport[] = [];
    const history: EvalSession['history'] = {};
    for (const suite of suites) {
      const report = await evaluateFeature(suite, args, { config, variant, judgeSpec, providers, store, logger, stderr });
      reports.push(report);
      if (store) {
        await store.evaluations.insertRun(runRecordOf(report), resultRecordsOf(report));
        history[report.feature] = historyOf(await store.evaluations.listRuns(report.feature, 12), report);
      } else if (remote) {
        await remote.insertRun(runRecordOf(report), resultRecordsOf(report));
      }
      stdout.write(`${consoleTable(report)}\n\n`);
    }
    for (const skip of skipped) stderr.write(`${skip.feature}: not evaluated (${skip.reason})\n`);

    const passed = reports.every((report) => report.gate?.passed ?? true);
    const session: EvalSession = { createdAt: new Date().toISOString(), variant: args.variant, judge: args.judge, baseline: args.baseline, features: reports, skipped, history, passed };
    const files = await writeReports(path.resolve(args.out), session);
    stdout.write(`reports: ${files.markdown}\n         ${files.json}\n`);
    if (!passed) stderr.write(`evaluation gate FAILED: ${reports.filter((report) => report.gate && !report.gate.passed).map((report) => `${report.feature} (${report.gate!.regressions.join(', ')})`).join('; ')}\n`);
    return passed ? ExitCode.passed : ExitCode.regressed;
  } catch (error) {
    if (error instanceof EvalUsageError || error instanceof ConfigError || error instanceof EvalDatasetError) {
      stderr.write(`${error.message}\n`);
      return ExitCode.usage;
    }
    throw error;
  } finally {
    await store?.close().catch(() => undefined);
    await tracing?.shutdown().catch(() => undefined);
  }
}

interface FeatureRunContext {
  config: AppConfig;
  variant: VariantSpec;
  judgeSpec: VariantSpec | null;
  providers: LlmProvider[];
  store: Store | null;
  logger: Logger;
  stderr: ProgressOutput;
}

async function evaluateFeature(suite: AnyEvalSuite, args: EvalArguments, context: FeatureRunContext): Promise<FeatureRunReport> {
  const { config, variant, judgeSpec, providers, store, logger, stderr } = context;
  const feature = suite.feature.name;
  const dataset = await loadDataset(suite.casesFile, feature);
  let cases = args.cases.length > 0 ? dataset.cases.filter((evalCase) => args.cases.includes(evalCase.id)) : dataset.cases;
  if (args.limit !== null) cases = cases.slice(0, args.limit);

  const promptVersion = variant.promptVersion !== null && suite.promptVersions.includes(variant.promptVersion) ? variant.promptVersion : suite.feature.promptVersion;
  const label = variantLabel(variant, promptVersion);
  const manager = createSingleStepManager({ routing: config.routing, providers, step: variant, label });
  const judge = judgeSpec
    ? { label: `${judgeSpec.provider}:${judgeSpec.model}`, manager: createSingleStepManager({ routing: config.routing, providers, step: judgeSpec, label: `judge:${judgeSpec.provider}:${judgeSpec.model}` }) }
    : null;
  const baseline = args.baseline ? await loadBaseline(args.baseline, feature, store?.evaluations ?? null) : null;
  if (args.baseline && !baseline) stderr.write(`${feature}: --baseline ${args.baseline} has no run of this feature; no gate\n`);

  const progress = createProgress(stderr, `${feature} ${label}`);
  const tracer = trace.getTracer(tracerName);
  try {
    return await runFeature({
      suite,
      dataset: { ...dataset, cases },
      variant,
      promptVersion,
      label,
      manager,
      judge,
      baseline,
      concurrency: args.concurrency,
      judgeThreshold: args.judgeThreshold,
      logger,
      onProgress: (done, total) => progress.update(done, total),
      onJudged: (result, judgement) =>
        emitEvaluationResult(tracer, {
          name: 'judge.pairwise_vs_baseline',
          traceId: result.generation?.traceId ?? null,
          feature,
          scoreValue: judgement.vsBaseline.scoreA,
          scoreLabel: judgement.vsBaseline.winner === 'A' ? 'win' : judgement.vsBaseline.winner === 'B' ? 'loss' : 'tie',
          explanation: judgement.vsBaseline.reasons.join(' | '),
          attributes: { 'incident_ai.eval.case_id': result.caseId, 'incident_ai.eval.variant': label, 'incident_ai.eval.baseline_run_id': baseline?.runId ?? '' },
        }),
    });
  } finally {
    progress.finish();
  }
}

/** The suites `--feature` names, and the features asked for that have none. */
export function selectSuites(
  feature: string,
  suites: ReadonlyMap<string, AnyEvalSuite>,
  failures: readonly { folder: string; reason: string }[],
): { suites: AnyEvalSuite[]; skipped: { feature: string; reason: string }[] } {
  const folderOf = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const reasonFor = (name: string): string =>
    failures.find((failure) => failure.folder === folderOf(name))?.reason ?? `no suite yet: src/features/${folderOf(name)}/eval/suite.ts`;
  const featureNames = registeredDraftKinds.features;
  if (feature === 'all') {
    const found = featureNames.filter((name) => suites.has(name)).map((name) => suites.get(name)!);
    const skipped = featureNames.filter((name) => !suites.has(name)).map((name) => ({ feature: name, reason: reasonFor(name) }));
    if (found.length === 0) throw new EvalUsageError('no feature has an evaluation suite');
    return { suites: found, skipped };
  }
  const suite = suites.get(feature);
  if (!suite) {
    if (!featureNames.includes(feature)) throw new EvalUsageError(`--feature ${feature}: not a feature (${featureNames.join(', ')} or all)`);
    throw new EvalUsageError(`--feature ${feature}: ${reasonFor(feature)}`);
  }
  return { suites: [suite], skipped: [] };
}

/** A prompt version no selected feature has is a typo, not a request for the current prompt. */
function assertPromptVersionKnown(variant: VariantSpec, suites: readonly AnyEvalSuite[]): void {
  if (variant.promptVersion === null) return;
  if (suites.some((suite) => suite.promptVersions.includes(variant.promptVersion!))) return;
  const known = suites.flatMap((suite) => suite.promptVersions).join(', ');
  throw new EvalUsageError(`prompt version "${variant.promptVersion}" belongs to none of the selected features (known: ${known})`);
}

/**
 * The service's providers, each capturing what a case sends through it (request-capture.ts),
 * plus the extractive engine that reads only the prompt (`prompt-extractive`).
 */
async function providersOf(config: AppConfig): Promise<LlmProvider[]> {
  try {
    const providers = await createProviders(config, defaultExtractors);
    const extractive = providers.find((provider) => provider.kind === 'extractive');
    const promptBound = extractive && !providers.some((provider) => provider.id === promptExtractiveProviderId) ? [promptBoundProvider(extractive)] : [];
    return [...providers, ...promptBound].map(capturingProvider);
  } catch (error) {
    // A provider named by LLM_CONFIG without its key: a setup problem the user fixes.
    throw new EvalUsageError(error instanceof Error ? error.message : String(error));
  }
}

async function openStore(config: AppConfig): Promise<Store> {
  return createStore({
    dataDir: config.dataDir,
    draftKinds: registeredDraftKinds,
    ...(config.databaseUrl && { databaseUrl: config.databaseUrl }),
    ...(config.databaseSchema && { schema: config.databaseSchema }),
  });
}

/** The stored form of a run. */
export function runRecordOf(report: FeatureRunReport): EvalRunRecord {
  return {
    id: report.runId,
    feature: report.feature,
    variant: report.variant,
    provider: report.provider,
    model: report.model,
    promptVersion: report.promptVersion,
    judge: report.judge,
    baselineRunId: report.baselineRunId,
    datasetHash: report.datasetHash,
    caseCount: report.caseCount,
    metrics: report.metrics,
    judgeSummary: report.judgeSummary ? { ...report.judgeSummary } : null,
    gate: report.gate ? { ...report.gate } : null,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
  };
}

/** The stored form of a run's results. */
export function resultRecordsOf(report: FeatureRunReport) {
  return report.results.map((result) => ({
    runId: report.runId,
    caseId: result.caseId,
    ok: result.ok,
    errorCode: result.errorCode,
    errorMessage: result.errorMessage,
    metrics: result.metrics,
    notes: result.notes,
    text: result.text,
    output: result.output,
    generation: result.generation,
    judge: result.judge ? { ...result.judge } : null,
  }));
}

/** Each metric's values over the earlier runs, oldest first (the current run is drawn last by the report). */
function historyOf(runs: readonly EvalRunRecord[], current: FeatureRunReport): Record<string, (number | null)[]> {
  const earlier = runs.filter((run) => run.id !== current.runId).reverse();
  const history: Record<string, (number | null)[]> = {};
  for (const definition of current.definitions) history[definition.name] = earlier.map((run) => run.metrics[definition.name] ?? null);
  return history;
}

const isMain = process.argv[1] !== undefined && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const code = await runEvalCli({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr }).catch((error: unknown) => {
    process.stderr.write(`evaluation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.usage;
  });
  // Keep-alive sockets of provider SDKs would hold the process open for their idle timeout.
  process.stdout.write('', () => process.exit(code));
}
