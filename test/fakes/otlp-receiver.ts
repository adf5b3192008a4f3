/**
 * A fake OpenTelemetry collector: an OTLP/HTTP receiver of JSON trace exports
 * (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`, what the service's exporter sends), keeping every
 * span with the resource it came with.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean; arrayValue?: { values: { stringValue?: string }[] } };
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
  /** The attributes of the resource the span was exported with. */
  resource: OtlpAttribute[];
}

interface TraceExport {
  resourceSpans: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans: { spans: Omit<OtlpSpan, 'resource'>[] }[] }[];
}

export interface OtlpReceiver {
  /** For OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  spans: OtlpSpan[];
  /** The paths posted to, in order (`/v1/traces`, ...). */
  paths: string[];
  /** Resolves with the first span `match` accepts, polling up to `timeoutMs`; undefined after. */
  waitForSpan(match: (span: OtlpSpan) => boolean, timeoutMs?: number): Promise<OtlpSpan | undefined>;
  close(): Promise<void>;
}

export function attributeOf(attributes: OtlpAttribute[], key: string): OtlpAttribute['value'] | undefined {
  return attributes.find((item) => item.key === key)?.value;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: OtlpSpan[] = [];
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      paths.push(request.url ?? '');
      if (request.url === '/v1/traces') {
        const payload = JSON.parse(body) as TraceExport;
        for (const { resource, scopeSpans } of payload.resourceSpans) {
          for (const scope of scopeSpans) for (const span of scope.spans) spans.push({ ...span, resource: resource?.attributes ?? [] });
        }
      }
      response.setHeader('content-type', 'application/json');
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    paths,
    async waitForSpan(match, timeoutMs = 5_000) {
      for (let waited = 0; waited < timeoutMs && !spans.some(match); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      return spans.find(match);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
