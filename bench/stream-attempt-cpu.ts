/**
 * CPU of a whole-answer postmortem call through the LLM Manager and the real OpenAI provider,
 * asked for whole (`streamAttempts: false`) or streamed internally (`streamAttempts: true`, the
 * postmortem's default, so the stream idle timeout applies). The fake OpenAI server runs in a
 * child process, so only the service side's CPU is counted (`process.cpuUsage()`, user + system,
 * per call). The answer is a postmortem-sized 10,000 characters (~2,500 tokens), streamed in
 * chunks of `--piece` characters (4: about one token per chunk, as OpenAI streams).
 *
 *   npx tsx bench/stream-attempt-cpu.ts [--n 200] [--piece 4]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { routingSchema } from '../src/config/llm-routing.js';
import { createLlmManager } from '../src/llm/manager.js';
import { createOpenAiProvider } from '../src/llm/providers/openai-provider.js';
import { startFakeOpenAi } from '../test/fakes/openai-server.js';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const answer = 'The database failover took longer than expected because the replica lagged. '.repeat(130).slice(0, 10_000);

async function serve(pieceSize: number): Promise<void> {
  const fake = await startFakeOpenAi({ recordRequests: false });
  fake.setDefault({ kind: 'ok', content: answer, pieceSize });
  process.stdout.write(`listening ${fake.url}\n`);
}

async function measure(url: string, streamAttempts: boolean, n: number): Promise<number> {
  const provider = createOpenAiProvider({ id: 'openai', apiKey: 'x', baseURL: url, selfHosted: false, structuredOutputs: true });
  const routing = routingSchema.parse({ defaultChain: [{ provider: 'openai', model: 'gpt-4o-mini' }], resilience: { features: { postmortem: { streamAttempts } } } });
  const manager = createLlmManager({ providers: [provider], routing, usage: { record: () => undefined } });
  const request = { feature: 'postmortem', accountId: 'a', userId: null, draftId: null, messages: [{ role: 'user' as const, content: 'Write the postmortem.' }], stream: false };
  for (let i = 0; i < 20; i += 1) await manager.generate(request);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i += 1) {
    const result = await manager.generate(request);
    if (result.completion.text !== answer) throw new Error('wrong answer');
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / n;
}

if (process.argv.includes('--serve')) {
  await serve(argument('--piece', 4));
} else {
  const n = argument('--n', 200);
  const piece = argument('--piece', 4);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', '--piece', String(piece)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const url = /listening (\S+)/.exec(line.toString())?.[1];
  if (!url) throw new Error(`the fake did not start: ${line.toString()}`);
  try {
    // Alternated, twice each, so drift in machine load hits both.
    const rows: [string, number][] = [];
    for (const streamAttempts of [false, true, false, true]) rows.push([streamAttempts ? 'streamed internally' : 'whole answer', await measure(url, streamAttempts, n)]);
    for (const [mode, micros] of rows) process.stdout.write(`${mode}: ${(micros / 1000).toFixed(2)} ms CPU per call (${answer.length} characters in chunks of ${piece}, n=${n})\n`);
  } finally {
    child.kill();
  }
}
