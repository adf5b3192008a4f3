import { describe, expect, it } from 'vitest';
import { builtInFeatureNames } from '../../src/config/feature-names.js';
import { defaultExtractors, featureModules } from '../../src/features/feature-modules.js';
import { builtInFeatureKinds, createDraftKinds } from '../../src/store/draft-kinds.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { Kind } from 'graphql';

describe('the registered feature modules', () => {
  it('are the built-in features, each with its own name and draft kind', () => {
    expect(featureModules.map((module) => module.name).sort()).toEqual([...builtInFeatureNames].sort());
    // What a store built without the modules accepts is what the modules say.
    expect(featureModules.map(({ name, kind }) => ({ name, kind }))).toEqual(expect.arrayContaining([...builtInFeatureKinds]));
    expect(() => createDraftKinds(featureModules)).not.toThrow();
  });

  it('give the offline engine one extractor per feature', () => {
    for (const module of featureModules) expect(defaultExtractors[module.name]).toBe(module.extractor);
  });

  it('name draft types and root fields the schema has', () => {
    const document = loadTypeDefs();
    const objectTypes = new Map<string, string[]>();
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      objectTypes.set(definition.name.value, [...(objectTypes.get(definition.name.value) ?? []), ...(definition.fields ?? []).map((field) => field.name.value)]);
    }
    for (const module of featureModules) {
      expect(objectTypes.has(module.draftType), module.draftType).toBe(true);
      for (const root of ['Query', 'Mutation'] as const) {
        for (const field of Object.keys(module.rootFields[root] ?? {})) expect(objectTypes.get(root), `${root}.${field}`).toContain(field);
      }
    }
  });
});
