import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createValidatedDocuments } from '../../src/graphql/validated-documents.js';

describe('validated documents', () => {
  it('answers the same document instance for the same text', () => {
    const documents = createValidatedDocuments(1_000);
    const text = 'subscription { draftStream(draftId: "d1") { sequence } }';
    const document = parse(text);
    documents.remember(text, document);
    expect(documents.get(text)).toBe(document);
    expect(documents.get(`${text} `)).toBeUndefined();
  });

  it('forgets the least recently used texts past its character budget, and never keeps a text larger than it', () => {
    const a = '{ a }';
    const b = '{ b }';
    const c = '{ c }';
    const documents = createValidatedDocuments(a.length * 2);
    documents.remember(a, parse(a));
    documents.remember(b, parse(b));
    documents.get(a);
    documents.remember(c, parse(c));
    expect(documents.get(a)).toBeDefined();
    expect(documents.get(b)).toBeUndefined();
    expect(documents.get(c)).toBeDefined();
    const large = `{ ${'x '.repeat(20)}}`;
    documents.remember(large, parse(large));
    expect(documents.get(large)).toBeUndefined();
    expect(documents.get(a)).toBeDefined();
  });
});
