/**
 * A fake Slack Web API for tests: `POST /api/<method>` in Slack's wire format (form-encoded or
 * JSON bodies, `Authorization: Bearer <token>`), answering `{ ok: true, ... }` and recording
 * every call, so Bolt's real WebClient can talk to it over HTTP. `auth.test` names a bot user;
 * `chat.postMessage` answers with a fresh `ts` and the channel.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One Web API call as the fake saw it. */
export interface SlackApiCall {
  /** The method name, e.g. `chat.postMessage`. */
  method: string;
  /** The bearer token sent, if any. */
  token: string | null;
  /** The arguments; JSON-encoded values of form bodies (blocks) are parsed. */
  params: Record<string, unknown>;
}

/** The identity `auth.test` answers with. */
export const fakeSlackBot = { teamId: 'T0FAKE', userId: 'U0INCAI', botId: 'B0INCAI' } as const;

export interface FakeSlack {
  /** Base URL of the Web API, ending in `/api/` (WebClient's `slackApiUrl`). */
  readonly apiUrl: string;
  /** Calls received, in order. */
  readonly calls: SlackApiCall[];
  /** Calls of one method. */
  callsOf(method: string): SlackApiCall[];
  /** Resolves once `count` calls of `method` were received; rejects after `timeoutMs` (default 15 s). */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<SlackApiCall[]>;
  reset(): void;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 (any free port). */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackApiCall[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  let sequence = 0;

  const server = createServer((request, response) => {
    readBody(request).then(
      (raw) => answer(request, response, raw),
      () => response.destroy(),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  function answer(request: IncomingMessage, response: ServerResponse, raw: string): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = url.pathname.replace(/^\/api\//, '');
    const authorization = request.headers.authorization;
    const call: SlackApiCall = {
      method,
      token: authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : null,
      params: parseParams(raw, request.headers['content-type'] ?? ''),
    };
    calls.push(call);
    for (const waiter of [...waiters]) waiter();
    send(response, resultOf(call));
  }

  function resultOf(call: SlackApiCall): Record<string, unknown> {
    switch (call.method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'incident-ai', team_id: fakeSlackBot.teamId, user_id: fakeSlackBot.userId, bot_id: fakeSlackBot.botId };
      case 'chat.postMessage': {
        sequence += 1;
        const ts = `1700000000.${String(sequence).padStart(6, '0')}`;
        return { ok: true, channel: call.params.channel, ts, message: { ...call.params, ts, user: fakeSlackBot.userId } };
      }
      default:
        return { ok: true };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const callsOf = (method: string): SlackApiCall[] => calls.filter((call) => call.method === method);

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    callsOf,
    waitForCalls(method, count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = callsOf(method);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack: ${callsOf(method).length} of ${count} ${method} calls after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    reset() {
      calls.length = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (raw.length === 0) return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) params[key] = parseJsonValue(value);
  return params;
}

// WebClient form-encodes objects and arrays (blocks, attachments) as JSON strings.
function parseJsonValue(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(response: ServerResponse, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
