import { describe, expect, it } from 'vitest';
import { verifyCitations } from '../../../src/features/common/citation-check.js';
import { incidentSourceIds } from '../../../src/features/common/incident-prompt-data.js';
import { checkPostmortem } from '../../../src/features/postmortem/check.js';
import { condensedTimelineOutputSchema, condenseStage, type TimelineItem } from '../../../src/features/postmortem/condensed-timeline.js';
import { postmortemOutputSchema, type PostmortemOutput } from '../../../src/features/postmortem/output-schema.js';
import { logEntryItems } from '../../../src/features/postmortem/timeline-selection.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import type { Incident } from '../../../src/incidents/types.js';
import { createExtractiveProvider } from '../../../src/llm/providers/extractive-provider.js';
import { GroundingError } from '../../../src/llm/providers/extractive/extractor.js';
import { extractPostmortem, postmortemExtractor } from '../../../src/features/postmortem/extractor.js';
import { defaultExtractors } from '../../../src/features/feature-modules.js';
import { syntheticIncident, syntheticRootCause } from './synthetic-incident.js';

const incidentOf = (id: string): Incident => sampleIncidents.find((incident) => incident.id === id)!;
const postmortemOf = (incident: Incident): PostmortemOutput => postmortemOutputSchema.parse(extractPostmortem({ incident, input: {} }));

/** Every citation of an output, wherever it is. */
function citationsIn(value: unknown): { sourceType: string; sourceId: string; excerpt: string }[] {
  if (Array.isArray(value)) return value.flatMap(citationsIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return [...(Array.isArray(record.citations) ? (record.citations as never[]) : []), ...Object.entries(record).filter(([key]) => key !== 'citations').flatMap(([, child]) => citationsIn(child))];
}

describe('the postmortem extractor on every sample incident', () => {
  it.each(sampleIncidents.map((incident) => [incident.id, incident] as const))('%s: valid, cited with real ids, consistent and deterministic', (_, incident) => {
    const output = extractPostmortem({ incident, input: {} });
    expect(postmortemOutputSchema.safeParse(output).success).toBe(true);
    const postmortem = output as PostmortemOutput;

    const report = verifyCitations(postmortem, incidentSourceIds(incident));
    expect(report.problems).toEqual([]);
    expect(report.unverifiedCount).toBe(0);
    expect(checkPostmortem(postmortem, incident)).toEqual([]);
    const citations = citationsIn(postmortem);
    expect(citations.length).toBeGreaterThan(15);

    // The same grounding gives the same postmortem, byte for byte; the input is not changed.
    const copy = structuredClone(incident);
    expect(JSON.stringify(extractPostmortem({ incident: copy, input: {} }))).toBe(JSON.stringify(output));
    expect(copy).toEqual(incident);

    const entries = new Map(incident.logEntries.map((entry) => [entry.id, entry]));
    for (const event of postmortem.timeline) {
      expect(event.citations).toHaveLength(1);
      const entry = entries.get(event.citations[0]!.sourceId)!;
      expect(event.at).toBe(entry.at);
      expect(entry.type).not.toBe('notify');
    }
    const times = postmortem.timeline.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(postmortem.impact.services).toEqual(incident.services.map((service) => service.name));
    expect(postmortem.actionItems.length).toBeGreaterThan(0);
    const teams = new Set(incident.assignees.map((person) => person.team));
    for (const item of postmortem.actionItems) {
      expect(item.ownerTeam === null || teams.has(item.ownerTeam) || incident.notes.some((note) => note.author.team === item.ownerTeam)).toBe(true);
      expect(item.citations.length).toBeGreaterThan(0);
    }
  });

  it('takes the root cause from the note that says it was identified, and marks a hypothesis when none does', () => {
    for (const id of ['PDEMO01', 'PDEMO02', 'PDEMO03', 'PDEMO05', 'PDEMO06']) {
      const { rootCause } = postmortemOf(incidentOf(id));
      expect(rootCause.hypothesis, id).toBe(false);
      const note = incidentOf(id).notes.find((candidate) => candidate.content.startsWith('Root cause identified'))!;
      expect(rootCause.citations[0], id).toMatchObject({ sourceType: 'NOTE', sourceId: note.id });
    }
    expect(postmortemOf(incidentOf('PDEMO01')).rootCause.text).toMatch(/^Slot `debezium_payments_cdc`, left over from the CDC connector/);
    const dns = postmortemOf(incidentOf('PDEMO04')).rootCause;
    expect(dns).toMatchObject({ hypothesis: true, citations: [{ sourceType: 'NOTE', sourceId: 'PDEMO04-NOTE-3' }] });
    expect(dns.text).toContain('Leading hypothesis in the notes (Liam O\'Connor, 09:57 UTC): Two hypotheses. (1) The Terraform run at 09:12');
  });

  it('turns the notes\' follow-ups into action items owned by the team their ticket names', () => {
    expect(postmortemOf(incidentOf('PDEMO01')).actionItems).toEqual([
      expect.objectContaining({ priority: 'HIGH', ownerTeam: 'Database Reliability', title: 'DBRE-2304: alert on inactive replication slots', citations: [expect.objectContaining({ sourceId: 'PDEMO01-NOTE-6' })] }),
      expect.objectContaining({ priority: 'HIGH', ownerTeam: 'Payments SRE', title: 'PAY-1187: PgBouncer must use the Consul name' }),
    ]);
    expect(postmortemOf(incidentOf('PDEMO02')).actionItems).toEqual([
      expect.objectContaining({ ownerTeam: 'Edge Platform', title: expect.stringMatching(/^EDGE-912: page on Certificate READY=False for more than 24h/) }),
    ]);
    expect(postmortemOf(incidentOf('PDEMO03')).actionItems).toEqual([expect.objectContaining({ priority: 'HIGH', ownerTeam: 'Orders', title: expect.stringMatching(/^ORD-774: /) })]);
    expect(postmortemOf(incidentOf('PDEMO05')).actionItems).toEqual([expect.objectContaining({ ownerTeam: 'Orders', title: expect.stringMatching(/^ORD-765: /) })]);
  });

  it('without follow-ups, suggests generic items per service, owned by the assignees\' teams', () => {
    const dns = postmortemOf(incidentOf('PDEMO04'));
    expect(dns.actionItems.map((item) => item.title)).toEqual([
      'Confirm the root cause of the Login API incident and fix it',
      'Review the alerts and runbooks of Login API against this incident',
      'Review the alerts and runbooks of Search API against this incident',
      'Review the alerts and runbooks of Internal DNS (Route 53 Resolver) against this incident',
    ]);
    expect(dns.actionItems[0]).toMatchObject({ priority: 'HIGH', ownerTeam: 'Core Infrastructure' });
    expect(dns.actionItems.slice(1).every((item) => item.priority === 'MEDIUM' && item.ownerTeam === 'Identity')).toBe(true);
    const oom = postmortemOf(incidentOf('PDEMO06'));
    expect(oom.actionItems[0]).toMatchObject({ priority: 'MEDIUM', ownerTeam: 'Recommendations', title: 'Fix the root cause on Recommendations API and add a check that catches it before production' });
  });

  it('says an open incident\'s postmortem is preliminary, its impact ongoing and its resolution not reached', () => {
    for (const id of ['PDEMO04', 'PDEMO05', 'PDEMO06']) {
      const postmortem = postmortemOf(incidentOf(id));
      expect(postmortem.summary.text, id).toMatch(/^Preliminary: the incident is still acknowledged as of /);
      expect(postmortem.impact.duration.text, id).toContain('is ongoing');
      expect(postmortem.resolution.text, id).toMatch(/^Not resolved as of /);
    }
    const resolved = postmortemOf(incidentOf('PDEMO01'));
    expect(resolved.summary.text).not.toContain('Preliminary');
    expect(resolved.impact.duration.text).toBe('Impact lasted 1 h 12 min, from 2025-03-11 14:02 UTC (first alert) to 2025-03-11 15:14 UTC (resolved).');
    expect(resolved.resolution.text).toMatch(/^Fix deployed: pgbouncer\.ini now uses .* Resolved at 2025-03-11 15:14 UTC by Priya Raman, 1 h 12 min after it began\.$/);
    expect(resolved.detection.text).toContain('First acknowledged by Priya Raman at 14:04 UTC, 2 min after the trigger.');
  });

  it('reduces a 5,000-entry log to its milestones', () => {
    const incident = syntheticIncident();
    const postmortem = postmortemOf(incident);
    expect(postmortem.timeline.length).toBeLessThanOrEqual(30);
    const cited = postmortem.timeline.map((event) => event.citations[0]!.sourceId);
    expect(cited[0]).toBe('PSYNTH01-LOG-00001');
    expect(cited.at(-1)).toBe('PSYNTH01-LOG-05000');
    expect(postmortem.timeline.some((event) => event.text.includes(syntheticRootCause.replace('Note added: ', '')))).toBe(true);
    expect(postmortem.rootCause).toMatchObject({ hypothesis: false, citations: [{ sourceId: 'PSYNTH01-NOTE-2' }, { sourceId: expect.stringMatching(/^PSYNTH01-LOG-/) }] });
    expect(postmortem.actionItems).toEqual([expect.objectContaining({ ownerTeam: 'Orders', title: 'ORD-990: validate pool sizes in config review' })]);
    expect(verifyCitations(postmortem, incidentSourceIds(incident)).problems).toEqual([]);
    expect(checkPostmortem(postmortem, incident)).toEqual([]);
  });
});

describe('the postmortem extractor on a map request', () => {
  const incident = syntheticIncident({ entries: 400 });
  const items = logEntryItems(incident).slice(100, 380);
  const condense = (chunk: TimelineItem[], maxEvents = 12): unknown =>
    extractPostmortem({ incident, input: { stage: condenseStage, round: 1, items: chunk, maxEvents } });

  it('condenses a chunk into at most maxEvents events citing only its own entries, in time order', () => {
    const output = condensedTimelineOutputSchema.parse(condense(items));
    expect(output.events.length).toBe(12);
    const ids = new Set(items.map((item) => item.citations[0]!.sourceId));
    for (const event of output.events) for (const citation of event.citations) expect(ids.has(citation.sourceId)).toBe(true);
    const times = output.events.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Status updates and escalations are what a timeline needs first.
    const kept = new Set(output.events.flatMap((event) => event.citations.map((citation) => citation.sourceId)));
    for (const item of items.filter((candidate) => candidate.type === 'status_update' || candidate.type === 'escalate')) {
      expect(kept.has(item.citations[0]!.sourceId)).toBe(true);
    }
    expect(JSON.stringify(condense(items))).toBe(JSON.stringify(output));
  });

  it('collapses a run of repeats into one event citing its first and last entry', () => {
    const repeated: TimelineItem[] = Array.from({ length: 5 }, (_, index) => ({
      at: `2025-06-02T01:0${index}:00Z`,
      type: 'annotate',
      agent: 'Datadog bot',
      text: `Note added: checkout-api error ratio ${10 + index}%`,
      citations: [{ sourceType: 'LOG_ENTRY', sourceId: `R${index}`, excerpt: 'x' }],
    }));
    const output = condensedTimelineOutputSchema.parse(condense(repeated));
    expect(output.events).toEqual([
      {
        at: '2025-06-02T01:00:00Z',
        text: 'Datadog bot: checkout-api error ratio 10% (5 similar entries until 01:04 UTC)',
        citations: [expect.objectContaining({ sourceId: 'R0' }), expect.objectContaining({ sourceId: 'R4' })],
      },
    ]);
  });

  it('refuses grounding without what it needs', () => {
    expect(() => extractPostmortem({ input: {} })).toThrow(GroundingError);
    expect(() => extractPostmortem({ input: { stage: condenseStage, items: 'none', maxEvents: 3 } })).toThrow(GroundingError);
  });

  it('is registered, and the extractive provider answers postmortem requests with it', async () => {
    expect(defaultExtractors.postmortem).toBe(postmortemExtractor);
    const provider = createExtractiveProvider({ extractors: defaultExtractors });
    const completion = await provider.complete(
      {
        feature: 'postmortem',
        model: 'extractive',
        messages: [{ role: 'user', content: 'postmortem' }],
        maxOutputTokens: 4_000,
        temperature: 0,
        grounding: { incident: incidentOf('PDEMO02'), input: { stage: 'postmortem' } },
      },
      new AbortController().signal,
    );
    expect(postmortemOutputSchema.parse(JSON.parse(completion.text)).title).toBe(incidentOf('PDEMO02').title);
  });
});
