import { describe, expect, it } from 'vitest';
import { onAbort } from '../../src/llm/abort.js';

describe('onAbort', () => {
  it('calls each handler once when the signal aborts, except those removed', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    onAbort(controller.signal, () => calls.push('a'));
    const removeB = onAbort(controller.signal, () => calls.push('b'));
    onAbort(controller.signal, () => calls.push('c'));
    removeB();
    controller.abort();
    controller.abort();
    expect(calls).toEqual(['a', 'c']);
  });

  it('adds one listener to the signal however many handlers come and go', () => {
    const controller = new AbortController();
    let added = 0;
    const original = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added += 1;
      original(...args);
    }) as AbortSignal['addEventListener'];
    for (let index = 0; index < 50; index += 1) onAbort(controller.signal, () => undefined)();
    expect(added).toBe(1);
  });

  it('never calls a handler added after the abort, like addEventListener', () => {
    const controller = new AbortController();
    controller.abort();
    let called = false;
    onAbort(controller.signal, () => (called = true));
    expect(called).toBe(false);
  });

  it('calls the other handlers when one throws, and reports the error as uncaught', async () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const uncaught: unknown[] = [];
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', (error) => uncaught.push(error));
    try {
      onAbort(controller.signal, () => {
        throw new Error('boom');
      });
      onAbort(controller.signal, () => calls.push('after'));
      controller.abort();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.removeAllListeners('uncaughtException');
      for (const listener of listeners) process.on('uncaughtException', listener);
    }
    expect(calls).toEqual(['after']);
    expect(uncaught).toHaveLength(1);
    expect((uncaught[0] as Error).message).toBe('boom');
  });
});
