/**
 * The security audit log: what callers report, stamped and handed to a sink (in the service,
 * a record buffer writing to the append-only `audit_events` table) so that recording never
 * waits on the database nor fails a request.
 */
import { randomUUID } from 'node:crypto';
import type { AuditAuthMethod, AuditEventRecord, AuditOutcome } from '../store/audit-repository.js';
import type { Principal } from './auth/principal.js';

/** The actions audited today; the column accepts any `<object>.<verb>`. */
export type AuditAction = 'draft.generate' | 'draft.feedback' | 'draft.publish' | 'runbook.publish' | 'apikey.create' | 'apikey.revoke' | 'evaluation.record';

/** One event as a caller reports it; the log fills in the id and the time. */
export interface AuditEvent {
  accountId: string;
  action: AuditAction;
  outcome: AuditOutcome;
  userId?: string | null;
  authMethod?: AuditAuthMethod | null;
  draftId?: string | null;
  feature?: string | null;
  provider?: string | null;
  model?: string | null;
  /** Public error code when the outcome is not `success`. */
  errorCode?: string | null;
  /** Names of the guards that fired. */
  guards?: readonly string[];
  /**
   * What the action was about when it is not a draft (an API key id); for `draft.feedback`, the
   * verdict (see {@link feedbackAuditTarget}).
   */
  target?: string | null;
  requestId?: string | null;
  traceId?: string | null;
  /** Idempotency key; default a random UUID. */
  id?: string;
  /** Default: now. */
  at?: string;
}

/** Records audit events. Must not throw nor block: the caller's work never waits on it. */
export interface AuditLog {
  record(event: AuditEvent): void;
}

/** Options of {@link createAuditLog}. */
export interface AuditLogOptions {
  /** Where stamped events go, e.g. a `RecordBuffer`; `false` means the event was dropped. */
  sink: { add(record: AuditEventRecord): boolean };
  /** Called with an event the sink could not take (it was full). */
  onDropped?: (record: AuditEventRecord) => void;
  now?: () => Date;
  newId?: () => string;
}

/** An audit log writing stamped records to `options.sink`. */
export function createAuditLog(options: AuditLogOptions): AuditLog {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  return {
    record(event) {
      const record = toAuditRecord(event, now, newId);
      if (!options.sink.add(record)) options.onDropped?.(record);
    },
  };
}

/** The actor fields of an event done by `principal`. */
export function actorOf(principal: Principal): Pick<AuditEvent, 'accountId' | 'userId' | 'authMethod'> {
  return { accountId: principal.accountId, userId: principal.userId, authMethod: principal.method };
}

/**
 * The `target` of a `draft.feedback` event: the rating, whether a published text was given and
 * the share of the draft it kept (`none` when no ratio was computed: no text, or a draft under
 * zero retention), e.g. `rating=DOWN;publishedText=yes;retainedRatio=0.8125`. Never the comment
 * nor the text itself.
 */
export function feedbackAuditTarget(rating: string, publishedTextGiven: boolean, retainedRatio: number | null): string {
  return `rating=${rating};publishedText=${publishedTextGiven ? 'yes' : 'no'};retainedRatio=${retainedRatio ?? 'none'}`;
}

/** A complete record from a reported event (also for writers that bypass the buffer, like the CLI). */
export function toAuditRecord(event: AuditEvent, now: () => Date = () => new Date(), newId: () => string = randomUUID): AuditEventRecord {
  return {
    id: event.id ?? newId(),
    at: event.at ?? now().toISOString(),
    accountId: event.accountId,
    userId: event.userId ?? null,
    authMethod: event.authMethod ?? null,
    action: event.action,
    draftId: event.draftId ?? null,
    feature: event.feature ?? null,
    provider: event.provider ?? null,
    model: event.model ?? null,
    outcome: event.outcome,
    errorCode: event.errorCode ?? null,
    guards: [...(event.guards ?? [])],
    target: event.target ?? null,
    requestId: event.requestId ?? null,
    traceId: event.traceId ?? null,
  };
}
