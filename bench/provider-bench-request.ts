import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The fake OpenAI upstream (bench/upstream.ts) as a child process, once it listens. */
export async function startUpstream(): Promise<{ url: string; stop: () => void }> {
  const script = fileURLToPath(new URL('./upstream.ts', import.meta.url));
  const upstream = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  upstream.stdout.setEncoding('utf8');
  for await (const chunk of upstream.stdout as AsyncIterable<string>) {
    output += chunk;
    const match = /listening (\S+)/.exec(output);
    if (match) return { url: match[1]!, stop: () => upstream.kill('SIGTERM') };
  }
  throw new Error(`the upstream did not start: ${output}`);
}

/**
 * The request the provider benchmarks (provider-cpu-ab.ts, provider-paired.ts) send: a status
 * update's size, a 1 KB system and a 7 KB user message, with the feature's structured output.
 */
export function statusUpdateSizedRequest(output: unknown) {
  const system = 'You write status updates about incidents for stakeholders; cite records as [r1]. '.repeat(13);
  const user = 'INC-42 {"id":"r1","at":"2026-12-06T19:00:00Z","text":"checkout errors after the deploy; rollback"} '.repeat(73);
  return {
    feature: 'statusUpdate',
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    maxOutputTokens: 1200,
    temperature: 0.2,
    output,
  };
}

interface OpenAiProviderModule {
  createOpenAiProvider(settings: { id: string; apiKey: string; baseURL: string; selfHosted: boolean; structuredOutputs: boolean }): {
    complete(request: unknown, signal: AbortSignal): Promise<{ text: string }>;
    stream(request: unknown, signal: AbortSignal): AsyncIterable<{ type: string }>;
  };
}

/**
 * The `openai` provider of the build in `directory` (its compiled dist/) against the upstream at
 * `url`; `run(count)` makes `count` calls of {@link statusUpdateSizedRequest}, `concurrency` at a
 * time, each streamed to its end when `streamed`.
 */
export async function loadBenchProvider(directory: string, url: string, options: { streamed: boolean; concurrency: number }): Promise<{ run(count: number): Promise<void> }> {
  const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(path.resolve(directory), 'dist/src', file)).href)) as T;
  const { createOpenAiProvider } = await load<OpenAiProviderModule>('llm/providers/openai-provider.js');
  const { statusUpdateOutputSpec } = await load<{ statusUpdateOutputSpec: unknown }>('features/status-update/output-schema.js');
  const provider = createOpenAiProvider({ id: 'openai', apiKey: 'x', baseURL: url, selfHosted: false, structuredOutputs: true });
  const request = statusUpdateSizedRequest(statusUpdateOutputSpec);
  const one = async (): Promise<void> => {
    const signal = new AbortController().signal;
    if (!options.streamed) {
      await provider.complete(request, signal);
      return;
    }
    for await (const event of provider.stream(request, signal)) void event;
  };
  return {
    async run(count) {
      let started = 0;
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          while (started < count) {
            started += 1;
            await one();
          }
        }),
      );
    },
  };
}
