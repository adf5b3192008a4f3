import { describe, expect, it } from 'vitest';
import { createInsertGroup } from '../../src/store/insert-group.js';

/** A write that records its groups and settles when the test says so. */
function controlledWrite(fail: (row: string) => boolean = () => false) {
  const groups: string[][] = [];
  const pending: Array<() => void> = [];
  return {
    groups,
    async write(rows: readonly string[]): Promise<string[]> {
      groups.push([...rows]);
      await new Promise<void>((resolve) => pending.push(resolve));
      const bad = rows.find(fail);
      if (bad !== undefined) throw new Error(`cannot store ${bad}`);
      return rows.map((row) => `stored ${row}`);
    },
    /** Lets every write in flight finish, until none is left. */
    async settleAll(): Promise<void> {
      for (let turn = 0; turn < 100; turn += 1) {
        await new Promise((resolve) => setImmediate(resolve));
        const next = pending.shift();
        if (next === undefined) return;
        next();
      }
    },
  };
}

describe('createInsertGroup', () => {
  it('writes a lone row at once, and the rows that arrive meanwhile in one write after it', async () => {
    const controlled = controlledWrite();
    const group = createInsertGroup({ write: (rows: readonly string[]) => controlled.write(rows), maxRows: 10 });
    const first = group.add('a');
    expect(controlled.groups).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((row) => group.add(row));
    expect(controlled.groups).toEqual([['a']]);
    await controlled.settleAll();
    expect(await first).toBe('stored a');
    expect(await Promise.all(rest)).toEqual(['stored b', 'stored c', 'stored d']);
    expect(controlled.groups).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('writes at most maxRows rows at a time', async () => {
    const controlled = controlledWrite();
    const group = createInsertGroup({ write: (rows: readonly string[]) => controlled.write(rows), maxRows: 2 });
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((row) => group.add(row));
    await controlled.settleAll();
    expect(await Promise.all(all)).toHaveLength(6);
    expect(controlled.groups).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f']]);
  });

  it('retries a failed group row by row: only the bad row is rejected, with its own error', async () => {
    const controlled = controlledWrite((row) => row === 'bad');
    const group = createInsertGroup({ write: (rows: readonly string[]) => controlled.write(rows), maxRows: 10 });
    const first = group.add('a');
    const grouped = [group.add('b'), group.add('bad'), group.add('c')];
    const settled = Promise.allSettled([first, ...grouped]);
    await controlled.settleAll();
    const results = await settled;
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([
      'stored a',
      'stored b',
      'cannot store bad',
      'stored c',
    ]);
    expect(controlled.groups).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('keeps going after a failed lone row', async () => {
    const controlled = controlledWrite((row) => row === 'bad');
    const group = createInsertGroup({ write: (rows: readonly string[]) => controlled.write(rows), maxRows: 10 });
    const bad = group.add('bad').catch((error: Error) => error.message);
    await controlled.settleAll();
    expect(await bad).toBe('cannot store bad');
    const good = group.add('good');
    await controlled.settleAll();
    expect(await good).toBe('stored good');
  });
});
