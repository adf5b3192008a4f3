/**
 * In-process pub/sub of draft chunks with replay. The producer (a streaming generation)
 * opens a stream, appends deltas and finishes it; every chunk is numbered, kept in memory
 * while the stream is live and written to the store for late subscribers. A subscriber
 * always receives the whole sequence from 1 without gaps or duplicates, then the final chunk.
 */
import type { Logger } from 'pino';
import { notFound } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { DraftRecord } from '../store/types.js';
import type { Store } from '../store/store.js';
import type { ChunkRelay } from './chunk-relay.js';
import type { DraftChunkEvent } from './types.js';
import { withTextContract } from './text-contract.js';

interface LiveStream {
  accountId: string;
  persist: boolean;
  heartbeat: NodeJS.Timeout | null;
  chunks: DraftChunkEvent[];
  finished: boolean;
  listeners: Set<() => void>;
  /** Chunks not yet stored and relayed: those that arrive while a write runs go in the next one. */
  outbox: DraftChunkEvent[];
  draining: boolean;
  /** Store writes and relays of this stream, in order; settles when the outbox is empty. */
  writes: Promise<void>;
  /** Whether the draft's row exists (chunks reference it): the first write waits for it. */
  row: Promise<boolean>;
  /** Without a relay: the write of the outbox, due when the chunks of a while are together. */
  writeTimer: NodeJS.Timeout | null;
}

/** Most chunks stored by one statement (four parameters each, far below PostgreSQL's 65,535). */
const maxChunksPerWrite = 500;

export interface DraftStreamHubOptions {
  store: Store;
  logger: Logger;
  /** How long a finished stream stays in memory for late subscribers (ms). */
  retainFinishedMs?: number;
  /** How often a subscriber polls the store for a stream this process does not produce (ms). */
  pollIntervalMs?: number;
  /** Carries chunks between replicas (Redis); null keeps streams in this process. */
  relay?: ChunkRelay | null;
  /** How long a producer's liveness lasts without a heartbeat (ms); heartbeats come at a third of it. */
  producerTtlMs?: number;
  /**
   * Without a relay, how long the chunks of a live stream gather before one statement stores
   * them (ms; default 200). Nobody reads them sooner: subscribers here follow the stream in
   * memory, a replica without Redis polls the store every `pollIntervalMs`. A stream's last
   * chunk writes what is left at once.
   */
  storeChunksEveryMs?: number;
}

export interface DraftStreamHub {
  /**
   * `persist: false` (zero retention): chunks are relayed but never stored. `stored`: the
   * insert of the draft's row, when the stream opens before it is done (the generation starts
   * while the row is written); chunks are stored, then relayed, only once it resolves, and
   * never stored if it rejects.
   */
  open(accountId: string, draftId: string, options?: { persist?: boolean; stored?: Promise<unknown> }): void;
  append(draftId: string, delta: string): void;
  finish(draftId: string, outcome: { draft: DraftRecord } | { error: { code: string; message: string } }): void;
  subscribe(accountId: string, draftId: string, signal?: AbortSignal): AsyncGenerator<DraftChunkEvent>;
  /** Number of live subscribers (metrics). */
  subscriberCount(): number;
  /** Waits for pending chunk writes (shutdown). */
  flush(): Promise<void>;
}

export function createDraftStreamHub(options: DraftStreamHubOptions): DraftStreamHub {
  const { store, logger } = options;
  const retainFinishedMs = options.retainFinishedMs ?? 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const relay = options.relay ?? null;
  const producerTtlMs = options.producerTtlMs ?? 6_000;
  const storeChunksEveryMs = options.storeChunksEveryMs ?? 200;
  const streams = new Map<string, LiveStream>();
  let subscribers = 0;

  function push(draftId: string, stream: LiveStream, chunk: DraftChunkEvent): void {
    stream.chunks.push(chunk);
    for (const listener of stream.listeners) listener();
    if (!relay && !(stream.persist && chunk.delta.length > 0)) return;
    stream.outbox.push(chunk);
    writeSoon(draftId, stream);
  }

  /**
   * With a relay, the outbox is stored and relayed at once: subscribers elsewhere wait for it.
   * Without one, a timer gathers the chunks of `storeChunksEveryMs` into one statement (a
   * model streaming token by token would otherwise cost a statement per token or two, and a
   * short stream two or three).
   */
  function writeSoon(draftId: string, stream: LiveStream): void {
    if (stream.draining) return; // the running drain takes what came meanwhile
    if (relay) {
      stream.writes = drain(draftId, stream);
      return;
    }
    stream.writeTimer ??= setTimeout(() => writeNow(draftId, stream), storeChunksEveryMs);
  }

  /** Writes the outbox now (the stream ended, or the service shuts down). */
  function writeNow(draftId: string, stream: LiveStream): void {
    if (stream.writeTimer) clearTimeout(stream.writeTimer);
    stream.writeTimer = null;
    if (!stream.draining && stream.outbox.length > 0) stream.writes = drain(draftId, stream);
  }

  /**
   * Stores and relays the outbox, batch after batch: one statement for the chunks that came
   * while the previous batch was written (a model streams faster than a round trip). Stored
   * first, then relayed: a subscriber elsewhere that missed a relayed chunk finds it in the
   * store, because the chunk was there before anyone could receive a later one.
   */
  async function drain(draftId: string, stream: LiveStream): Promise<void> {
    stream.draining = true;
    try {
      while (stream.outbox.length > 0) {
        const batch = stream.outbox.splice(0, maxChunksPerWrite);
        const rowExists = await stream.row;
        const stored = stream.persist && rowExists ? batch.filter((chunk) => chunk.delta.length > 0) : [];
        if (stored.length > 0) {
          const createdAt = new Date().toISOString();
          await store.chunks
            .appendMany(stored.map((chunk) => ({ draftId, sequence: chunk.sequence, delta: chunk.delta, createdAt })))
            .catch((error: unknown) => logger.error({ err: error, draftId }, 'storing draft chunks failed'));
        }
        if (relay) {
          // One connection publishes in order: no need to wait for each before the next.
          await Promise.all(
            batch.map((chunk) =>
              relay.publish(chunk).catch((error: unknown) => logger.warn({ err: error, draftId }, 'relaying a draft chunk failed; other replicas read it from the store')),
            ),
          );
        }
      }
    } finally {
      stream.draining = false;
    }
  }

  /** Follows a stream produced by another replica: stored chunks, then relayed ones. */
  async function* followRelayed(relayed: ChunkRelay, accountId: string, draftId: string, signal?: AbortSignal): AsyncGenerator<DraftChunkEvent> {
    const queue: DraftChunkEvent[] = [];
    let wake: (() => void) | null = null;
    const unsubscribe = await relayed.subscribe(draftId, (chunk) => {
      queue.push(chunk);
      wake?.();
    });
    const onAbort = (): void => wake?.();
    signal?.addEventListener('abort', onAbort);
    subscribers += 1;
    try {
      const draft = await store.drafts.get(accountId, draftId);
      if (!draft) throw notFound('Draft', draftId);
      let sequence = 0;
      const fromStore = async function* (): AsyncGenerator<DraftChunkEvent> {
        for (const chunk of await store.chunks.list(accountId, draftId, sequence)) {
          sequence = chunk.sequence;
          yield { draftId, sequence, delta: chunk.delta, replace: false, done: false, draft: null, error: null };
        }
      };
      yield* fromStore();
      if (draft.state !== 'STREAMING') {
        yield finalChunk(draftId, sequence + 1, draft);
        return;
      }
      for (;;) {
        while (queue.length > 0) {
          const chunk = queue.shift()!;
          if (chunk.sequence <= sequence) continue;
          if (chunk.sequence > sequence + 1) yield* fromStore();
          sequence = chunk.sequence;
          yield chunk;
          if (chunk.done) return;
        }
        if (signal?.aborted) return;
        const timer = setTimeout(() => wake?.(), producerTtlMs);
        await new Promise<void>((resolve) => (wake = resolve));
        clearTimeout(timer);
        wake = null;
        if (queue.length > 0 || signal?.aborted) continue;
        if (await relayed.isProduced(draftId)) continue;
        // Nobody produces it any more: it finished while we looked away, or its replica died.
        yield* fromStore();
        const current = (await store.drafts.get(accountId, draftId)) ?? draft;
        if (current.state !== 'STREAMING') {
          yield finalChunk(draftId, sequence + 1, current);
          return;
        }
        const error = { code: ErrorCode.GENERATION_INTERRUPTED, message: 'The replica generating this draft stopped before finishing it; generate it again.' };
        await store.drafts.fail(accountId, draftId, error).catch(() => undefined);
        yield { draftId, sequence: sequence + 1, delta: '', replace: false, done: true, draft: null, error };
        return;
      }
    } finally {
      subscribers -= 1;
      signal?.removeEventListener('abort', onAbort);
      await unsubscribe();
    }
  }

  async function* replayFromStore(accountId: string, draftId: string, signal?: AbortSignal): AsyncGenerator<DraftChunkEvent> {
    let draft = await store.drafts.get(accountId, draftId);
    if (!draft) throw notFound('Draft', draftId);
    let sequence = 0;
    for (;;) {
      // A stream that became live here since we started polling is followed live.
      const live = streams.get(draftId);
      if (live) {
        yield* followLive(live, sequence, signal);
        return;
      }
      for (const chunk of await store.chunks.list(accountId, draftId, sequence)) {
        sequence = chunk.sequence;
        yield { draftId, sequence, delta: chunk.delta, replace: false, done: false, draft: null, error: null };
      }
      if (draft.state !== 'STREAMING') {
        yield finalChunk(draftId, sequence + 1, draft);
        return;
      }
      await sleep(pollIntervalMs, signal);
      if (signal?.aborted) return;
      draft = (await store.drafts.get(accountId, draftId)) ?? draft;
    }
  }

  async function* followLive(stream: LiveStream, afterSequence: number, signal?: AbortSignal): AsyncGenerator<DraftChunkEvent> {
    let index = stream.chunks.findIndex((chunk) => chunk.sequence > afterSequence);
    if (index < 0) index = stream.chunks.length;
    let wake: (() => void) | null = null;
    const listener = (): void => wake?.();
    stream.listeners.add(listener);
    const onAbort = (): void => wake?.();
    signal?.addEventListener('abort', onAbort);
    subscribers += 1;
    try {
      for (;;) {
        while (index < stream.chunks.length) {
          const chunk = stream.chunks[index++]!;
          yield chunk;
          if (chunk.done) return;
        }
        if (signal?.aborted) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      subscribers -= 1;
      stream.listeners.delete(listener);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    open(accountId, draftId, openOptions = {}) {
      const row = openOptions.stored ? openOptions.stored.then(() => true, () => false) : rowStored;
      const stream: LiveStream = { accountId, persist: openOptions.persist ?? true, heartbeat: null, chunks: [], finished: false, listeners: new Set(), outbox: [], draining: false, writes: Promise.resolve(), row, writeTimer: null };
      if (relay) {
        const beat = (): void => void relay.heartbeat(draftId, producerTtlMs).catch((error: unknown) => logger.warn({ err: error, draftId }, 'draft heartbeat failed'));
        beat();
        stream.heartbeat = setInterval(beat, Math.floor(producerTtlMs / 3));
        stream.heartbeat.unref();
      }
      streams.set(draftId, stream);
    },

    append(draftId, delta) {
      const stream = streams.get(draftId);
      if (!stream || stream.finished || delta.length === 0) return;
      push(draftId, stream, { draftId, sequence: stream.chunks.length + 1, delta, replace: false, done: false, draft: null, error: null });
    },

    finish(draftId, outcome) {
      const stream = streams.get(draftId);
      if (!stream || stream.finished) return;
      stream.finished = true;
      const sequence = stream.chunks.length + 1;
      push(
        draftId,
        stream,
        'draft' in outcome
          ? finalChunk(draftId, sequence, outcome.draft)
          : { draftId, sequence, delta: '', replace: false, done: true, draft: null, error: outcome.error },
      );
      if (stream.heartbeat) clearInterval(stream.heartbeat);
      writeNow(draftId, stream);
      if (relay) stream.writes = stream.writes.then(() => relay.release(draftId)).catch(() => undefined);
      setTimeout(() => streams.delete(draftId), retainFinishedMs).unref();
    },

    subscribe(accountId, draftId, signal) {
      return withTextContract(follow(accountId, draftId, signal));
    },

    subscriberCount: () => subscribers,

    async flush() {
      for (const [draftId, stream] of streams) writeNow(draftId, stream);
      await Promise.all([...streams.values()].map((stream) => stream.writes));
    },
  };

  async function* follow(accountId: string, draftId: string, signal?: AbortSignal): AsyncGenerator<DraftChunkEvent> {
    const live = streams.get(draftId);
    if (live) {
      // Same answer as for an unknown id: a draft of another account does not exist here.
      if (live.accountId !== accountId) throw notFound('Draft', draftId);
      yield* followLive(live, 0, signal);
      return;
    }
    yield* relay ? followRelayed(relay, accountId, draftId, signal) : replayFromStore(accountId, draftId, signal);
  }
}

/** The row of a stream opened without `stored`: it exists already. */
const rowStored = Promise.resolve(true);

function finalChunk(draftId: string, sequence: number, draft: DraftRecord): DraftChunkEvent {
  return {
    draftId,
    sequence,
    delta: '',
    replace: false,
    done: true,
    draft: draft.state === 'FAILED' ? null : draft,
    error: draft.state === 'FAILED' ? (draft.error ?? { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The generation failed.' }) : null,
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

