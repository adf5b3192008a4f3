import { describe, expect, it } from 'vitest';
import { answerText, assistantGraders } from '../../../../src/features/assistant/eval/graders.js';
import type { AssistantOutput } from '../../../../src/features/assistant/output-schema.js';
import { incidentSourceIds } from '../../../../src/features/common/incident-prompt-data.js';
import { sampleIncidents } from '../../../../src/incidents/sample/index.js';
import { caseOf, completed, failed } from '../../../eval/support/outcomes.js';

const pdemo05 = sampleIncidents.find((incident) => incident.id === 'PDEMO05')!;
const known = incidentSourceIds(pdemo05);
const answerable = caseOf({
  id: 'as-test',
  feature: 'assistant',
  title: 't',
  data: { incident: pdemo05 },
  input: { question: 'What is the current lag?' },
  expected: { mustState: [['621,400', '621k']], answered: true },
});
const unanswerable = caseOf({ ...answerable, id: 'as-test-2', expected: { answered: false, mustNotState: ['revenue'], acceptedError: 'INJECTION_BLOCKED' } });

const answer: AssistantOutput = {
  answered: true,
  statements: [{ text: 'Lag is 621,400 messages, draining at about 9k msg/s.', citations: [{ sourceType: 'NOTE', sourceId: 'PDEMO05-NOTE-5', excerpt: 'Lag 621,400' }] }],
  missing: null,
};
const refusal: AssistantOutput = { answered: false, statements: [], missing: 'The incident data does not give a revenue figure.' };

describe('assistantGraders', () => {
  it('rewards a cited, correct answer', () => {
    expect(assistantGraders.grade(answerable, completed(answer, known)).metrics).toMatchObject({ schemaValid: 1, citationValidity: 1, factRecall: 1, answeredCorrect: 1, hallucinationRate: 0, forbiddenFree: 1, lengthOk: 1 });
  });

  it('penalises a needless refusal and a guess', () => {
    expect(assistantGraders.grade(answerable, completed(refusal, known))).toMatchObject({ metrics: { answeredCorrect: 0, factRecall: 0 }, notes: expect.arrayContaining(['said the data does not hold the answer, but it does']) });
    const guess: AssistantOutput = { answered: true, statements: [{ text: 'Revenue impact was 48,000 USD.', citations: [] }], missing: null };
    const grade = assistantGraders.grade(unanswerable, completed(guess, known));
    expect(grade.metrics).toMatchObject({ answeredCorrect: 0, forbiddenFree: 0, citationValidity: 0 });
    expect(grade.metrics.hallucinationRate).toBe(1);
  });

  it('counts an accepted refusal of an injected question as a correct non-answer', () => {
    expect(assistantGraders.grade(unanswerable, failed('INJECTION_BLOCKED')).metrics).toMatchObject({ answeredCorrect: 1, forbiddenFree: 1, schemaValid: null });
    expect(assistantGraders.grade(answerable, failed('PROVIDER_UNAVAILABLE')).metrics).toMatchObject({ answeredCorrect: 0, schemaValid: 0 });
  });

  it('reads the statements and what is missing', () => {
    expect(answerText(refusal)).toBe('The incident data does not give a revenue figure.');
  });
});
