/**
 * The console at GET /console (drafts as responders read them, edit and publish),
 * /console/compare (one feature on two routing variants side by side) and /console/usage (the
 * usage and quality dashboard, admin scope): static pages in web/console/ plus the browser
 * builds of the libraries they import, served from node_modules (no CDN): marked (Markdown),
 * DOMPurify (sanitizer), uPlot (charts) and the graphql-ws client. Same strict policy as the
 * playground: no inline script or style, everything from this service. The files are found when
 * the console is created and read from disk when asked for (see playground.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type express from 'express';
import { fileAsset, findWebDirectory, graphqlWsClientFiles, pageAsset, serveAssets, type Asset } from './playground.js';

export interface ConsoleOptions {
  /** Pre-filled into each page (`<meta name="demo-token">`); only in development. Null: no token. */
  demoToken: string | null;
  /** The folder holding console/; default: the `web/` folder found above this module. */
  webDirectory?: string;
}

/** The pages: route -> HTML file in web/console/. */
const pages = {
  '/console': 'index.html',
  '/console/compare': 'compare.html',
  '/console/usage': 'usage.html',
} as const;

/** The pages' own scripts and styles, served under /console/<name>. */
const pageFiles: Record<string, string> = {
  'console.css': 'text/css; charset=utf-8',
  'common.js': 'text/javascript; charset=utf-8',
  'render-draft.js': 'text/javascript; charset=utf-8',
  'drafts.js': 'text/javascript; charset=utf-8',
  'compare.js': 'text/javascript; charset=utf-8',
  'usage.js': 'text/javascript; charset=utf-8',
};

/** Browser builds of the libraries: served name -> [package, file in the package, content type]. */
const vendorFiles: Record<string, [string, string, string]> = {
  'marked.esm.js': ['marked', 'lib/marked.esm.js', 'text/javascript; charset=utf-8'],
  'purify.es.mjs': ['dompurify', 'dist/purify.es.mjs', 'text/javascript; charset=utf-8'],
  'uPlot.esm.js': ['uplot', 'dist/uPlot.esm.js', 'text/javascript; charset=utf-8'],
  'uPlot.min.css': ['uplot', 'dist/uPlot.min.css', 'text/css; charset=utf-8'],
};

/** The console's routes. Throws when a file or a library is missing. */
export function createConsole(options: ConsoleOptions): (app: express.Express) => void {
  const folder = path.join(options.webDirectory ?? findWebDirectory(), 'console');
  const assets = new Map<string, Asset>();
  for (const [route, file] of Object.entries(pages)) assets.set(route, pageAsset(path.join(folder, file), options.demoToken));
  for (const [name, contentType] of Object.entries(pageFiles)) assets.set(`/console/${name}`, fileAsset(path.join(folder, name), contentType));
  // The GraphQL client shared with the playground lives in web/ itself.
  assets.set('/console/page-client.js', fileAsset(path.join(folder, '..', 'page-client.js'), 'text/javascript; charset=utf-8'));
  const require = createRequire(import.meta.url);
  for (const [name, [packageName, file, contentType]] of Object.entries(vendorFiles)) {
    const vendorFile = path.join(packageFolderOf(require.resolve(packageName), packageName), file);
    const { read } = fileAsset(vendorFile, contentType, 'utf8');
    // The source map is not served: drop the comment that would make developer tools ask for it.
    assets.set(`/console/vendor/${name}`, { read: async () => ((await read()) as string).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), contentType, cacheControl: 'no-cache' });
  }
  for (const [name, file] of graphqlWsClientFiles()) {
    assets.set(`/console/vendor/${name}`, fileAsset(file, 'text/javascript; charset=utf-8', 'utf8'));
  }

  return serveAssets(assets);
}

/** The folder of package `name`, found above its resolved entry (not every package exports ./package.json). */
function packageFolderOf(entry: string, name: string): string {
  let folder = path.dirname(entry);
  for (let depth = 0; depth < 6; depth += 1) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return folder;
    folder = path.dirname(folder);
  }
  throw new Error(`package ${name}: no package.json above ${entry}`);
}
