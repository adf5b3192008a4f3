import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { draftSpanContext, emitEvaluationResult, EvaluationAttribute, feedbackEvaluations, feedbackLabel } from '../../../src/features/feedback/evaluation-tracking.js';
import type { FeedbackRecord } from '../../../src/store/types.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('incident-ai');
const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

beforeEach(() => exporter.reset());
afterAll(() => provider.shutdown());

describe('emitEvaluationResult', () => {
  it('records a gen_ai.evaluation.result event in the draft trace, linked to it', () => {
    emitEvaluationResult(tracer, {
      name: 'judge.pairwise_vs_baseline',
      traceId,
      draftId: 'draft-1',
      feature: 'statusUpdate',
      scoreValue: 0.75,
      scoreLabel: 'win',
      explanation: 'A names the cause.',
      attributes: { 'incident_ai.eval.case_id': 'su-pdemo01-public' },
    });
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('evaluation judge.pairwise_vs_baseline');
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe(draftSpanContext(traceId, 'draft-1')!.spanId);
    expect(span?.links.map((link) => link.context.traceId)).toEqual([traceId]);
    expect(span?.events).toHaveLength(1);
    expect(span?.events[0]?.name).toBe('gen_ai.evaluation.result');
    expect(span?.events[0]?.attributes).toEqual({
      [EvaluationAttribute.name]: 'judge.pairwise_vs_baseline',
      [EvaluationAttribute.scoreValue]: 0.75,
      [EvaluationAttribute.scoreLabel]: 'win',
      [EvaluationAttribute.explanation]: 'A names the cause.',
      'incident_ai.draft_id': 'draft-1',
      'incident_ai.feature': 'statusUpdate',
      'incident_ai.eval.case_id': 'su-pdemo01-public',
    });
  });

  it('uses a stable parent per draft, so every verdict on a draft hangs together', () => {
    expect(draftSpanContext(traceId, 'draft-1')).toEqual(draftSpanContext(traceId, 'draft-1'));
    expect(draftSpanContext(traceId, 'draft-1')!.spanId).not.toBe(draftSpanContext(traceId, 'draft-2')!.spanId);
    expect(draftSpanContext(null, 'draft-1')).toBeNull();
    expect(draftSpanContext('00000000000000000000000000000000', 'draft-1')).toBeNull();
  });

  it('starts a root span without a trace id, and leaves out a missing score', () => {
    emitEvaluationResult(tracer, { name: 'feedback.rating', traceId: null, draftId: 'draft-2', scoreLabel: 'down' });
    const [span] = exporter.getFinishedSpans();
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.links).toEqual([]);
    expect(span?.events[0]?.attributes).toEqual({ 'gen_ai.evaluation.name': 'feedback.rating', 'gen_ai.evaluation.score.label': 'down', 'incident_ai.draft_id': 'draft-2' });
  });

  it('never throws, even with a broken tracer', () => {
    const broken = { startSpan: () => { throw new Error('exporter down'); }, startActiveSpan: () => undefined } as unknown as Parameters<typeof emitEvaluationResult>[0];
    expect(() => emitEvaluationResult(broken, { name: 'x', traceId })).not.toThrow();
  });
});

describe('feedback evaluations', () => {
  const feedback = (rating: FeedbackRecord['rating'], retainedRatio: number | null, comment: string | null = null): FeedbackRecord => ({
    id: 'fb-1',
    draftId: 'draft-1',
    accountId: 'demo',
    userId: 'u',
    rating,
    publishedText: retainedRatio === null ? null : 'text',
    comment,
    retainedRatio,
    createdAt: '2025-05-01T10:00:00Z',
  });

  it('labels a verdict with the evaluationSummary thresholds', () => {
    expect(feedbackLabel(feedback('UP', 1))).toBe('accepted');
    expect(feedbackLabel(feedback('UP', 0.6))).toBe('edited');
    expect(feedbackLabel(feedback('DOWN', 0.1))).toBe('discarded');
    expect(feedbackLabel(feedback('DOWN', null))).toBe('discarded');
    expect(feedbackLabel(feedback('UP', null))).toBe('rated_up');
  });

  it('turns a feedback into its rating and retained-ratio results, on the draft trace', () => {
    const draft = { id: 'draft-1', generation: { traceId } as { traceId: string } };
    const results = feedbackEvaluations(draft as Parameters<typeof feedbackEvaluations>[0], feedback('UP', 0.72, 'fixed the title'), 'statusUpdate');
    expect(results).toEqual([
      { traceId, draftId: 'draft-1', feature: 'statusUpdate', name: 'feedback.rating', scoreValue: 1, scoreLabel: 'up', explanation: 'fixed the title' },
      { traceId, draftId: 'draft-1', feature: 'statusUpdate', name: 'feedback.retained_ratio', scoreValue: 0.72, scoreLabel: 'edited', explanation: "The published text kept 72% of the draft's words." },
    ]);
    for (const result of results) emitEvaluationResult(tracer, result);
    expect(exporter.getFinishedSpans().map((span) => span.spanContext().traceId)).toEqual([traceId, traceId]);
  });
});
