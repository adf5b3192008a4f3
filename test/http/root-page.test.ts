import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(async () => {
  await service?.close();
});

describe('GET /', () => {
  it('shows a browser a page that links the playground, /graphql and /healthz, each of which answers', async () => {
    const response = await fetch(`${service.url}/`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
    expect(hrefs).toEqual(expect.arrayContaining(['/playground', '/graphql', '/healthz']));
    for (const href of hrefs.filter((item) => item !== '/graphql')) expect((await fetch(`${service.url}${href}`)).status, href).toBe(200);
  });

  it('answers other clients with the same links as JSON', async () => {
    const response = await fetch(`${service.url}/`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { links: { href: string }[] };
    expect(body.links.map((link) => link.href)).toEqual(expect.arrayContaining(['/playground', '/graphql', '/healthz']));
  });
});
