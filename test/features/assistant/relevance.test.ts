import { describe, expect, it } from 'vitest';
import { createBm25Index, questionTerms, stem, stemsOf, wordsOf } from '../../../src/features/assistant/relevance.js';

describe('relevance', () => {
  it('stems word forms to one stem', () => {
    for (const group of [['resolved', 'resolve', 'resolves'], ['caused', 'cause', 'causes'], ['failing', 'failed', 'failure', 'fails'], ['certificate', 'certificates'], ['policy', 'policies']]) {
      expect(new Set(group.map(stem)).size, group.join(',')).toBe(1);
    }
    expect(stem('pg')).toBe('pg');
    expect(stem('2025')).toBe('2025');
  });

  it('drops stop words and possessives, keeps ids and numbers apart', () => {
    expect(wordsOf("The CFO's pg-payments-01 node")).toEqual(['the', 'cfo', 'pg', 'payments', '01', 'node']);
    expect(stemsOf('What is the status of the incident?')).toEqual(['status']);
  });

  it('turns "why" and "who" into synonyms, "who" only without other content', () => {
    const why = questionTerms('Why did the certificate expire?');
    expect(why.filter((term) => !term.content).map((term) => term.stem)).toEqual(['caus', 'root', 'becaus']);
    expect(why.filter((term) => term.content && term.weight === 1).map((term) => term.word)).toEqual(['certificate', 'expire']);
    expect(questionTerms('Who is on it?').map((term) => term.stem)).toContain('assign');
    expect(questionTerms('Who fixed the pool?').map((term) => term.stem)).not.toContain('assign');
  });

  it('scores rare matching terms above common ones, and nothing for no match', () => {
    const index = createBm25Index(['payments failing payments', 'payments slot filled the volume', 'payments restarted', 'unrelated text']);
    const terms = questionTerms('Which slot filled the payments volume?');
    const scores = [0, 1, 2, 3].map((position) => index.score(terms, position).score);
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[3]).toBe(0);
    expect([...index.score(terms, 1).matchedWords].sort()).toEqual(['filled', 'payments', 'slot', 'volume']);
    expect(index.idf('slot')).toBeGreaterThan(index.idf('payment'));
    expect(index.has('unrelat')).toBe(true);
    expect(index.has('weather')).toBe(false);
  });
});
