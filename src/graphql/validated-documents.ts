/**
 * Parsed and validated operations by their text, for graphql-ws (Apollo keeps its own cache for
 * HTTP). Clients send the same few operations over and over: every subscription parsing its own
 * copy costs a document (tokens, locations, nodes) held for the subscription's whole life and a
 * validation pass on the way to the first chunk. Only valid documents are kept; graphql-js never
 * mutates a document, so one instance serves every operation with that text.
 */
import type { DocumentNode } from 'graphql';

export interface ValidatedDocuments {
  get(text: string): DocumentNode | undefined;
  /** Keeps a document that passed parsing and validation; the least recently used go past the budget. */
  remember(text: string, document: DocumentNode): void;
}

/**
 * `maxCharacters` bounds the operation texts kept, summed: a document weighs a small multiple of
 * its text, so the budget bounds the cache's memory whatever clients send.
 */
export function createValidatedDocuments(maxCharacters: number): ValidatedDocuments {
  const documents = new Map<string, DocumentNode>();
  let characters = 0;
  const forget = (text: string): void => {
    if (documents.delete(text)) characters -= text.length;
  };
  return {
    get(text) {
      const document = documents.get(text);
      if (document === undefined) return undefined;
      // Map order is insertion order: re-inserting marks it as the most recently used.
      documents.delete(text);
      documents.set(text, document);
      return document;
    },
    remember(text, document) {
      if (text.length > maxCharacters) return;
      forget(text);
      documents.set(text, document);
      characters += text.length;
      while (characters > maxCharacters) forget(documents.keys().next().value!);
    },
  };
}
