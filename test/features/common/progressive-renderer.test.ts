import { describe, expect, it } from 'vitest';
import { coalescePushes, createProgressiveRenderer } from '../../../src/features/common/progressive-renderer.js';
import type { StatusUpdateOutput } from '../../../src/features/status-update/output-schema.js';
import { renderStatusUpdate } from '../../../src/features/status-update/render.js';

const output = {
  title: 'Checkout errors after database failover',
  phase: 'IDENTIFIED' as const,
  summary: { text: 'Payments fail for some customers since the primary database failed over.', citations: [] },
  impact: { text: 'About 12% of checkouts fail.', citations: [] },
  actions: [{ text: 'Reconnecting the connection pools.', citations: [] }],
  nextUpdateMinutes: 30,
} satisfies StatusUpdateOutput;

function splitEvery(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let index = 0; index < text.length; index += size) parts.push(text.slice(index, index + size));
  return parts;
}

describe('progressive renderer', () => {
  it('emits markdown deltas that join to the final rendering, whatever the JSON chunking', () => {
    const json = JSON.stringify(output);
    const final = renderStatusUpdate(output);
    for (const size of [1, 3, 7, 40, json.length]) {
      const deltas: string[] = [];
      const renderer = createProgressiveRenderer((partial) => renderStatusUpdate(partial as never), (delta) => deltas.push(delta));
      for (const part of splitEvery(json, size)) renderer.push(part);
      renderer.finish(final);
      expect(deltas.join('')).toBe(final);
      if (size < json.length) expect(deltas.length).toBeGreaterThan(3);
    }
  });

  it('only ever emits whole words before the end', () => {
    const json = JSON.stringify(output);
    const deltas: string[] = [];
    const renderer = createProgressiveRenderer((partial) => renderStatusUpdate(partial as never), (delta) => deltas.push(delta));
    for (const part of splitEvery(json, 2)) renderer.push(part);
    for (const delta of deltas) expect(/[ \n]$/.test(delta)).toBe(true);
  });

  it('stops emitting after a reset whose new text diverges, and finish does not append a mismatch', () => {
    const deltas: string[] = [];
    const renderer = createProgressiveRenderer((partial) => renderStatusUpdate(partial as never), (delta) => deltas.push(delta));
    renderer.push('{"title":"Database failover in progress now","summary":{"text":"first attempt ');
    const before = deltas.join('');
    expect(before.startsWith('## Database failover')).toBe(true);
    renderer.reset();
    renderer.push('{"title":"Another headline entirely","phase":"MONITORING"}');
    renderer.finish('## Another headline entirely\n');
    expect(deltas.join('')).toBe(before);
  });
});

describe('coalesced pushes', () => {
  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('renders at once until the first text is emitted, then the deltas of one turn of the event loop once, and the deltas still join to the final rendering', async () => {
    const json = JSON.stringify(output);
    const final = renderStatusUpdate(output);
    const parts = splitEvery(json, 7);
    // The first part that gives a whole word of the title: everything before it renders at once.
    const plainDeltas: string[] = [];
    const plain = createProgressiveRenderer((partial) => renderStatusUpdate(partial as never), (delta) => plainDeltas.push(delta));
    const firstEmitting = parts.findIndex((part) => {
      plain.push(part);
      return plainDeltas.length > 0;
    });
    let renders = 0;
    const deltas: string[] = [];
    const renderer = coalescePushes(
      createProgressiveRenderer(
        (partial) => {
          renders += 1;
          return renderStatusUpdate(partial as never);
        },
        (delta) => deltas.push(delta),
      ),
    );
    const half = Math.floor(parts.length / 2);
    expect(firstEmitting).toBeGreaterThan(0);
    expect(firstEmitting).toBeLessThan(half);
    for (const part of parts.slice(0, half)) renderer.push(part);
    expect(renders).toBe(firstEmitting + 1);
    expect(deltas.length).toBe(1);
    await nextTurn();
    expect(renders).toBe(firstEmitting + 2);
    for (const part of parts.slice(half)) renderer.push(part);
    await nextTurn();
    expect(renders).toBe(firstEmitting + 3);
    renderer.finish(final);
    expect(deltas.join('')).toBe(final);
    expect(renderer.emitted).toBe(final);
  });

  it('asks for a turn of the event loop once, with the push that emits the first text', async () => {
    const json = JSON.stringify(output);
    const deltas: string[] = [];
    const renderer = coalescePushes(createProgressiveRenderer((partial) => renderStatusUpdate(partial as never), (delta) => deltas.push(delta)));
    const held: unknown[] = [];
    for (const part of splitEvery(json, 7)) {
      const result = renderer.push(part);
      if (result !== undefined) held.push({ at: deltas.length, result });
    }
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ at: 1 });
    const { result } = held[0] as { result: Promise<void> };
    expect(result).toBeInstanceOf(Promise);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await nextTurn();
    expect(settled).toBe(true);
  });

  it('drops what is pending on reset and on finish', async () => {
    const final = renderStatusUpdate(output);
    const deltas: string[] = [];
    const renderer = coalescePushes(createProgressiveRenderer((partial) => renderStatusUpdate(partial as never), (delta) => deltas.push(delta)));
    const json = JSON.stringify(output);
    const start = json.slice(0, json.indexOf(' ', json.indexOf(' ') + 1) + 1);
    renderer.push(start);
    expect(deltas).toHaveLength(1);
    renderer.push(json.slice(start.length, 200));
    renderer.reset();
    await nextTurn();
    expect(deltas).toHaveLength(1);
    renderer.push(json.slice(0, 200));
    renderer.finish(final);
    await nextTurn();
    expect(deltas.join('')).toBe(final);
  });
});
