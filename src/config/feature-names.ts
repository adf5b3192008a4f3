/**
 * Feature names, the service's vocabulary in config, usage records, metrics and the CLI. Open
 * strings here, at the bottom of the layers: which names exist is what the registered feature
 * modules say (`features/feature-modules.ts`), passed down at composition time (`app.ts`), so
 * a new feature touches no file of a lower layer. llm/types.ts re-exports them.
 */
import { z } from 'zod';

/** A feature's name (`statusUpdate`, `postmortem`...): a lowerCamelCase word. */
export type FeatureName = string;

/** The shape of a feature name, checked where a name is read from a file or a request. */
export const featureNameSchema = z.string().regex(/^[a-z][A-Za-z0-9]{0,47}$/, 'feature names are lowerCamelCase words, e.g. "statusUpdate"');

/** The five built-in features' names, for their own code (routing defaults, tests); not the registry. */
export const builtInFeatureNames = ['statusUpdate', 'postmortem', 'runbook', 'assistant', 'automationDigest'] as const;
export type BuiltInFeatureName = (typeof builtInFeatureNames)[number];
