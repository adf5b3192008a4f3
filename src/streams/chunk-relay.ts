/**
 * Carries draft chunks between replicas: the producer publishes each chunk once it is
 * stored; a subscriber on another replica receives the chunks that follow its subscription
 * and reads the earlier ones from the store. The producer also keeps a liveness key fresh,
 * so a subscriber can tell a slow generation from a dead producer.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DraftChunkEvent } from './types.js';

export interface ChunkRelay {
  publish(chunk: DraftChunkEvent): Promise<void>;
  /** Calls `onChunk` for every chunk published from now on; resolves once subscribed. */
  subscribe(draftId: string, onChunk: (chunk: DraftChunkEvent) => void): Promise<() => Promise<void>>;
  /** Marks this process as producing the draft, for `ttlMs`. */
  heartbeat(draftId: string, ttlMs: number): Promise<void>;
  /** The producer is gone (finished or dead). */
  release(draftId: string): Promise<void>;
  isProduced(draftId: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Redis pub/sub relay. Publishing uses the shared connection; subscriptions use one
 * dedicated connection (a subscribed Redis connection can do nothing else).
 */
export function createRedisChunkRelay(redis: Redis, prefix: string, logger: Logger): ChunkRelay {
  const subscriber = redis.duplicate();
  const listeners = new Map<string, Set<(chunk: DraftChunkEvent) => void>>();
  const channelOf = (draftId: string): string => `${prefix}:draft-chunks:${draftId}`;
  const producerKey = (draftId: string): string => `${prefix}:draft-producer:${draftId}`;
  subscriber.on('error', (error: Error) => logger.warn({ err: error }, 'redis chunk subscriber error'));
  subscriber.on('message', (channel: string, message: string) => {
    const set = listeners.get(channel);
    if (!set) return;
    let chunk: DraftChunkEvent;
    try {
      chunk = JSON.parse(message) as DraftChunkEvent;
    } catch {
      return;
    }
    for (const listener of set) listener(chunk);
  });

  return {
    async publish(chunk) {
      await redis.publish(channelOf(chunk.draftId), JSON.stringify(chunk));
    },
    async subscribe(draftId, onChunk) {
      const channel = channelOf(draftId);
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await subscriber.subscribe(channel);
      }
      set.add(onChunk);
      return async () => {
        set.delete(onChunk);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          await subscriber.unsubscribe(channel).catch(() => undefined);
        }
      };
    },
    async heartbeat(draftId, ttlMs) {
      await redis.set(producerKey(draftId), '1', 'PX', ttlMs);
    },
    async release(draftId) {
      await redis.del(producerKey(draftId));
    },
    async isProduced(draftId) {
      return (await redis.exists(producerKey(draftId))) === 1;
    },
    async close() {
      subscriber.disconnect();
    },
  };
}
