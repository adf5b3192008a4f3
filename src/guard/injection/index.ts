/**
 * Prompt-injection guard: a detector that screens untrusted text, and spotlighting helpers
 * that fence it and catch a leaked canary. See detector.ts and spotlight.ts.
 */
export { createInjectionDetector, defaultThresholds } from './detector.js';
export { createCanary, createMarker, escapeMarker, escapedMarker, fence, fenceInstruction, isMarker, leaksCanary, type RandomBytes } from './spotlight.js';
export {
  injectionSources,
  type InjectionDetector,
  type InjectionDetectorOptions,
  type InjectionSource,
  type InjectionVerdict,
  type SignalCategory,
  type SignalMatch,
} from './types.js';
