/**
 * Time to a whole draft with a model: the compiled service (`dist/src/main.js`, run
 * `npm run build` first) in front of an upstream that takes a model's time (bench/model-upstream.ts:
 * first token after 300-800 ms, then 40-100 tokens/s, seeded). Per feature, sequential
 * non-streamed mutations; for each, the end-to-end time and the model's own time for the calls
 * the mutation made (the span of time in which at least one of its calls was running, so the
 * parallel map requests of a long postmortem count once). The service's share is what it adds
 * on top of the model. A postmortem of a 5,000-entry incident (served by a fake supergraph
 * incident source) is compared with one model call: its final call, and the longest map call.
 *
 *   npx tsx bench/model-time.ts [--runs 3] [--embedded] [--slow]
 *
 * `--slow`: every call at the slow end of the pace (800 ms, then 40 tokens/s), a slow model.
 *
 * The account keeps the default concurrency (MAX_CONCURRENT_GENERATIONS=10), which bounds the
 * map stage of the long postmortem.
 */
import { extractPostmortem } from '../src/features/postmortem/extractor.js';
import type { PostmortemOutput } from '../src/features/postmortem/output-schema.js';
import { sampleIncidents } from '../src/incidents/sample/index.js';
import { featureTimeouts, resilienceSchema } from '../src/config/llm-routing.js';
import type { Incident } from '../src/incidents/types.js';
import { fencedJsonAfter, fencedTexts, markerOf } from '../test/support/spotlight.js';
import { startFakeIncidentSubgraph, type FakeIncidentSubgraph } from '../test/fakes/incident-subgraph.js';
import { syntheticIncident } from '../test/features/postmortem/synthetic-incident.js';
import { isEntryScript, numberArgument, startBenchService } from './bench-service.js';
import { startModelUpstream, modelLikePace, type ModelCall, type ModelPace } from './model-upstream.js';

/** A slow model: every call at the slow end of {@link modelLikePace} (first token after 800 ms, then 40 tokens/s). */
export const slowModelPace: ModelPace = { firstTokenMs: [800, 800], tokensPerSecond: [40, 40], seed: modelLikePace.seed };
import { killAllProcessesNow } from './processes.js';
import { benchIncidentId, statusUpdateAnswer } from './status-update-answer.js';

export interface ModelTimeOptions {
  runs: number;
  database: 'postgres' | 'embedded';
  /** Log entries of the long incident (default 5,000); 0 leaves the long postmortem out. */
  longIncidentEntries?: number;
  /** One draft of each feature before measuring (default true). */
  warmUp?: boolean;
  /** The features to measure (default all five, by their names in the report). */
  features?: readonly string[];
  /** The model's pace (default {@link modelLikePace}; `--slow`: {@link slowModelPace}). */
  pace?: ModelPace;
  /** A checkout with a compiled dist/ to measure (default this one), e.g. an older build for a before/after. */
  directory?: string;
  log?: (message: string) => void;
}

export interface FeatureTiming {
  feature: string;
  runs: number;
  /** Means over the runs (ms). */
  endToEndMs: number;
  modelMs: number;
  addedMs: number;
  callsPerDraft: number;
  /** Drafts that ended COMPLETE (a degraded draft still counts: its time is real). */
  completed: number;
  providers: string[];
}

export interface LongPostmortemTiming {
  entries: number;
  endToEndMs: number;
  modelMs: number;
  mapCalls: number;
  /** The final postmortem call, and the longest map call (ms). */
  finalCallMs: number;
  longestMapCallMs: number;
  state: string;
}

export interface ModelTimeResult {
  options: ModelTimeOptions;
  features: FeatureTiming[];
  longPostmortem: LongPostmortemTiming | null;
}

const draftFields = '{ id state generation { provider degraded attempts } }';
const features: { feature: string; query: string; variables: Record<string, unknown> }[] = [
  {
    feature: 'status update',
    query: `mutation($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) ${draftFields} }`,
    variables: { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS' } },
  },
  { feature: 'postmortem', query: `mutation($input: GeneratePostmortemInput!) { generatePostmortem(input: $input) ${draftFields} }`, variables: { input: { incidentId: benchIncidentId } } },
  {
    feature: 'assistant',
    query: `mutation($input: AskAssistantInput!) { askAssistant(input: $input) ${draftFields} }`,
    variables: { input: { question: 'What is the customer impact right now, and what was done about it?', incidentId: benchIncidentId } },
  },
  {
    feature: 'runbook',
    query: `mutation($input: GenerateRunbookJobInput!) { generateRunbookJob(input: $input) ${draftFields} }`,
    variables: { input: { description: 'Restart the payments-api pods one at a time and check the error rate after each.', incidentId: benchIncidentId } },
  },
  {
    feature: 'automation digest',
    query: `mutation($input: DigestJobExecutionInput!) { digestJobExecution(input: $input) ${draftFields} }`,
    variables: { input: { jobId: 'RJDEMO01', executionId: 'EXDEMO01' } },
  },
];

interface DraftAnswer {
  id: string;
  state: string;
  generation: { provider: string; degraded: boolean; attempts: number } | null;
}

/** The time in which at least one of the calls was running (ms). */
export function busyMs(calls: readonly ModelCall[]): number {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const call of sorted) {
    if (call.startedAt > end) {
      total += call.endedAt - call.startedAt;
      end = call.endedAt;
    } else if (call.endedAt > end) {
      total += call.endedAt - end;
      end = call.endedAt;
    }
  }
  return total;
}

/**
 * What a careful model answers: the bench's valid status update of PDEMO01; for a map request of
 * a long postmortem, a few events quoting the records of its chunk; for a postmortem, the offline
 * extractor's; for anything else an instance of the requested schema (the service then repairs
 * or falls back, and its calls count as model time).
 */
function modelAnswer(incidents: readonly Incident[]): (messages: readonly { role: string; content: string }[], schema?: Record<string, unknown>) => unknown {
  const entries = new Map(incidents.flatMap((incident) => incident.logEntries.map((entry) => [entry.id, entry] as const)));
  return (messages, schema) => {
    const properties = (schema?.properties ?? {}) as Record<string, unknown>;
    if (properties.phase !== undefined) return statusUpdateAnswer;
    const user = messages.find((message) => message.role === 'user')?.content ?? '';
    if (properties.events !== undefined) return { events: mapStageEvents(user, markerOf(messages), entries) };
    if (properties.rootCause !== undefined || properties.timeline !== undefined) {
      // The incident's header line in the prompt's line format (`Incident <id>: <title>`).
      const incident = incidents.find((candidate) => user.includes(`Incident ${candidate.id}:`));
      // The offline extractor lists everything (~3,000 tokens); a model writes a shorter postmortem.
      if (incident) return shortened(extractPostmortem({ incident, input: {} }) as PostmortemOutput);
    }
    return undefined;
  };
}
const eventsPerChunk = 6;

/**
 * A few events of one map request's chunk, quoting its records. The first round shows log entries
 * one per line, id first (postmortem-condense/v2: times are short, so the event's time is the
 * entry's own); later rounds show condensed events as JSON rows [at, text, citations].
 */
function mapStageEvents(user: string, marker: string, entries: ReadonlyMap<string, Incident['logEntries'][number]>): unknown[] {
  const every = <T>(items: readonly T[]): T[] => items.filter((_, index) => index % Math.max(1, Math.floor(items.length / eventsPerChunk)) === 0).slice(0, eventsPerChunk);
  if (user.includes('Records (JSON, data)')) {
    const { rows } = fencedJsonAfter(user, 'Records (JSON, data)', marker) as { rows: unknown[][] };
    return every(rows).map((row) => ({ at: row[0], text: row[1], citations: (row[2] as [string, string][]).map(([sourceId, excerpt]) => ({ sourceType: 'LOG_ENTRY', sourceId, excerpt })) }));
  }
  const [lines = ''] = fencedTexts(user.slice(user.indexOf('Records (data')), marker);
  const chunk = lines.split('\n').filter((line) => !line.startsWith('  ')).map((line) => entries.get(line.split(' ')[0]!)).filter((entry) => entry !== undefined);
  return every(chunk).map((entry) => ({ at: entry.at, text: entry.summary.slice(0, 200), citations: [{ sourceType: 'LOG_ENTRY', sourceId: entry.id, excerpt: entry.summary.slice(0, 60) }] }));
}

function shortened(postmortem: PostmortemOutput): PostmortemOutput {
  return { ...postmortem, timeline: postmortem.timeline.slice(0, 12), contributingFactors: postmortem.contributingFactors.slice(0, 3), actionItems: postmortem.actionItems.slice(0, 4) };
}

/** The documented supergraph shape of an incident (test/fakes/incident-subgraph.ts). */
function platformShape(incident: Incident): Record<string, unknown> {
  return {
    ...incident,
    status: incident.status.toUpperCase(),
    urgency: incident.urgency.toUpperCase(),
    priority: incident.priority?.toLowerCase() ?? null,
    logEntries: incident.logEntries.map((entry) => ({ ...entry, type: entry.type.toUpperCase() })),
  };
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

export async function measureModelTime(options: ModelTimeOptions): Promise<ModelTimeResult> {
  const log = options.log ?? (() => undefined);
  const entries = options.longIncidentEntries ?? 5_000;
  const long = entries > 0 ? syntheticIncident({ id: 'PSYNTH14', entries }) : { ...syntheticIncident({ id: 'PSYNTH14', entries: 1 }), logEntries: [] };
  const upstream = await startModelUpstream(options.pace ?? modelLikePace, { kind: 'ok', pieceSize: 16, reply: modelAnswer([long, ...sampleIncidents]) });
  let subgraph: FakeIncidentSubgraph | null = null;
  subgraph = await startFakeIncidentSubgraph();
  const service = await startBenchService({
    name: 'service (model time)',
    upstreamUrl: upstream.url,
    database: options.database,
    // The service's default timeouts (resilience in src/config/llm-routing.ts): a slow model's long postmortem must complete with them.
    env: { MAX_CONCURRENT_GENERATIONS: '10', INCIDENTS_GRAPHQL_URL: subgraph.url, SAMPLE_INCIDENTS: 'true' },
    ...(options.directory !== undefined && { directory: options.directory }),
  });
  subgraph.incidentsByToken.set(service.token, [platformShape(long)]);

  const timed = async (query: string, variables: Record<string, unknown>): Promise<{ ms: number; calls: ModelCall[]; draft: DraftAnswer }> => {
    const first = upstream.calls.length;
    const started = performance.now();
    const result = await service.graphql<Record<string, DraftAnswer>>(query, variables);
    const ms = performance.now() - started;
    const draft = result.data ? Object.values(result.data)[0] : undefined;
    if (!draft) throw new Error(`mutation failed: ${JSON.stringify(result.errors ?? result).slice(0, 500)}`);
    return { ms, calls: upstream.calls.slice(first), draft };
  };

  try {
    // One of each first: the first call of a feature compiles its code paths.
    const measured = features.filter((entry) => options.features?.includes(entry.feature) ?? true);
    if (options.warmUp ?? true) for (const { query, variables } of measured) await timed(query, variables);
    const timings: FeatureTiming[] = [];
    for (const { feature, query, variables } of measured) {
      const rows = [];
      for (let run = 0; run < options.runs; run += 1) rows.push(await timed(query, variables));
      const timing: FeatureTiming = {
        feature,
        runs: rows.length,
        endToEndMs: mean(rows.map((row) => row.ms)),
        modelMs: mean(rows.map((row) => busyMs(row.calls))),
        addedMs: mean(rows.map((row) => row.ms - busyMs(row.calls))),
        callsPerDraft: mean(rows.map((row) => row.calls.length)),
        completed: rows.filter((row) => row.draft.state === 'COMPLETE').length,
        providers: [...new Set(rows.map((row) => row.draft.generation?.provider ?? 'none'))],
      };
      log(`${feature}: ${timing.endToEndMs.toFixed(0)} ms end to end, model ${timing.modelMs.toFixed(0)} ms, added ${timing.addedMs.toFixed(1)} ms, ${timing.callsPerDraft.toFixed(1)} calls`);
      timings.push(timing);
    }

    if (long.logEntries.length === 0) return { options, features: timings, longPostmortem: null };
    const row = await timed(features[1]!.query, { input: { incidentId: long.id } });
    const mapCalls = row.calls.filter((call) => call.schemaName !== 'postmortem');
    const finalCall = row.calls.filter((call) => call.schemaName === 'postmortem').at(-1);
    const longPostmortem: LongPostmortemTiming = {
      entries: long.logEntries.length,
      endToEndMs: row.ms,
      modelMs: busyMs(row.calls),
      mapCalls: mapCalls.length,
      finalCallMs: finalCall ? finalCall.endedAt - finalCall.startedAt : Number.NaN,
      longestMapCallMs: Math.max(...mapCalls.map((call) => call.endedAt - call.startedAt)),
      state: row.draft.state,
    };
    log(`postmortem of ${longPostmortem.entries} entries: ${row.ms.toFixed(0)} ms, ${mapCalls.length} map calls, final call ${longPostmortem.finalCallMs.toFixed(0)} ms`);
    return { options, features: timings, longPostmortem };
  } finally {
    await service.stop();
    await subgraph.close();
    await upstream.close();
  }
}

/** The service's default time limits, as the report states them. */
function limitsText(): string {
  const defaults = resilienceSchema.parse({});
  const seconds = (ms: number): string => `${ms / 1000} s`;
  const postmortem = featureTimeouts(defaults, 'postmortem');
  return `The service's default time limits: postmortem ${seconds(postmortem.attemptTimeoutMs)} per attempt, ${seconds(postmortem.deadlineMs)} per generation, streamed attempts (stream idle timeout ${seconds(postmortem.idleTimeoutMs)}); status update and assistant ${seconds(defaults.attemptTimeoutMs)} and ${seconds(defaults.deadlineMs)} (until 2026-12, every feature had those, which cut a slow model's postmortem short with DEADLINE_EXCEEDED).`;
}

export function renderModelTime(result: ModelTimeResult): string {
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const share = (added: number, model: number): string => `${((100 * added) / model).toFixed(2)} %`;
  const long = result.longPostmortem;
  const pace = result.options.pace ?? modelLikePace;
  return [
    '### Time to a whole draft with a model (bench/model-time.ts)',
    '',
    `The compiled service in front of an upstream that takes a model's time (first token after ${pace.firstTokenMs.join('-')} ms, then ${pace.tokensPerSecond.join('-')} tokens/s, seed ${pace.seed}); ${result.options.runs} sequential non-streamed drafts per feature ${result.options.warmUp ?? true ? 'after one of each' : 'without a warm-up'}; model time = the span in which the draft's calls ran. ${limitsText()} Targets: the service adds ≤ 2 %; a 5,000-entry postmortem ≤ 3× one model call.`,
    '',
    '| feature | end to end | model | added by the service | share | calls per draft | completed | provider |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.features.map(
      (row) =>
        `| ${row.feature} | ${ms(row.endToEndMs)} | ${ms(row.modelMs)} | ${row.addedMs.toFixed(1)} ms | **${share(row.addedMs, row.modelMs)}** | ${row.callsPerDraft.toFixed(1)} | ${row.completed}/${row.runs} | ${row.providers.join(', ')} |`,
    ),
    '',
    ...(long
      ? [
          `Postmortem of a ${long.entries}-entry incident (${long.mapCalls} map calls, account concurrency 10; draft ${long.state}): ${ms(long.endToEndMs)} end to end, model busy ${ms(long.modelMs)}; **${(long.endToEndMs / long.finalCallMs).toFixed(2)}× its final model call** (${ms(long.finalCallMs)}), ${(long.endToEndMs / long.longestMapCallMs).toFixed(2)}× its longest map call (${ms(long.longestMapCallMs)}).`,
          '',
        ]
      : []),
  ].join('\n');
}

if (isEntryScript(import.meta.url)) {
  process.once('exit', killAllProcessesNow);
  const result = await measureModelTime({
    runs: numberArgument('--runs', 3),
    database: process.argv.includes('--embedded') ? 'embedded' : 'postgres',
    longIncidentEntries: numberArgument('--entries', 5_000),
    ...(process.argv.includes('--slow') && { pace: slowModelPace }),
    log: (message) => process.stderr.write(`[model-time] ${message}\n`),
  });
  process.stdout.write(renderModelTime(result));
}
