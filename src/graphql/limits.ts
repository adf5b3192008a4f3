/**
 * GraphQL limits with graphql-armor: depth, aliases, cost, tokens, directives, and field
 * suggestions hidden outside development. The same validation rules run for HTTP (Apollo)
 * and WebSocket subscriptions (graphql-ws does not run Apollo's rules).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';

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

export function createArmor(limits: GraphQLLimits, development: boolean): ArmorProtection {
  const config: ConstructorParameters<typeof ApolloArmor>[0] = {
    // Inline fragments count as a level: our schema has no recursion, so nested fragments are
    // the only way to build a deep query, and they must not be free.
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: false },
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    // Tokens are limited by the parser itself (Apollo `parseOptions`, graphql-ws `parse`):
    // armor's plugin turns a token overflow into an HTTP 500 (STACK-NOTES item 6).
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: !development },
  };
  const protection = new ApolloArmor(config).protect();
  return {
    // armor is typed against @apollo/server's CJS declarations (STACK-NOTES item 1b).
    plugins: protection.plugins as unknown as ApolloServerPlugin[],
    validationRules: protection.validationRules as ValidationRule[],
  };
}
