/**
 * With FEDERATION_AUTH_DIRECTIVES=true the subgraph SDL declares who may call what, so that a
 * gateway that enforces them (Apollo Router with a licence, Hive Gateway, Cosmo) does too:
 * every root field of Query, Mutation and Subscription, and every field this subgraph adds to
 * an entity, carries @authenticated and @requiresScopes. graphql-shield
 * (src/graphql/permissions.ts) checks the same in the subgraph, where every such field needs a
 * principal, with either setting. By default (false) the SDL carries neither directive, so that
 * @apollo/gateway loads the supergraph.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  Kind,
  print,
  visit,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';
import { loadConfig } from '../../src/config/index.js';
import { scopes } from '../../src/guard/auth/principal.js';
import { recordEvaluationsScope } from '../../src/features/feedback/evaluation-upload.js';

const rootTypeNames = new Set(['Query', 'Mutation', 'Subscription']);

type ObjectTypeNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

const isObjectType = (definition: DefinitionNode): definition is ObjectTypeNode =>
  definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION;

const directivesNamed = (node: { directives?: readonly ConstDirectiveNode[] | undefined }, name: string) =>
  (node.directives ?? []).filter((directive) => directive.name.value === name);

/** The top-level field names of @key(fields: "...") selections (nested selections skipped). */
function keyFieldNames(type: ObjectTypeNode): Set<string> {
  const names = new Set<string>();
  for (const key of directivesNamed(type, 'key')) {
    const fields = key.arguments?.find((argument) => argument.name.value === 'fields')?.value;
    if (fields?.kind !== Kind.STRING) continue;
    let depth = 0;
    for (const token of fields.value.match(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g) ?? []) {
      if (token === '{') depth += 1;
      else if (token === '}') depth -= 1;
      else if (depth === 0) names.add(token);
    }
  }
  return names;
}

interface GuardedField {
  /** "Type.field" */
  coordinate: string;
  field: FieldDefinitionNode;
}

/**
 * The fields that need a principal: every field of Query, Mutation and Subscription, and every
 * field other than the key fields of an entity (an object type with @key), whether declared in
 * a type definition or in an `extend type`.
 */
function fieldsNeedingAPrincipal(document: DocumentNode): GuardedField[] {
  const result: GuardedField[] = [];
  for (const type of document.definitions.filter(isObjectType)) {
    const typeName = type.name.value;
    const isRoot = rootTypeNames.has(typeName);
    const keys = keyFieldNames(type);
    if (!isRoot && directivesNamed(type, 'key').length === 0) continue;
    for (const field of type.fields ?? []) {
      if (!isRoot && keys.has(field.name.value)) continue;
      result.push({ coordinate: `${typeName}.${field.name.value}`, field });
    }
  }
  return result;
}

/** Coordinates of the fields needing a principal that lack @authenticated. */
function missingAuthenticated(document: DocumentNode): string[] {
  return fieldsNeedingAPrincipal(document)
    .filter(({ field }) => directivesNamed(field, 'authenticated').length === 0)
    .map(({ coordinate }) => coordinate);
}

/** The SDL with @authenticated removed from one field ("Type.field"). */
function withoutAuthenticatedOn(document: DocumentNode, coordinate: string): DocumentNode {
  const [typeName, fieldName] = coordinate.split('.');
  let typeOfField: string | null = null;
  return visit(document, {
    ObjectTypeDefinition: { enter: (node) => void (typeOfField = node.name.value), leave: () => void (typeOfField = null) },
    ObjectTypeExtension: { enter: (node) => void (typeOfField = node.name.value), leave: () => void (typeOfField = null) },
    FieldDefinition(node) {
      if (typeOfField !== typeName || node.name.value !== fieldName) return undefined;
      return { ...node, directives: (node.directives ?? []).filter((directive) => directive.name.value !== 'authenticated') };
    },
  });
}

const typeDefs = loadTypeDefs({ authDirectives: true });
const guarded = fieldsNeedingAPrincipal(typeDefs);
const coordinates = guarded.map(({ coordinate }) => coordinate);

describe('FEDERATION_AUTH_DIRECTIVES', () => {
  it('is off by default, and then the SDL neither uses nor imports the directives', () => {
    expect(loadConfig({}).federationAuthDirectives).toBe(false);
    expect(loadConfig({ FEDERATION_AUTH_DIRECTIVES: 'true' }).federationAuthDirectives).toBe(true);
    const sdl = print(loadTypeDefs());
    expect(sdl).not.toMatch(/@authenticated|@requiresScopes/);
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs.apollo.dev\/federation\/v2.7", import: \["@key", "@shareable"\]\)/);
  });

  it('with the directives off, the SDL differs only by them (same types and fields)', () => {
    const withoutDirectives = (document: DocumentNode) =>
      print(visit(document, { Directive: (node) => (['authenticated', 'requiresScopes', 'link'].includes(node.name.value) ? null : undefined) }));
    expect(withoutDirectives(loadTypeDefs())).toBe(withoutDirectives(typeDefs));
  });
});

describe('authorization directives in the subgraph SDL (FEDERATION_AUTH_DIRECTIVES=true)', () => {
  it('finds every root field of the subgraph schema and the fields we add to Incident and RunbookJob', () => {
    // The same root fields as the built subgraph schema (minus the federation fields that
    // buildSubgraphSchema adds), so no `extend type` file is missed.
    const schema = buildSubgraphSchema([{ typeDefs }]);
    const federationFields = new Set(['_service', '_entities']);
    const rootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? Object.keys(type.getFields()).filter((name) => !federationFields.has(name)).map((name) => `${type.name}.${name}`) : [],
    );
    expect(rootFields.length).toBeGreaterThanOrEqual(10);
    expect(coordinates.filter((coordinate) => rootTypeNames.has(coordinate.split('.')[0]!)).sort()).toEqual(rootFields.sort());

    expect(coordinates).toEqual(expect.arrayContaining(['Incident.aiDrafts', 'RunbookJob.automationDigests', 'Subscription.draftStream']));
    // key fields belong to the owning subgraph too: they stay unguarded
    expect(coordinates).not.toContain('Incident.id');
    expect(coordinates).not.toContain('RunbookJob.id');
  });

  it('puts @authenticated on every one of them', () => {
    expect(missingAuthenticated(typeDefs)).toEqual([]);
  });

  it('puts exactly one @requiresScopes with a single known scope on every one of them (the operator scope only beside ai:admin)', () => {
    const wrong = guarded
      .filter(({ field }) => {
        const applied = directivesNamed(field, 'requiresScopes');
        if (applied.length !== 1) return true;
        const value = applied[0]!.arguments?.find((argument) => argument.name.value === 'scopes')?.value;
        const printed = value === undefined ? '' : print(value);
        return !(scopes as readonly string[]).some((scope) => printed === `[["${scope}"]]` || (scope === 'ai:admin' && printed === `[["ai:admin", "${recordEvaluationsScope}"]]`));
      })
      .map(({ coordinate }) => coordinate);
    expect(wrong).toEqual([]);
  });

  it('keeps the directives off entity types (composition would apply them to the owning subgraph’s fields too)', () => {
    const entityTypes = typeDefs.definitions.filter(isObjectType).filter((type) => directivesNamed(type, 'key').length > 0);
    expect(entityTypes.map((type) => type.name.value)).toEqual(expect.arrayContaining(['Incident', 'RunbookJob']));
    for (const type of entityTypes) {
      expect(directivesNamed(type, 'authenticated'), type.name.value).toEqual([]);
      expect(directivesNamed(type, 'requiresScopes'), type.name.value).toEqual([]);
    }
  });

  it.each(coordinates)('reports %s when it lacks @authenticated', (coordinate) => {
    expect(missingAuthenticated(withoutAuthenticatedOn(typeDefs, coordinate))).toEqual([coordinate]);
  });
});
