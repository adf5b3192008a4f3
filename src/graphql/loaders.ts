import DataLoader from 'dataloader';
import type { PublicationRecord } from '../store/publication-repository.js';
import type { DraftKind, DraftRecord, FeedbackRecord } from '../store/types.js';
import type { Store } from '../store/store.js';

interface ListKey {
  id: string;
  kind: DraftKind | null;
  limit: number;
}

/** Per-request loaders: every list of drafts for a batch of entities is one query. */
export interface Loaders {
  draftsByIncident: DataLoader<ListKey, DraftRecord[], string>;
  digestsByJob: DataLoader<ListKey, DraftRecord[], string>;
  draft: DataLoader<string, DraftRecord | null>;
  feedbackByDraft: DataLoader<string, FeedbackRecord[]>;
  /** The latest PUBLISHED publication of a draft, or null. */
  publicationByDraft: DataLoader<string, PublicationRecord | null>;
}

const listKey = (key: ListKey): string => `${key.kind ?? '*'}|${key.limit}|${key.id}`;

export function createLoaders(store: Store, accountId: string): Loaders {
  const groupedList =
    (list: (ids: string[], options: { kind?: DraftKind; limit: number }) => Promise<Map<string, DraftRecord[]>>) =>
    async (keys: readonly ListKey[]): Promise<DraftRecord[][]> => {
      // Keys differ only by arguments when a query asks twice with other arguments: one
      // query per distinct (kind, limit), usually exactly one.
      const groups = new Map<string, ListKey[]>();
      for (const key of keys) {
        const group = `${key.kind ?? '*'}|${key.limit}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const results = new Map<string, DraftRecord[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const found = await list(
            [...new Set(group.map((key) => key.id))],
            first.kind ? { kind: first.kind, limit: first.limit } : { limit: first.limit },
          );
          for (const key of group) results.set(listKey(key), found.get(key.id) ?? []);
        }),
      );
      return keys.map((key) => results.get(listKey(key)) ?? []);
    };

  return {
    draftsByIncident: new DataLoader(groupedList((ids, options) => store.drafts.listByIncidents(accountId, ids, options)), {
      cacheKeyFn: listKey,
    }),
    digestsByJob: new DataLoader(groupedList((ids, options) => store.drafts.listByJobs(accountId, ids, options)), {
      cacheKeyFn: listKey,
    }),
    draft: new DataLoader(async (ids) => Promise.all(ids.map((id) => store.drafts.get(accountId, id)))),
    feedbackByDraft: new DataLoader(async (ids) => Promise.all(ids.map((id) => store.feedback.listForDraft(accountId, id)))),
    publicationByDraft: new DataLoader(async (ids) =>
      Promise.all(ids.map(async (id) => (await store.publications.listForDraft(accountId, id)).find((publication) => publication.status === 'PUBLISHED') ?? null)),
    ),
  };
}
