/**
 * Drafts kept in memory for an evaluation run. The runner generates through the real draft
 * generator (same validation, repair, fallback and rendering as the service), but an
 * evaluation's drafts are not the account's drafts: they must never show up in `aiDrafts`
 * or feedback, so they stay in this process.
 */
import { DraftNotFoundError, DraftStateError } from '../store/store-errors.js';
import type { DraftRecord, DraftRepository } from '../store/types.js';
import type { Store } from '../store/store.js';

/** An in-memory {@link DraftRepository} with the same state rules as the SQL one. */
export function createMemoryDraftRepository(now: () => Date = () => new Date()): DraftRepository {
  const drafts = new Map<string, DraftRecord>();
  const key = (accountId: string, id: string): string => `${accountId}\u0000${id}`;

  function transition(accountId: string, id: string, name: 'complete' | 'fail', change: (draft: DraftRecord) => DraftRecord): DraftRecord {
    const draft = drafts.get(key(accountId, id));
    if (!draft) throw new DraftNotFoundError(id);
    if (draft.state !== 'STREAMING') throw new DraftStateError(id, draft.state, name);
    const next = { ...change(draft), updatedAt: now().toISOString() };
    drafts.set(key(accountId, id), next);
    return structuredClone(next);
  }

  const listBy = (accountId: string, field: 'incidentId' | 'jobId', ids: readonly string[], options: { kind?: DraftRecord['kind']; limit: number }) =>
    new Map(
      ids.map((id) => [
        id,
        [...drafts.values()]
          .filter((draft) => draft.accountId === accountId && draft[field] === id && (!options.kind || draft.kind === options.kind))
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
          .slice(0, options.limit)
          .map((draft) => structuredClone(draft)),
      ]),
    );

  return {
    async insert(draft) {
      // A draft may be inserted already finished (a non-streamed generation), with its result.
      const copy = structuredClone(draft);
      const record: DraftRecord = { ...copy, output: copy.output ?? null, text: copy.text ?? '', generation: copy.generation ?? null, error: copy.error ?? null, updatedAt: copy.updatedAt ?? copy.createdAt };
      drafts.set(key(draft.accountId, draft.id), record);
      return structuredClone(record);
    },
    async complete(accountId, id, completion) {
      const { input, ...rest } = structuredClone(completion);
      return transition(accountId, id, 'complete', (draft) => ({ ...draft, state: 'COMPLETE', ...rest, ...(input !== undefined && { input }) }));
    },
    async fail(accountId, id, error, generation = null) {
      return transition(accountId, id, 'fail', (draft) => ({ ...draft, state: 'FAILED', error: { ...error }, generation: generation && { ...generation } }));
    },
    async get(accountId, id) {
      const draft = drafts.get(key(accountId, id));
      return draft ? structuredClone(draft) : null;
    },
    async listByIncidents(accountId, incidentIds, options) {
      return listBy(accountId, 'incidentId', incidentIds, options);
    },
    async listByJobs(accountId, jobIds, options) {
      return listBy(accountId, 'jobId', jobIds, options);
    },
    async failOrphans() {
      return [];
    },
  };
}

/**
 * The store the draft generator gets during an evaluation: drafts in memory, nothing else.
 * The generator reads and writes `store.drafts` only (and the stream hub `store.chunks`, for
 * streamed drafts, which evaluations never ask for), so the other repositories are absent.
 */
export function evaluationDraftStore(drafts: DraftRepository = createMemoryDraftRepository()): Store {
  const partial: Pick<Store, 'drafts'> = { drafts };
  return partial as Store;
}
