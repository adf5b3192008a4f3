/**
 * Evaluation results as OpenTelemetry data, after the GenAI semantic conventions: each judged
 * or fed-back result is a `gen_ai.evaluation.result` span event carrying
 * `gen_ai.evaluation.name`, `gen_ai.evaluation.score.value`, `gen_ai.evaluation.score.label`
 * and `gen_ai.evaluation.explanation`.
 *
 * The draft's own spans ended long before anyone evaluates it, so the event goes on a short
 * span of its own, placed in the draft's trace (same trace id, parented to a remote span
 * context of that trace) and linked to it: a trace view shows the generation and every
 * verdict on it together. Without a trace id (tracing was off when the draft was generated)
 * the span is a root span, still findable by `incident_ai.draft_id`.
 */
import { createHash } from 'node:crypto';
import {
  ROOT_CONTEXT,
  SpanKind,
  TraceFlags,
  isValidTraceId,
  trace,
  type Attributes,
  type Context,
  type Link,
  type SpanContext,
  type Tracer,
} from '@opentelemetry/api';
import type { DraftRecord, FeedbackRecord } from '../../store/types.js';
import { acceptedAsIsRatio, discardedBelowRatio } from '../../store/eval-repository.js';
import type { FeatureName } from '../../config/feature-names.js';

/** The event name and attribute names of the GenAI evaluation conventions. */
export const EvaluationAttribute = {
  event: 'gen_ai.evaluation.result',
  name: 'gen_ai.evaluation.name',
  scoreValue: 'gen_ai.evaluation.score.value',
  scoreLabel: 'gen_ai.evaluation.score.label',
  explanation: 'gen_ai.evaluation.explanation',
  draftId: 'incident_ai.draft_id',
  feature: 'incident_ai.feature',
} as const;

/** One evaluation result of one draft. */
export interface EvaluationResult {
  /** What was evaluated, e.g. `feedback.retained_ratio`, `judge.pairwise`, `factRecall`. */
  name: string;
  /** The trace the draft was generated in (`Generation.traceId`); null when unknown. */
  traceId: string | null;
  draftId?: string | null;
  feature?: string | null;
  scoreValue?: number | null;
  /** A label for the score (`accepted`, `edited`, `discarded`, `win`, `tie`, `loss`, `pass`, `fail`). */
  scoreLabel?: string | null;
  /** Why, in a sentence or two. */
  explanation?: string | null;
  /** Extra attributes for the event. */
  attributes?: Attributes;
}

/** Longest explanation put on a span (backends truncate anyway; this keeps exports small). */
const maxExplanationLength = 1_000;

// A stable span id for the draft's place in its trace: the same draft always gets the same
// parent, so all its verdicts hang together even though that span was never exported.
function parentSpanId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex').slice(0, 16);
  return /^0+$/.test(hex) ? '0000000000000001' : hex;
}

/** The remote span context standing for the draft in its trace, or null without a valid trace id. */
export function draftSpanContext(traceId: string | null, draftId: string | null | undefined): SpanContext | null {
  if (!traceId || !isValidTraceId(traceId)) return null;
  return { traceId, spanId: parentSpanId(draftId ?? traceId), traceFlags: TraceFlags.SAMPLED, isRemote: true };
}

/**
 * Emits one `gen_ai.evaluation.result` event on the draft's trace. Never throws: tracking
 * must not fail an evaluation or a feedback submission.
 */
export function emitEvaluationResult(tracer: Tracer, result: EvaluationResult, time: Date = new Date()): void {
  try {
    const remote = draftSpanContext(result.traceId, result.draftId);
    const parent: Context = remote ? trace.setSpanContext(ROOT_CONTEXT, remote) : ROOT_CONTEXT;
    const links: Link[] = remote ? [{ context: remote }] : [];
    const common: Attributes = {
      [EvaluationAttribute.name]: result.name,
      ...(result.draftId && { [EvaluationAttribute.draftId]: result.draftId }),
      ...(result.feature && { [EvaluationAttribute.feature]: result.feature }),
    };
    const span = tracer.startSpan(`evaluation ${result.name}`, { kind: SpanKind.INTERNAL, attributes: common, links, startTime: time }, parent);
    const event: Attributes = { ...common, ...result.attributes };
    if (typeof result.scoreValue === 'number' && Number.isFinite(result.scoreValue)) event[EvaluationAttribute.scoreValue] = result.scoreValue;
    if (result.scoreLabel) event[EvaluationAttribute.scoreLabel] = result.scoreLabel;
    if (result.explanation) event[EvaluationAttribute.explanation] = result.explanation.slice(0, maxExplanationLength);
    span.addEvent(EvaluationAttribute.event, event, time);
    span.end(time);
  } catch {
    // A broken exporter or tracer must not reach the caller.
  }
}

/** The label of a feedback verdict, with the same thresholds as `evaluationSummary`. */
export function feedbackLabel(feedback: Pick<FeedbackRecord, 'rating' | 'retainedRatio'>): 'accepted' | 'edited' | 'discarded' | 'rated_up' {
  if (feedback.retainedRatio === null) return feedback.rating === 'DOWN' ? 'discarded' : 'rated_up';
  if (feedback.retainedRatio >= acceptedAsIsRatio) return 'accepted';
  return feedback.retainedRatio < discardedBelowRatio ? 'discarded' : 'edited';
}

/**
 * The evaluation results of one feedback: the responder's rating, and how much of the draft
 * they published (when they published it).
 */
export function feedbackEvaluations(draft: Pick<DraftRecord, 'id' | 'generation'>, feedback: FeedbackRecord, feature: FeatureName | undefined): EvaluationResult[] {
  const base = { traceId: draft.generation?.traceId ?? null, draftId: draft.id, feature };
  const results: EvaluationResult[] = [
    {
      ...base,
      name: 'feedback.rating',
      scoreValue: feedback.rating === 'UP' ? 1 : 0,
      scoreLabel: feedback.rating === 'UP' ? 'up' : 'down',
      explanation: feedback.comment,
    },
  ];
  if (feedback.retainedRatio !== null) {
    results.push({
      ...base,
      name: 'feedback.retained_ratio',
      scoreValue: feedback.retainedRatio,
      scoreLabel: feedbackLabel(feedback),
      explanation: `The published text kept ${Math.round(feedback.retainedRatio * 100)}% of the draft's words.`,
    });
  }
  return results;
}
