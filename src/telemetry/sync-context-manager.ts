/**
 * An OpenTelemetry context manager without async_hooks: `context.with(ctx, fn)` makes `ctx`
 * active while `fn` runs synchronously, and the previous context is active again when it
 * returns (or throws). Nothing follows a promise: after the first `await` inside `fn`, the
 * active context is whatever the code resumed by the event loop set, usually the root.
 *
 * Node 20's AsyncLocalStorage (the NodeSDK's default context manager) installs promise hooks
 * that run on every promise of the process (docs/stack-notes.md item 24). The service carries a
 * request's trace context explicitly instead: on the GraphQL context (`GraphQLContext.trace`),
 * in every `GenerateRequest` (`parent`), and in the request's child logger.
 */
import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';

export class SyncContextManager implements ContextManager {
  private current: Context = ROOT_CONTEXT;

  active(): Context {
    return this.current;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(context: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    const previous = this.current;
    this.current = context;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.current = previous;
    }
  }

  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const manager = this;
    const bound = function (this: unknown, ...args: unknown[]) {
      return manager.with(context, () => (target as (...a: unknown[]) => unknown).apply(this, args));
    };
    return bound as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.current = ROOT_CONTEXT;
    return this;
  }
}
