import { describe, expect, it } from 'vitest';
import { defaultFeatureTimeouts, featureTimeouts, longestDeadlineMs, resilienceSchema, routingSchema } from '../../src/config/llm-routing.js';

const defaults = resilienceSchema.parse({});

describe('routing file: time limits per feature', () => {
  it('has short global defaults and longer built-in ones for the features with long answers', () => {
    expect(defaults).toMatchObject({ attemptTimeoutMs: 30_000, deadlineMs: 90_000, idleTimeoutMs: 30_000, streamAttempts: false, features: {} });
    expect(featureTimeouts(defaults, 'statusUpdate')).toEqual({ attemptTimeoutMs: 30_000, deadlineMs: 90_000, idleTimeoutMs: 30_000, streamAttempts: false });
    expect(featureTimeouts(defaults, 'assistant')).toEqual(featureTimeouts(defaults, 'statusUpdate'));
    expect(featureTimeouts(defaults, 'postmortem')).toEqual({ attemptTimeoutMs: 180_000, deadlineMs: 300_000, idleTimeoutMs: 30_000, streamAttempts: true });
    expect(featureTimeouts(defaults, 'runbook')).toMatchObject({ attemptTimeoutMs: 120_000, deadlineMs: 180_000, streamAttempts: false });
    expect(featureTimeouts(defaults, 'automationDigest')).toMatchObject({ attemptTimeoutMs: 75_000, deadlineMs: 120_000 });
  });

  it("lets a feature's longest answer from a slow model (40 tokens/s) fit one attempt after the longest first-token wait", () => {
    // The features' longest answers (maxOutputTokens in src/features/*/feature.ts and the postmortem's token budget).
    const longestAnswer = { postmortem: 4_000, runbook: 3_000, automationDigest: 1_500 };
    for (const [feature, tokens] of Object.entries(longestAnswer)) {
      const limits = featureTimeouts(defaults, feature);
      expect(limits.attemptTimeoutMs, feature).toBeGreaterThanOrEqual(limits.idleTimeoutMs + (tokens / 40) * 1000);
      expect(limits.deadlineMs, feature).toBeGreaterThan(limits.attemptTimeoutMs);
    }
  });

  it('takes a field from the routing file, else the larger of the built-in entry and the global value', () => {
    const resilience = resilienceSchema.parse({ attemptTimeoutMs: 10_000, idleTimeoutMs: 5_000, features: { postmortem: { deadlineMs: 600_000 }, assistant: { streamAttempts: true, attemptTimeoutMs: 20_000 } } });
    expect(featureTimeouts(resilience, 'postmortem')).toEqual({ attemptTimeoutMs: 180_000, deadlineMs: 600_000, idleTimeoutMs: 5_000, streamAttempts: true });
    expect(featureTimeouts(resilience, 'assistant')).toEqual({ attemptTimeoutMs: 20_000, deadlineMs: 90_000, idleTimeoutMs: 5_000, streamAttempts: true });
    expect(featureTimeouts(resilience, 'statusUpdate')).toEqual({ attemptTimeoutMs: 10_000, deadlineMs: 90_000, idleTimeoutMs: 5_000, streamAttempts: false });
    // A global value raised past the built-in ones (as the README used to advise) raises them too.
    const raised = resilienceSchema.parse({ attemptTimeoutMs: 150_000, deadlineMs: 250_000 });
    expect(featureTimeouts(raised, 'runbook')).toMatchObject({ attemptTimeoutMs: 150_000, deadlineMs: 250_000 });
    expect(featureTimeouts(raised, 'postmortem')).toMatchObject({ attemptTimeoutMs: 180_000, deadlineMs: 300_000 });
    // Only the feature's own entry can shorten a built-in limit, or stop its streamed attempts.
    const own = resilienceSchema.parse({ streamAttempts: true, features: { postmortem: { attemptTimeoutMs: 1_000, streamAttempts: false } } });
    expect(featureTimeouts(own, 'postmortem')).toMatchObject({ attemptTimeoutMs: 1_000, deadlineMs: 300_000, streamAttempts: false });
    expect(featureTimeouts(own, 'runbook').streamAttempts).toBe(true);
  });

  it('reads only own entries (a feature may be called toString)', () => {
    expect(featureTimeouts(defaults, 'toString')).toEqual(featureTimeouts(defaults, 'statusUpdate'));
    expect(featureTimeouts(defaults, 'constructor').deadlineMs).toBe(90_000);
  });

  it('refuses unknown fields and non-positive limits', () => {
    expect(routingSchema.safeParse({ resilience: { features: { postmortem: { deadline: 1 } } } }).success).toBe(false);
    expect(routingSchema.safeParse({ resilience: { features: { postmortem: { idleTimeoutMs: 0 } } } }).success).toBe(false);
    expect(routingSchema.safeParse({ resilience: { idleTimeoutMs: -1 } }).success).toBe(false);
  });

  it("knows the longest deadline of any feature, for leases and sweepers", () => {
    expect(longestDeadlineMs(defaults)).toBe(Math.max(...Object.values(defaultFeatureTimeouts).map((limits) => limits.deadlineMs ?? 0)));
    expect(longestDeadlineMs(defaults)).toBe(300_000);
    expect(longestDeadlineMs(resilienceSchema.parse({ deadlineMs: 900_000 }))).toBe(900_000);
    expect(longestDeadlineMs(resilienceSchema.parse({ features: { assistant: { deadlineMs: 1_000_000 } } }))).toBe(1_000_000);
  });
});
