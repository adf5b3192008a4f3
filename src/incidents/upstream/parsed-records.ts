/**
 * The parsed record of a cache entry's text, kept while the text stays the same. A cached
 * incident is JSON text in the cache store; parsing it on every read made a new object per
 * request, so every cache keyed by the incident object (its screened copy, its redacted copy,
 * its prompt text and citation ids; see untrusted-input.ts, redacted-context.ts,
 * incident-prompt-data.ts) missed, and each draft screened and redacted every record again.
 * Handing out one object per (key, text) makes that work happen once per incident version: a
 * changed incident is a new text, parsed into a new object.
 *
 * Records are deep-frozen: they are shared between requests, and a caller that edits one fails
 * loudly instead of changing another request's data (the sample source does the same).
 */

interface Parsed {
  text: string;
  record: unknown;
}

export interface ParsedRecords {
  /** `text` parsed, the same frozen object as last time when `key`'s text is unchanged. */
  parse<Record>(key: string, text: string): Record;
  /** Drops a key's record (its entry was invalidated). */
  forget(key: string): void;
}

/** Texts longer than this are parsed each time rather than kept (a huge incident stays out of memory). */
const maxKeptTextLength = 1_000_000;

export function createParsedRecords(maxEntries = 256): ParsedRecords {
  // Insertion order is recency: the first entry is the least recently read.
  const entries = new Map<string, Parsed>();
  return {
    parse<Record>(key: string, text: string): Record {
      const known = entries.get(key);
      // `===` compares the texts (a memory store hands out the same string: a pointer compare).
      if (known !== undefined && known.text === text) {
        entries.delete(key);
        entries.set(key, known);
        return known.record as Record;
      }
      const record = deepFreeze(JSON.parse(text) as Record);
      if (text.length > maxKeptTextLength) {
        entries.delete(key);
        return record;
      }
      entries.delete(key);
      entries.set(key, { text, record });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return record;
    },
    forget(key) {
      entries.delete(key);
    },
  };
}

function deepFreeze<Value>(value: Value): Value {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
