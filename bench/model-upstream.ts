/**
 * An OpenAI-compatible upstream that takes the time a model takes: in front of the fake of
 * test/fakes/openai-server.ts (which writes the answer), it holds each answer back for a first
 * token after 300-800 ms, then lets the output out at 40-100 tokens/s (each call draws its own
 * figures from a seeded generator, in the order the calls arrive): a non-streamed answer comes
 * whole when the last token would have, a streamed one frame by frame. Every call's own time
 * (request received to last byte) is recorded, so a benchmark can subtract the model's time from
 * what the service took.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeOpenAi, type FakeBehaviour, type FakeOpenAi } from '../test/fakes/openai-server.js';
import { seededRandom } from '../test/resilience/fault-plan.js';

export interface ModelPace {
  firstTokenMs: readonly [number, number];
  tokensPerSecond: readonly [number, number];
  seed: number;
}

export const modelLikePace: ModelPace = { firstTokenMs: [300, 800], tokensPerSecond: [40, 100], seed: 14 };

/** One call as the upstream served it (times from performance.now()). */
export interface ModelCall {
  startedAt: number;
  endedAt: number;
  stream: boolean;
  outputTokens: number;
  /** The JSON schema's name of a structured-output request, else null. */
  schemaName: string | null;
}

export interface ModelUpstream {
  /** Base URL with `/v1`. */
  url: string;
  /** The fake that writes the answers (set its default behaviour to shape them). */
  fake: FakeOpenAi;
  calls: ModelCall[];
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const tokensOf = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

export async function startModelUpstream(pace: ModelPace = modelLikePace, answers: FakeBehaviour = { kind: 'ok', pieceSize: 16 }): Promise<ModelUpstream> {
  const fake = await startFakeOpenAi({ port: 0, recordRequests: false });
  fake.setDefault(answers);
  const random = seededRandom(pace.seed);
  const between = ([low, high]: readonly [number, number]): number => low + random() * (high - low);
  const calls: ModelCall[] = [];
  const inner = new URL(fake.url);
  const agent = new http.Agent({ keepAlive: true });

  const server = http.createServer((request, response) => {
    const startedAt = performance.now();
    const firstTokenMs = between(pace.firstTokenMs);
    const msPerToken = 1000 / between(pace.tokensPerSecond);
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const body = Buffer.concat(parts);
      let schemaName: string | null = null;
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { response_format?: { json_schema?: { name?: string } } };
        schemaName = parsed.response_format?.json_schema?.name ?? null;
      } catch {
        // not JSON: the fake answers it as such
      }
      const forwarded = http.request(
        { host: inner.hostname, port: inner.port, path: request.url, method: request.method, headers: request.headers, agent },
        (answer) => {
          const answerParts: Buffer[] = [];
          answer.on('data', (part: Buffer) => answerParts.push(part));
          answer.on('end', () => {
            const text = Buffer.concat(answerParts).toString('utf8');
            const stream = String(answer.headers['content-type'] ?? '').includes('text/event-stream');
            void replay(response, answer, text, stream, firstTokenMs, msPerToken).then((outputTokens) => {
              if (request.url?.endsWith('/chat/completions')) calls.push({ startedAt, endedAt: performance.now(), stream, outputTokens, schemaName });
            });
          });
        },
      );
      forwarded.on('error', () => response.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    fake,
    calls,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      await fake.close();
    },
  };
}

/** Sends the fake's answer at the model's pace; resolves with the output tokens it paced. */
async function replay(response: http.ServerResponse, answer: http.IncomingMessage, text: string, stream: boolean, firstTokenMs: number, msPerToken: number): Promise<number> {
  const headers = { ...answer.headers };
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  if (!stream) {
    let outputTokens = 0;
    try {
      const parsed = JSON.parse(text) as { usage?: { completion_tokens?: number }; choices?: { message?: { content?: string | null } }[] };
      outputTokens = parsed.usage?.completion_tokens ?? tokensOf(parsed.choices?.[0]?.message?.content ?? '');
    } catch {
      outputTokens = 0;
    }
    await sleep(firstTokenMs + outputTokens * msPerToken);
    response.writeHead(answer.statusCode ?? 200, headers);
    response.end(text);
    return outputTokens;
  }
  const frames = text.split('\n\n').filter((frame) => frame.length > 0);
  // Paced against the first token's time, not frame after frame: timer overshoots do not add up.
  const firstTokenAt = performance.now() + firstTokenMs;
  await sleep(firstTokenMs);
  response.writeHead(answer.statusCode ?? 200, headers);
  let outputTokens = 0;
  for (const [index, frame] of frames.entries()) {
    const content = /"content":"((?:[^"\\]|\\.)*)"/.exec(frame)?.[1] ?? '';
    const tokens = content.length > 0 ? tokensOf(content) : 0;
    // The first content frame goes with the role frame at the first token; the rest are paced.
    if (index > 1 && tokens > 0) await sleep(firstTokenAt + (outputTokens + tokens) * msPerToken - performance.now());
    outputTokens += tokens;
    if (response.destroyed) return outputTokens;
    response.write(`${frame}\n\n`);
  }
  response.end();
  return outputTokens;
}
