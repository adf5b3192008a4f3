/**
 * How the hub writes a live stream's chunks: the chunks that arrive while a write runs are
 * stored together by the next statement, each batch is stored before it is relayed, and
 * subscribers in this process get every chunk at once, before any write.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import type { DraftChunkRecord } from '../../src/store/types.js';
import type { ChunkRelay } from '../../src/streams/chunk-relay.js';
import { createDraftStreamHub } from '../../src/streams/draft-stream-hub.js';

function recordingParts(): { store: Store; relay: ChunkRelay; events: string[]; release(): void } {
  const events: string[] = [];
  let release: () => void = () => undefined;
  const chunks = {
    async appendMany(records: readonly DraftChunkRecord[]) {
      events.push(`store ${records.map((record) => record.sequence).join(',')}`);
      // The first write waits for the test, as a round trip would.
      if (events.length === 1) await new Promise<void>((resolve) => (release = resolve));
    },
  };
  const relay = {
    async publish(chunk: { sequence: number }) {
      events.push(`relay ${chunk.sequence}`);
    },
    heartbeat: async () => undefined,
    release: async () => undefined,
  };
  return { store: { chunks } as unknown as Store, relay: relay as unknown as ChunkRelay, events, release: () => release() };
}

describe('the draft stream hub writing a live stream', () => {
  it('stores the chunks that came during a write in one statement, and relays each batch after storing it', async () => {
    const parts = recordingParts();
    const hub = createDraftStreamHub({ store: parts.store, logger: pino({ level: 'silent' }), relay: parts.relay });
    hub.open('account', 'draft-1');
    const received: number[] = [];
    const subscription = (async () => {
      for await (const chunk of hub.subscribe('account', 'draft-1')) {
        received.push(chunk.sequence);
        if (chunk.sequence === 4) break;
      }
    })();
    for (const delta of ['a', 'b', 'c', 'd']) hub.append('draft-1', delta);
    await subscription;

    expect(received).toEqual([1, 2, 3, 4]);
    expect(parts.events).toEqual(['store 1']);
    parts.release();
    await hub.flush();
    expect(parts.events).toEqual(['store 1', 'relay 1', 'store 2,3,4', 'relay 2', 'relay 3', 'relay 4']);
  });

  it('without a relay, stores the chunks of a while in one statement, and what is left when the stream ends', async () => {
    const writes: number[][] = [];
    const store = { chunks: { appendMany: async (records: readonly DraftChunkRecord[]) => void writes.push(records.map((record) => record.sequence)) } } as unknown as Store;
    const hub = createDraftStreamHub({ store, logger: pino({ level: 'silent' }), storeChunksEveryMs: 50 });
    hub.open('account', 'draft-1');
    for (const delta of ['a', 'b', 'c']) hub.append('draft-1', delta);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(writes).toEqual([[1, 2, 3]]);
    hub.append('draft-1', 'd');
    hub.finish('draft-1', { error: { code: 'X', message: 'x' } });
    await hub.flush();
    expect(writes).toEqual([[1, 2, 3], [4]]);

    hub.open('account', 'draft-2');
    hub.append('draft-2', 'e');
    await hub.flush();
    expect(writes).toEqual([[1, 2, 3], [4], [1]]);
  });

  it('stores no chunk before the draft row is inserted, and none when its insert fails', async () => {
    const writes: string[] = [];
    const store = { chunks: { appendMany: async (records: readonly DraftChunkRecord[]) => void writes.push(...records.map((record) => `${record.draftId} ${record.sequence}`)) } } as unknown as Store;
    const hub = createDraftStreamHub({ store, logger: pino({ level: 'silent' }), storeChunksEveryMs: 0 });
    let insert!: () => void;
    hub.open('account', 'stored', { stored: new Promise<void>((resolve) => (insert = resolve)) });
    const failing = Promise.reject(new Error('insert failed'));
    hub.open('account', 'lost', { stored: failing });
    hub.append('stored', 'a');
    hub.append('lost', 'b');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes).toEqual([]);
    insert();
    hub.finish('stored', { error: { code: 'X', message: 'x' } });
    hub.finish('lost', { error: { code: 'X', message: 'x' } });
    await hub.flush();
    expect(writes).toEqual(['stored 1']);
  });
});
