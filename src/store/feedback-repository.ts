/**
 * Draft feedback: a person's rating of a draft and, when they published it, what they published.
 */
import type { Queryable } from './database.js';
import { recordOf, type RowOf } from './row-mapping.js';
import { DraftNotFoundError } from './store-errors.js';
import type { FeedbackRating, FeedbackRecord, FeedbackRepository } from './types.js';

type FeedbackRow = RowOf<FeedbackRecord>;

const feedbackColumns = 'id, draft_id, account_id, user_id, rating, published_text, comment, retained_ratio, created_at';

/** Feedback over `database`; a write must name a draft of the same account. */
export function createFeedbackRepository(database: Queryable): FeedbackRepository {
  return {
    /** Throws {@link DraftNotFoundError} when the draft is not this account's. */
    async insert(record: FeedbackRecord): Promise<FeedbackRecord> {
      // The draft must belong to the same account: checked in the same statement, so feedback
      // can never be attached to another tenant's draft. Casts: INSERT ... SELECT cannot infer
      // parameter types from the target columns.
      const [row] = await database.query<FeedbackRow>(
        `insert into draft_feedback (${feedbackColumns})
         select $1::text, draft.id, draft.account_id, $4::text, $5::text, $6::text, $7::text, $8::float8, $9::timestamptz
           from drafts draft
          where draft.id = $2 and draft.account_id = $3
         returning ${feedbackColumns}`,
        [
          record.id,
          record.draftId,
          record.accountId,
          record.userId,
          record.rating,
          record.publishedText,
          record.comment,
          record.retainedRatio,
          record.createdAt,
        ],
      );
      if (row === undefined) throw new DraftNotFoundError(record.draftId);
      return recordOf<FeedbackRecord>(row);
    },

    async listForDraft(accountId: string, draftId: string): Promise<FeedbackRecord[]> {
      const rows = await database.query<FeedbackRow>(
        `select ${feedbackColumns} from draft_feedback
          where account_id = $1 and draft_id = $2
          order by created_at, id`,
        [accountId, draftId],
      );
      return rows.map(recordOf<FeedbackRecord>);
    },
  };
}

