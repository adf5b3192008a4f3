import { describe, expect, it } from 'vitest';
import { createContext, type Services } from '../../src/graphql/context.js';
import type { Authenticator } from '../../src/guard/auth/authenticator.js';
import type { Principal } from '../../src/guard/auth/principal.js';
import { AppError } from '../../src/errors/app-error.js';
import { ErrorCode } from '../../src/errors/error-codes.js';

const principal: Principal = { accountId: 'acct', userId: 'user', scopes: new Set(['ai:read']), method: 'jwt' };
const authenticator: Authenticator = {
  async authenticate(authorization) {
    if (authorization === 'Bearer good') return principal;
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Invalid token.');
  },
};
// createLoaders only keeps the store; nothing here loads through it.
const services = { store: {} } as unknown as Services;

/** What Apollo Server does to every context before it executes an operation (ApolloServer.js `cloneObject`). */
const apolloCopy = <T extends object>(context: T): T => Object.assign(Object.create(Object.getPrototypeOf(context) as object) as T, context);

describe('createContext', () => {
  it("keeps a caller's loaders unbuilt through Apollo's copy of the context, and builds them once per copy on first use", async () => {
    const context = await createContext(services, authenticator, 'Bearer good');
    const copy = apolloCopy(context);
    // An own `loaders` getter would have been called by the copy: the copy would hold built loaders.
    expect(Object.hasOwn(copy, 'loaders')).toBe(false);
    expect(copy.principal).toBe(principal);
    expect(copy.authError).toBeNull();
    const loaders = copy.loaders!;
    expect(typeof loaders.draft.load).toBe('function');
    expect(copy.loaders).toBe(loaders);
    // Another request's copy gets loaders of its own (a DataLoader caches per request).
    expect(apolloCopy(context).loaders).not.toBe(loaders);
  });

  it('keeps the authentication error and no loaders for a caller that did not authenticate', async () => {
    const context = apolloCopy(await createContext(services, authenticator, 'Bearer bad'));
    expect(context.principal).toBeNull();
    expect(context.loaders).toBeNull();
    expect(context.authError?.code).toBe(ErrorCode.UNAUTHENTICATED);
  });
});
