import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNonPublicText, scrubPublicText } from '../../src/guard/public-text.js';

const names = ['Priya Raman', 'Marcus Oyelaran', "Liam O'Connor", 'Elena Kovacs'];

describe('scrubPublicText', () => {
  it.each([
    ['internal hostnames', 'primary pg-payments-01.prod.internal:9187 is down', 'primary [host] is down'],
    ['hosts under a corp domain', 'see grafana.corp.northwind.io for graphs', 'see [host] for graphs'],
    ['bare host tokens with digits', 'rebuilding pg-payments-01 and ip-10-0-41-87', 'rebuilding [host] and [host]'],
    ['Kubernetes pod names', 'heap of recommendations-api-7f6d5c9b8-k2xjp', 'heap of [host]'],
    ['IPv4 addresses with ports, ranges and CIDRs', 'host=10.42.8.15 via 172.20.0.10:53, 10.20.0.14-17 and 10.100.1.0/24', 'host=[IP address] via [IP address], [IP address] and [IP address]'],
    ['IPv6 addresses', 'listening on fd12:3456:789a:1::1 now', 'listening on [IP address] now'],
    ['links of any scheme', 'https://northwind.atlassian.net/browse/DBRE-2291 and s3://bucket/heap/x', '[link] and [link]'],
    ['e-mail addresses', 'ping mateo.alvarez@northwind.io please', 'ping [email] please'],
    ['ticket keys and PR numbers', 'follow-ups DBRE-2304, PAY-1187 and PR #3318, recs#1893', 'follow-ups [ticket], [ticket] and PR [ticket], [ticket]'],
    ['chat channels and handles', 'posted in #inc-4812-payments, cc @dba-oncall', 'posted in [channel], cc [handle]'],
    ['file paths', 'edit /etc/pgbouncer/pgbouncer.ini now', 'edit [path] now'],
    ['cloud resource names', 'User: arn:aws:sts::482913557201:assumed-role/cert-manager-prod/1 is denied', 'User: [resource] is denied'],
  ])('removes %s', (_kind, text, expected) => {
    expect(scrubPublicText(text)).toBe(expected);
  });

  it("removes known people's full names, first names, last names and usernames", () => {
    const text = "Acknowledged by Priya Raman. Elena ran the job; Diego's change, Liam O'Connor and Marcus's note; elena.kovacs started it.";
    expect(scrubPublicText(text, { names: [...names, 'Diego Castellanos'] })).toBe(
      "Acknowledged by a responder. a responder ran the job; a responder's change, a responder and a responder's note; a responder started it.",
    );
  });

  it('matches names as written, so a common word equal to a name survives', () => {
    expect(scrubPublicText('We will post an update. Will Page paged.', { names: ['Will Page'] })).toBe('We will post an update. a responder paged.');
  });

  it('keeps plain public language, numbers, versions and times intact', () => {
    const text = 'Between 14:02 UTC and 15:14 UTC, 38.2% of card payments failed on v2.41.0; the Payments API is healthy (p99 410 ms, 6/6 locations).';
    expect(scrubPublicText(text, { names })).toBe(text);
    expect(findNonPublicText(text, { names })).toEqual([]);
  });

  it('reports what it would remove, by kind', () => {
    const found = findNonPublicText('Marcus saw 10.42.8.15 on pg-payments-01.prod.internal, see DBRE-2291', { names });
    expect(found).toEqual([
      { kind: 'ip-address', text: '10.42.8.15' },
      { kind: 'hostname', text: 'pg-payments-01.prod.internal' },
      { kind: 'ticket', text: 'DBRE-2291' },
      { kind: 'person', text: 'Marcus' },
    ]);
  });

  it('is idempotent', () => {
    const once = scrubPublicText("Priya Raman: https://x.corp/y on 10.0.0.2, host kafka-01.prod.internal, DBRE-1 #chan @me /a/b", { names });
    expect(scrubPublicText(once, { names })).toBe(once);
  });

  it('never lets an IPv4 address or internal hostname through, whatever surrounds it', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const ip = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    const host = fc.tuple(label, fc.constantFrom('prod.internal', 'corp', 'corp.example.io', 'svc.cluster.local')).map(([first, rest]) => `${first}.${rest}`);
    const filler = fc.stringMatching(/^[A-Za-z ,;:()'"=-]{0,20}$/);
    fc.assert(
      fc.property(filler, ip, filler, host, filler, (before, address, middle, hostname, after) => {
        const scrubbed = scrubPublicText(`${before} ${address}${middle} ${hostname} ${after}`);
        expect(scrubbed).not.toMatch(/\b\d{1,3}(?:\.\d{1,3}){3}\b/);
        expect(scrubbed).not.toMatch(/\.(?:internal|corp|local)\b/);
      }),
    );
  });
});
