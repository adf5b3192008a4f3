/**
 * graphql-ws awaits each frame's `send` until `ws` calls back after the write, so every frame it
 * sends for an operation (a mutation's `next` and `complete`, each stream chunk and the final
 * `complete`) is its own system call (stack-notes 32). Here `send` calls back at once, so the
 * frames graphql-ws sends in one turn of the event loop are written together when the socket is
 * uncorked after that turn's promise callbacks. A failed write is not reported to the sender:
 * `ws` destroys the socket on a write error and emits `close`, which graphql-ws handles (it
 * completes the connection's operations), as it does for a client that goes away.
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

type SendArguments = Parameters<WebSocket['send']> extends [unknown, ...infer Rest] ? Rest : never;

export function writeFramesPerTurn(websocket: WebSocket, socket: Duplex): void {
  const send = websocket.send.bind(websocket) as (data: unknown, ...rest: unknown[]) => void;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    socket.uncork();
  };
  websocket.send = ((data: Parameters<WebSocket['send']>[0], ...rest: SendArguments) => {
    const last: unknown = rest[rest.length - 1];
    const callback = typeof last === 'function' ? (last as (error?: Error) => void) : undefined;
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    send(data, ...(callback ? rest.slice(0, -1) : rest));
    callback?.();
  }) as WebSocket['send'];
}
