/**
 * The contract a feature folder exports once (`features/<feature>/module.ts`): everything the
 * service needs to know about a feature, its name and draft kind included. The list in
 * `features/feature-modules.ts` is the only place a feature is registered; the extractive
 * engine's registry, the GraphQL schema and resolvers, the permissions of its root fields, the
 * draft-type map, the routing file's feature names and the store's draft kinds derive from it
 * (see docs/features.md).
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { FeatureName } from '../../config/feature-names.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { Extractor } from '../../llm/providers/extractive/extractor.js';
import type { DraftKind } from '../../store/types.js';
import type { FeatureDependencies } from './dependencies.js';
import { storedOutputReader, storedOutputSchemaOf, type Marked, type StoredOutputReader } from './stored-output.js';

/**
 * A feature's resolver map. The five built-in features type theirs as the generated
 * `Resolvers`; a feature whose SDL is its `typeDefs` has no generated types.
 */
export type FeatureResolvers = Resolvers | Readonly<Record<string, object | undefined>>;

/** Who may call a root field: any authenticated caller with `ai:read`, `ai:write` or `ai:admin`. */
export type RootFieldAccess = 'read' | 'write' | 'admin';

/** The root fields a feature adds, by root type, with who may call each. */
export interface FeatureRootFields {
  Query?: Readonly<Record<string, RootFieldAccess>>;
  Mutation?: Readonly<Record<string, RootFieldAccess>>;
}

/** What a feature's resolvers are built from. */
export interface FeatureResolverParts<Output, Service> {
  service: Service;
  readOutput: StoredOutputReader<Output>;
}

/** A registered feature, as the service sees it. */
export interface FeatureModule<Output = unknown> {
  name: FeatureName;
  kind: DraftKind;
  /** The GraphQL object type of its drafts (it implements `Draft`). */
  draftType: string;
  /** The output schema, with the citation check's `unverified` flags: what the store holds. */
  storedOutputSchema: z.ZodType<Marked<Output>>;
  /** The draft's stored output, parsed; null until COMPLETE or when no text was retained. */
  readOutput: StoredOutputReader<Output>;
  /** Its offline engine (the extractive provider). */
  extractor: Extractor;
  /** Who may call each root field its SDL adds (a root field without a rule is denied). */
  rootFields: FeatureRootFields;
  /**
   * Its SDL: the root fields, the draft type, its inputs (`schemaBeside(import.meta.url)` reads
   * the folder's `schema.graphql`, which codegen reads too). Shared SDL stays in `schema/`.
   */
  typeDefs: string;
  /** Its service and GraphQL resolvers, built once from the shared dependencies. */
  build(dependencies: FeatureDependencies): { resolvers: FeatureResolvers };
}

/** The parts a feature folder writes; {@link defineFeatureModule} derives the rest. */
export interface FeatureModuleParts<Output, Service> {
  /** The feature object (feature.ts): its name, draft kind and output schema are the module's. */
  feature: { name: FeatureName; kind: DraftKind; outputSchema: z.ZodType<Output> };
  draftType: string;
  extractor: Extractor;
  rootFields: FeatureRootFields;
  typeDefs: string;
  createService(dependencies: FeatureDependencies): Service;
  resolvers(parts: FeatureResolverParts<Output, Service>): FeatureResolvers;
}

/** A feature module from its parts: the stored-output schema and reader come from the output schema. */
export function defineFeatureModule<Output, Service>(parts: FeatureModuleParts<Output, Service>): FeatureModule<Output> {
  const { name, kind, outputSchema } = parts.feature;
  if (parts.extractor.feature !== name) throw new Error(`feature module "${name}" has the extractor of "${parts.extractor.feature}"`);
  const storedOutputSchema = storedOutputSchemaOf(outputSchema);
  const readOutput = storedOutputReader({ name, storedOutputSchema });
  return {
    name,
    kind,
    draftType: parts.draftType,
    storedOutputSchema,
    readOutput,
    extractor: parts.extractor,
    rootFields: parts.rootFields,
    typeDefs: parts.typeDefs,
    build: (dependencies) => ({ resolvers: parts.resolvers({ service: parts.createService(dependencies), readOutput }) }),
  };
}


/**
 * The SDL of the feature folder holding the calling module: its `schema.graphql`. The build
 * copies these files next to the compiled modules.
 */
export const schemaBeside = (moduleUrl: string): string => readFileSync(new URL('./schema.graphql', moduleUrl), 'utf8');
