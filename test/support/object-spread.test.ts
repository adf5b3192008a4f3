import { describe, expect, it } from 'vitest';
import { spreadWith } from '../../src/support/object-spread.js';

describe('spreadWith', () => {
  it('is { ...source, ...extra }: same keys, order, values, prototype', () => {
    const symbol = Symbol('s');
    const cases: [object, object][] = [
      [{ a: 1, b: 2 }, { c: 3 }],
      [{ a: 1, b: 2 }, { a: 9, c: 3 }],
      [{}, {}],
      [{ 2: 'two', 1: 'one', z: 0 }, { 0: 'zero', y: 1 }],
      [{ [symbol]: 's', a: 1 }, { b: undefined }],
      [JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object, { b: 2 }],
      [{ a: 1 }, JSON.parse('{"__proto__": null}') as object],
      [Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false }), { b: 2 }],
      [{ get lazy() { return 'read'; } }, { b: 2 }],
    ];
    for (const [source, extra] of cases) {
      const expected = { ...source, ...extra };
      const actual = spreadWith(source, extra);
      expect(Reflect.ownKeys(actual)).toEqual(Reflect.ownKeys(expected));
      for (const key of Reflect.ownKeys(expected)) expect(Object.getOwnPropertyDescriptor(actual, key)).toEqual(Object.getOwnPropertyDescriptor(expected, key));
      expect(Object.getPrototypeOf(actual)).toBe(Object.prototype);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    }
  });
});
