/** Promises raced against an AbortSignal, and abort handlers on long-lived signals. */

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const handlersBySignal = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `handler` once when `signal` aborts, until the returned function removes it. Every
 * attempt listens to the process's shutdown signal, shared by all requests in flight, and Node's
 * EventTarget walks its whole listener list on each `addEventListener` (to refuse a duplicate)
 * and `removeEventListener`: with N attempts in flight each one cost O(N). Here a signal gets one
 * EventTarget listener, and handlers come and go from a Set. Like `addEventListener`, a handler
 * added once the signal has aborted is never called. A handler that throws does not stop the
 * others; its error is rethrown as an uncaught exception, as EventTarget does.
 */
export function onAbort(signal: AbortSignal, handler: () => void): () => void {
  if (signal.aborted) return noop;
  let handlers = handlersBySignal.get(signal);
  if (!handlers) {
    const created = new Set<() => void>();
    handlers = created;
    handlersBySignal.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        handlersBySignal.delete(signal);
        for (const each of created) {
          try {
            each();
          } catch (error) {
            process.nextTick(() => {
              throw error;
            });
          }
        }
        created.clear();
      },
      { once: true },
    );
  }
  const registered = handlers;
  registered.add(handler);
  return () => {
    registered.delete(handler);
  };
}

function noop(): void {}
