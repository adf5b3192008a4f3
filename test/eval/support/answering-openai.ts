/**
 * The fake OpenAI server (test/fakes/openai-server.ts) with answers that depend on the
 * request: a small front server decides each request's answer, queues it on the fake, and
 * forwards the request to it, so the wire format is the fake's own. Requests are forwarded
 * one at a time, which keeps every queued answer paired with its request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeOpenAi, type FakeBehaviour, type FakeOpenAi } from '../../fakes/openai-server.js';

/** A chat completion request as the fake receives it. */
export interface ChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type?: string; json_schema?: { name?: string; schema?: Record<string, unknown> } };
  stream?: boolean;
}

/** Decides the answer to one request; null: the fake's default. */
export type Answerer = (body: ChatBody) => FakeBehaviour | null;

export interface AnsweringOpenAi {
  /** Base URL including `/v1`. */
  readonly url: string;
  readonly fake: FakeOpenAi;
  /** Chat requests seen, in order. */
  readonly requests: ChatBody[];
  close(): Promise<void>;
}

/** Starts the fake and its answering front. */
export async function startAnsweringOpenAi(answer: Answerer): Promise<AnsweringOpenAi> {
  const fake = await startFakeOpenAi({ recordRequests: false });
  const requests: ChatBody[] = [];
  let chain: Promise<void> = Promise.resolve();

  const forward = async (request: IncomingMessage, response: ServerResponse, raw: string): Promise<void> => {
    if (request.method === 'POST' && request.url === '/v1/chat/completions') {
      const body = JSON.parse(raw) as ChatBody;
      requests.push(body);
      const behaviour = answer(body);
      if (behaviour) fake.enqueue(behaviour);
    }
    const upstream = await fetch(`${fake.url.replace(/\/v1$/, '')}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers: { 'content-type': 'application/json', authorization: String(request.headers.authorization ?? '') },
      ...(raw.length > 0 && { body: raw }),
    });
    const text = await upstream.text();
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'x-request-id': upstream.headers.get('x-request-id') ?? '' });
    response.end(text);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      chain = chain
        .then(() => forward(request, response, raw))
        .catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: { message: String(error), type: 'server_error' } }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    fake,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}
