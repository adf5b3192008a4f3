/**
 * Who may call what, with graphql-shield: deny by default (fallbackRule), a rule on every
 * root field, and the entity types checked too since `_entities` reaches them directly.
 */
import { GraphQLError, type GraphQLSchema, isObjectType } from 'graphql';
import type { IMiddleware } from 'graphql-middleware';
import { allow, and, deny, rule, shield, type IRules } from 'graphql-shield';
import { ErrorCode } from '../errors/error-codes.js';
import type { Scope } from '../guard/auth/principal.js';
import type { FeatureRootFields, RootFieldAccess } from '../features/common/feature-module.js';
import { recordEvaluationsScope } from '../features/feedback/evaluation-upload.js';
import type { GraphQLContext } from './context.js';

const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, context: GraphQLContext) =>
  context.principal ? true : (context.authError?.toGraphQLError() ?? unauthenticated()),
);

const hasScope = (scope: Scope | typeof recordEvaluationsScope) =>
  rule(`has-${scope}`, { cache: 'contextual' })((_parent, _args, context: GraphQLContext) =>
    context.principal?.scopes.has(scope)
      ? true
      : new GraphQLError(`This operation needs the "${scope}" scope.`, { extensions: { code: ErrorCode.FORBIDDEN, scope } }),
  );

const canRead = and(isAuthenticated, hasScope('ai:read'));
const canWrite = and(isAuthenticated, hasScope('ai:write'));
const isAdmin = and(isAuthenticated, hasScope('ai:admin'));
// Evaluation runs are shared by every account: an account's admin alone may not write them.
const canRecordEvaluations = and(isAdmin, hasScope(recordEvaluationsScope));

function unauthenticated(): GraphQLError {
  return new GraphQLError('Authentication required.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

const queryRules = {
  _service: allow,
  _entities: isAuthenticated,
  draft: canRead,
  llmUsage: isAdmin,
  providerHealth: isAdmin,
  llmVariants: isAdmin,
  evaluationSummary: isAdmin,
  apiKeys: isAdmin,
};

// Each feature's own root fields come with its module (FeatureModule.rootFields).
const mutationRules = {
  submitDraftFeedback: canWrite,
  createApiKey: isAdmin,
  revokeApiKey: isAdmin,
  startEvaluationRun: canRecordEvaluations,
  recordEvaluationResults: canRecordEvaluations,
  finishEvaluationRun: canRecordEvaluations,
};

const otherRules: IRules = {
  Subscription: {
    draftStream: canRead,
  },
  _Service: allow,
  Incident: canRead,
  RunbookJob: canRead,
};

const ruleOfAccess: Record<RootFieldAccess, typeof canRead> = { read: canRead, write: canWrite, admin: isAdmin };

/** The rules of the root fields the features add. */
function featureRootRules(features: readonly FeatureRootFields[]): Record<'Query' | 'Mutation', Record<string, unknown>> {
  const rules: Record<'Query' | 'Mutation', Record<string, unknown>> = { Query: {}, Mutation: {} };
  for (const fields of features) {
    for (const root of ['Query', 'Mutation'] as const) {
      for (const [field, access] of Object.entries(fields[root] ?? {})) rules[root][field] = ruleOfAccess[access];
    }
  }
  return rules;
}

/**
 * The permission middleware for a schema: root fields and entities as above, plus the root
 * fields of the given features; every other object type (draft types, statements,
 * generation...) is reachable only through a checked field, so it is allowed. A root field
 * added without a rule is denied.
 *
 * Shield wraps every field of every type in an async middleware, `allow`ed ones included: for
 * them the wrapper only awaits a rule that answers true, yet turns each scalar of a response into
 * a promise. Their wrappers are dropped from the generated middleware; what is checked stays.
 */
export function permissions(schema: GraphQLSchema, features: readonly FeatureRootFields[]): IMiddleware {
  const fromFeatures = featureRootRules(features);
  const rules: Record<string, unknown> = {
    ...otherRules,
    Query: { ...fromFeatures.Query, ...queryRules },
    Mutation: { ...fromFeatures.Mutation, ...mutationRules },
  };
  const allowedWhole: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name in rules) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    rules[type.name] = allow;
    allowedWhole.push(type.name);
  }
  const generated = shield(rules as IRules, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => new GraphQLError('Not allowed.', { extensions: { code: ErrorCode.FORBIDDEN } }),
  }).generate(schema) as Record<string, unknown>;
  for (const name of allowedWhole) delete generated[name];
  return generated as IMiddleware;
}
