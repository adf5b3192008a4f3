import { describe, expect, it } from 'vitest';
import { contextCoverage } from '../../../src/eval/metrics/context-coverage.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';

const incident = sampleIncidents[0]!;
const note = incident.notes.find((candidate) => candidate.content.includes('DBRE-2304'))!;

describe('context coverage', () => {
  it('counts the facts and the ids of the records stating them that the prompt holds', () => {
    const prompt = `${note.id} ${note.content}`;
    expect(contextCoverage({ incident, job: null, execution: null }, ['DBRE-2304', ['PAY-1187', 'PgBouncer']], prompt)).toEqual({ contextCoverage: 1, contextFactCoverage: 1, contextIdCoverage: 1 });
  });

  it('falls when a fact, or every record id that states it, is left out of the prompt', () => {
    expect(contextCoverage({ incident, job: null, execution: null }, ['DBRE-2304', 'no such fact anywhere'], note.content)).toEqual({ contextCoverage: 1 / 3, contextFactCoverage: 0.5, contextIdCoverage: 0 });
  });

  it('reads JSON escapes as separators and is null for a case without facts', () => {
    expect(contextCoverage({ incident, job: null, execution: null }, ['root cause'], '{"content":"line one\\nroot cause found"}').contextFactCoverage).toBe(1);
    expect(contextCoverage({ incident, job: null, execution: null }, [], 'anything')).toEqual({ contextCoverage: null, contextFactCoverage: null, contextIdCoverage: null });
  });

  it('names execution log lines by their L<n> label', () => {
    const execution = { id: 'E1', jobId: 'J1', accountId: 'a', status: 'failed' as const, startedAt: '2025-03-11T14:00:00Z', endedAt: null, user: 'u', steps: [], nodes: [], incidentId: null, log: [{ at: '2025-03-11T14:00:00Z', level: 'ERROR' as const, node: 'n', step: '1', text: 'pgbouncer cannot connect' }] };
    expect(contextCoverage({ incident: null, job: null, execution }, ['pgbouncer'], 'L1 14:00:00 ERROR [1] pgbouncer cannot connect').contextIdCoverage).toBe(1);
    expect(contextCoverage({ incident: null, job: null, execution }, ['pgbouncer'], 'pgbouncer').contextIdCoverage).toBe(0);
  });
});
