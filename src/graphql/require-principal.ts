import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { Principal } from '../guard/auth/principal.js';
import type { GraphQLContext } from './context.js';
import type { Loaders } from './loaders.js';

/** The caller and their loaders; throws the authentication error when there is none. */
export function requirePrincipal(context: GraphQLContext): { principal: Principal; loaders: Loaders } {
  if (!context.principal) throw unauthenticated(context);
  return {
    principal: context.principal,
    // Read on use: the context builds its loaders on first use (a subscription never needs them).
    get loaders() {
      if (!context.loaders) throw unauthenticated(context);
      return context.loaders;
    },
  };
}

function unauthenticated(context: GraphQLContext): AppError {
  return context.authError ?? new AppError(ErrorCode.UNAUTHENTICATED, 'Authentication required.');
}
