import { describe, expect, it } from 'vitest';
import { applyHeapGrowth } from '../../src/telemetry/heap-growth.js';
import { loadConfig } from '../../src/config/index.js';

describe('heap growth', () => {
  it('defaults to 100% and reads HEAP_GROWING_PERCENT', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).heapGrowingPercent).toBe(100);
    expect(loadConfig({ NODE_ENV: 'test', HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => loadConfig({ NODE_ENV: 'test', HEAP_GROWING_PERCENT: '-5' })).toThrow(/HEAP_GROWING_PERCENT/);
  });

  it('refuses a value V8 would misread, and leaves V8 alone at 0', () => {
    expect(() => applyHeapGrowth(-1)).toThrow(RangeError);
    expect(() => applyHeapGrowth(1.5)).toThrow(RangeError);
    expect(() => applyHeapGrowth(0)).not.toThrow();
  });
});
