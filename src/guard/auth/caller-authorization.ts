/**
 * The `Authorization` header a principal came with, kept beside the principal rather than in
 * it: a principal is logged, audited and stored; the header is only forwarded to sources that
 * act with the caller's own credentials (the supergraph driver). A WeakMap keeps it out of
 * every serialization and lets it go with the principal.
 */
import type { Context } from '@opentelemetry/api';
import type { Principal } from './principal.js';
import type { SourceCaller } from '../../incidents/types.js';

const headers = new WeakMap<Principal, string>();

/** Remembers the header `principal` authenticated with (GraphQL context creation). */
export function rememberAuthorization(principal: Principal, authorization: string | null | undefined): void {
  if (authorization) headers.set(principal, authorization);
}

/** What an incident source may act with for this principal; `trace`: the request's trace context. */
export function sourceCallerOf(principal: Principal, trace?: Context): SourceCaller {
  const authorization = headers.get(principal) ?? null;
  return trace ? { authorization, trace } : { authorization };
}
