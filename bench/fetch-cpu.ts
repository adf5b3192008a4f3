/**
 * CPU per request of the fetch implementations the OpenAI provider could use, against the fake
 * OpenAI server running in its own process (so only the client's CPU is counted).
 *
 * For each variant, in a fresh child process: warm up, then N sequential keep-alive calls shaped
 * like the SDK's (POST, a Headers object, a JSON body, an AbortSignal), for a JSON answer
 * (`response.json()`) and for an SSE answer (body read to the end); then the same through the real
 * `openai` SDK. Reported: `process.cpuUsage()` (user + system) per request, in microseconds.
 *
 *   npx tsx bench/fetch-cpu.ts [--n 5000] [--repeat 3] [--variants global-fetch,node-http]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { Agent, fetch as undiciFetch, request as undiciRequest } from 'undici';
import { createHttpFetch, type FetchFunction } from '../src/llm/providers/http-fetch.js';

const variants = ['global-fetch', 'global-fetch-agent', 'undici-fetch', 'undici-request', 'node-http'] as const;
type Variant = (typeof variants)[number];
const modes = ['json', 'sse', 'sdk-json', 'sdk-stream'] as const;
type Mode = (typeof modes)[number];

interface ChildResult {
  variant: Variant;
  mode: Mode;
  requests: number;
  cpuMicrosPerRequest: number;
  wallMicrosPerRequest: number;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function makeFetch(variant: Variant): FetchFunction {
  switch (variant) {
    case 'global-fetch':
      return fetch;
    case 'global-fetch-agent': {
      // The platform fetch with an npm undici Agent as its dispatcher (keep-alive pool, limits, timeouts).
      const dispatcher = new Agent({ keepAliveTimeout: 4_000, connections: 256 });
      // npm undici's Agent and Node's bundled undici-types differ nominally; the platform fetch accepts it at runtime.
      return (input, init) => fetch(input, { ...init, dispatcher } as unknown as RequestInit);
    }
    case 'undici-fetch': {
      const dispatcher = new Agent({ keepAliveTimeout: 4_000, connections: 256 });
      // undici's own RequestInit/Response types differ nominally from the DOM lib's; same shapes at runtime.
      return (input, init) => undiciFetch(input as string, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
    }
    case 'undici-request':
      return undiciRequestFetch(new Agent({ keepAliveTimeout: 4_000, connections: 256 }));
    case 'node-http':
      return createHttpFetch();
  }
}

/** A fetch on `undici.request`, returning a WHATWG Response whose body streams the undici body. */
function undiciRequestFetch(dispatcher: Agent): FetchFunction {
  return async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const { statusCode, headers: responseHeaders, body } = await undiciRequest(String(input), {
      method: (init?.method ?? 'GET') as 'POST',
      headers,
      body: init?.body as string | undefined,
      signal: init?.signal ?? undefined,
      dispatcher,
    });
    const webHeaders = new Headers();
    for (const [name, value] of Object.entries(responseHeaders)) {
      if (Array.isArray(value)) for (const item of value) webHeaders.append(name, item);
      else if (value !== undefined) webHeaders.append(name, value);
    }
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: statusCode, headers: webHeaders });
  };
}

const requestBody = (stream: boolean): string =>
  JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You write status updates for incidents. '.repeat(12) },
      { role: 'user', content: 'Incident INC-42: checkout errors after deploy 2024.3.1; rollback started. '.repeat(8) },
    ],
    max_tokens: 400,
    temperature: 0.2,
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });

async function rawCall(fetchFunction: FetchFunction, url: string, stream: boolean, body: string): Promise<number> {
  const controller = new AbortController();
  const headers = new Headers({
    accept: stream ? 'text/event-stream' : 'application/json',
    'content-type': 'application/json',
    authorization: 'Bearer sk-bench',
    'user-agent': 'OpenAI/JS 6.49.0',
    'x-stainless-lang': 'js',
    'x-stainless-retry-count': '0',
    'x-stainless-timeout': '600',
  });
  const response = await fetchFunction(`${url}/chat/completions`, { method: 'POST', headers, body, signal: controller.signal });
  if (!stream) {
    const value = (await response.json()) as { choices: unknown[] };
    return value.choices.length;
  }
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}

async function runChild(variant: Variant, mode: Mode, url: string, requests: number): Promise<ChildResult> {
  const fetchFunction = makeFetch(variant);
  const client = new OpenAI({ apiKey: 'sk-bench', baseURL: url, maxRetries: 0, fetch: fetchFunction, logLevel: 'off' });
  const messages = JSON.parse(requestBody(false)).messages as OpenAI.ChatCompletionMessageParam[];
  const jsonBody = requestBody(false);
  const sseBody = requestBody(true);
  const call = async (): Promise<void> => {
    switch (mode) {
      case 'json':
        await rawCall(fetchFunction, url, false, jsonBody);
        return;
      case 'sse':
        await rawCall(fetchFunction, url, true, sseBody);
        return;
      case 'sdk-json':
        await client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 400 }, { signal: new AbortController().signal });
        return;
      case 'sdk-stream': {
        const stream = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages, max_tokens: 400, stream: true, stream_options: { include_usage: true } },
          { signal: new AbortController().signal },
        );
        for await (const chunk of stream) void chunk;
        return;
      }
    }
  };
  for (let index = 0; index < Math.min(1_000, requests); index++) await call();
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  for (let index = 0; index < requests; index++) await call();
  const cpu = process.cpuUsage(cpuBefore);
  const wallMicros = Number(process.hrtime.bigint() - wallBefore) / 1_000;
  return {
    variant,
    mode,
    requests,
    cpuMicrosPerRequest: (cpu.user + cpu.system) / requests,
    wallMicrosPerRequest: wallMicros / requests,
  };
}

async function startFakeServer(): Promise<{ url: string; stop: () => void }> {
  const script = fileURLToPath(new URL('../test/fakes/openai-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--latency', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout as AsyncIterable<string>) {
    output += chunk;
    const match = /listening (\S+)/.exec(output);
    if (match) return { url: match[1]!, stop: () => child.kill('SIGTERM') };
  }
  throw new Error(`the fake server did not start: ${output}`);
}

async function runInChild(variant: Variant, mode: Mode, url: string, requests: number): Promise<ChildResult> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--child', variant, '--mode', mode, '--url', url, '--n', String(requests)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${variant}/${mode} failed with exit code ${code}`);
  return JSON.parse(output.trim().split('\n').pop()!) as ChildResult;
}

const childVariant = argument('--child') as Variant | undefined;
if (childVariant) {
  const result = await runChild(childVariant, argument('--mode') as Mode, argument('--url')!, Number(argument('--n')));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

const requests = Number(argument('--n') ?? 5_000);
const repeats = Number(argument('--repeat') ?? 3);
const selected = (argument('--variants')?.split(',') ?? variants) as Variant[];
const server = await startFakeServer();
try {
  // Rounds interleave the variants so that drift of the machine's load hits them all alike.
  const samples = new Map<string, number[]>();
  for (let round = 0; round < repeats; round++) {
    for (const mode of modes) {
      for (const variant of selected) {
        const result = await runInChild(variant, mode, server.url, requests);
        const key = `${variant}/${mode}`;
        samples.set(key, [...(samples.get(key) ?? []), result.cpuMicrosPerRequest]);
        process.stderr.write(`round ${round + 1}: ${variant.padEnd(15)} ${mode.padEnd(10)} ${result.cpuMicrosPerRequest.toFixed(1)} µs CPU/request\n`);
      }
    }
  }
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  const cell = (variant: Variant, mode: Mode): string => {
    const values = samples.get(`${variant}/${mode}`);
    return values ? `${median(values).toFixed(0)} µs` : '-';
  };
  console.log(`\nCPU (user+system) per request, median of ${repeats} runs of N=${requests} sequential keep-alive calls, Node ${process.versions.node}\n`);
  console.log(`| fetch | raw JSON | raw SSE | SDK JSON | SDK stream |`);
  console.log(`|---|---|---|---|---|`);
  for (const variant of selected) console.log(`| ${variant} | ${modes.map((mode) => cell(variant, mode)).join(' | ')} |`);
} finally {
  server.stop();
}
