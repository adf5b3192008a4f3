/**
 * The text contract of `draftStream`: a client that appends every `delta` to the text so far
 * (or, on a chunk with `replace: true`, replaces the text so far with it) holds exactly the
 * final draft's `text` after the last chunk, for every provider.
 *
 * While a model streams, the draft is rendered from the partial answer; the final text is
 * rendered after validation and may differ (statements marked `_(unverified)_`, a repaired or
 * fallback answer, a note on withheld inputs). The last chunk therefore carries the rest of
 * the text: its missing tail appended when what was streamed is a prefix of it, else the
 * whole text with `replace: true`.
 */
import type { DraftChunkEvent } from './types.js';

/** The last chunk of a stream whose text so far is `textSoFar`, completed so the contract holds. */
export function completeLastChunk(chunk: DraftChunkEvent, textSoFar: string): DraftChunkEvent {
  if (!chunk.done || !chunk.draft) return chunk;
  const text = chunk.draft.text;
  const joined = chunk.replace ? chunk.delta : textSoFar + chunk.delta;
  if (joined === text) return chunk;
  return text.startsWith(textSoFar)
    ? { ...chunk, delta: text.slice(textSoFar.length), replace: false }
    : { ...chunk, delta: text, replace: true };
}

/**
 * Follows chunks as a client would and completes the last one. Every subscriber path (live,
 * replayed from the store, relayed from another replica) goes through here, so each gets the
 * same last chunk for the same stored deltas.
 */
export async function* withTextContract(chunks: AsyncIterable<DraftChunkEvent>): AsyncGenerator<DraftChunkEvent> {
  let text = '';
  for await (const raw of chunks) {
    // Chunks relayed by an older replica have no `replace`.
    const chunk = completeLastChunk({ ...raw, replace: raw.replace === true }, text);
    text = chunk.replace ? chunk.delta : text + chunk.delta;
    yield chunk;
  }
}
