/**
 * The security audit trail: who did what, when, with which model, and which guards fired.
 * Append-only twice over: this repository can only insert and list, and the database refuses
 * UPDATE, DELETE and TRUNCATE on the table (a trigger, see 003_api_keys_and_audit.sql).
 */
import type { Queryable } from './database.js';
import { batchInsertOf, insertRecordsOnce } from './batch-insert.js';
import { recordOf, type RowOf } from './row-mapping.js';

/** How an audited action ended. `refused`: a guard or a check stopped it before it ran. */
export type AuditOutcome = 'success' | 'failure' | 'refused';

/** How the actor authenticated: a token, an API key, the operator CLI, or the service itself. */
export type AuditAuthMethod = 'jwt' | 'api_key' | 'slack' | 'cli' | 'system';

/** One audit event. */
export interface AuditEventRecord {
  /** Idempotency key: an event written twice is stored once. */
  id: string;
  /** When the action happened (ISO-8601). */
  at: string;
  accountId: string;
  /** The principal's user id (`apikey:<keyId>` for API keys, `cli:<os user>` for the CLI). */
  userId: string | null;
  authMethod: AuditAuthMethod | null;
  /** `<object>.<verb>`: `draft.generate`, `draft.feedback`, `apikey.create`, `apikey.revoke`. */
  action: string;
  draftId: string | null;
  /** Feature name (`statusUpdate`...) for draft actions. */
  feature: string | null;
  /** Provider and model that answered (the last one, after fallbacks). */
  provider: string | null;
  model: string | null;
  outcome: AuditOutcome;
  /** The public error code when the outcome is not `success`. */
  errorCode: string | null;
  /** Names of the guards that fired (e.g. `citations_unverified`, `injection_blocked`). */
  guards: string[];
  /** What the action was about when it is not a draft (an API key id). */
  target: string | null;
  requestId: string | null;
  traceId: string | null;
}

/** Filters of {@link AuditEventRepository.list}. */
export interface AuditListOptions {
  draftId?: string;
  action?: string;
  /** Only events strictly before this instant (paging backwards). */
  before?: string;
  /** At most this many, newest first. Default 100, at most 1000. */
  limit?: number;
}

export interface AuditEventRepository {
  /** Appends a batch; events whose id exists already are skipped (idempotent). */
  insertMany(events: readonly AuditEventRecord[]): Promise<void>;
  /** The account's events, newest first. */
  list(accountId: string, options?: AuditListOptions): Promise<AuditEventRecord[]>;
}

type AuditEventRow = RowOf<AuditEventRecord>;

// Column -> SQL type (see batch-insert.ts).
const columnTypes = {
  id: 'text',
  at: 'timestamptz',
  account_id: 'text',
  user_id: 'text',
  auth_method: 'text',
  action: 'text',
  draft_id: 'text',
  feature: 'text',
  provider: 'text',
  model: 'text',
  outcome: 'text',
  error_code: 'text',
  guards: 'jsonb',
  target: 'text',
  request_id: 'text',
  trace_id: 'text',
} as const satisfies Readonly<Record<keyof AuditEventRow, string>>;

const columns = Object.keys(columnTypes) as (keyof AuditEventRow)[];
const insertEvents = batchInsertOf('audit_events', columnTypes);

/** Audit events over `database`; reads are scoped by account. */
export function createAuditEventRepository(database: Queryable): AuditEventRepository {
  return {
    async insertMany(events: readonly AuditEventRecord[]): Promise<void> {
      await insertRecordsOnce(database, insertEvents, events);
    },

    async list(accountId: string, options: AuditListOptions = {}): Promise<AuditEventRecord[]> {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 100), 0), 1000);
      const rows = await database.query<AuditEventRow>(
        `select ${columns.join(', ')} from audit_events
          where account_id = $1
            and ($2::text is null or draft_id = $2::text)
            and ($3::text is null or action = $3::text)
            and ($4::timestamptz is null or at < $4::timestamptz)
          order by at desc, id desc
          limit $5`,
        [accountId, options.draftId ?? null, options.action ?? null, options.before ?? null, limit],
      );
      return rows.map(recordOf<AuditEventRecord>);
    },
  };
}

