import { describe, expect, it } from 'vitest';
import { extractEntities, hallucinationsIn, isSupported, supportIndex } from '../../../src/eval/metrics/hallucination.js';

const source = JSON.stringify({
  createdAt: '2025-03-11T14:02:11Z',
  resolvedAt: '2025-03-11T15:14:40Z',
  notes: [
    'pg-payments-02.prod.internal (10.42.8.15) is the leader; about 2,140 card authorisations failed. Hannah Lindqvist is commander.',
    'notification-dispatcher v3.18.0 rolled back; kubectl -n orders get pods -o jsonpath=spec.template.spec.containers',
  ],
});
const support = supportIndex(source);

describe('extractEntities', () => {
  it('names hosts, IPs, services, times, numbers and people, each once', () => {
    const entities = extractEntities('Failover at 14:02 to pg-payments-03.prod.internal (10.42.8.99); template-svc lagged; 2,140 failed; Jane Doe paged https://grafana.corp.example.io/d/x.');
    expect(entities).toEqual(
      expect.arrayContaining([
        { kind: 'time', text: '14:02' },
        { kind: 'host', text: 'pg-payments-03.prod.internal' },
        { kind: 'ip', text: '10.42.8.99' },
        { kind: 'service', text: 'template-svc' },
        { kind: 'number', text: '2,140' },
        { kind: 'name', text: 'Jane Doe' },
        { kind: 'host', text: 'https://grafana.corp.example.io/d/x.' },
      ]),
    );
    // The host's digits and the IP's octets are not read again as numbers.
    expect(entities.filter((entity) => entity.kind === 'number').map((entity) => entity.text)).toEqual(['2,140']);
  });

  it('never joins a name across lines', () => {
    expect(extractEntities('Edge Platform\nReview the alerts').filter((entity) => entity.kind === 'name')).toEqual([{ kind: 'name', text: 'Edge Platform' }]);
  });

  it('does not take settings, jsonpaths, file names, ordinary hyphenated words or sentence-start phrases for specifics', () => {
    const entities = extractEntities('Status Update: we set max.poll.interval.ms and spec.template.spec.containers in patroni.yml after a follow-up. The On Call team');
    expect(entities).toEqual([]);
  });
});

describe('hallucinationsIn', () => {
  it('supports what the input holds, in any form', () => {
    const report = hallucinationsIn('pg-payments-02 (10.42.8.15) led; 2140 authorisations failed; Hannah Lindqvist commanded; v3.18.0 and notification-dispatcher.', support);
    expect(report.unsupported).toEqual([]);
    expect(report.rate).toBe(0);
  });

  it('flags hosts, IPs, numbers, times and people the input does not hold', () => {
    const report = hallucinationsIn('pg-payments-03 (10.42.8.16) failed over at 13:55; 3,500 authorisations failed; John Smith fixed it.', support);
    expect(report.unsupported.map((entity) => `${entity.kind}:${entity.text}`)).toEqual(['ip:10.42.8.16', 'time:13:55', 'host:pg-payments-03', 'number:3,500', 'name:John Smith']);
    expect(report.rate).toBe(1);
  });

  it('accepts durations between the input timestamps, small counts and allowed numbers', () => {
    // 14:02:11 -> 15:14:40 is 72 minutes (1 h 12 min), 4349 s.
    expect(hallucinationsIn('Resolved after 72 minutes (1 h 12 min).', support).unsupported).toEqual([]);
    expect(hallucinationsIn('3 pods restarted.', support).unsupported).toEqual([]);
    expect(hallucinationsIn('Next update in 45 minutes.', support).unsupported).toHaveLength(1);
    expect(hallucinationsIn('Next update in 45 minutes.', support, { allowedNumbers: [45] }).unsupported).toEqual([]);
  });

  it('checks only the asked kinds and skips ignored entities', () => {
    const text = 'curl https://example.com/health on db-9.prod.internal at 03:10';
    expect(hallucinationsIn(text, support, { kinds: ['time'] }).unsupported.map((entity) => entity.text)).toEqual(['03:10']);
    const ignored = hallucinationsIn(text, support, { kinds: ['host'], ignore: (entity) => entity.text.startsWith('https://') });
    expect(ignored.unsupported.map((entity) => entity.text)).toEqual(['db-9.prod.internal']);
  });

  it('matches clock times against the ISO timestamps of the input', () => {
    expect(isSupported({ kind: 'time', text: '15:14' }, support)).toBe(true);
    expect(isSupported({ kind: 'time', text: '9:05' }, supportIndex('at 2025-01-01T09:05:00Z'))).toBe(true);
  });
});
