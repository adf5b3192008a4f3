/**
 * The playground page at GET /playground: a static page (web/) for trying the AI features
 * against this service, plus the graphql-ws browser client it imports. The files are found (and
 * the page's template checked) when the playground is created, and read from disk when asked for:
 * a page a deployment rarely opens holds no memory while idle.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type express from 'express';
import { findShippedFolder } from '../config/shipped-folder.js';

export interface PlaygroundOptions {
  /**
   * Pre-filled into the page (a `<meta name="demo-token">`) so a developer can try it at once.
   * Pass it only in the embedded/development mode; null leaves the token field empty.
   */
  demoToken: string | null;
  /** The folder holding playground.html; default: the `web/` folder found above this module. */
  webDirectory?: string;
}

/** Mounts the playground's routes on the express app. */
export type PlaygroundRoutes = (app: express.Express) => void;

/**
 * Strict policy: scripts, styles and images from this service only, no inline code; fetch and
 * graphql-ws back to this service only.
 */
export const playgroundContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every playground and console response (the console reuses them). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': playgroundContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const tokenPlaceholder = '{{DEMO_TOKEN}}';
const tokenMeta = /[ \t]*<meta name="demo-token" content="\{\{DEMO_TOKEN\}\}">\r?\n?/;

/** The page's own files, served under /playground/<name>. */
const pageFiles = {
  'playground.js': 'text/javascript; charset=utf-8',
  // The GraphQL client the playground shares with the console (also served as /console/page-client.js).
  'page-client.js': 'text/javascript; charset=utf-8',
  'playground.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
} as const;

/** A file served from disk. */
export interface Asset {
  /** The body, read when the file is asked for. */
  read(): Promise<Buffer | string>;
  contentType: string;
  /** The HTML may hold a token: never cached. The other files are revalidated (ETag). */
  cacheControl: string;
}

/** The playground's routes. Throws when web/, one of its files or graphql-ws is missing. */
export function createPlayground(options: PlaygroundOptions): PlaygroundRoutes {
  const webDirectory = options.webDirectory ?? findWebDirectory();
  const assets = new Map<string, Asset>();
  assets.set('/playground', pageAsset(path.join(webDirectory, 'playground.html'), options.demoToken));
  for (const [name, contentType] of Object.entries(pageFiles)) {
    assets.set(`/playground/${name}`, fileAsset(path.join(webDirectory, name), contentType));
  }
  for (const [name, file] of graphqlWsClientFiles()) {
    assets.set(`/playground/vendor/${name}`, fileAsset(file, 'text/javascript; charset=utf-8', 'utf8'));
  }

  return serveAssets(assets);
}

/**
 * An HTML page with the demo token filled in (never cached). Its template is checked now, so a
 * page without the placeholder still fails at start.
 */
export function pageAsset(file: string, demoToken: string | null): Asset {
  renderPlaygroundHtml(readFileSync(file, 'utf8'), demoToken);
  return { read: async () => renderPlaygroundHtml(await readFile(file, 'utf8'), demoToken), contentType: 'text/html; charset=utf-8', cacheControl: 'no-store' };
}

/**
 * A file served as it is on disk (revalidated by ETag), as a Buffer or, with an encoding, a
 * string (express answers both alike). Throws now when the file is missing.
 */
export function fileAsset(file: string, contentType: string, encoding?: 'utf8'): Asset {
  statSync(file);
  return { read: () => (encoding ? readFile(file, encoding) : readFile(file)), contentType, cacheControl: 'no-cache' };
}

/**
 * Fills the demo-token meta of the page with the token, HTML-escaped, or removes the meta
 * when there is none (so a production page holds no token at all).
 */
export function renderPlaygroundHtml(template: string, demoToken: string | null): string {
  if (!template.includes(tokenPlaceholder)) throw new Error(`playground.html has no ${tokenPlaceholder} placeholder`);
  if (demoToken) return template.replace(tokenPlaceholder, () => escapeHtml(demoToken));
  const withoutToken = template.replace(tokenMeta, '');
  if (withoutToken.includes(tokenPlaceholder)) throw new Error('playground.html: the demo-token meta is not in the expected form');
  return withoutToken;
}

/** Escapes text for an HTML attribute value or element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The `web/` folder, found from this file whether it runs from src/ (tsx) or dist/src/ (the build copies web/ to dist/web/). */
export function findWebDirectory(): string {
  return findShippedFolder('web', 'playground.html');
}

/**
 * graphql-ws's browser client (its package's `browser` export of `./client`: an ES module
 * without dependencies outside the package) as `graphql-ws.mjs`, with the chunks it imports
 * relatively (`./common-<hash>.js`) under their own names, so the browser resolves them next to
 * it: served name -> file path.
 */
export function graphqlWsClientFiles(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('graphql-ws/package.json');
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports?: Record<string, { browser?: string }> };
  const entry = manifest.exports?.['./client']?.browser;
  if (!entry) throw new Error('graphql-ws has no browser export of ./client');
  const files = new Map<string, string>();
  const read = (file: string, servedAs: string): void => {
    const source = readFileSync(file, 'utf8');
    files.set(servedAs, file);
    // Module specifiers of the static import/export statements (each starts a line in a build).
    const specifiers = [...source.matchAll(/^(?:import\s*['"]([^'"]+)['"]|(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"])/gm)].map((match) => (match[1] ?? match[2])!);
    for (const specifier of specifiers) {
      const name = specifier.startsWith('./') ? specifier.slice(2) : null;
      // Only sibling files: anything else (a package, a parent folder) would not resolve in the browser.
      if (!name || !/^[A-Za-z0-9_.-]+\.js$/.test(name)) throw new Error(`graphql-ws client ${file} imports ${specifier}: not a sibling file`);
      if (!files.has(name)) read(path.join(path.dirname(file), name), name);
    }
  };
  read(path.join(path.dirname(packageJson), entry), 'graphql-ws.mjs');
  return files;
}

/** Routes that serve files from disk, each with the pages' security headers. */
export function serveAssets(assets: ReadonlyMap<string, Asset>): (app: express.Express) => void {
  return (app) => {
    for (const [route, asset] of assets) {
      app.get(route, (_request, response, next) => {
        asset.read().then((body) => {
          response.set(securityHeaders);
          response.set({ 'content-type': asset.contentType, 'cache-control': asset.cacheControl });
          response.send(body);
        }, next);
      });
    }
  };
}
