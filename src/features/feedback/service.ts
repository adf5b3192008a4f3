import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../errors/app-error.js';
import { actorOf, feedbackAuditTarget } from '../../guard/audit-log.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { FeedbackRating, FeedbackRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';
import { trace } from '@opentelemetry/api';
import { emitEvaluationResult, feedbackEvaluations } from './evaluation-tracking.js';
import { tracerName } from '../../llm/tracing.js';
import { retainedRatio } from './retained-ratio.js';

/** The fields of the `submitDraftFeedback` input this service reads (the GraphQL input fits it). */
export interface DraftFeedbackInput {
  draftId: string;
  rating: FeedbackRating;
  publishedText?: string | null;
  comment?: string | null;
}

/** Longest comment accepted, in characters. */
export const maxCommentLength = 2_000;
/** Longest published text accepted, in characters. */
export const maxPublishedTextLength = 50_000;

const ratings: readonly FeedbackRating[] = ['UP', 'DOWN'];

export interface DraftFeedbackService {
  /**
   * Stores a responder's verdict on a COMPLETE draft of their account and, with
   * `publishedText`, how much of the draft survived (`retainedRatio`); for a draft stored
   * under zero retention neither the published text, the comment nor the ratio is kept (the
   * rating is). The row is written before this resolves: feedback is never buffered, so it
   * is never lost. Each row belongs to a draft whose kind and generation (provider, model,
   * prompt version, variant) say what produced it, so feedback is reported per feature,
   * provider, model and prompt version by joining `draft_feedback` to `drafts`.
   */
  run(principal: Principal, input: DraftFeedbackInput): Promise<FeedbackRecord>;
}

/** Options of {@link createDraftFeedbackService} beyond the shared dependencies. */
export interface DraftFeedbackServiceOptions {
  newId?: () => string;
  now?: () => Date;
}

export function createDraftFeedbackService(dependencies: FeatureDependencies, options: DraftFeedbackServiceOptions = {}): DraftFeedbackService {
  const { store, logger } = dependencies;
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? (() => new Date());

  return {
    async run(principal, input) {
      if (!ratings.includes(input.rating)) throw badInput(`rating must be one of ${ratings.join(', ')}.`, 'rating');
      const comment = input.comment?.trim() || null;
      if (comment && comment.length > maxCommentLength) {
        throw badInput(`comment is ${comment.length} characters long; the limit is ${maxCommentLength}.`, 'comment');
      }
      const publishedText = input.publishedText?.trim() ? input.publishedText : null;
      if (publishedText && publishedText.length > maxPublishedTextLength) {
        throw badInput(`publishedText is ${publishedText.length} characters long; the limit is ${maxPublishedTextLength}.`, 'publishedText');
      }

      const draft = await store.drafts.get(principal.accountId, input.draftId);
      if (!draft) throw notFound('Draft', input.draftId);
      const feature = store.draftKinds.featureOf(draft.kind);
      if (draft.state !== 'COMPLETE') {
        throw badInput(`Draft "${draft.id}" is ${draft.state}; feedback is taken on COMPLETE drafts only.`, 'draftId');
      }

      // A zero-retention account's draft kept no text: there is nothing to compare with, and
      // the published text, mostly the draft's own words, must not be kept either; nor the
      // comment, free text that quotes the draft as often as not.
      const retained = draft.output?.retained !== false;
      const kept = retained ? publishedText : null;
      const record = await store.feedback.insert({
        id: newId(),
        draftId: draft.id,
        accountId: principal.accountId,
        userId: principal.userId,
        rating: input.rating,
        publishedText: kept,
        comment: retained ? comment : null,
        retainedRatio: kept === null ? null : retainedRatio(draft.text, kept),
        createdAt: now().toISOString(),
      });
      logger.info(
        {
          draftId: draft.id,
          feature,
          provider: draft.generation?.provider ?? null,
          model: draft.generation?.model ?? null,
          promptVersion: draft.generation?.promptVersion ?? null,
          variant: draft.generation?.variant ?? null,
          rating: record.rating,
          retainedRatio: record.retainedRatio,
        },
        'draft feedback stored',
      );
      // The audit trail says who rated which draft and how, never what they wrote: neither the
      // comment nor the published text (only whether one was given, and the share of the draft
      // it kept) leaves the feedback row.
      dependencies.audit?.record({
        ...actorOf(principal),
        action: 'draft.feedback',
        outcome: 'success',
        draftId: draft.id,
        feature,
        provider: draft.generation?.provider ?? null,
        model: draft.generation?.model ?? null,
        target: feedbackAuditTarget(record.rating, publishedText !== null, record.retainedRatio),
        at: record.createdAt,
      });
      // The signal also lands on the draft's trace as gen_ai.evaluation.result events.
      for (const result of feedbackEvaluations(draft, record, feature)) emitEvaluationResult(trace.getTracer(tracerName), result);
      return record;
    },
  };
}
