/**
 * The benchmark's OpenAI upstream: the fake of test/fakes/openai-server.ts (its programmatic API,
 * unchanged), answering every chat completion with the valid PDEMO01 status update of
 * status-update-answer.ts, with a latency the benchmark switches while it runs.
 *
 *   node --import tsx bench/upstream.ts [--latency MS]     prints `listening <url>`
 *
 * Commands on stdin, one per line, each answered by one JSON line on stdout:
 *   `latency <ms>`  sets the latency added before every answer        -> {"latency": ms}
 *   `count`         chat completion requests received so far             -> {"count": n}
 *   `captured`      the first non-streaming and the first streaming chat completion request
 *                   received (headers and body), so direct runs send the service's own requests
 *                                                                       -> {"json": ..., "stream": ...}
 * The process exits when stdin closes (the benchmark ended or died) or on SIGTERM/SIGINT.
 */
import { createInterface } from 'node:readline';
import { startFakeOpenAi, type RecordedRequest } from '../test/fakes/openai-server.js';
import { statusUpdateAnswer } from './status-update-answer.js';

interface CapturedRequest {
  headers: Record<string, string>;
  body: unknown;
}

const latencyIndex = process.argv.indexOf('--latency');
const initialLatency = latencyIndex === -1 ? 0 : Number(process.argv[latencyIndex + 1]);

const fake = await startFakeOpenAi({ port: 0, latencyMs: initialLatency, recordRequests: true });
// A string answer, not `json`: the fake keys its response templates by the answer, and a string
// key costs a concatenation per request where a JSON value would cost a JSON.stringify.
fake.setDefault({ kind: 'ok', content: JSON.stringify(statusUpdateAnswer) });

// Recording stays on only to capture the first request of each kind: the records array keeps
// nothing (its push is replaced), so memory stays flat during long runs.
const captured: { json: CapturedRequest | null; stream: CapturedRequest | null } = { json: null, stream: null };
let chatRequests = 0;
Object.defineProperty(fake.requests, 'push', {
  value(record: RecordedRequest): number {
    if (record.path !== '/v1/chat/completions' || record.body === null || typeof record.body !== 'object') return 0;
    chatRequests += 1;
    const kind = (record.body as { stream?: unknown }).stream === true ? 'stream' : 'json';
    if (captured[kind] === null) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(record.headers)) {
        if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
      }
      captured[kind] = { headers, body: record.body };
    }
    return 0;
  },
});

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void fake.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [command, argument] = line.trim().split(/\s+/);
  if (command === 'latency') {
    const ms = Number(argument);
    fake.setLatency(ms);
    process.stdout.write(`${JSON.stringify({ latency: ms })}\n`);
  } else if (command === 'count') {
    process.stdout.write(`${JSON.stringify({ count: chatRequests })}\n`);
  } else if (command === 'captured') {
    process.stdout.write(`${JSON.stringify(captured)}\n`);
  } else if (command) {
    process.stdout.write(`${JSON.stringify({ error: `unknown command ${command}` })}\n`);
  }
});
lines.on('close', stop);

process.stdout.write(`listening ${fake.url}\n`);
