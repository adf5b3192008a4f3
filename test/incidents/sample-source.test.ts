import { describe, expect, it } from 'vitest';
import { sampleAccountId, sampleExecutions, sampleIncidents, sampleJobs } from '../../src/incidents/sample/index.js';
import { createSampleIncidentSource } from '../../src/incidents/sample-source.js';
import type { Incident, LogEntry } from '../../src/incidents/types.js';

const ids = ['PDEMO01', 'PDEMO02', 'PDEMO03', 'PDEMO04', 'PDEMO05', 'PDEMO06'];
const time = (iso: string): number => Date.parse(iso);
const isOrdered = (times: string[]): boolean => times.every((at, index) => index === 0 || time(times[index - 1]!) <= time(at));

describe('sample incident source', () => {
  it('serves PDEMO01..PDEMO06 in the order asked, null for unknown ids', async () => {
    const source = createSampleIncidentSource();
    const loaded = await source.loadIncidents(sampleAccountId, ['PDEMO03', 'NOPE', ...ids]);
    expect(loaded.map((incident) => incident?.id ?? null)).toEqual(['PDEMO03', null, ...ids]);
  });

  it('serves the runbook job and both executions', async () => {
    const source = createSampleIncidentSource();
    expect((await source.loadJob(sampleAccountId, 'RJDEMO01'))?.name).toBe('Restart payments API pods (rolling)');
    expect((await source.loadExecution(sampleAccountId, 'RJDEMO01', 'EXDEMO01'))?.status).toBe('succeeded');
    expect((await source.loadExecution(sampleAccountId, 'RJDEMO01', 'EXDEMO02'))?.status).toBe('failed');
    expect(await source.loadJob(sampleAccountId, 'RJNOPE')).toBeNull();
    expect(await source.loadExecution(sampleAccountId, 'RJDEMO01', 'EXNOPE')).toBeNull();
    expect(await source.loadExecution(sampleAccountId, 'RJNOPE', 'EXDEMO01')).toBeNull();
  });

  it('shows another account nothing, exactly as for unknown ids', async () => {
    const source = createSampleIncidentSource();
    expect(await source.loadIncidents('other', ids)).toEqual(ids.map(() => null));
    expect(await source.loadJob('other', 'RJDEMO01')).toBeNull();
    expect(await source.loadExecution('other', 'RJDEMO01', 'EXDEMO02')).toBeNull();
  });

  it('scopes custom data by account too', async () => {
    const foreign: Incident = { ...structuredClone(sampleIncidents[0]!), id: 'PFOREIGN', accountId: 'acme' };
    const source = createSampleIncidentSource({ incidents: [foreign], jobs: [], executions: [] });
    expect(await source.loadIncidents(sampleAccountId, ['PFOREIGN', 'PDEMO01'])).toEqual([null, null]);
    expect((await source.loadIncidents('acme', ['PFOREIGN']))[0]?.id).toBe('PFOREIGN');
  });

  it('returns frozen copies, so callers cannot change the samples', async () => {
    const source = createSampleIncidentSource();
    const [first] = await source.loadIncidents(sampleAccountId, ['PDEMO01']);
    expect(first).toEqual(sampleIncidents[0]);
    expect(first).not.toBe(sampleIncidents[0]);
    expect(() => {
      first!.title = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      first!.logEntries[0]!.summary = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (first!.alerts[0]!.body as Record<string, unknown>).value = 'changed';
    }).toThrow(TypeError);
    const execution = await source.loadExecution(sampleAccountId, 'RJDEMO01', 'EXDEMO02');
    expect(() => {
      execution!.log[0]!.text = 'changed';
    }).toThrow(TypeError);

    const [again] = await source.loadIncidents(sampleAccountId, ['PDEMO01']);
    expect(again).toEqual(sampleIncidents[0]);
    expect(Object.isFrozen(sampleIncidents[0])).toBe(false);
    expect(sampleIncidents[0]!.assignees[0]!.name).toBe('Priya Raman');
  });
});

describe('sample data', () => {
  it('has six incidents PDEMO01..PDEMO06, all of the demo account', () => {
    expect(sampleAccountId).toBe('demo');
    expect(sampleIncidents.map((incident) => incident.id)).toEqual(ids);
    for (const record of [...sampleIncidents, ...sampleJobs, ...sampleExecutions]) expect(record.accountId).toBe('demo');
  });

  it('marks only PDEMO06 private', () => {
    expect(sampleIncidents.filter((incident) => incident.private).map((incident) => incident.id)).toEqual(['PDEMO06']);
  });

  it('has resolved and ongoing incidents, with PDEMO01 a high-urgency P1', () => {
    const pdemo01 = sampleIncidents[0]!;
    expect(pdemo01.priority).toBe('P1');
    expect(pdemo01.urgency).toBe('high');
    expect(sampleIncidents.some((incident) => incident.status === 'resolved')).toBe(true);
    expect(sampleIncidents.some((incident) => incident.status === 'acknowledged')).toBe(true);
  });

  it.each(sampleIncidents.map((incident) => [incident.id, incident] as const))('%s has every required part', (_id, incident) => {
    expect(incident.title.length).toBeGreaterThan(10);
    expect(incident.description.length).toBeGreaterThan(40);
    expect(incident.number).toBeGreaterThan(0);
    expect(incident.priority).not.toBeNull();
    expect(incident.services.length).toBeGreaterThanOrEqual(2);
    expect(incident.assignees.length).toBeGreaterThanOrEqual(1);
    for (const person of incident.assignees) expect(person.team).toBeTruthy();
    expect(incident.logEntries.length).toBeGreaterThanOrEqual(10);
    expect(incident.logEntries.length).toBeLessThanOrEqual(25);
    expect(incident.notes.length).toBeGreaterThanOrEqual(3);
    expect(incident.notes.length).toBeLessThanOrEqual(8);
    expect(incident.alerts.length).toBeGreaterThanOrEqual(2);
    expect(incident.alerts.length).toBeLessThanOrEqual(6);
    for (const alert of incident.alerts) expect(Object.keys(alert.body).length).toBeGreaterThanOrEqual(3);
    const types = new Set(incident.logEntries.map((entry) => entry.type));
    for (const type of ['trigger', 'notify', 'acknowledge', 'annotate', 'status_update'] as const) expect(types).toContain(type);
  });

  it.each(sampleIncidents.map((incident) => [incident.id, incident] as const))('%s has consistent, ordered times', (_id, incident) => {
    for (const at of [incident.createdAt, ...incident.logEntries.map((entry) => entry.at), ...incident.notes.map((note) => note.at)]) {
      expect(Number.isNaN(time(at)), at).toBe(false);
    }
    expect(isOrdered(incident.logEntries.map((entry) => entry.at))).toBe(true);
    expect(isOrdered(incident.notes.map((note) => note.at))).toBe(true);
    expect(isOrdered(incident.alerts.map((alert) => alert.at))).toBe(true);
    const first = incident.logEntries[0]!;
    expect(first.type).toBe('trigger');
    expect(first.at).toBe(incident.createdAt);
    for (const record of [...incident.notes, ...incident.alerts]) expect(time(record.at)).toBeGreaterThanOrEqual(time(incident.createdAt));

    const last = incident.logEntries.at(-1) as LogEntry;
    if (incident.status === 'resolved') {
      expect(incident.resolvedAt).not.toBeNull();
      expect(last.type).toBe('resolve');
      expect(last.at).toBe(incident.resolvedAt);
      for (const record of [...incident.notes, ...incident.alerts]) expect(time(record.at)).toBeLessThanOrEqual(time(incident.resolvedAt!));
    } else {
      expect(incident.resolvedAt).toBeNull();
      expect(incident.logEntries.some((entry) => entry.type === 'resolve')).toBe(false);
    }
  });

  it('covers every kind of timeline event across the incidents', () => {
    const types = new Set(sampleIncidents.flatMap((incident) => incident.logEntries.map((entry) => entry.type)));
    for (const type of ['trigger', 'notify', 'acknowledge', 'escalate', 'assign', 'annotate', 'status_update', 'priority_change', 'resolve'] as const) {
      expect(types).toContain(type);
    }
  });

  it('names hosts, IP addresses, people and ticket links in the notes (what PUBLIC output must hide)', () => {
    const notes = sampleIncidents.flatMap((incident) => incident.notes.map((note) => note.content)).join('\n');
    expect(notes).toMatch(/pg-payments-02\.prod\.internal/);
    expect(notes).toMatch(/\b10\.\d+\.\d+\.\d+\b/);
    expect(notes).toMatch(/https:\/\/northwind\.atlassian\.net\/browse\/DBRE-2291/);
    expect(notes).toMatch(/\bElena\b/);
  });

  it('uses every id once', () => {
    const all = [
      ...sampleIncidents.flatMap((incident) => [
        incident.id,
        ...incident.logEntries.map((entry) => entry.id),
        ...incident.notes.map((note) => note.id),
        ...incident.alerts.map((alert) => alert.id),
      ]),
      ...sampleJobs.map((job) => job.id),
      ...sampleExecutions.map((execution) => execution.id),
    ];
    expect(new Set(all).size).toBe(all.length);
    const people = new Map<string, string>();
    for (const person of sampleIncidents.flatMap((incident) => [...incident.assignees, ...incident.notes.map((note) => note.author)])) {
      expect(people.get(person.id) ?? person.name, person.id).toBe(person.name);
      people.set(person.id, person.name);
    }
  });

  it('has RJDEMO01 with a succeeded EXDEMO01 and a failed EXDEMO02', () => {
    expect(sampleJobs).toHaveLength(1);
    expect(sampleJobs[0]).toMatchObject({ id: 'RJDEMO01', project: 'payments' });
    expect(sampleExecutions.map((execution) => [execution.id, execution.status])).toEqual([
      ['EXDEMO01', 'succeeded'],
      ['EXDEMO02', 'failed'],
    ]);
  });

  it.each(sampleExecutions.map((execution) => [execution.id, execution] as const))('%s has a realistic, ordered log', (_id, execution) => {
    expect(execution.jobId).toBe('RJDEMO01');
    expect(execution.log.length).toBeGreaterThanOrEqual(40);
    expect(execution.log.length).toBeLessThanOrEqual(150);
    expect(execution.steps.map((step) => step.number)).toEqual(execution.steps.map((_step, index) => index + 1));
    expect(isOrdered(execution.log.map((line) => line.at))).toBe(true);
    const stepNumbers = new Set(execution.steps.map((step) => String(step.number)));
    for (const line of execution.log) {
      expect(stepNumbers.has(line.step.split('/')[0]!), line.step).toBe(true);
      expect(execution.nodes).toContain(line.node);
      expect(time(line.at)).toBeGreaterThanOrEqual(time(execution.startedAt));
      expect(time(line.at)).toBeLessThanOrEqual(time(execution.endedAt!));
    }
  });

  it('EXDEMO02 fails at step 4 with a timeout and never runs step 5, during PDEMO01', () => {
    const execution = sampleExecutions.find((candidate) => candidate.id === 'EXDEMO02')!;
    expect(execution.incidentId).toBe('PDEMO01');
    const errors = execution.log.filter((line) => line.level === 'ERROR');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((line) => line.step === '4')).toBe(true);
    expect(errors.map((line) => line.text).join('\n')).toMatch(/timed out waiting for the condition/);
    expect(execution.log.some((line) => line.step === '5' || line.step === '6')).toBe(false);
    const pdemo01 = sampleIncidents[0]!;
    expect(time(execution.startedAt)).toBeGreaterThan(time(pdemo01.createdAt));
    expect(time(execution.endedAt!)).toBeLessThan(time(pdemo01.resolvedAt!));
  });
});
