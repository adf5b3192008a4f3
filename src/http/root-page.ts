/**
 * GET /: a small page (HTML for browsers, JSON otherwise) pointing a new user to what this
 * service serves, instead of a bare 404.
 */
import type express from 'express';
import { playgroundContentSecurityPolicy } from './playground.js';

/** A page or endpoint listed on the root page. */
export interface RootLink {
  path: string;
  title: string;
}

/** The endpoints every instance serves; pages (playground, console) are added when enabled. */
export const serviceLinks: readonly RootLink[] = [
  { path: '/graphql', title: 'GraphQL endpoint (POST; graphql-ws subscriptions on the same path)' },
  { path: '/healthz', title: 'Liveness' },
  { path: '/readyz', title: 'Readiness' },
];

/** Mounts GET / listing `pages` first, then the service endpoints. */
export function createRootPage(pages: readonly RootLink[]): (app: express.Express) => void {
  const links = [...pages, ...serviceLinks];
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>incident-ai</title></head>
<body>
<h1>incident-ai</h1>
<p>The LLM features of incident management, as a GraphQL (Apollo Federation 2) subgraph.</p>
<ul>
${links.map((link) => `<li><a href="${link.path}">${link.path}</a>: ${escapeHtml(link.title)}</li>`).join('\n')}
</ul>
</body>
</html>
`;
  const json = { service: 'incident-ai', links: links.map((link) => ({ href: link.path, title: link.title })) };
  return (app) => {
    app.get('/', (request, response) => {
      response.set({ 'content-security-policy': playgroundContentSecurityPolicy, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache', vary: 'accept' });
      if (request.accepts(['json', 'html']) === 'html') response.type('html').send(html);
      else response.json(json);
    });
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
