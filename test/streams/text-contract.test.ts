import { describe, expect, it } from 'vitest';
import { completeLastChunk, withTextContract } from '../../src/streams/text-contract.js';
import type { DraftChunkEvent } from '../../src/streams/types.js';
import type { DraftRecord } from '../../src/store/types.js';

const draft = (text: string): DraftRecord => ({ id: 'd1', text, state: 'COMPLETE' }) as DraftRecord;
const chunk = (sequence: number, delta: string, last: DraftRecord | null = null): DraftChunkEvent => ({
  draftId: 'd1', sequence, delta, replace: false, done: last !== null, draft: last, error: null,
});

async function follow(chunks: DraftChunkEvent[]): Promise<{ text: string; out: DraftChunkEvent[] }> {
  const out: DraftChunkEvent[] = [];
  async function* source(): AsyncGenerator<DraftChunkEvent> { yield* chunks; }
  for await (const item of withTextContract(source())) out.push(item);
  return { text: out.reduce((text, item) => (item.replace ? item.delta : text + item.delta), ''), out };
}

describe('draftStream text contract', () => {
  it('appends the tail never streamed to the last chunk when the streamed text is a prefix', async () => {
    const { text, out } = await follow([chunk(1, 'A first '), chunk(2, 'statement.'), chunk(3, '', draft('A first statement. And a tail.'))]);
    expect(text).toBe('A first statement. And a tail.');
    expect(out[2]).toMatchObject({ delta: ' And a tail.', replace: false, done: true });
  });

  it('replaces the text so far when the final text differs inside (an unverified marker)', async () => {
    const { text, out } = await follow([chunk(1, '- Disk full.\n'), chunk(2, '- Restarted.\n'), chunk(3, '', draft('- Disk full. _(unverified)_\n- Restarted.\n'))]);
    expect(text).toBe('- Disk full. _(unverified)_\n- Restarted.\n');
    expect(out[2]).toMatchObject({ replace: true, delta: '- Disk full. _(unverified)_\n- Restarted.\n' });
  });

  it('leaves a stream that already adds up, and an error chunk, as they are', async () => {
    const exact = await follow([chunk(1, 'All '), chunk(2, 'good.'), chunk(3, '', draft('All good.'))]);
    expect(exact.out[2]).toMatchObject({ delta: '', replace: false });
    const failed: DraftChunkEvent = { ...chunk(2, ''), done: true, error: { code: 'X', message: 'y' } };
    expect(completeLastChunk(failed, 'partial')).toBe(failed);
  });
});
