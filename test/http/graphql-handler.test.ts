import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(async () => {
  await service?.close();
});

/** POSTs `parts` to /graphql one write each, without a content-length (chunked). */
function postChunked(parts: string[]): Promise<{ status: number; body: string }> {
  const url = new URL(service.graphqlUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    for (const part of parts) request.write(part);
    request.end();
  });
}

describe('/graphql request bodies', () => {
  it('reads a chunked body of several parts', async () => {
    const answer = await postChunked(['{"query": "{ _servi', 'ce { sdl } }"}']);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('"sdl"');
  });

  it('refuses a chunked body over the limit (no content-length to refuse it early) with 413', async () => {
    const padding = 'x'.repeat(64 * 1024);
    const answer = await postChunked(['{"query": "{ __typename }", "variables": {"p": "', ...Array.from({ length: 5 }, () => padding), '"}}']);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('PAYLOAD_TOO_LARGE');
  });

  it('keeps answering after a client went away in the middle of its body', async () => {
    const url = new URL(service.graphqlUrl);
    await new Promise<void>((resolve) => {
      const request = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
      request.on('error', () => resolve());
      request.write('{"query": "{ __typ', () => setTimeout(() => {
        request.destroy();
        resolve();
      }, 50));
    });
    const answer = await postChunked(['{"query": "{ _service { sdl } }"}']);
    expect(answer.status).toBe(200);
  });
});
