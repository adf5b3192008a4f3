/**
 * The parser's "too many tokens" refusal, said as the limit it is (graphql-js words it as a
 * syntax error). Used where errors are masked (HTTP) and where subscriptions are parsed (graphql-ws).
 */
export function describeTokenLimit(message: string): string | null {
  const max = /more tha[nt] (\d+) tokens/.exec(message)?.[1];
  return max ? `Too many tokens in the document (max ${max}).` : null;
}
