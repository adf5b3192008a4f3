/**
 * publishStatusUpdate: sends a responder's (edited) status update where the incident lives —
 * a PagerDuty status update, or nowhere for a sample incident — records it as the draft's
 * published text (feedback with `retainedRatio`), audits it and returns the draft.
 * A draft is published once; `force` publishes it again on purpose.
 */
import { randomUUID } from 'node:crypto';
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { actorOf, type AuditLog } from '../../guard/audit-log.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { StatusUpdateTargets } from '../../incidents/status-update-targets.js';
import { PublicationTakenError } from '../../store/publication-repository.js';
import type { DraftRecord } from '../../store/types.js';
import type { Store } from '../../store/store.js';
import type { DraftFeedbackService } from '../feedback/service.js';
import { maxPublishedTextLength } from '../feedback/service.js';

export interface PublishStatusUpdateRequest {
  draftId: string;
  text: string;
  force?: boolean | null;
}

export interface PublishStatusUpdateService {
  publish(principal: Principal, request: PublishStatusUpdateRequest): Promise<DraftRecord>;
}

export interface PublishStatusUpdateDependencies {
  store: Store;
  targets: StatusUpdateTargets;
  feedback: DraftFeedbackService;
  audit?: AuditLog | undefined;
  now?: () => Date;
  newId?: () => string;
}

const alreadyPublished = (draftId: string, publishedAt: string | null): AppError =>
  new AppError(
    ErrorCode.ALREADY_PUBLISHED,
    `Draft "${draftId}" was published already${publishedAt ? ` at ${publishedAt}` : ''}; publish with force: true to send it again.`,
    { extensions: { draftId, ...(publishedAt && { publishedAt }) } },
  );

export function createPublishStatusUpdateService(dependencies: PublishStatusUpdateDependencies): PublishStatusUpdateService {
  const { store, targets, audit } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const newId = dependencies.newId ?? randomUUID;

  return {
    async publish(principal, request) {
      const text = request.text.trim();
      if (!text) throw badInput('text is empty: write the status update to publish.', 'text');
      if (text.length > maxPublishedTextLength) throw badInput(`text is ${text.length} characters long; the limit is ${maxPublishedTextLength}.`, 'text');
      const draft = await store.drafts.get(principal.accountId, request.draftId);
      if (!draft || draft.kind !== 'STATUS_UPDATE') throw notFound('Status update draft', request.draftId);
      if (draft.state !== 'COMPLETE') throw badInput(`Draft "${draft.id}" is ${draft.state}; only COMPLETE drafts are published.`, 'draftId');
      if (!draft.incidentId) throw badInput(`Draft "${draft.id}" has no incident to publish to.`, 'draftId');

      const earlier = await store.publications.listForDraft(principal.accountId, draft.id);
      if (earlier.length > 0 && !request.force) throw alreadyPublished(draft.id, earlier[0]!.status === 'PUBLISHED' ? earlier[0]!.publishedAt : null);

      const target = await targets.targetFor(principal.accountId, draft.incidentId);
      if (!target) throw notFound('Incident', draft.incidentId);
      const from = target.target === 'PAGERDUTY' ? (principal.email ?? target.defaultFrom) : null;
      if (target.target === 'PAGERDUTY' && !from) {
        throw badInput('PagerDuty needs the email of a PagerDuty user in From: use a token with an email claim, or set PAGERDUTY_FROM_EMAIL.', 'draftId');
      }

      let reservation;
      try {
        reservation = await store.publications.reserve({
          id: newId(),
          draftId: draft.id,
          accountId: principal.accountId,
          sequence: earlier.length === 0 ? 0 : earlier[0]!.sequence + 1,
          target: target.target,
          publishedBy: principal.userId,
          publishedAt: now().toISOString(),
        });
      } catch (error) {
        if (error instanceof PublicationTakenError) throw alreadyPublished(draft.id, null);
        throw error;
      }

      let externalId: string | null = null;
      if (target.target === 'PAGERDUTY') {
        try {
          const created = await target.publish(text, from!);
          if (!created) throw notFound('Incident', draft.incidentId);
          externalId = created.id;
        } catch (error) {
          await store.publications.release(principal.accountId, reservation.id);
          audit?.record({
            ...actorOf(principal),
            action: 'draft.publish',
            outcome: 'failure',
            draftId: draft.id,
            feature: 'statusUpdate',
            errorCode: error instanceof AppError ? error.code : ErrorCode.INTERNAL_SERVER_ERROR,
            target: 'pagerduty',
          });
          throw error;
        }
      }
      const publication = await store.publications.complete(principal.accountId, reservation.id, externalId, now().toISOString());
      // What was published is the draft's implicit feedback: kept, and how much of the draft survived.
      await dependencies.feedback.run(principal, { draftId: draft.id, rating: 'UP', publishedText: text });
      audit?.record({
        ...actorOf(principal),
        action: 'draft.publish',
        outcome: 'success',
        draftId: draft.id,
        feature: 'statusUpdate',
        target: target.target === 'PAGERDUTY' ? `pagerduty:${externalId}` : 'none',
        at: publication.publishedAt,
      });
      return draft;
    },
  };
}
