/**
 * The `Response` that http-fetch.ts returns: a WHATWG Response over a Node response stream that
 * builds nothing it is not asked for. A JSON answer read with `json()` or `text()` (what the
 * OpenAI SDK does with every non-streamed completion) is collected from the Node stream and
 * decoded once: no web ReadableStream, no undici body machinery, no `Response` construction
 * (together ~0.05 ms of CPU per model call, bench/provider-cpu-ab.ts). `body` builds the web
 * stream on first access (the SDK reads SSE through it), with backpressure; `headers` builds
 * its `Headers` on first access.
 *
 * It is an `instanceof Response` (its prototype chain passes through `Response.prototype`), and
 * every member of `Response` is its own, so none of undici's brand-checked accessors is reached.
 * Body errors follow fetch: the signal's reason when aborted, `TypeError: terminated` when the
 * connection drops before the end of the body.
 */
import type { Readable } from 'node:stream';
import { inspect } from 'node:util';

/** What a body is being read by: collected for `text()`/`json()`, or fed to the web stream. */
interface BodyConsumer {
  chunk(chunk: Buffer): void;
  end(): void;
  error(error: unknown): void;
}

/**
 * The body of one response: its source stream and its one consumer. `release` runs once when the
 * body is done (read to its end, failed or cancelled): it drops the caller's abort listener.
 */
export class IncomingBody {
  #done = false;
  #failure: { error: unknown } | null = null;
  #consumer: BodyConsumer | null = null;

  constructor(
    private readonly source: Readable,
    private readonly destroy: () => void,
    private readonly release: () => void,
  ) {
    // The errors are made only for a body that is not done: 'close' follows every 'end', and an
    // Error captures a stack trace.
    source.once('error', (error) => {
      if (!this.#done) this.fail(new TypeError('terminated', { cause: error }));
    });
    source.once('close', () => {
      if (!this.#done) this.fail(new TypeError('terminated', { cause: new Error('the connection closed before the end of the body') }));
    });
  }

  /** Whether a consumer has started reading (fetch's "disturbed"). */
  get used(): boolean {
    return this.#consumer !== null;
  }

  /** Starts the flow into `consumer`; a body that already failed fails it at once. */
  consume(consumer: BodyConsumer): void {
    this.#consumer = consumer;
    if (this.#failure) return consumer.error(this.#failure.error);
    if (this.#done) return consumer.end();
    this.source.on('data', (chunk: Buffer) => {
      if (!this.#done) consumer.chunk(chunk);
    });
    this.source.once('end', () => {
      if (this.#finish()) consumer.end();
    });
  }

  pause(): void {
    this.source.pause();
  }

  resume(): void {
    this.source.resume();
  }

  /** Ends the body with `error` (an abort's reason, or a broken connection), closing the connection. */
  fail(error: unknown): void {
    if (!this.#finish()) return;
    this.source.destroy();
    this.destroy();
    if (this.#consumer) this.#consumer.error(error);
    else this.#failure = { error };
  }

  /** The reader gave up: closes the connection. */
  cancel(): void {
    if (!this.#finish()) return;
    this.source.destroy();
    this.destroy();
  }

  #finish(): boolean {
    if (this.#done) return false;
    this.#done = true;
    this.release();
    return true;
  }
}

const highWaterMark = 64 * 1024;

/** A Response over an {@link IncomingBody} (null for 204, HEAD and the like). */
export class IncomingResponse implements Response {
  readonly type: Response['type'] = 'basic';
  readonly redirected = false;
  readonly ok: boolean;
  #headers: Headers | null = null;
  #stream: ReadableStream<Uint8Array> | null = null;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    private readonly rawHeaders: readonly string[],
    private readonly incoming: IncomingBody | null,
  ) {
    this.ok = status >= 200 && status <= 299;
  }

  /**
   * `headers.get(name)` for a lower-case `name`, read from the raw header lines without building
   * the `Headers` (an `append`, with its validation, per line) when nothing has asked for them.
   */
  header(name: string): string | null {
    if (this.#headers !== null) return this.#headers.get(name);
    const raw = this.rawHeaders;
    let value: string | null = null;
    for (let index = 0; index < raw.length; index += 2) {
      const line = raw[index]!;
      if (line.length !== name.length || line.toLowerCase() !== name) continue;
      const found = trimHttpWhitespace(raw[index + 1]!);
      value = value === null ? found : `${value}, ${found}`;
    }
    return value;
  }

  get headers(): Headers {
    if (this.#headers === null) {
      const headers = new Headers();
      const raw = this.rawHeaders;
      for (let index = 0; index < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
      this.#headers = headers;
    }
    return this.#headers;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.incoming === null) return null;
    this.#stream ??= this.incoming.used ? unusableStream() : webStream(this.incoming);
    return this.#stream;
  }

  get bodyUsed(): boolean {
    return this.incoming?.used ?? false;
  }

  async text(): Promise<string> {
    const text = (await this.#bytes()).toString('utf8');
    // fetch's UTF-8 decode drops a byte order mark.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.arrayBuffer());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#bytes();
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    return copy;
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.headers.get('content-type') ?? '' });
  }

  async formData(): Promise<FormData> {
    // Rare for an API client: a platform Response parses it.
    return new Response(await this.arrayBuffer(), { status: this.status, headers: this.headers }).formData();
  }

  clone(): Response {
    const body = this.body;
    if (body === null) return new Response(null, { status: this.status, statusText: this.statusText, headers: this.headers });
    const [mine, theirs] = body.tee();
    this.#stream = mine;
    return new Response(theirs, { status: this.status, statusText: this.statusText, headers: this.headers });
  }

  // The platform Response's inspect reads `body`, which would start reading this one.
  [inspect.custom](): string {
    return `Response { status: ${this.status}, statusText: ${JSON.stringify(this.statusText)}, url: ${JSON.stringify(this.url)}, bodyUsed: ${this.bodyUsed} }`;
  }

  /** The whole body as one Buffer, read straight from the Node stream (or from `body` once it exists). */
  #bytes(): Promise<Buffer> {
    if (this.#stream !== null) return new Response(this.#stream).arrayBuffer().then((bytes) => Buffer.from(bytes));
    const incoming = this.incoming;
    if (incoming === null) return Promise.resolve(Buffer.alloc(0));
    if (incoming.used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      incoming.consume({
        chunk: (chunk) => chunks.push(chunk),
        end: () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)),
        error: reject,
      });
    });
  }
}
// `instanceof Response` holds; every member above shadows the prototype's brand-checked one.
Object.setPrototypeOf(IncomingResponse.prototype, Response.prototype);
Object.defineProperty(IncomingResponse.prototype, Symbol.toStringTag, { value: 'Response' });

/** What `Headers` strips from both ends of a value (fetch's "HTTP whitespace"). */
function trimHttpWhitespace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start += 1;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isHttpWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The body as a byte ReadableStream with backpressure (the source pauses while the queue is full). */
function webStream(incoming: IncomingBody): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        incoming.consume({
          chunk(chunk) {
            controller.enqueue(chunk);
            if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
          },
          end: () => controller.close(),
          error: (error) => controller.error(error),
        });
      },
      pull() {
        incoming.resume();
      },
      cancel() {
        incoming.cancel();
      },
    },
    { highWaterMark, size: (chunk) => chunk.byteLength },
  );
}

function unusableStream(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.error(new TypeError('Body is unusable: Body has already been read'));
    },
  });
}
