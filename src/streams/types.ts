import type { DraftRecord } from '../store/types.js';

/** One event of `draftStream`: a delta, or the final event with the draft or an error. */
export interface DraftChunkEvent {
  draftId: string;
  sequence: number;
  delta: string;
  /** The delta replaces the text so far instead of being appended (see `text-contract.ts`). */
  replace: boolean;
  done: boolean;
  draft: DraftRecord | null;
  error: { code: string; message: string } | null;
}
