import { describe, expect, it } from 'vitest';
import { citationTally } from '../../../src/eval/metrics/citation-validity.js';
import { describeFact, factRecall } from '../../../src/eval/metrics/fact-recall.js';
import { forbiddenPhrasesIn, nonPublicContentIn, peopleOf } from '../../../src/eval/metrics/forbidden-content.js';
import { containsPhrase, normalizeText, quoteKeys, stringsOf } from '../../../src/eval/metrics/normalize.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';

describe('normalizeText / containsPhrase', () => {
  it('ignores case, accents, quotes, dashes and punctuation between tokens', () => {
    expect(normalizeText('Chloé’s “pg-payments-02.prod.internal”!')).toBe('chloe s pg payments 02 prod internal');
    expect(containsPhrase('Failover to pg-payments-02.prod.internal done', 'PG-Payments-02')).toBe(true);
  });

  it('reads thousands separators, decimals and percentages as numbers', () => {
    expect(normalizeText('2,140 of 1,184,220 (38.2%)')).toBe('2140 of 1184220 38.2 percent');
    expect(containsPhrase('about 2,140 authorisations', '2140')).toBe(true);
    expect(containsPhrase('5xx ratio 38.2%', '38.2 percent')).toBe(true);
    // A list is not a number.
    expect(normalizeText('steps 1,2 and 3')).toBe('steps 1 2 and 3');
  });

  it('matches whole tokens only', () => {
    expect(containsPhrase('the incident is unresolved', 'resolved')).toBe(false);
    expect(containsPhrase('limit 200', '20')).toBe(false);
    expect(containsPhrase('limit 20 rps', '20')).toBe(true);
    expect(containsPhrase('anything', '')).toBe(false);
  });

  it('collects the strings of an output, without citation ids (and without quotes when asked)', () => {
    const output = { title: 'T', summary: { text: 'S', citations: [{ sourceType: 'NOTE', sourceId: 'N-1', excerpt: 'quote' }] }, count: 3 };
    expect(stringsOf(output)).toEqual(['T', 'S', 'quote']);
    expect(stringsOf(output, quoteKeys)).toEqual(['T', 'S']);
  });
});

describe('factRecall', () => {
  it('counts a fact once when any of its alternatives is stated', () => {
    const text = 'Card payments recovered at 14:47 UTC after PgBouncer was repointed.';
    const result = factRecall(text, [['resolved', 'recovered'], 'pgbouncer', ['2140', '2,140'], '14:47']);
    expect(result.recall).toBe(0.75);
    expect(result.missing).toEqual([['2140', '2,140']]);
  });

  it('is null for a case without facts', () => {
    expect(factRecall('anything', [])).toEqual({ recall: null, missing: [] });
  });

  it('describes facts for notes', () => {
    expect(describeFact(['a', 'b'])).toBe('"a" | "b"');
    expect(describeFact('a')).toBe('"a"');
  });
});

describe('forbidden content', () => {
  it('finds forbidden phrases after normalisation', () => {
    expect(forbiddenPhrasesIn('Caused by a DDoS attack; all systems operational.', ['ddos', 'All Systems Operational', 'rolled back'])).toEqual(['ddos', 'All Systems Operational']);
  });

  it('finds what a public text must not show, people included', () => {
    const pdemo01 = sampleIncidents.find((incident) => incident.id === 'PDEMO01')!;
    const people = peopleOf(pdemo01);
    expect(people).toEqual(expect.arrayContaining(['Priya Raman', 'Marcus Oyelaran', 'Elena Kovacs']));
    const found = nonPublicContentIn('Marcus repointed pgbouncer-payments.prod.internal (10.42.8.15), see DBRE-2291.', people);
    expect(found).toEqual(expect.arrayContaining(['ip-address: 10.42.8.15', 'ticket: DBRE-2291', 'person: Marcus']));
    expect(found.some((item) => item.startsWith('hostname: pgbouncer-payments.prod.internal'))).toBe(true);
    expect(nonPublicContentIn('Card payments at checkout are working normally again.', people)).toEqual([]);
  });
});

describe('citationTally', () => {
  it('counts the statements the draft generator marked and the verified ones', () => {
    const marked = {
      summary: { text: 'a', citations: [], unverified: false },
      actions: [
        { text: 'b', citations: [], unverified: true },
        { text: 'c', citations: [{ unverified: 'not a statement mark' }], unverified: false },
      ],
      unverifiedCount: 1,
    };
    expect(citationTally(marked)).toEqual({ statements: 3, verified: 2, validity: 2 / 3 });
    expect(citationTally({ title: 'no statements' }).validity).toBeNull();
    expect(citationTally(null).validity).toBeNull();
  });
});
