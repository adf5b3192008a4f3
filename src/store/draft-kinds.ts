/**
 * Which feature writes which kind of draft, both ways: built from the registered feature
 * modules at composition time (`app.ts` → `createStore`), so a new feature adds no line here
 * and no migration (the drafts table has no check on `kind` since migration 008; the store
 * checks it on insert instead).
 */
import type { BuiltInFeatureName, FeatureName } from '../config/feature-names.js';
import { badInput } from '../errors/app-error.js';
import { UnknownDraftKindError } from './store-errors.js';
import type { DraftKind, DraftRepository } from './types.js';

/** A registered feature's name and the kind of the drafts it writes. */
export interface FeatureKind {
  name: FeatureName;
  kind: DraftKind;
}

/** The registered features' names and draft kinds. */
export interface DraftKinds {
  /** The registered features' names, in registration order. */
  readonly features: readonly FeatureName[];
  /** The draft kind of a registered feature; undefined for another name. */
  kindOf(feature: FeatureName): DraftKind | undefined;
  /** The feature that writes a draft kind; undefined for a kind no registered feature writes. */
  featureOf(kind: DraftKind): FeatureName | undefined;
}

/**
 * The built-in features' kinds: what a store built without the modules (tools, store tests)
 * accepts. `app.ts` always passes the registered modules.
 */
export const builtInFeatureKinds: readonly (FeatureKind & { name: BuiltInFeatureName })[] = Object.freeze([
  { name: 'statusUpdate', kind: 'STATUS_UPDATE' },
  { name: 'postmortem', kind: 'POSTMORTEM' },
  { name: 'runbook', kind: 'RUNBOOK_JOB' },
  { name: 'assistant', kind: 'ASSISTANT_ANSWER' },
  { name: 'automationDigest', kind: 'AUTOMATION_DIGEST' },
]);

/** The kind map of the given features; two features with one name or one kind are a wiring bug. */
export function createDraftKinds(features: readonly FeatureKind[]): DraftKinds {
  const kindOfFeature = new Map(features.map((feature) => [feature.name, feature.kind]));
  const featureOfKind = new Map(features.map((feature) => [feature.kind, feature.name]));
  if (kindOfFeature.size !== features.length || featureOfKind.size !== features.length) {
    throw new Error(`draft kinds: every feature needs its own name and kind (${features.map((feature) => `${feature.name}=${feature.kind}`).join(', ')})`);
  }
  return {
    features: features.map((feature) => feature.name),
    kindOf: (feature) => kindOfFeature.get(feature),
    featureOf: (kind) => featureOfKind.get(kind),
  };
}

/** The repository, refusing to insert a draft whose kind no registered feature writes. */
export function withRegisteredKinds(drafts: DraftRepository, kinds: DraftKinds): DraftRepository {
  return {
    ...drafts,
    insert(draft) {
      if (kinds.featureOf(draft.kind) === undefined) return Promise.reject(new UnknownDraftKindError(draft.kind));
      return drafts.insert(draft);
    },
  };
}

/**
 * A feature name from a request, checked against the registered ones; with its draft kind.
 * @throws AppError BAD_USER_INPUT naming the argument and the registered features.
 */
export function registeredFeature(kinds: DraftKinds, feature: string, argument = 'feature'): FeatureKind {
  const kind = kinds.kindOf(feature);
  if (kind === undefined) throw badInput(`${argument} must be one of ${kinds.features.join(', ')}.`, argument);
  return { name: feature, kind };
}
