import { buildSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from 'vitest';
import { permissions } from '../../src/graphql/permissions.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { featureModules } from '../../src/features/feature-modules.js';

describe('permissions middleware', () => {
  const schema = buildSubgraphSchema([{ typeDefs: loadTypeDefs({ authDirectives: false }) }]);
  const middleware = permissions(schema, featureModules.map((module) => module.rootFields)) as Record<string, Record<string, unknown>>;

  it('checks every root field and the entity types', () => {
    for (const root of ['Query', 'Mutation', 'Subscription', 'Incident', 'RunbookJob']) expect(Object.keys(middleware[root] ?? {})).not.toHaveLength(0);
    expect(middleware.Mutation).toHaveProperty('draftStatusUpdate');
  });

  it('wraps no field of a type that is allowed whole (its scalars stay plain values, not promises)', () => {
    for (const name of ['StatusUpdateDraft', 'Generation', 'Statement']) {
      expect(schema.getType(name)).toBeDefined();
      expect(middleware).not.toHaveProperty(name);
    }
  });
});
