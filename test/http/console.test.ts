/**
 * The console's pages and files over HTTP: strict CSP on every one, scripts only from this
 * service, the libraries served from node_modules (no source-map comment pointing elsewhere),
 * the demo token only in the embedded/development mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const pages = ['/console', '/console/compare', '/console/usage'];
const files = ['/console/console.css', '/console/common.js', '/console/render-draft.js', '/console/drafts.js', '/console/compare.js', '/console/usage.js'];
const vendor = ['/console/vendor/marked.esm.js', '/console/vendor/purify.es.mjs', '/console/vendor/uPlot.esm.js', '/console/vendor/uPlot.min.css', '/console/vendor/graphql-ws.mjs'];

describe('GET /console (embedded/development mode)', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(() => service?.close());

  it('serves the three pages with a strict CSP, scripts from this service only and the demo token', async () => {
    for (const route of pages) {
      const response = await fetch(`${service.url}${route}`);
      expect(response.status, route).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      const html = await response.text();
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag).toMatch(/\ssrc="\/console\/[^"]+"/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      expect(/<meta name="demo-token" content="([^"]+)">/.exec(html)?.[1]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    }
  });

  it('serves its scripts and the libraries with their content types, without source-map comments', async () => {
    for (const route of [...files, ...vendor]) {
      const response = await fetch(`${service.url}${route}`);
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type'), route).toMatch(route.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text(), route).not.toMatch(/sourceMappingURL=/);
    }
  });
});

describe('GET /console in production', () => {
  it('holds no demo token when enabled, and is off by default', async () => {
    const productionLike = { NODE_ENV: 'production', AUTH_LOCAL_KEYS: 'true', API_KEY_PEPPER: 'p'.repeat(48) };
    const enabled = await startTestApp({ ...productionLike, PLAYGROUND_ENABLED: 'true' });
    try {
      const html = await (await fetch(`${enabled.url}/console/usage`)).text();
      expect(html).not.toContain('demo-token');
    } finally {
      await enabled.close();
    }
    const off = await startTestApp(productionLike);
    try {
      expect((await fetch(`${off.url}/console`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
