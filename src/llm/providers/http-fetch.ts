/**
 * A `fetch`-compatible function on node:http/node:https keep-alive agents: the default transport
 * of the OpenAI provider. Every model call of the service goes through here, and Node 20's
 * built-in fetch costs about 1.8x the CPU of this path per call (bench/fetch-cpu.ts: ~630 vs
 * ~350 µs for a JSON or SSE call; an undici.request adapter ties with it). So the hot path is a
 * plain `http.request` whose response becomes a WHATWG `Response` with a streamed body (JSON and
 * SSE alike).
 *
 * What it implements of fetch: methods, headers, string/bytes/URLSearchParams bodies, streamed
 * response bodies, gzip/deflate/br decoding, AbortSignal (rejects, or errors the body, with the
 * signal's reason). Anything else (Request objects, stream/FormData/Blob bodies, redirects to
 * follow, non-HTTP URLs) is handed to the global fetch, so the function stays correct for any
 * call the SDK might make.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { IncomingBody, IncomingResponse } from './incoming-response.js';

/** The `fetch` signature the OpenAI SDK accepts. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options of {@link createHttpFetch}. */
export interface HttpFetchOptions {
  /** Maximum concurrent connections per origin (`http.Agent` `maxSockets`); default 256. */
  connections?: number;
  /**
   * How long an idle keep-alive connection stays open (ms); default 4000. Keep it below the
   * server's own idle timeout (Node's default is 5 s), or a request may be sent on a socket the
   * server is closing.
   */
  keepAliveTimeoutMs?: number;
}

const defaultConnections = 256;
const defaultKeepAliveTimeoutMs = 4_000;
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Creates a fetch with its own keep-alive connection pools (one for http, one for https). */
export function createHttpFetch(options: HttpFetchOptions = {}): FetchFunction {
  const agentOptions: http.AgentOptions = {
    keepAlive: true,
    maxSockets: options.connections ?? defaultConnections,
    // The agent applies `timeout` to idle pooled sockets only (and destroys them when it fires).
    timeout: options.keepAliveTimeoutMs ?? defaultKeepAliveTimeoutMs,
    // Reusing the most recent socket lets the rest of the pool go idle and close.
    scheduling: 'lifo',
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const parseTarget = targetParser();

  return function httpFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    if (typeof input !== 'string' && !(input instanceof URL)) return fetch(input, init);
    const target = parseTarget(input);
    const encoded = encodeBody(init?.body);
    if (encoded === unsupported || target === null) return fetch(input, init);

    const signal = init?.signal ?? null;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const headers = headerLines(init?.headers, encoded, target);

    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      let body: IncomingBody | null = null;
      const onAbort = (): void => {
        const reason = abortReason(signal!);
        request.destroy();
        if (body) body.fail(reason);
        else settle(() => reject(reason));
      };
      const release = (): void => signal?.removeEventListener('abort', onAbort);
      const settle = (action: () => void): void => {
        if (settled) return;
        settled = true;
        action();
      };

      const request = (target.https ? https : http).request({
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        method: (init?.method ?? 'GET').toUpperCase(),
        headers,
        agent: target.https ? httpsAgent : httpAgent,
      });
      signal?.addEventListener('abort', onAbort, { once: true });

      // `on`, not `once`: a destroyed request can emit more than one error.
      request.on('error', (error) => {
        release();
        settle(() => reject(new TypeError('fetch failed', { cause: error })));
      });
      request.once('response', (incoming) => {
        if (settled) return incoming.destroy();
        const status = incoming.statusCode ?? 0;
        if (redirectStatuses.has(status) && incoming.headers.location !== undefined && init?.redirect !== 'manual') {
          // Rare for an API: let the platform fetch apply the redirect rules.
          incoming.resume();
          release();
          return settle(() => resolve(fetch(input, init)));
        }
        if (status < 200 || status > 599) {
          // A Response cannot carry it (fetch rejects the same way).
          incoming.destroy();
          release();
          return settle(() => reject(new TypeError('fetch failed', { cause: new RangeError(`unexpected HTTP status ${status}`) })));
        }
        if (init?.method?.toUpperCase() === 'HEAD' || nullBodyStatuses.has(status)) {
          incoming.resume();
          release();
        } else {
          // Not `incoming.headers`: node:http builds it on first read, a call per header line.
          body = new IncomingBody(decode(incoming, contentEncoding(incoming.rawHeaders)), () => incoming.destroy(), release);
        }
        settle(() => resolve(new IncomingResponse(status, incoming.statusMessage ?? '', target.href, incoming.rawHeaders, body)));
      });
      if (encoded === null) request.end();
      else request.end(encoded.bytes);
    });
  };
}

/**
 * A request's header lines as node:http would write them from a header object (its `setHeader`
 * per name, then `Host`), given as the flat array `http.request` also takes: the same bytes without
 * the copy node:http keeps for `getHeader` (two calls and a lower-cased name per header, per
 * request). For a frozen header object, which cannot change between calls (the OpenAI provider's,
 * the same for every call of a kind), the lines are made once. node:http's https agent takes the
 * TLS server name from the request's Host, else from the host name: the same name without a Host
 * of the caller's.
 */
function headerLines(headers: RequestInit['headers'], encoded: EncodedBody | null, target: Target): string[] | Record<string, string> {
  if (headers !== null && typeof headers === 'object' && !Array.isArray(headers) && !(headers instanceof Headers) && Object.isFrozen(headers)) {
    let fixed = fixedLines.get(headers);
    if (fixed === undefined) {
      // A getter could answer differently per call, even on a frozen object.
      const dataOnly = Object.values(Object.getOwnPropertyDescriptors(headers)).every((property) => 'value' in property);
      fixed = dataOnly ? fixedHeaderLines(toHeaderRecord(headers)) : null;
      fixedLines.set(headers, fixed);
    }
    if (fixed !== null) {
      const lines = fixed.lines.slice();
      if (encoded !== null) {
        lines.push('content-length', String(encoded.byteLength));
        if (!fixed.hasContentType && encoded.contentType !== null) lines.push('content-type', encoded.contentType);
      }
      lines.push('Host', target.host);
      return lines;
    }
  }
  const record = toHeaderRecord(headers);
  if (encoded !== null) {
    record['content-length'] = String(encoded.byteLength);
    if (record['content-type'] === undefined && encoded.contentType !== null) record['content-type'] = encoded.contentType;
  }
  // A Host of the caller's: the object, as before (node:http's https agent reads it back for the TLS server name).
  if (record.host !== undefined) return record;
  const lines: string[] = [];
  for (const name of Object.keys(record)) lines.push(name, record[name]!);
  lines.push('Host', target.host);
  return lines;
}

/** The lines of a frozen header object; null when a getter, or its own content-length or Host, rules that out. */
const fixedLines = new WeakMap<object, { lines: readonly string[]; hasContentType: boolean } | null>();

function fixedHeaderLines(record: Record<string, string>): { lines: readonly string[]; hasContentType: boolean } | null {
  if (record['content-length'] !== undefined || record.host !== undefined) return null;
  const lines: string[] = [];
  for (const name of Object.keys(record)) lines.push(name, record[name]!);
  return { lines, hasContentType: record['content-type'] !== undefined };
}

/** Where a request goes: the parts http.request takes, parsed once per URL string. */
interface Target {
  href: string;
  /** The Host header node:http would write: the host name (IPv6 in brackets) and a port that is not the scheme's default. */
  host: string;
  https: boolean;
  protocol: string;
  hostname: string;
  port: string;
  path: string;
}

const targetCacheSize = 64;

/** Parses URL strings into {@link Target}s, remembering the last few (a provider calls one or two URLs). */
function targetParser(): (input: string | URL) => Target | null {
  const cache = new Map<string, Target | null>();
  return (input) => {
    const key = typeof input === 'string' ? input : input.href;
    let target = cache.get(key);
    if (target !== undefined) return target;
    const url = typeof input === 'string' ? new URL(input) : input;
    target =
      url.protocol === 'http:' || url.protocol === 'https:'
        ? {
            href: url.href,
            host: url.host,
            https: url.protocol === 'https:',
            protocol: url.protocol,
            hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
            port: url.port,
            path: url.pathname + url.search,
          }
        : null;
    if (cache.size >= targetCacheSize) cache.delete(cache.keys().next().value!);
    cache.set(key, target);
    return target;
  };
}

const unsupported = Symbol('unsupported body');
interface EncodedBody {
  bytes: Buffer;
  byteLength: number;
  contentType: string | null;
}

function encodeBody(body: RequestInit['body']): EncodedBody | null | typeof unsupported {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') {
    const bytes = Buffer.from(body, 'utf8');
    return { bytes, byteLength: bytes.byteLength, contentType: 'text/plain;charset=UTF-8' };
  }
  if (body instanceof URLSearchParams) {
    const bytes = Buffer.from(body.toString(), 'utf8');
    return { bytes, byteLength: bytes.byteLength, contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (body instanceof ArrayBuffer) return { bytes: Buffer.from(body), byteLength: body.byteLength, contentType: null };
  if (ArrayBuffer.isView(body)) {
    const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    return { bytes, byteLength: bytes.byteLength, contentType: null };
  }
  return unsupported;
}

function toHeaderRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers === undefined || headers === null) return record;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      record[name] = value;
    });
  } else if (Array.isArray(headers)) {
    for (const [name, value] of headers as Array<[string, string]>) {
      const key = name.toLowerCase();
      record[key] = record[key] === undefined ? value : `${record[key]}, ${value}`;
    }
  } else {
    for (const [name, value] of Object.entries(headers as Record<string, string>)) record[name.toLowerCase()] = value;
  }
  return record;
}

/** `incoming.headers['content-encoding']`: node:http joins repeated lines of this header with ", ". */
function contentEncoding(rawHeaders: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!;
    if (name.length !== 16 || name.toLowerCase() !== 'content-encoding') continue;
    value = value === undefined ? rawHeaders[index + 1]! : `${value}, ${rawHeaders[index + 1]!}`;
  }
  return value;
}

function decode(incoming: http.IncomingMessage, encoding: string | undefined): Readable {
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
      : encoding === 'deflate'
        ? zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
        : encoding === 'br'
          ? zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
          : null;
  if (decoder === null) return incoming;
  incoming.on('error', (error) => decoder.destroy(error));
  return incoming.pipe(decoder);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
