/**
 * The contract of one extractor of the offline extractive engine: a pure function from a
 * request's grounding to a feature's structured output.
 */
import type { FeatureName, Grounding } from '../../types.js';

/** Builds one feature's structured output from the request's grounding, without a model. */
export interface Extractor {
  /** The feature whose output it builds. */
  readonly feature: FeatureName;
  /**
   * The output, as a JSON-serialisable value valid against the feature's output schema.
   * Deterministic: no clock, no randomness, the same grounding gives the same value.
   * Throws {@link GroundingError} when the grounding lacks what the feature needs.
   */
  extract(grounding: Grounding): unknown;
}

/** The grounding lacks what an extractor needs, so the request cannot be answered offline. */
export class GroundingError extends Error {
  readonly feature: FeatureName;

  constructor(feature: FeatureName, message: string) {
    super(message);
    this.name = 'GroundingError';
    this.feature = feature;
  }
}

export const isGroundingError = (error: unknown): error is GroundingError => error instanceof GroundingError;
