/**
 * GraphQL limits with graphql-armor: depth, aliases, cost, tokens, directives, and field
 * suggestions hidden outside development. The same validation rules run for HTTP (Apollo)
 * and WebSocket subscriptions (graphql-ws does not run Apollo's rules).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/** The limits in force; every one is a documented default (see README). */
export interface GraphQLLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
}

export const defaultGraphQLLimits: GraphQLLimits = {
  // Our deepest legitimate query (_entities > ...on Incident > aiDrafts > ...on StatusUpdateDraft
  // > summary > citations > sourceId) is 7 levels, fragments counted; 12 leaves room.
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5_000,
  maxTokens: 2_000,
  maxDirectives: 50,
};

export interface ArmorProtection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * armor reports a limit as "Syntax Error: Aliases limit of 30 exceeded, found 31." (a thrown
 * error): reported instead as a validation error that names the limit, with the limit's name
 * in `extensions.limit`.
 */
function refusal(limit: keyof GraphQLLimits, what: string, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        const refused = new GraphQLError(`${what} (max ${max}${found ? `, found ${found}` : ''}).`, {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit },
        });
        if (context) context.reportError(refused);
        else throw refused;
      },
    ],
  };
}

/** The parser's token-limit message in the same words as the other limits; null for other messages. */
export { describeTokenLimit } from '../errors/token-limit.js';

export function createArmor(limits: GraphQLLimits, development: boolean): ArmorProtection {
  const config: ConstructorParameters<typeof ApolloArmor>[0] = {
    // Inline fragments count as a level: our schema has no recursion, so nested fragments are
    // the only way to build a deep query, and they must not be free.
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: false, ...refusal('maxDepth', 'Query too deep', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...refusal('maxAliases', 'Too many aliases', limits.maxAliases) },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...refusal('maxCost', 'Query too costly', limits.maxCost) },
    // Tokens are limited by the parser itself (Apollo `parseOptions`, graphql-ws `parse`):
    // armor's plugin turns a token overflow into an HTTP 500 (STACK-NOTES item 6).
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...refusal('maxDirectives', 'Too many directives', limits.maxDirectives) },
    blockFieldSuggestion: { enabled: !development },
  };
  const protection = new ApolloArmor(config).protect();
  return {
    // armor is typed against @apollo/server's CJS declarations (STACK-NOTES item 1b).
    plugins: protection.plugins as unknown as ApolloServerPlugin[],
    validationRules: protection.validationRules as ValidationRule[],
  };
}
