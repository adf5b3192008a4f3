/**
 * The benchmark's load generator, run by bench/run.ts as a child process pinned beside the fake
 * upstream. One job per process, given as a JSON argument; progress events and the result are
 * JSON lines on stdout (`{"event":"measure-start"}`, `{"event":"measure-end"}`, then
 * `{"event":"result", ...}`), so the parent can read the service's CPU and memory exactly
 * around the measured window.
 *
 * Jobs:
 * - `autocannon`: a warm-up run, then the measured run; every response body is checked.
 * - `sequential`: one keep-alive connection to the service and one to the fake, requests
 *   alternating between them (drift of the machine hits both alike); latency per request
 *   measured with hrtime, since autocannon's histogram has 1 ms resolution.
 * - `stream`: sequential time to the first streamed chunk through the service (graphql-ws) and
 *   to the first SSE byte of the fake, alternating.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface HttpTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** How a response body is checked: a service mutation answered by openai (`service-cached`: from the response cache, 0 attempts), or a fake answer. */
export type BodyCheck = 'service' | 'service-cached' | 'direct' | 'sse';

export type LoadJob =
  | {
      kind: 'autocannon';
      target: HttpTarget;
      check: BodyCheck;
      connections: number;
      warmupSeconds: number;
      durationSeconds: number;
      /** Requests per second over all connections (fixed load); unset: as fast as possible. */
      overallRate?: number;
    }
  | {
      kind: 'sequential';
      service: HttpTarget;
      direct: HttpTarget;
      warmup: number;
      count: number;
      /** Stops measuring after this long even if `count` is not reached (a slow service). */
      maxSeconds: number;
      /** How the `service` side's bodies are checked; default `service` (a peer gateway answers like the fake: `direct`). */
      serviceCheck?: BodyCheck;
      /** Time to the first response byte instead of the whole response (streamed answers). */
      firstByte?: boolean;
      /** How the `direct` side's bodies are checked; default `direct`. */
      directCheck?: BodyCheck;
    }
  | {
      kind: 'stream';
      /** Base URL of the service, e.g. http://127.0.0.1:4000 */
      serviceUrl: string;
      token: string;
      /** The mutation and its variables (with `stream: true`). */
      mutation: { query: string; variables: Record<string, unknown> };
      direct: HttpTarget;
      warmup: number;
      count: number;
      /** Stops measuring after this long even if `count` is not reached. */
      maxSeconds: number;
    };

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export interface AutocannonOutcome {
  kind: 'autocannon';
  durationSeconds: number;
  responses: number;
  /** Responses of the warm-up run before the measured one. */
  warmupResponses: number;
  ok: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses whose body failed the check (wrong provider, GraphQL errors, bad fake answer). */
  badBodies: number;
  /** The first bad body, for the report. */
  badBodySample: string | null;
}

export interface SequentialOutcome {
  kind: 'sequential';
  serviceMs: Percentiles;
  directMs: Percentiles;
  errors: number;
  errorSample: string | null;
}

export interface StreamOutcome {
  kind: 'stream';
  /** Mutation and subscription both over one graphql-ws connection. */
  websocketMs: Percentiles;
  /** Mutation over HTTP keep-alive, subscription over graphql-ws (Apollo Client's split link). */
  httpMutationMs: Percentiles;
  /** Time to the first SSE byte of the fake. */
  directMs: Percentiles;
  /** Chunks per streamed draft (median), to show the stream is real. */
  chunksPerDraft: number;
  errors: number;
  errorSample: string | null;
}

export type LoadOutcome = AutocannonOutcome | SequentialOutcome | StreamOutcome;

/** Whether a response body passes `check`. Cheap string tests: they run on the load core. */
export function bodyPasses(check: BodyCheck, body: string): boolean {
  if (check === 'service') return body.includes('"provider":"openai"') && !body.includes('"errors"');
  if (check === 'service-cached') return body.includes('"provider":"openai"') && body.includes('"attempts":0') && !body.includes('"errors"');
  if (check === 'sse') return body.includes('chat.completion.chunk');
  return body.includes('"chat.completion"') && body.includes('"finish_reason":"stop"');
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: rank(0.5),
    p90: rank(0.9),
    p99: rank(0.99),
    mean: sorted.length ? total / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

function emit(value: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

// --- autocannon -------------------------------------------------------------------------------

interface AutocannonOptions {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
  overallRate?: number;
  verifyBody: (body: string) => boolean;
  timeout: number;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number };
  requests: { total: number };
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

async function runAutocannon(job: Extract<LoadJob, { kind: 'autocannon' }>): Promise<AutocannonOutcome> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  let badBodies = 0;
  let badBodySample: string | null = null;
  const options = (duration: number, count: boolean): AutocannonOptions => ({
    url: job.target.url,
    method: 'POST',
    headers: job.target.headers,
    body: job.target.body,
    connections: job.connections,
    duration,
    timeout: 30,
    ...(job.overallRate === undefined ? {} : { overallRate: job.overallRate }),
    verifyBody: (body) => {
      if (bodyPasses(job.check, body)) return true;
      if (count) {
        badBodies += 1;
        badBodySample ??= body.slice(0, 600);
      }
      return false;
    },
  });
  const warmup = job.warmupSeconds > 0 ? await autocannon(options(job.warmupSeconds, false)) : null;
  emit({ event: 'measure-start' });
  const result = await autocannon(options(job.durationSeconds, true));
  emit({ event: 'measure-end' });
  return {
    kind: 'autocannon',
    durationSeconds: result.duration,
    responses: result.requests.total,
    warmupResponses: warmup?.requests.total ?? 0,
    ok: result['2xx'],
    requestsPerSecond: result['2xx'] / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    badBodies,
    badBodySample,
  };
}

// --- sequential ----------------------------------------------------------------------------------

interface TimedResponse {
  status: number;
  body: string;
  ms: number;
  firstByteMs: number;
}

function timedPost(target: HttpTarget, agent: http.Agent, payload: Buffer): Promise<TimedResponse> {
  const url = new URL(target.url);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let firstByte = 0n;
    const request = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        agent,
        headers: { ...target.headers, 'content-length': String(payload.byteLength) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          if (firstByte === 0n) firstByte = process.hrtime.bigint();
          chunks.push(chunk);
        });
        response.on('end', () => {
          const end = process.hrtime.bigint();
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Number(end - start) / 1e6,
            firstByteMs: Number((firstByte || end) - start) / 1e6,
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function runSequential(job: Extract<LoadJob, { kind: 'sequential' }>): Promise<SequentialOutcome> {
  const serviceAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const directAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const servicePayload = Buffer.from(job.service.body);
  const directPayload = Buffer.from(job.direct.body);
  const service: number[] = [];
  const direct: number[] = [];
  let errors = 0;
  let errorSample: string | null = null;
  const check = (response: TimedResponse, kind: BodyCheck): boolean => {
    if (response.status >= 200 && response.status < 300 && bodyPasses(kind, response.body)) return true;
    errors += 1;
    errorSample ??= `${kind} HTTP ${response.status}: ${response.body.slice(0, 600)}`;
    return false;
  };
  let measureDeadline = Number.POSITIVE_INFINITY;
  for (let index = 0; index < job.warmup + job.count && performance.now() < measureDeadline; index++) {
    const measured = index >= job.warmup;
    if (index === job.warmup) measureDeadline = performance.now() + job.maxSeconds * 1000;
    const pick = (response: TimedResponse): number => (job.firstByte ? response.firstByteMs : response.ms);
    const toFake = await timedPost(job.direct, directAgent, directPayload);
    if (check(toFake, job.directCheck ?? 'direct') && measured) direct.push(pick(toFake));
    const throughService = await timedPost(job.service, serviceAgent, servicePayload);
    if (check(throughService, job.serviceCheck ?? 'service') && measured) service.push(pick(throughService));
    if (index === job.warmup - 1) emit({ event: 'measure-start' });
  }
  emit({ event: 'measure-end' });
  serviceAgent.destroy();
  directAgent.destroy();
  return { kind: 'sequential', serviceMs: percentiles(service), directMs: percentiles(direct), errors, errorSample };
}

// --- streaming -----------------------------------------------------------------------------------

const streamSubscription = `subscription BenchStream($draftId: ID!) {
  draftStream(draftId: $draftId) { sequence delta done error { code message } draft { id state generation { provider } } }
}`;

interface ChunkMessage {
  sequence: number;
  delta: string;
  done: boolean;
  error: { code: string; message: string } | null;
  draft: { id: string; state: string; generation: { provider: string } | null } | null;
}

/** Runs one operation on the client and resolves with its first result. */
function firstResult(client: Client, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    client.subscribe(
      { query, variables },
      {
        next: (value) => {
          if (settled) return;
          settled = true;
          resolve(value as { data?: unknown; errors?: unknown });
        },
        error: (error) => {
          if (!settled) reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
          settled = true;
        },
        complete: () => {
          if (!settled) reject(new Error('completed without a result'));
          settled = true;
        },
      },
    );
  });
}

/** Subscribes to a draft stream; resolves when the first chunk arrives and again when it is done. */
function followStream(client: Client, draftId: string): { first: Promise<bigint>; done: Promise<{ chunks: number; final: ChunkMessage }> } {
  let resolveFirst!: (at: bigint) => void;
  let rejectFirst!: (error: Error) => void;
  const first = new Promise<bigint>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  const done = new Promise<{ chunks: number; final: ChunkMessage }>((resolve, reject) => {
    let chunks = 0;
    let final: ChunkMessage | null = null;
    client.subscribe(
      { query: streamSubscription, variables: { draftId } },
      {
        next: (value) => {
          if (chunks === 0) resolveFirst(process.hrtime.bigint());
          chunks += 1;
          const result = value as { data?: { draftStream: ChunkMessage }; errors?: unknown };
          if (result.errors || !result.data) {
            const error = new Error(`stream error: ${JSON.stringify(result.errors)}`);
            rejectFirst(error);
            reject(error);
            return;
          }
          if (result.data.draftStream.done) final = result.data.draftStream;
        },
        error: (error) => {
          const failure = error instanceof Error ? error : new Error(JSON.stringify(error));
          rejectFirst(failure);
          reject(failure);
        },
        complete: () => (final ? resolve({ chunks, final }) : reject(new Error('stream completed without a done chunk'))),
      },
    );
  });
  return { first, done };
}

async function runStream(job: Extract<LoadJob, { kind: 'stream' }>): Promise<StreamOutcome> {
  const wsUrl = `${job.serviceUrl.replace(/^http/, 'ws')}/graphql`;
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${job.token}` },
  });
  await new Promise<void>((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      resolve();
    });
    client.on('error', (error) => reject(error instanceof Error ? error : new Error('graphql-ws connection failed')));
  });
  const mutationAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const directAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const mutationTarget: HttpTarget = {
    url: `${job.serviceUrl}/graphql`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}` },
    body: JSON.stringify(job.mutation),
  };
  const mutationPayload = Buffer.from(mutationTarget.body);
  const directPayload = Buffer.from(job.direct.body);

  const websocket: number[] = [];
  const httpMutation: number[] = [];
  const direct: number[] = [];
  const chunkCounts: number[] = [];
  let errors = 0;
  let errorSample: string | null = null;
  const failed = (what: string, detail: unknown): void => {
    errors += 1;
    errorSample ??= `${what}: ${detail instanceof Error ? detail.message : JSON.stringify(detail)}`.slice(0, 600);
  };

  const draftIdOf = (result: { data?: unknown; errors?: unknown }): string | null => {
    const draft = (result.data as { draftStatusUpdate?: { id: string; state: string } } | undefined)?.draftStatusUpdate;
    return !result.errors && draft?.state === 'STREAMING' ? draft.id : null;
  };

  const finish = async (stream: ReturnType<typeof followStream>, start: bigint, into: number[], measured: boolean, label: string): Promise<void> => {
    try {
      const firstAt = await stream.first;
      const { chunks, final } = await stream.done;
      if (final.error || final.draft?.generation?.provider !== 'openai') return failed(label, final);
      if (measured) {
        into.push(Number(firstAt - start) / 1e6);
        chunkCounts.push(chunks);
      }
    } catch (error) {
      failed(label, error);
    }
  };

  let measureDeadline = Number.POSITIVE_INFINITY;
  for (let index = 0; index < job.warmup + job.count && performance.now() < measureDeadline; index++) {
    const measured = index >= job.warmup;
    if (index === job.warmup) measureDeadline = performance.now() + job.maxSeconds * 1000;
    // Direct: time to the first SSE byte of the fake.
    const fake = await timedPost(job.direct, directAgent, directPayload);
    if (fake.status === 200 && fake.body.includes('data: [DONE]')) {
      if (measured) direct.push(fake.firstByteMs);
    } else failed('direct stream', `HTTP ${fake.status} ${fake.body.slice(0, 300)}`);

    // Mutation and subscription over graphql-ws.
    {
      const start = process.hrtime.bigint();
      try {
        const draftId = draftIdOf(await firstResult(client, job.mutation.query, job.mutation.variables));
        if (draftId === null) failed('ws mutation', 'no STREAMING draft');
        else await finish(followStream(client, draftId), start, websocket, measured, 'ws stream');
      } catch (error) {
        failed('ws mutation', error);
      }
    }

    // Mutation over HTTP, subscription over graphql-ws.
    {
      const start = process.hrtime.bigint();
      const response = await timedPost(mutationTarget, mutationAgent, mutationPayload);
      let draftId: string | null = null;
      try {
        draftId = response.status === 200 ? draftIdOf(JSON.parse(response.body) as { data?: unknown; errors?: unknown }) : null;
      } catch {
        draftId = null;
      }
      if (draftId === null) failed('http mutation', `HTTP ${response.status} ${response.body.slice(0, 300)}`);
      else await finish(followStream(client, draftId), start, httpMutation, measured, 'http+ws stream');
    }
    if (index === job.warmup - 1) emit({ event: 'measure-start' });
  }
  emit({ event: 'measure-end' });
  await client.dispose();
  mutationAgent.destroy();
  directAgent.destroy();
  const sortedCounts = [...chunkCounts].sort((a, b) => a - b);
  return {
    kind: 'stream',
    websocketMs: percentiles(websocket),
    httpMutationMs: percentiles(httpMutation),
    directMs: percentiles(direct),
    chunksPerDraft: sortedCounts[Math.floor(sortedCounts.length / 2)] ?? 0,
    errors,
    errorSample,
  };
}

// --- entry -------------------------------------------------------------------------------------

async function run(job: LoadJob): Promise<LoadOutcome> {
  switch (job.kind) {
    case 'autocannon':
      return runAutocannon(job);
    case 'sequential':
      return runSequential(job);
    case 'stream':
      return runStream(job);
  }
}

const isMain = process.argv[1] !== undefined && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv[2]) {
  // The parent going away closes our stdin: stop instead of loading a service nobody measures.
  process.stdin.on('end', () => process.exit(2));
  process.stdin.resume();
  run(JSON.parse(process.argv[2]) as LoadJob)
    .then((outcome) => {
      emit({ event: 'result', ...outcome });
      process.exit(0);
    })
    .catch((error: unknown) => {
      emit({ event: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    });
}
