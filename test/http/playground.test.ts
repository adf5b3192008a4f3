/**
 * GET /playground over HTTP: the page and its files with their content types and security
 * headers, the demo token only in the embedded/development mode, PLAYGROUND_ENABLED.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { createConsole } from '../../src/http/console.js';
import { createPlayground, findWebDirectory, graphqlWsClientFiles, renderPlaygroundHtml } from '../../src/http/playground.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What a production deployment with the local key needs to start (see src/config/index.ts). */
const productionLike = { NODE_ENV: 'production', AUTH_LOCAL_KEYS: 'true', API_KEY_PEPPER: 'p'.repeat(48) };

function demoTokenMeta(html: string): string | null {
  return /<meta name="demo-token" content="([^"]*)">/.exec(html)?.[1] ?? null;
}

function expectSecurityHeaders(response: Response): void {
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'self';");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('GET /playground in the embedded/development mode (the default)', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(() => service?.close());

  it('serves the page with a strict CSP, nosniff, no-referrer and no caching', async () => {
    const response = await fetch(`${service.url}/playground`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toContain('<title>incident-ai playground</title>');
    // The CSP allows no inline script: every script must come from a file of this service.
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag).toMatch(/\ssrc="\/playground\/[^"]+"/);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//); // nothing from another origin
  });

  it('pre-fills the demo token, and it is a working token', async () => {
    const html = await (await fetch(`${service.url}/playground`)).text();
    const token = demoTokenMeta(html);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(decodeJwt(token!)).toMatchObject({ account_id: 'demo', scope: 'ai:read ai:write ai:admin' });
    const result = await service.graphql(`query { draft(id: "00000000-0000-0000-0000-000000000000") { id } }`, {}, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ draft: null });
  });

  it('serves every file the page references, with its content type and the same headers', async () => {
    const html = await (await fetch(`${service.url}/playground`)).text();
    const references = [...html.matchAll(/(?:src|href)="(\/playground\/[^"]+)"/g)].map((match) => match[1]!);
    expect(references).toEqual(expect.arrayContaining(['/playground/playground.js', '/playground/playground.css', '/playground/favicon.svg']));
    const expected: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };
    for (const reference of references) {
      const response = await fetch(`${service.url}${reference}`);
      expect(response.status, reference).toBe(200);
      expect(response.headers.get('content-type'), reference).toContain(expected[reference.split('.').pop()!]);
      expectSecurityHeaders(response);
    }
    const script = await (await fetch(`${service.url}/playground/playground.js`)).text();
    expect(script).toContain("from '/playground/vendor/graphql-ws.mjs'");
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('serves the graphql-ws browser client as JavaScript, with the chunks it imports next to it', async () => {
    const response = await fetch(`${service.url}/playground/vendor/graphql-ws.mjs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(response);
    const source = await response.text();
    expect(source).toMatch(/export\s*\{[^}]*\bcreateClient\b/);
    const relativeImports = [...new Set([...source.matchAll(/\bfrom\s*'(\.\/[^']+)'/g)].map((match) => match[1]!))];
    expect(relativeImports.length).toBeGreaterThan(0);
    for (const relative of relativeImports) {
      const chunk = await fetch(new URL(relative, `${service.url}/playground/vendor/graphql-ws.mjs`));
      expect(chunk.status, relative).toBe(200);
      expect(chunk.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    // The files come from the installed package, resolved at start-up.
    expect([...graphqlWsClientFiles().keys()]).toEqual(['graphql-ws.mjs', ...relativeImports.map((relative) => relative.slice(2))]);
  });

  it('serves nothing else under /playground', async () => {
    for (const path of ['/playground/playground.html', '/playground/../package.json', '/playground/vendor/client.js', '/playground/vendor/graphql-ws.js']) {
      expect((await fetch(`${service.url}${path}`)).status, path).toBe(404);
    }
  });
});

describe('PLAYGROUND_ENABLED and production', () => {
  const services: TestApp[] = [];
  afterAll(() => Promise.all(services.map((service) => service.close())));
  const start = async (environment: Record<string, string>): Promise<TestApp> => {
    const service = await startTestApp(environment);
    services.push(service);
    return service;
  };

  it('answers 404 when disabled', async () => {
    const service = await start({ PLAYGROUND_ENABLED: 'false' });
    for (const path of ['/playground', '/playground/playground.js', '/playground/vendor/graphql-ws.mjs']) {
      expect((await fetch(`${service.url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });

  it('is off in production by default', async () => {
    const service = await start(productionLike);
    expect((await fetch(`${service.url}/playground`)).status).toBe(404);
  });

  it('enabled in production, it never holds the demo token, even with the local signing key', async () => {
    const service = await start({ ...productionLike, PLAYGROUND_ENABLED: 'true' });
    const demoToken = await service.app.demoToken();
    expect(demoToken).toMatch(/^ey/); // the local key is there: a token could be made
    const response = await fetch(`${service.url}/playground`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).not.toContain('name="demo-token"');
    expect(html).not.toContain('{{DEMO_TOKEN}}');
    expect(html).not.toContain(demoToken!);
    expect(html).toContain('<label for="token">');
  });
});

describe('the web files are read from disk when asked for, not held in memory', () => {
  it('serves a page and a file as they are on disk at the request, and refuses at creation a missing file or placeholder', async () => {
    const web = await mkdtemp(path.join(tmpdir(), 'incident-ai-web-'));
    await cp(findWebDirectory(), web, { recursive: true });
    const app = express();
    createPlayground({ demoToken: 'token-1', webDirectory: web })(app);
    createConsole({ demoToken: null, webDirectory: web })(app);
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await writeFile(path.join(web, 'favicon.svg'), '<svg id="changed"/>');
      await writeFile(path.join(web, 'playground.html'), '<head>\n  <meta name="demo-token" content="{{DEMO_TOKEN}}">\n  <title>changed</title>\n</head>');
      const favicon = await fetch(`${url}/playground/favicon.svg`);
      expect(favicon.headers.get('content-type')).toBe('image/svg+xml');
      expect(await favicon.text()).toBe('<svg id="changed"/>');
      expect(await (await fetch(`${url}/playground`)).text()).toContain('<meta name="demo-token" content="token-1">\n  <title>changed</title>');
      await writeFile(path.join(web, 'console', 'console.css'), 'body{}');
      expect(await (await fetch(`${url}/console/console.css`)).text()).toBe('body{}');
      await rm(path.join(web, 'favicon.svg'));
      expect((await fetch(`${url}/playground/favicon.svg`)).status).toBe(500);
      expect(() => createPlayground({ demoToken: null, webDirectory: web })).toThrow(/favicon\.svg/);
      await writeFile(path.join(web, 'favicon.svg'), '<svg/>');
      await writeFile(path.join(web, 'playground.html'), '<head></head>');
      expect(() => createPlayground({ demoToken: null, webDirectory: web })).toThrow(/DEMO_TOKEN/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(web, { recursive: true, force: true });
    }
  });
});

describe('renderPlaygroundHtml', () => {
  const template = '<head>\n  <meta name="demo-token" content="{{DEMO_TOKEN}}">\n  <title>t</title>\n</head>';

  it('HTML-escapes the token in the meta', () => {
    const html = renderPlaygroundHtml(template, `a"><script>alert(1)</script>&'$&`);
    expect(html).toContain('<meta name="demo-token" content="a&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#38;&#39;$&#38;">');
    expect(html).not.toContain('<script>');
    // What a browser reads back from the attribute is the token as given.
    expect(demoTokenMeta(html)!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))).toBe(`a"><script>alert(1)</script>&'$&`);
  });

  it('removes the meta when there is no token', () => {
    expect(renderPlaygroundHtml(template, null)).toBe('<head>\n  <title>t</title>\n</head>');
  });

  it('refuses a page without the placeholder', () => {
    expect(() => renderPlaygroundHtml('<head></head>', 'x')).toThrow(/DEMO_TOKEN/);
  });
});

describe('PLAYGROUND_ENABLED', () => {
  const base = { DATA_DIR: '/tmp/incident-ai-config-test' };

  it('defaults to on outside production and off in production; true/false override', () => {
    expect(loadConfig({ ...base }).playgroundEnabled).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'test', PLAYGROUND_ENABLED: '' }).playgroundEnabled).toBe(true);
    expect(loadConfig({ ...base, PLAYGROUND_ENABLED: 'false' }).playgroundEnabled).toBe(false);
    expect(loadConfig({ ...base, ...productionLike }).playgroundEnabled).toBe(false);
    expect(loadConfig({ ...base, ...productionLike, PLAYGROUND_ENABLED: 'true' }).playgroundEnabled).toBe(true);
  });

  it('names the variable when the value is wrong', () => {
    expect(() => loadConfig({ ...base, PLAYGROUND_ENABLED: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, PLAYGROUND_ENABLED: 'maybe' })).toThrow(/PLAYGROUND_ENABLED/);
  });
});
