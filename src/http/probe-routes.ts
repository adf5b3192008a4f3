/**
 * GET and HEAD of /healthz, /readyz and /metrics on plain `node:http`: Kubernetes and Prometheus
 * ask for them every few seconds, and answering them must not need express (lazy-express.ts).
 * The answers are the ones express gave, byte for byte (status, the same headers in the same
 * order and casing, body). Only the plain form of each request is answered here; any other form
 * (another method, a trailing slash or other casing of the path, a conditional request, which
 * express could answer with 304) is left to express, which still mounts these routes.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** Options of {@link createProbeRoutes}. */
export interface ProbeRoutesOptions {
  /** Readiness beyond "started" (see HttpServerOptions). */
  readiness: () => Promise<{ ready: boolean; reason?: string }>;
  /** Serves GET /metrics; none: /metrics is left to express (a 404). */
  metricsHandler?: Handler;
  /** While true, answers ask the client to close the connection (shutdown). */
  stopping: () => boolean;
  /** Where a request goes that is not answered here, and a /readyz whose readiness check failed. */
  fallback: Handler;
}

/** The `/healthz` body: constant, so its ETag is too. */
const healthyBody = JSON.stringify({ status: 'ok' });
const healthyEtag = weakEtag(healthyBody);

/** Answers a probe request and returns true, or returns false for a request it leaves to `fallback`. */
export function createProbeRoutes(options: ProbeRoutesOptions): (request: http.IncomingMessage, response: http.ServerResponse) => boolean {
  return (request, response) => {
    const path = probePath(request);
    if (path === null) return false;
    if (path === '/metrics') {
      if (!options.metricsHandler) return false;
      if (options.stopping()) response.setHeader('connection', 'close');
      options.metricsHandler(request, response);
      return true;
    }
    // express answers a conditional GET of a JSON route with 304 when the ETag matches.
    if (request.headers['if-none-match'] !== undefined || request.headers['if-modified-since'] !== undefined) return false;
    if (options.stopping()) response.setHeader('connection', 'close');
    if (path === '/healthz') {
      sendJson(request, response, 200, healthyBody, healthyEtag);
      return true;
    }
    options.readiness().then(
      ({ ready, reason }) => {
        const body = JSON.stringify({ status: ready ? 'ready' : 'not ready', ...(reason && { reason }) });
        sendJson(request, response, ready ? 200 : 503, body, weakEtag(body));
      },
      // express's answer to a failed check (its error page, by environment): it asks once more.
      () => options.fallback(request, response),
    );
    return true;
  };
}

/** The probe path a GET or HEAD asks for in its plain form (query string allowed), else null. */
function probePath(request: http.IncomingMessage): '/healthz' | '/readyz' | '/metrics' | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return path === '/healthz' || path === '/readyz' || path === '/metrics' ? path : null;
}

/** As express's `response.status(status).json(...)` writes it (its `send`: no body on HEAD). */
function sendJson(request: http.IncomingMessage, response: http.ServerResponse, status: number, body: string, etag: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.setHeader('ETag', etag);
  if (request.method === 'HEAD') response.end();
  else response.end(body);
}

/** express's default ETag of a body (the `etag` package, weak): byte length in hex and SHA-1 of the body. */
export function weakEtag(body: string): string {
  const hash = createHash('sha1').update(body, 'utf8').digest('base64').slice(0, 27);
  return `W/"${Buffer.byteLength(body).toString(16)}-${hash}"`;
}
