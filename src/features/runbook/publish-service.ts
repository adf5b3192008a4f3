/**
 * publishRunbookJob: a reviewed runbook draft goes where responders run jobs, the account's
 * Rundeck / Runbook Automation project. The job is imported
 *
 * - disabled (`executionEnabled: false`, `scheduleEnabled: false`): a person enables it in
 *   Rundeck after reading it there;
 * - under a fresh UUID (`uuidOption=remove`, `dupeOption=create`, no `id`/`uuid` sent): an
 *   import never overwrites an existing job;
 * - only with `approve: true` when the safety review requires approval (a destructive step,
 *   a step beyond the request): otherwise `BAD_USER_INPUT` on `approve`, audited as refused.
 *
 * Every attempt is audited (`runbook.publish`, with the caller and whether they approved);
 * the imported job's id travels in the audit event's target, which is where a later read of
 * the draft finds it. Publishing also records the implicit feedback "published as is".
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { actorOf, type AuditLog } from '../../guard/audit-log.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { RundeckDriver } from '../../incidents/rundeck/rundeck-driver.js';
import type { Logger } from 'pino';
import type { DraftRecord } from '../../store/types.js';
import type { Store } from '../../store/store.js';
import type { DraftFeedbackService } from '../feedback/service.js';
import { runbookOutputSchema } from './output-schema.js';
import { toRundeckJobYaml } from './rundeck-yaml.js';
import { reviewRunbook } from './safety-review.js';

/** Where a published job landed. */
/** What `publishRunbookJob` reads of its input. */
export interface PublishRunbookJobInput {
  draftId: string;
  /** Must be true for a draft that requires approval. */
  approve?: boolean | null;
}

export interface PublishedRundeckJob {
  id: string;
  project: string;
  url: string | null;
  publishedBy: string | null;
  approved: boolean;
}

export interface RunbookPublishService {
  /** Imports the draft's job into the account's Rundeck project; returns the draft. */
  run(principal: Principal, input: PublishRunbookJobInput): Promise<DraftRecord>;
  /** The latest publication of a draft, or null. */
  publishedJobOf(draft: DraftRecord): Promise<PublishedRundeckJob | null>;
}

export interface RunbookPublishDependencies {
  store: Store;
  audit?: AuditLog | null;
  feedback: DraftFeedbackService;
  logger: Logger;
  /** The account's rundeck driver, or null when none is configured. */
  rundeckFor(accountId: string): RundeckDriver | null;
}

export const publishAuditAction = 'runbook.publish';

/** The audit target of a publication: `rundeck:<project>/<job uuid>[ <url>][ approved]`. */
export function publishAuditTarget(job: { id: string; project: string; url: string | null }, approved: boolean): string {
  return `rundeck:${job.project}/${job.id}${job.url ? ` ${job.url}` : ''}${approved ? ' approved' : ''}`;
}

function parseAuditTarget(target: string | null): { id: string; project: string; url: string | null; approved: boolean } | null {
  const match = /^rundeck:([^/\s]+)\/(\S+)(?: (https?:\/\/\S+))?( approved)?$/.exec(target ?? '');
  return match ? { project: match[1]!, id: match[2]!, url: match[3] ?? null, approved: Boolean(match[4]) } : null;
}

/** The job definition as imported: disabled, unscheduled, with no UUID of ours. */
export function importableYaml(yaml: string): string {
  const jobs = parseYaml(yaml) as Record<string, unknown>[];
  return stringifyYaml(
    jobs.map(({ id: _id, uuid: _uuid, ...job }) => ({ ...job, executionEnabled: false, scheduleEnabled: false })),
    { lineWidth: 0 },
  );
}

export function createRunbookPublishService(dependencies: RunbookPublishDependencies): RunbookPublishService {
  const { store, audit, logger } = dependencies;
  // The mutation's answer knows the job at once; the audit buffer reaches the table a moment later.
  const justPublished = new WeakMap<DraftRecord, PublishedRundeckJob>();

  return {
    async run(principal, input) {
      const draftId = input.draftId.trim();
      if (!draftId) throw badInput('draftId must not be empty.', 'draftId');
      const draft = await store.drafts.get(principal.accountId, draftId);
      if (!draft) throw notFound('Draft', draftId);
      if (draft.kind !== 'RUNBOOK_JOB') throw badInput(`Draft ${draftId} is a ${draft.kind} draft; only runbook job drafts can be published to Rundeck.`, 'draftId');
      const parsed = draft.state === 'COMPLETE' && draft.output ? runbookOutputSchema.safeParse(draft.output) : null;
      if (!parsed?.success) throw badInput(`Draft ${draftId} is ${draft.state}; only a COMPLETE runbook job can be published.`, 'draftId');
      const request = typeof draft.input.description === 'string' ? draft.input.description : '';
      const review = reviewRunbook(parsed.data, request);
      const approve = input.approve ?? false;
      const record = (outcome: 'success' | 'failure' | 'refused', extra: { errorCode?: string; target?: string | null }): void =>
        audit?.record({ ...actorOf(principal), action: publishAuditAction, outcome, draftId: draft.id, feature: 'runbook', ...extra });

      if (review.requiresApproval && !approve) {
        record('refused', { errorCode: ErrorCode.BAD_USER_INPUT });
        throw badInput(`This job requires approval before it is imported (${review.approvalReasons.join(' ')}). Publish again with approve: true to approve it.`, 'approve');
      }
      const rundeck = dependencies.rundeckFor(principal.accountId);
      if (!rundeck?.project) {
        record('refused', { errorCode: ErrorCode.BAD_USER_INPUT });
        throw badInput(
          'No Rundeck project is configured for this account, so the job cannot be imported: set RUNDECK_URL, RUNDECK_API_TOKEN and RUNDECK_PROJECT (or the account\'s rundeck entry with a project in INCIDENT_SOURCES).',
          'draftId',
        );
      }
      const yaml = importableYaml(toRundeckJobYaml(parsed.data, { uuid: draft.id, request, review }));
      let imported;
      try {
        imported = await rundeck.importJob(yaml);
      } catch (error) {
        record('failure', { errorCode: error instanceof AppError ? error.code : ErrorCode.INTERNAL_SERVER_ERROR });
        throw error;
      }
      const published: PublishedRundeckJob = { id: imported.id, project: imported.project, url: imported.permalink, publishedBy: principal.userId, approved: approve && review.requiresApproval };
      record('success', { target: publishAuditTarget(published, published.approved) });
      logger.info({ draftId: draft.id, accountId: principal.accountId, rundeckJobId: imported.id, project: imported.project, approved: published.approved }, 'runbook job imported into Rundeck (disabled)');
      // Imported unedited: the draft as published is its implicit feedback.
      await dependencies.feedback.run(principal, { draftId: draft.id, rating: 'UP', publishedText: draft.text });
      justPublished.set(draft, published);
      return draft;
    },

    async publishedJobOf(draft) {
      const known = justPublished.get(draft);
      if (known) return known;
      const [event] = await store.auditEvents.list(draft.accountId, { draftId: draft.id, action: publishAuditAction, limit: 20 }).then((events) => events.filter((candidate) => candidate.outcome === 'success'));
      const target = parseAuditTarget(event?.target ?? null);
      return target && event ? { id: target.id, project: target.project, url: target.url, publishedBy: event.userId, approved: target.approved } : null;
    },
  };
}
