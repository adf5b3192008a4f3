/**
 * Redaction of structured data: every string in a tree of plain objects and arrays goes through
 * the redactor, except the fields that identify or date a record (ids, timestamps, states),
 * which citations and joins rely on and which hold no free text.
 */
import type { Redactor } from './redactor.js';

/** Keys whose values are identifiers, timestamps or enumerations: kept as they are. */
export const structuralKey = /^(?:id|ids|[a-z]+Id|[a-z]+Ids|at|[a-z]+At|status|state|type|kind|severity|level|urgency|priority|private|number)$/;

/**
 * A copy of `value` with every free-text string redacted. Objects other than plain ones and
 * arrays (a Date, a Map) are returned as they are; `count` receives the number of strings changed.
 */
export function redactFields<T>(value: T, redactor: Redactor, count: (changed: number) => void = () => undefined): T {
  let changed = 0;
  const walk = (node: unknown, key: string | null): unknown => {
    if (typeof node === 'string') {
      if (key !== null && structuralKey.test(key)) return node;
      const { text } = redactor(node);
      if (text !== node) changed += 1;
      return text;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, key));
    if (node !== null && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      return Object.fromEntries(Object.entries(node).map(([name, item]) => [name, walk(item, name)]));
    }
    return node;
  };
  const result = walk(value, null) as T;
  count(changed);
  return result;
}
