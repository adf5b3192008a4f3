import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetch } from '../../../src/llm/providers/http-fetch.js';

/** A server that records each request's head, byte for byte, and answers an empty 200 (keep-alive). */
function startHeadRecorder(): Promise<{ port: number; heads: string[]; close: () => void }> {
  const heads: string[] = [];
  const server = net.createServer((socket) => {
    let buffered = '';
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => {
      buffered += data;
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = buffered.slice(0, end + 4);
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        heads.push(head);
        buffered = buffered.slice(end + 4 + length);
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, heads, close: () => server.close() })),
  );
}

describe('createHttpFetch request head', () => {
  let recorder: Awaited<ReturnType<typeof startHeadRecorder>>;
  const agent = new http.Agent({ keepAlive: true });
  beforeAll(async () => {
    recorder = await startHeadRecorder();
  });
  afterAll(() => {
    agent.destroy();
    recorder.close();
  });

  /** The head node:http writes for a header object (what createHttpFetch handed it before). */
  const viaObject = async (method: string, headers: Record<string, string>, body: string | null): Promise<string> => {
    await new Promise<void>((resolve, reject) => {
      const request = http.request({ hostname: '127.0.0.1', port: recorder.port, path: '/v1/chat/completions?x=1', method, headers, agent }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      request.on('error', reject);
      request.end(body ?? undefined);
    });
    return recorder.heads.at(-1)!;
  };
  const viaFetch = async (fetch: ReturnType<typeof createHttpFetch>, init: RequestInit): Promise<string> => {
    await (await fetch(`http://127.0.0.1:${recorder.port}/v1/chat/completions?x=1`, init)).text();
    return recorder.heads.at(-1)!;
  };

  it('writes the same bytes as node:http given the headers as an object: frozen headers (made once), Headers, a record, a caller\'s Host', async () => {
    const fetch = createHttpFetch();
    const body = '{"model":"m","messages":[]}';
    const length = String(Buffer.byteLength(body));
    const frozen = Object.freeze({ 'content-type': 'application/json', Authorization: 'Bearer sk', 'x-stainless-retry-count': '0' });
    const expected = await viaObject('POST', { 'content-type': 'application/json', authorization: 'Bearer sk', 'x-stainless-retry-count': '0', 'content-length': length }, body);
    expect(expected).toMatch(/\r\nHost: 127\.0\.0\.1:\d+\r\nConnection: keep-alive\r\n\r\n$/);
    // Twice: the second call uses the lines made by the first.
    expect(await viaFetch(fetch, { method: 'POST', headers: frozen, body })).toBe(expected);
    expect(await viaFetch(fetch, { method: 'POST', headers: frozen, body })).toBe(expected);

    expect(await viaFetch(fetch, { method: 'post', headers: new Headers({ 'X-One': 'a' }), body })).toBe(
      await viaObject('POST', { 'x-one': 'a', 'content-length': length, 'content-type': 'text/plain;charset=UTF-8' }, body),
    );
    expect(await viaFetch(fetch, { method: 'POST', headers: Object.freeze({ 'x-one': 'a' }), body })).toBe(
      await viaObject('POST', { 'x-one': 'a', 'content-length': length, 'content-type': 'text/plain;charset=UTF-8' }, body),
    );
    expect(await viaFetch(fetch, { method: 'POST', headers: Object.freeze({ 'Content-Length': length, 'x-one': 'a' }), body })).toBe(
      await viaObject('POST', { 'content-length': length, 'x-one': 'a', 'content-type': 'text/plain;charset=UTF-8' }, body),
    );
    expect(await viaFetch(fetch, { method: 'GET', headers: { Host: 'api.example.test', accept: 'application/json' } })).toBe(
      await viaObject('GET', { host: 'api.example.test', accept: 'application/json' }, null),
    );
    expect(await viaFetch(fetch, { method: 'GET' })).toBe(await viaObject('GET', {}, null));
  });

  it('reads a frozen header object\'s getter on every call', async () => {
    const fetch = createHttpFetch();
    let calls = 0;
    const headers = Object.freeze({
      get 'x-call'() {
        calls += 1;
        return String(calls);
      },
    });
    expect(await viaFetch(fetch, { headers })).toMatch(/\r\nx-call: 1\r\n/);
    expect(await viaFetch(fetch, { headers })).toMatch(/\r\nx-call: 2\r\n/);
  });

  it('refuses an invalid header value as node:http does', async () => {
    const fetch = createHttpFetch();
    await expect(fetch(`http://127.0.0.1:${recorder.port}/`, { headers: Object.freeze({ 'x-bad': 'a\r\nb' }) })).rejects.toMatchObject({ code: 'ERR_INVALID_CHAR' });
  });
});
