/**
 * Draft publications: where a draft's text was sent (a PagerDuty status update, a Rundeck job
 * import, or nowhere for a sample). A publication is reserved (PENDING) before the target is
 * called, so two concurrent first publications cannot both post; it becomes PUBLISHED with
 * the target's id, or is released when the call fails.
 */
import type { Queryable } from './database.js';
import { recordOf, type RowOf } from './row-mapping.js';
import { DraftNotFoundError, SqlState, sqlStateOf } from './store-errors.js';

export type PublicationTarget = 'PAGERDUTY' | 'RUNDECK' | 'NONE';

export interface PublicationRecord {
  id: string;
  draftId: string;
  accountId: string;
  /** 0 for the first publication of the draft, then 1, 2… (forced re-publications). */
  sequence: number;
  target: PublicationTarget;
  status: 'PENDING' | 'PUBLISHED';
  /** The target's id of what was created (PagerDuty status update id); null for NONE. */
  externalId: string | null;
  publishedBy: string | null;
  publishedAt: string;
}

/** Thrown by {@link PublicationRepository.reserve} when that sequence is taken (published concurrently). */
export class PublicationTakenError extends Error {
  override name = 'PublicationTakenError';
}

export interface PublicationRepository {
  /** Reserves publication `sequence` of a draft of the account; throws {@link PublicationTakenError} when taken. */
  reserve(record: Omit<PublicationRecord, 'status' | 'externalId'>): Promise<PublicationRecord>;
  /** Marks a reservation published with the target's id. */
  complete(accountId: string, id: string, externalId: string | null, publishedAt: string): Promise<PublicationRecord>;
  /** Drops a reservation whose target call failed. */
  release(accountId: string, id: string): Promise<void>;
  /** Publications of a draft, newest first (pending ones included). */
  listForDraft(accountId: string, draftId: string): Promise<PublicationRecord[]>;
}

/** The driver may return `published_at` as a Date; the record always holds ISO text. */
type PublicationRow = RowOf<Omit<PublicationRecord, 'publishedAt'>> & { published_at: string | Date };

const columns = 'id, draft_id, account_id, sequence, target, status, external_id, published_by, published_at';

export function createPublicationRepository(database: Queryable): PublicationRepository {
  return {
    async reserve(record) {
      try {
        // The draft must be the account's, checked in the same statement (as for feedback).
        const [row] = await database.query<PublicationRow>(
          `insert into draft_publications (${columns})
           select $1::text, draft.id, draft.account_id, $4::integer, $5::text, 'PENDING', null, $6::text, $7::timestamptz
             from drafts draft
            where draft.id = $2 and draft.account_id = $3
           returning ${columns}`,
          [record.id, record.draftId, record.accountId, record.sequence, record.target, record.publishedBy, record.publishedAt],
        );
        if (row === undefined) throw new DraftNotFoundError(record.draftId);
        return toRecord(row);
      } catch (error) {
        if (sqlStateOf(error) === SqlState.UNIQUE_VIOLATION) throw new PublicationTakenError(`publication ${record.sequence} of ${record.draftId} is taken`);
        throw error;
      }
    },
    async complete(accountId, id, externalId, publishedAt) {
      const [row] = await database.query<PublicationRow>(
        `update draft_publications set status = 'PUBLISHED', external_id = $3, published_at = $4
          where account_id = $1 and id = $2
         returning ${columns}`,
        [accountId, id, externalId, publishedAt],
      );
      if (row === undefined) throw new Error(`publication ${id} vanished`);
      return toRecord(row);
    },
    async release(accountId, id) {
      await database.query(`delete from draft_publications where account_id = $1 and id = $2 and status = 'PENDING'`, [accountId, id]);
    },
    async listForDraft(accountId, draftId) {
      const rows = await database.query<PublicationRow>(
        `select ${columns} from draft_publications where account_id = $1 and draft_id = $2 order by sequence desc`,
        [accountId, draftId],
      );
      return rows.map(toRecord);
    },
  };
}

function toRecord({ published_at: publishedAt, ...row }: PublicationRow): PublicationRecord {
  return { ...recordOf<Omit<PublicationRecord, 'publishedAt'>>(row), publishedAt: (publishedAt instanceof Date ? publishedAt : new Date(publishedAt)).toISOString() };
}
