/**
 * Prompt-injection guard: a detector that screens untrusted text, and spotlighting helpers
 * that fence it and catch a leaked canary. See detector.ts and spotlight.ts.
 */
export { createInjectionDetector, defaultThresholds } from './detector.js';
export { createCanary, createMarker, createSpotlight, escapeMarker, escapedMarker, fence, fenceInstruction, isMarker, leaksCanary, measuringSpotlight, spotlightFor, type RandomBytes, type Spotlight } from './spotlight.js';
// The detector's contract: sources, verdicts, signal categories, options.
export * from './types.js';
