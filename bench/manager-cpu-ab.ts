/**
 * CPU per generation of the LLM Manager alone (route, attempt, timers, abort wiring, span, usage
 * record), for one or more checkouts side by side, in process. The provider answers after a
 * `setImmediate`, so `--concurrency` generations are in flight at once, all listening to one
 * shared caller signal as drafts do (draft-generator.ts hands the process's shutdown signal to
 * every generation). No middleware, so only the manager's own work is counted. With `--otel`, the
 * OpenTelemetry context manager the service's SDK registers (AsyncLocalStorage, so promise hooks
 * run on every promise) is registered first, as in the service.
 *
 *   npx tsx bench/manager-cpu-ab.ts [--n 20000] [--rounds 4] [--concurrency 128] [--stream] [--otel] DIR [DIR ...]
 *
 * Each DIR is a checkout with `src/` (e.g. `/work/base .`); rounds alternate between them.
 */
import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { pathToFileURL } from 'node:url';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const valued = ['--n', '--rounds', '--concurrency'];
const count = argument('--n', 20_000);
const rounds = argument('--rounds', 4);
const concurrency = argument('--concurrency', 128);
const stream = process.argv.includes('--stream');
if (process.argv.includes('--otel')) context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const directories = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !valued.includes(all[index - 1] ?? ''));
if (directories.length === 0) throw new Error('usage: tsx bench/manager-cpu-ab.ts [--n 20000] [--rounds 4] [--concurrency 128] [--stream] DIR [DIR ...]');

const completion = { text: '{"ok":true}', finishReason: 'stop', usage: { inputTokens: 2000, outputTokens: 300 }, responseModel: 'gpt-4o-mini', providerRequestId: null };
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const provider = {
  id: 'openai',
  kind: 'openai',
  degraded: false,
  selfHosted: false,
  async complete() {
    await nextTurn();
    return completion;
  },
  async *stream() {
    await nextTurn();
    for (const text of ['{"ok"', ':true}']) yield { type: 'delta', text };
    yield { type: 'finish', completion };
  },
};

type Generate = (request: object) => Promise<unknown>;

async function managerOf(root: string): Promise<Generate> {
  const load = (file: string) => import(pathToFileURL(path.resolve(root, 'src', file)).href);
  const [{ routingSchema }, { createLlmManager }] = await Promise.all([load('config/llm-routing.ts'), load('llm/manager.ts')]);
  const routing = routingSchema.parse({ defaultChain: [{ provider: 'openai', model: 'gpt-4o-mini' }], prices: { 'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 } } });
  const manager = createLlmManager({ providers: [provider], routing, usage: { record: () => undefined }, middleware: [] });
  return (request) => manager.generate(request);
}

const shutdown = new AbortController();
setMaxListeners(0, shutdown.signal);
const request = { feature: 'status_update', accountId: 'a', userId: null, draftId: null, messages: [{ role: 'user', content: 'Draft it.' }], stream, signal: shutdown.signal, onStreamEvent: () => undefined };

/** µs of CPU per generation, `concurrency` at a time. */
async function measure(generate: Generate, n: number): Promise<number> {
  let left = n;
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left -= 1;
      await generate(request);
    }
  };
  const before = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / n;
}

const managers = await Promise.all(directories.map(managerOf));
for (const generate of managers) await measure(generate, 2_000);
const results: number[][] = directories.map(() => []);
for (let round = 0; round < rounds; round += 1) {
  for (const [index, generate] of managers.entries()) results[index]!.push(await measure(generate, count));
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const [index, directory] of directories.entries()) {
  const values = results[index]!;
  process.stdout.write(`${directory}: median ${median(values).toFixed(1)} µs per generation (rounds ${values.map((v) => v.toFixed(1)).join(', ')}; n=${count}, concurrency ${concurrency}${stream ? ', streamed' : ''}${process.argv.includes('--otel') ? ', OpenTelemetry context' : ''})\n`);
}
