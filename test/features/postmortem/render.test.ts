import { describe, expect, it } from 'vitest';
import { createProgressiveRenderer } from '../../../src/features/common/progressive-renderer.js';
import type { PostmortemOutput } from '../../../src/features/postmortem/output-schema.js';
import { renderPostmortem, type PostmortemRenderInput } from '../../../src/features/postmortem/render.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import { extractPostmortem } from '../../../src/features/postmortem/extractor.js';

const resolved: PostmortemRenderInput = { preliminary: false, incidentStatus: 'resolved', asOf: '2025-03-11T15:14:40Z' };
const open: PostmortemRenderInput = { preliminary: true, incidentStatus: 'acknowledged', asOf: '2025-04-15T10:08:30Z' };
const cite = (id: string) => [{ sourceType: 'LOG_ENTRY' as const, sourceId: id, excerpt: 'x' }];

const complete: PostmortemOutput = {
  title: 'Payments failing after a database failover',
  summary: { text: 'Card payments failed for 45 minutes.', citations: cite('L1') },
  impact: {
    services: ['Payments API', 'Checkout Web'],
    duration: { text: 'From 14:02 to 15:14 UTC.', citations: cite('L1') },
    customerEffect: { text: 'About 2,140 card authorisations failed.', citations: cite('L2') },
  },
  detection: { text: 'An error-rate alert paged the on-call engineer.', citations: cite('L1') },
  timeline: [
    { at: '2025-03-11T14:02:11Z', text: 'Alert fired.', citations: cite('L1') },
    { at: '2025-03-11T14:04:02Z', text: 'Acknowledged.', citations: cite('L2') },
    { at: '2025-03-12T00:10:00Z', text: 'Replica rebuilt.', citations: cite('L3') },
  ],
  contributingFactors: [{ text: 'PgBouncer pointed at an IP address.', citations: cite('L4') }],
  rootCause: { hypothesis: false, text: 'A stale replication slot filled the WAL volume.', citations: cite('L5') },
  resolution: { text: 'PgBouncer was repointed at 14:44 UTC.', citations: cite('L6') },
  actionItems: [
    { priority: 'HIGH', ownerTeam: 'Database Reliability', title: 'DBRE-2304: alert on inactive replication slots', citations: cite('L7') },
    { priority: 'LOW', ownerTeam: null, title: 'Document the failover drill', citations: cite('L7') },
  ],
};

describe('renderPostmortem', () => {
  it('renders every section of a complete postmortem', () => {
    expect(renderPostmortem(complete, resolved)).toBe(
      [
        '# Postmortem: Payments failing after a database failover',
        '',
        '## Summary',
        '',
        'Card payments failed for 45 minutes.',
        '',
        '## Impact',
        '',
        '- **Services:** Payments API, Checkout Web',
        '- **Duration:** From 14:02 to 15:14 UTC.',
        '- **Customer effect:** About 2,140 card authorisations failed.',
        '',
        '## Detection',
        '',
        'An error-rate alert paged the on-call engineer.',
        '',
        '## Timeline',
        '',
        '- **2025-03-11 14:02 UTC** Alert fired.',
        '- **14:04 UTC** Acknowledged.',
        '- **2025-03-12 00:10 UTC** Replica rebuilt.',
        '',
        '## Contributing factors',
        '',
        '- PgBouncer pointed at an IP address.',
        '',
        '## Root cause',
        '',
        'A stale replication slot filled the WAL volume.',
        '',
        '## Resolution',
        '',
        'PgBouncer was repointed at 14:44 UTC.',
        '',
        '## Action items',
        '',
        '- **High** · owner: Database Reliability · DBRE-2304: alert on inactive replication slots',
        '- **Low** · owner: to be decided · Document the failover drill',
        '',
      ].join('\n'),
    );
  });

  it('marks a preliminary postmortem first, a hypothesis as such, unverified statements, and an empty list of factors', () => {
    const text = renderPostmortem(
      {
        ...complete,
        summary: { ...complete.summary, unverified: true } as PostmortemOutput['summary'],
        contributingFactors: [],
        rootCause: { hypothesis: true, text: 'Probably the Resolver change.', citations: cite('L5') },
        actionItems: [{ ...complete.actionItems[0]!, unverified: true } as PostmortemOutput['actionItems'][number]],
      },
      open,
    );
    expect(text.startsWith('> **Preliminary postmortem:** the incident is still acknowledged (latest record 2025-04-15 10:08 UTC); what follows will change as it is worked.\n\n# Postmortem: ')).toBe(true);
    expect(text).toContain('Card payments failed for 45 minutes. _(unverified)_');
    expect(text).toContain('## Contributing factors\n\nNone recorded in the incident data.');
    expect(text).toContain('**Hypothesis** (not established by the incident data): Probably the Resolver change.');
    expect(text).toContain('DBRE-2304: alert on inactive replication slots _(unverified)_');
  });

  it('tolerates partial output: nothing but what has arrived, no half values', () => {
    expect(renderPostmortem({}, resolved)).toBe('');
    expect(renderPostmortem({}, open)).toMatch(/^> \*\*Preliminary postmortem:\*\*/);
    expect(renderPostmortem({ timeline: [{ at: '2025-03-11T14:0' }] }, resolved)).toBe('');
    expect(renderPostmortem({ timeline: [{ at: '2025-03-11T14:02:11Z' }] }, resolved)).toBe('## Timeline\n\n- **2025-03-11 14:02 UTC**\n');
    expect(renderPostmortem({ actionItems: [{ priority: 'HI' as never, title: 'x' }] }, resolved)).toBe('');
    expect(renderPostmortem({ actionItems: [{ priority: 'HIGH', ownerTeam: 'Pay' }] }, resolved)).toContain('- **High** · owner: Pay');
    expect(renderPostmortem({ rootCause: { hypothesis: true } }, resolved)).toBe('');
    expect(renderPostmortem({ contributingFactors: [] }, resolved)).toBe('');
    expect(renderPostmortem({ impact: { services: ['Payments A'] } }, resolved)).toBe('## Impact\n\n- **Services:** Payments A\n');
  });

  it('only ever extends the text while the JSON streams in, for every sample incident', () => {
    for (const incident of sampleIncidents) {
      const output = extractPostmortem({ incident, input: {} }) as PostmortemOutput;
      const input: PostmortemRenderInput = { preliminary: incident.status !== 'resolved', incidentStatus: incident.status, asOf: incident.createdAt };
      const deltas: string[] = [];
      const renderer = createProgressiveRenderer((partial) => renderPostmortem(partial as never, input), (delta) => deltas.push(delta));
      const json = JSON.stringify(output);
      for (let start = 0; start < json.length; start += 7) renderer.push(json.slice(start, start + 7));
      const final = renderPostmortem(output, input);
      renderer.finish(final);
      expect(deltas.join(''), incident.id).toBe(final);
      expect(deltas.length, incident.id).toBeGreaterThan(50);
    }
  });
});
