/**
 * Draft chunks: the deltas of a streaming draft, stored so a late subscriber (on any replica)
 * can replay them before live ones.
 */
import type { Queryable } from './database.js';
import { recordOf, type RowOf } from './row-mapping.js';
import { DraftNotFoundError, DuplicateChunkError, SqlState, sqlStateOf } from './store-errors.js';
import type { DraftChunkRecord, DraftChunkRepository } from './types.js';

type DraftChunkRow = RowOf<DraftChunkRecord>;

/**
 * Chunks over `database`. `append` throws {@link DuplicateChunkError} for a sequence stored
 * already and {@link DraftNotFoundError} for an unknown draft. The writer owns the numbering
 * (1, 2, 3...); gaps are not checked here, because concurrent pooled writes may land out of
 * order, and a replay reads whatever is stored, in order.
 */
export function createDraftChunkRepository(database: Queryable): DraftChunkRepository {
  async function insert(chunks: readonly DraftChunkRecord[]): Promise<void> {
    if (chunks.length === 0) return;
    const first = chunks[0]!;
    const params = chunks.flatMap((chunk) => [chunk.draftId, chunk.sequence, chunk.delta, chunk.createdAt]);
    const tuples = chunks.map((_, index) => `($${index * 4 + 1}, $${index * 4 + 2}, $${index * 4 + 3}, $${index * 4 + 4})`);
    try {
      await database.query(`insert into draft_chunks (draft_id, sequence, delta, created_at) values ${tuples.join(', ')}`, params);
    } catch (error) {
      const state = sqlStateOf(error);
      if (state === SqlState.UNIQUE_VIOLATION) throw new DuplicateChunkError(first.draftId, first.sequence, error);
      if (state === SqlState.FOREIGN_KEY_VIOLATION) throw new DraftNotFoundError(first.draftId);
      throw error;
    }
  }

  return {
    append: (chunk) => insert([chunk]),
    appendMany: insert,

    async list(accountId: string, draftId: string, afterSequence = 0): Promise<DraftChunkRecord[]> {
      const rows = await database.query<DraftChunkRow>(
        `select chunk.draft_id, chunk.sequence, chunk.delta, chunk.created_at
           from draft_chunks chunk
           join drafts draft on draft.id = chunk.draft_id
          where draft.account_id = $1 and chunk.draft_id = $2 and chunk.sequence > $3
          order by chunk.sequence`,
        [accountId, draftId, afterSequence],
      );
      return rows.map(recordOf<DraftChunkRecord>);
    },
  };
}
