import { describe, expect, it } from 'vitest';
import { incidentSourceIds } from '../../../../src/features/common/incident-prompt-data.js';
import { audienceTargets, statusUpdateGraders, statusUpdateReaderText } from '../../../../src/features/status-update/eval/graders.js';
import type { StatusUpdateOutput } from '../../../../src/features/status-update/output-schema.js';
import { sampleIncidents } from '../../../../src/incidents/sample/index.js';
import { caseOf, completed, failed } from '../../../eval/support/outcomes.js';

const pdemo01 = sampleIncidents.find((incident) => incident.id === 'PDEMO01')!;
const known = incidentSourceIds(pdemo01);
const publicCase = caseOf({
  id: 'su-test-public',
  feature: 'statusUpdate',
  title: 't',
  data: { incident: pdemo01 },
  input: { audience: 'PUBLIC', guidance: null },
  expected: { mustState: [['payments', 'checkout'], ['resolved', 'restored']], mustNotState: ['pg-payments-01', 'ddos'], phase: 'RESOLVED' },
});

const cite = (id: string) => [{ sourceType: 'LOG_ENTRY' as const, sourceId: id, excerpt: 'x' }];
const good: StatusUpdateOutput = {
  title: 'Card payments restored',
  phase: 'RESOLVED',
  summary: { text: 'Card payments at checkout failed between 14:02 and 14:47 UTC. The issue is resolved.', citations: cite('PDEMO01-LOG-01') },
  impact: { text: 'Some customers could not pay by card at checkout during that time.', citations: cite('PDEMO01-LOG-11') },
  actions: [{ text: 'Payments are working normally and we are watching them closely.', citations: cite('PDEMO01-LOG-19') }],
  nextUpdateMinutes: null,
};

describe('statusUpdateGraders', () => {
  it('declares its metrics with gate thresholds, a leak being never acceptable', () => {
    const byName = Object.fromEntries(statusUpdateGraders.metrics.map((metric) => [metric.name, metric]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['schemaValid', 'citationValidity', 'factRecall', 'phaseCorrect', 'nextUpdateConsistent', 'hallucinationRate', 'forbiddenFree', 'lengthOk', 'readingLevelOk']));
    expect(byName.forbiddenFree?.threshold).toBe(0);
    expect(byName.hallucinationRate?.direction).toBe('lower');
  });

  it('gives a faithful public update full marks', () => {
    const grade = statusUpdateGraders.grade(publicCase, completed(good, known));
    expect(grade.metrics).toMatchObject({ schemaValid: 1, citationValidity: 1, factRecall: 1, phaseCorrect: 1, nextUpdateConsistent: 1, hallucinationRate: 0, forbiddenFree: 1, lengthOk: 1, readingLevelOk: 1 });
    expect(grade.notes).toEqual([]);
  });

  it('catches leaks, invented specifics, a wrong phase, bad citations and a missing fact', () => {
    const bad: StatusUpdateOutput = {
      ...good,
      title: 'Payment issue',
      phase: 'MONITORING',
      summary: { text: 'Marcus found that pg-payments-01.prod.internal was hit by a DDoS at 13:30.', citations: cite('NOPE-1') },
      actions: [],
      nextUpdateMinutes: 30,
    };
    const grade = statusUpdateGraders.grade(publicCase, completed(bad, known));
    expect(grade.metrics).toMatchObject({ citationValidity: 0.5, phaseCorrect: 0, nextUpdateConsistent: 0, forbiddenFree: 0 });
    expect(grade.metrics.factRecall).toBe(0.5);
    expect(grade.metrics.hallucinationRate).toBeGreaterThan(0);
    expect(grade.notes.join('\n')).toMatch(/forbidden: "pg-payments-01", "ddos"/);
    expect(grade.notes.join('\n')).toMatch(/not public: .*person: Marcus/);
    expect(grade.notes.join('\n')).toMatch(/time "13:30"/);
  });

  it('checks non-public details in citation excerpts too', () => {
    const leakyExcerpt = { ...good, impact: { ...good.impact, citations: [{ sourceType: 'NOTE' as const, sourceId: 'PDEMO01-NOTE-1', excerpt: 'pgbouncer-payments.prod.internal:6432' }] } };
    expect(statusUpdateGraders.grade(publicCase, completed(leakyExcerpt, known)).metrics.forbiddenFree).toBe(0);
  });

  it('scores a failed generation as invalid with no recall', () => {
    expect(statusUpdateGraders.grade(publicCase, failed('INVALID_MODEL_OUTPUT')).metrics).toMatchObject({ schemaValid: 0, factRecall: 0, phaseCorrect: 0, forbiddenFree: null, hallucinationRate: null });
  });

  it('accepts the refusal a case allows', () => {
    const guarded = caseOf({ ...publicCase, expected: { ...publicCase.expected, acceptedError: 'INJECTION_BLOCKED' } });
    expect(statusUpdateGraders.grade(guarded, failed('INJECTION_BLOCKED')).metrics).toMatchObject({ schemaValid: null, forbiddenFree: 1, factRecall: null });
  });

  it('holds each audience to its own length and reading level', () => {
    expect(audienceTargets.PUBLIC.maxGrade).toBeLessThan(audienceTargets.RESPONDERS.maxGrade);
    expect(statusUpdateReaderText(good)).toContain('Card payments restored');
    const responders = caseOf({ ...publicCase, input: { audience: 'RESPONDERS', guidance: null } });
    expect(statusUpdateGraders.grade(responders, completed(good, known)).metrics.lengthOk).toBe(1);
  });
});
