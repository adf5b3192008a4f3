/**
 * Draft.citedRecords: the records a draft's citations name, looked up in the incident source
 * for the caller's account, secrets redacted; a citation naming nothing is left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationsOf, citedRecords } from '../../src/graphql/cited-records.js';
import { createSampleIncidentSource } from '../../src/incidents/sample-source.js';
import type { DraftRecord } from '../../src/store/types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const draftOf = (overrides: Partial<DraftRecord>): DraftRecord => ({
  id: 'd1', accountId: 'demo', userId: null, kind: 'STATUS_UPDATE', state: 'COMPLETE', incidentId: 'PDEMO01', jobId: null, executionId: null,
  input: {}, output: null, text: '', generation: null, error: null, createdAt: '', updatedAt: '', ...overrides,
});

describe('cited records', () => {
  it('collects every citation once, in order, from nested statements and sources', () => {
    const output = {
      summary: { text: 'a', citations: [{ sourceType: 'NOTE', sourceId: 'N1', excerpt: 'x' }] },
      actions: [{ text: 'b', citations: [{ sourceType: 'LOG_ENTRY', sourceId: 'L1', excerpt: 'y' }, { sourceType: 'NOTE', sourceId: 'N1', excerpt: 'z' }] }],
      sources: [{ sourceType: 'ALERT', sourceId: 'A1', excerpt: 'w' }],
    };
    expect(citationsOf(output)).toEqual([
      { sourceType: 'NOTE', sourceId: 'N1' },
      { sourceType: 'LOG_ENTRY', sourceId: 'L1' },
      { sourceType: 'ALERT', sourceId: 'A1' },
    ]);
    expect(citationsOf(null)).toEqual([]);
  });

  it('resolves log entries, notes and alerts of the incident and log lines of the execution, leaving out what does not exist, for the owning account only', async () => {
    const source = createSampleIncidentSource();
    const [incident] = await source.loadIncidents('demo', ['PDEMO01']);
    const entry = incident!.logEntries[3]!;
    const note = incident!.notes[0]!;
    const alert = incident!.alerts[0]!;
    const output = { summary: { citations: [
      { sourceType: 'LOG_ENTRY', sourceId: entry.id },
      { sourceType: 'NOTE', sourceId: note.id },
      { sourceType: 'ALERT', sourceId: alert.id },
      { sourceType: 'NOTE', sourceId: 'NOTE-DOES-NOT-EXIST' },
    ] } };
    expect(await citedRecords(draftOf({ output }), 'demo', source)).toEqual([
      { sourceType: 'LOG_ENTRY', sourceId: entry.id, at: entry.at, author: entry.agent, text: entry.summary },
      { sourceType: 'NOTE', sourceId: note.id, at: note.at, author: note.author.name, text: note.content },
      { sourceType: 'ALERT', sourceId: alert.id, at: alert.at, author: alert.source, text: alert.summary },
    ]);
    expect(await citedRecords(draftOf({ output }), 'another-account', source)).toEqual([]);

    const execution = (await source.loadExecution('demo', 'RJDEMO01', 'EXDEMO02'))!;
    const digest = draftOf({ kind: 'AUTOMATION_DIGEST', incidentId: null, jobId: 'RJDEMO01', executionId: 'EXDEMO02', output: { summary: { citations: [{ sourceType: 'LOG_LINE', sourceId: 'L2' }, { sourceType: 'LOG_LINE', sourceId: `L${execution.log.length + 1}` }] } } });
    expect(await citedRecords(digest, 'demo', source)).toEqual([{ sourceType: 'LOG_LINE', sourceId: 'L2', at: execution.log[1]!.at, author: execution.log[1]!.node, text: execution.log[1]!.text }]);
  });

  it('redacts secrets in the record text', async () => {
    const source = createSampleIncidentSource();
    const [incident] = await source.loadIncidents('demo', ['PDEMO01']);
    const leaky = { ...incident!, notes: [{ ...incident!.notes[0]!, content: 'rotated the key AKIAIOSFODNN7EXAMPLE after the leak' }] };
    const fake = { ...source, loadIncidents: async () => [leaky] };
    const [record] = await citedRecords(draftOf({ output: { summary: { citations: [{ sourceType: 'NOTE', sourceId: leaky.notes[0]!.id }] } } }), 'demo', fake);
    expect(record!.text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(record!.text).toContain('rotated the key');
  });
});

describe('Draft.citedRecords over GraphQL', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('answers the records a stored status update cites', async () => {
    const result = await service.graphql<{ draftStatusUpdate: { summary: { citations: { sourceType: string; sourceId: string }[] }; citedRecords: { sourceType: string; sourceId: string; text: string }[] } }>(
      'mutation { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: RESPONDERS }) { summary { citations { sourceType sourceId } } citedRecords { sourceType sourceId text } } }',
    );
    expect(result.errors).toBeUndefined();
    const { summary, citedRecords: records } = result.data!.draftStatusUpdate;
    expect(records.length).toBeGreaterThan(0);
    for (const citation of summary.citations) expect(records).toContainEqual(expect.objectContaining(citation));
    for (const record of records) expect(record.text.length).toBeGreaterThan(0);
  });
});
