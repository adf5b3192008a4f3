/**
 * A V8 heap snapshot of a benchmarked process, summed by class: how many objects of each
 * constructor (closures by function name, strings, arrays...) and their shallow bytes. Two
 * summaries subtracted tell what a workload leaves on the heap (see bench/idle-subscriptions.ts
 * `--classes`).
 */
import type { InspectorSession } from './processes.js';

export type HeapClasses = Map<string, { count: number; bytes: number }>;

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export async function heapClasses(session: InspectorSession): Promise<HeapClasses> {
  const parts: string[] = [];
  const collect = (message: { method?: string; params?: unknown }): void => {
    if (message.method === 'HeapProfiler.addHeapSnapshotChunk') parts.push((message.params as { chunk: string }).chunk);
  };
  session.onEvent(collect);
  await session.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.onEvent(null);
  const snapshot = JSON.parse(parts.join('')) as Snapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const classes: HeapClasses = new Map();
  for (let offset = 0; offset < snapshot.nodes.length; offset += width) {
    const type = types[snapshot.nodes[offset + typeAt]!]!;
    const name = snapshot.strings[snapshot.nodes[offset + nameAt]!]!;
    const key = type === 'object' || type === 'closure' ? `${type} ${name}` : type === 'string' || type === 'concatenated string' || type === 'sliced string' ? 'strings' : `(${type}) ${type === 'hidden' || type === 'array' || type === 'code' ? name.slice(0, 40) : ''}`;
    const entry = classes.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snapshot.nodes[offset + sizeAt]!;
    classes.set(key, entry);
  }
  return classes;
}

/** The classes that grew most from `before` to `after`, per unit (e.g. per subscription). */
export function heapGrowth(before: HeapClasses, after: HeapClasses, units: number, top = 30): string {
  const rows = [...after.entries()]
    .map(([key, value]) => {
      const old = before.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: (value.count - old.count) / units, bytes: (value.bytes - old.bytes) / units };
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
  const total = [...after.values()].reduce((sum, value) => sum + value.bytes, 0) - [...before.values()].reduce((sum, value) => sum + value.bytes, 0);
  return [
    `shallow heap growth: ${(total / units).toFixed(0)} bytes per unit`,
    ...rows.map((row) => `${row.bytes.toFixed(0).padStart(8)} B  ${row.count.toFixed(2).padStart(7)} x  ${row.key}`),
  ].join('\n');
}
