import { randomUUID } from 'node:crypto';
import type { FeedbackRecord, GenerationRecord, LlmCallRecord, NewDraft } from '../../../src/store/types.js';

/** An id nobody else in the database uses (suites share tables within their schema). */
export const uniqueId = (prefix: string): string => `${prefix}-${randomUUID()}`;

export function newDraft(overrides: Partial<NewDraft> & Pick<NewDraft, 'accountId'>): NewDraft {
  return {
    id: uniqueId('draft'),
    userId: 'user-1',
    kind: 'STATUS_UPDATE',
    state: 'STREAMING',
    incidentId: null,
    jobId: null,
    executionId: null,
    input: { audience: 'internal', guidance: 'keep it short', nested: { list: [1, 'two', null], flag: true } },
    createdAt: '2030-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function generation(overrides: Partial<GenerationRecord> = {}): GenerationRecord {
  return {
    provider: 'openai',
    model: 'gpt-test',
    promptVersion: 'status-update@3',
    variant: 'openai:gpt-test',
    inputTokens: 1200,
    outputTokens: 340,
    costUsd: 0.00123,
    latencyMs: 2150,
    degraded: false,
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    attempts: 2,
    ...overrides,
  };
}

export function llmCall(overrides: Partial<LlmCallRecord> & Pick<LlmCallRecord, 'accountId'>): LlmCallRecord {
  return {
    id: uniqueId('call'),
    feature: 'statusUpdate',
    draftId: null,
    provider: 'openai',
    model: 'gpt-test',
    attempt: 1,
    outcome: 'success',
    errorKind: null,
    inputTokens: 100,
    outputTokens: 20,
    costUsd: 0.1,
    latencyMs: 900,
    startedAt: '2030-01-01T00:00:00.000Z',
    traceId: null,
    ...overrides,
  };
}

export function feedback(overrides: Partial<FeedbackRecord> & Pick<FeedbackRecord, 'accountId' | 'draftId'>): FeedbackRecord {
  return {
    id: uniqueId('feedback'),
    userId: 'user-1',
    rating: 'UP',
    publishedText: 'We are investigating elevated error rates.',
    comment: null,
    retainedRatio: 0.875,
    createdAt: '2030-01-01T00:05:00.000Z',
    ...overrides,
  };
}
