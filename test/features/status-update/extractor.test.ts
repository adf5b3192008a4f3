import { describe, expect, it, vi } from 'vitest';
import { audiences, statusUpdateOutputSchema, type Audience, type StatusUpdateOutput } from '../../../src/features/status-update/output-schema.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import type { Incident } from '../../../src/incidents/types.js';
import { GroundingError } from '../../../src/llm/providers/extractive/extractor.js';
import { extractStatusUpdate, statusUpdateExtractor } from '../../../src/features/status-update/extractor.js';

const update = (incident: Incident, audience: Audience, guidance: string | null = null): StatusUpdateOutput =>
  statusUpdateOutputSchema.parse(extractStatusUpdate({ incident, input: { audience, guidance } }));

const statementsOf = (output: StatusUpdateOutput) => [output.summary, output.impact, ...output.actions];
const cases = sampleIncidents.flatMap((incident) => audiences.map((audience) => [incident.id, audience, incident] as const));

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (text: string): RegExp => new RegExp(`(?<![\\w-])${escapeRegExp(text)}(?![\\w-])`);

/** Everything in an incident a PUBLIC update must not repeat. */
function secretsOf(incident: Incident): RegExp[] {
  const people = [...incident.assignees, ...incident.notes.map((note) => note.author)].map((person) => person.name);
  const nameParts = people.flatMap((name) => [name, ...name.split(/\s+/).filter((part) => part.length >= 3)]);
  const allText = JSON.stringify(incident);
  const hosts = [...allText.matchAll(/\b[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|corp)\b/gi)].map((match) => match[0]);
  const hostLabels = hosts.map((host) => host.split('.')[0]!).filter((label) => /\d|-/.test(label));
  return [...new Set([...nameParts, ...hosts, ...hostLabels])].map(word);
}

describe('statusUpdate extractor', () => {
  it.each(cases)('%s for %s never cuts a sentence: every statement quoting a record ends where a sentence of it ends', (_id, audience, incident) => {
    const recordTexts = [...incident.notes.map((note) => note.content), ...incident.logEntries.map((entry) => entry.summary)];
    for (const statement of statementsOf(update(incident, audience))) {
      expect(statement.text, statement.text).not.toContain('…');
      // "Name (14:44 UTC): <quoted text>": the quoted text is whole sentences of a record.
      const quoted = /^[^:]+ \(\d{2}:\d{2} UTC\): (.+)$/.exec(statement.text)?.[1];
      if (!quoted) continue;
      const source = recordTexts.map((text) => text.replace(/\s+/g, ' ')).find((text) => text.includes(quoted));
      expect(source, quoted).toBeDefined();
      const after = source!.slice(source!.indexOf(quoted) + quoted.length);
      expect(after === '' || /^\s/.test(after), `cut inside a sentence: ${quoted}|${after.slice(0, 20)}`).toBe(true);
      expect(quoted, quoted).toMatch(/[.!?)"'`]$/);
    }
  });

  it.each(cases)('%s for %s is valid against the output schema', (_id, audience, incident) => {
    const output = extractStatusUpdate({ incident, input: { audience, guidance: null } });
    expect(() => statusUpdateOutputSchema.parse(output)).not.toThrow();
    expect((output as StatusUpdateOutput).title.split(/\s+/).length).toBeLessThanOrEqual(12);
  });

  it.each(cases)('%s for %s names the first affected service in the title', (_id, audience, incident) => {
    expect(update(incident, audience).title).toContain(incident.services[0]!.name);
  });

  it.each(cases)('%s for %s cites only records of the incident', (_id, audience, incident) => {
    const known = {
      LOG_ENTRY: new Set(incident.logEntries.map((entry) => entry.id)),
      NOTE: new Set(incident.notes.map((note) => note.id)),
      ALERT: new Set(incident.alerts.map((alert) => alert.id)),
      LOG_LINE: new Set<string>(),
    };
    const output = update(incident, audience);
    for (const statement of [output.summary, output.impact]) expect(statement.citations.length).toBeGreaterThan(0);
    for (const citation of statementsOf(output).flatMap((statement) => statement.citations)) {
      expect(known[citation.sourceType].has(citation.sourceId), `${citation.sourceType} ${citation.sourceId}`).toBe(true);
      expect(citation.excerpt.length).toBeGreaterThan(0);
      expect(citation.excerpt.length).toBeLessThanOrEqual(160);
    }
  });

  it.each(cases.filter(([, audience]) => audience !== 'PUBLIC'))('%s for %s quotes its sources verbatim', (_id, _audience, incident) => {
    const texts = new Map<string, string>([
      ...incident.logEntries.map((entry) => [entry.id, entry.summary] as const),
      ...incident.notes.map((note) => [note.id, note.content.replace(/\s+/g, ' ')] as const),
      ...incident.alerts.map((alert) => [alert.id, alert.summary] as const),
    ]);
    for (const citation of statementsOf(update(incident, _audience)).flatMap((statement) => statement.citations)) {
      expect(texts.get(citation.sourceId)).toContain(citation.excerpt);
    }
  });

  it.each(sampleIncidents.map((incident) => [incident.id, incident] as const))(
    '%s for PUBLIC holds no hostname, IP address, person name, link or ticket',
    (_id, incident) => {
      const output = update(incident, 'PUBLIC', 'Tell them Priya Raman is on it, see https://northwind.atlassian.net/browse/DBRE-1');
      // Record ids (PDEMO01-LOG-01) look like ticket keys and are meant to be there.
      const text = JSON.stringify(output, (key, value: unknown) => (key === 'sourceId' ? undefined : value));
      expect(text).not.toMatch(/\b\d{1,3}(?:\.\d{1,3}){3}\b/);
      expect(text).not.toMatch(/[a-z0-9-]+\.(?:internal|corp)\b/i);
      expect(text).not.toMatch(/https?:\/\//);
      expect(text).not.toMatch(/\b[A-Z][A-Z0-9]{1,9}-\d+\b/);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      for (const secret of secretsOf(incident)) expect(text).not.toMatch(secret);
    },
  );

  it('keeps details out of PUBLIC even when the records it quotes are full of them', () => {
    const base = sampleIncidents.find((incident) => incident.id === 'PDEMO04')!;
    const incident: Incident = structuredClone(base);
    incident.services[0]!.name = 'Login API (login-api-7c9b on ip-10-0-77-12)';
    incident.logEntries[0]!.summary = 'Triggered by Rafael Nunes from 10.0.77.12 on login-01.prod.internal, see https://wiki.corp.example.com/x and NET-1520';
    incident.alerts[0]!.summary = "Diego's probe: sessions-redis.prod.internal SERVFAIL via 10.0.0.2:53 (diego.castellanos@northwind.io)";
    incident.logEntries[2]!.summary = "Acknowledged by Liam O'Connor in #inc-4951";
    const text = JSON.stringify(update(incident, 'PUBLIC'));
    expect(text).not.toMatch(/\b\d{1,3}(?:\.\d{1,3}){3}\b|\.internal|\.corp|https?:|NET-1520|#inc|@northwind/);
    for (const secret of ['Rafael', 'Nunes', 'Diego', 'Liam', "O'Connor", 'diego.castellanos', 'ip-10-0-77-12', 'login-api-7c9b']) {
      expect(text).not.toContain(secret);
    }
  });

  it('derives the phase from the status and what the log and notes say', () => {
    const phases = Object.fromEntries(sampleIncidents.map((incident) => [incident.id, update(incident, 'RESPONDERS').phase]));
    expect(phases).toEqual({
      PDEMO01: 'RESOLVED',
      PDEMO02: 'RESOLVED',
      PDEMO03: 'RESOLVED',
      PDEMO04: 'INVESTIGATING',
      PDEMO05: 'MONITORING',
      PDEMO06: 'IDENTIFIED',
    });
  });

  it('ignores negated claims when deriving the phase', () => {
    const incident: Incident = structuredClone(sampleIncidents.find((candidate) => candidate.id === 'PDEMO04')!);
    incident.notes.push({ ...incident.notes[0]!, id: 'PDEMO04-NOTE-X', content: 'Root cause not identified yet. No fix deployed so far.' });
    expect(update(incident, 'RESPONDERS').phase).toBe('INVESTIGATING');
    incident.notes.push({ ...incident.notes[0]!, id: 'PDEMO04-NOTE-Y', content: 'Root cause identified: security group egress.' });
    const output = update(incident, 'STAKEHOLDERS');
    expect(output.phase).toBe('IDENTIFIED');
    expect(output.summary.citations.map((citation) => citation.sourceId)).toContain('PDEMO04-NOTE-Y');
  });

  it('asks for the next update in 30 minutes for P1/P2 or high urgency, 60 otherwise, none once resolved', () => {
    const next = Object.fromEntries(sampleIncidents.map((incident) => [incident.id, update(incident, 'STAKEHOLDERS').nextUpdateMinutes]));
    expect(next).toEqual({ PDEMO01: null, PDEMO02: null, PDEMO03: null, PDEMO04: 30, PDEMO05: 60, PDEMO06: 60 });
    const lowP3 = sampleIncidents.find((incident) => incident.id === 'PDEMO05')!;
    expect(update({ ...lowP3, urgency: 'high' }, 'PUBLIC').nextUpdateMinutes).toBe(30);
    expect(update({ ...lowP3, priority: 'P2' }, 'PUBLIC').nextUpdateMinutes).toBe(30);
    expect(update({ ...lowP3, priority: null }, 'PUBLIC').nextUpdateMinutes).toBe(60);
  });

  it('gives RESPONDERS hosts, alert summaries and the latest notes', () => {
    const pdemo01 = sampleIncidents[0]!;
    const output = update(pdemo01, 'RESPONDERS');
    expect(output.impact.text).toContain('pg-payments-01.prod.internal');
    expect(output.impact.text).toContain(pdemo01.alerts[0]!.summary);
    const latestNote = pdemo01.notes.at(-1)!;
    expect(output.actions.some((action) => action.citations.some((citation) => citation.sourceId === latestNote.id))).toBe(true);
    expect(output.actions.some((action) => action.text.includes(latestNote.author.name))).toBe(true);
  });

  it('gives STAKEHOLDERS impact, services, time since start and the next update', () => {
    const pdemo04 = sampleIncidents.find((incident) => incident.id === 'PDEMO04')!;
    const output = update(pdemo04, 'STAKEHOLDERS');
    expect(output.summary.text).toContain('2025-04-15 09:21 UTC');
    expect(output.summary.text).toContain('47 min');
    for (const service of pdemo04.services) expect(output.impact.text).toContain(service.name);
    // The next update time is a field, not an uncited statement.
    expect(output.nextUpdateMinutes).toBe(30);
    expect(output.actions.every((action) => action.citations.length > 0)).toBe(true);
    expect(JSON.stringify(output)).not.toContain('10.0.65.2');
  });

  it('does not turn responder guidance into an uncited statement (every statement cites a record)', () => {
    const incident = sampleIncidents[1]!;
    for (const audience of audiences) {
      const output = update(incident, audience, 'Partners should retry failed webhooks.');
      expect(JSON.stringify(output)).not.toContain('retry failed webhooks');
      for (const statement of [output.summary, output.impact, ...output.actions]) expect(statement.citations.length).toBeGreaterThan(0);
    }
    expect(update(incident, 'RESPONDERS', '   ')).toEqual(update(incident, 'RESPONDERS'));
  });

  it('is deterministic: same grounding, same output, whatever the clock says', () => {
    vi.useFakeTimers();
    try {
      for (const incident of sampleIncidents) {
        for (const audience of audiences) {
          vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
          const first = JSON.stringify(extractStatusUpdate({ incident, input: { audience, guidance: 'x' } }));
          vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
          const second = JSON.stringify(extractStatusUpdate({ incident: structuredClone(incident), input: { audience, guidance: 'x' } }));
          expect(second).toBe(first);
        }
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not change the incident it reads', () => {
    const incident = structuredClone(sampleIncidents[3]!);
    const before = structuredClone(incident);
    for (const audience of audiences) extractStatusUpdate({ incident, input: { audience } });
    expect(incident).toEqual(before);
  });

  it('copes with an incident that has no log, notes, alerts or services', () => {
    const bare: Incident = { ...structuredClone(sampleIncidents[0]!), status: 'triggered', resolvedAt: null, services: [], logEntries: [], notes: [], alerts: [] };
    for (const audience of audiences) {
      const output = update(bare, audience);
      expect(output.phase).toBe('INVESTIGATING');
      expect(output.title.length).toBeGreaterThan(0);
    }
  });

  it('throws a GroundingError when the incident or the audience is missing or wrong', () => {
    const incident = sampleIncidents[0]!;
    expect(() => extractStatusUpdate({ input: { audience: 'PUBLIC' } })).toThrow(GroundingError);
    expect(() => extractStatusUpdate({ incident, input: {} })).toThrow(GroundingError);
    expect(() => extractStatusUpdate({ incident, input: { audience: 'EVERYONE' } })).toThrow(/audience must be one of/);
    expect(statusUpdateExtractor.feature).toBe('statusUpdate');
  });
});
