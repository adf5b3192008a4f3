/**
 * The express app of the routes besides /graphql and the probes, imported and built on the first
 * request that needs it. express (with its router, body-parser, send, mime-db, qs...) holds ~3 MB
 * of heap that a deployment answering only /graphql and its probes never uses; every route it
 * serves is mounted when it is built, so its answers are the ones it gave when built at start.
 */
import type http from 'node:http';
import type express from 'express';
import type { Logger } from 'pino';

/** The express module, for mounts that need its middleware (e.g. `express.raw`). */
export type ExpressModule = typeof express;

/** Mounts routes on the express app. */
export type MountRoutes = (app: express.Express, expressModule: ExpressModule) => void;

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A handler that imports express and builds the app with `build` on its first request. */
export function lazyExpressApp(build: (expressModule: ExpressModule) => express.Express, logger: Logger): Handler {
  let app: express.Express | null = null;
  let loading: Promise<express.Express> | null = null;
  return (request, response) => {
    if (app) {
      app(request, response);
      return;
    }
    // The requests that arrive while it loads wait for it; their bodies stay unread until then.
    loading ??= import('express').then(({ default: expressModule }) => (app = build(expressModule)));
    loading.then(
      (built) => built(request, response),
      (error: unknown) => {
        loading = null;
        logger.error({ err: error }, 'could not load the express routes');
        if (response.headersSent) response.destroy();
        else {
          response.statusCode = 500;
          response.setHeader('content-type', 'text/plain; charset=utf-8');
          response.end('Internal Server Error');
        }
      },
    );
  };
}
