import { describe, expect, it } from 'vitest';
import { answerProblems } from '../../../src/features/assistant/feature.js';
import { questionTerms, stemsOf } from '../../../src/features/assistant/relevance.js';
import { assistantOutputSchema, type AssistantOutput } from '../../../src/features/assistant/output-schema.js';
import { verifyCitations } from '../../../src/features/common/citation-check.js';
import { incidentSourceIds } from '../../../src/features/common/incident-prompt-data.js';
import type { Incident } from '../../../src/incidents/types.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import { createExtractiveProvider } from '../../../src/llm/providers/extractive-provider.js';
import { assistantExtractor, extractAssistantAnswer } from '../../../src/features/assistant/extractor.js';
import { isGroundingError } from '../../../src/llm/providers/extractive/extractor.js';
import { defaultExtractors } from '../../../src/features/feature-modules.js';

const incidentById = (id: string): Incident => {
  const incident = sampleIncidents.find((item) => item.id === id);
  if (!incident) throw new Error(`no sample incident ${id}`);
  return incident;
};

/** A question, and the records a good answer cites (at least one of them). */
interface Case {
  question: string;
  cites: string[];
  /** Words the answer's text must hold. */
  mentions?: string[];
}

const answerable: Record<string, Case[]> = {
  PDEMO01: [
    { question: 'Which replication slot filled the WAL volume?', cites: ['PDEMO01-NOTE-4'], mentions: ['debezium_payments_cdc'] },
    { question: 'Who is the incident commander?', cites: ['PDEMO01-LOG-09'], mentions: ['Hannah Lindqvist'] },
    { question: 'When was it resolved?', cites: ['PDEMO01-LOG-19'], mentions: ['15:14 UTC'] },
    { question: 'How many card authorisations failed?', cites: ['PDEMO01-NOTE-6'], mentions: ['2,140'] },
  ],
  PDEMO02: [
    { question: 'Why did the certificate expire?', cites: ['PDEMO02-LOG-10', 'PDEMO02-NOTE-2'], mentions: ['root cause'] },
    { question: 'How was the certificate renewed?', cites: ['PDEMO02-NOTE-3', 'PDEMO02-LOG-11', 'PDEMO02-LOG-13'] },
  ],
  PDEMO03: [
    { question: 'Were any orders lost?', cites: ['PDEMO03-LOG-15', 'PDEMO03-NOTE-4'], mentions: ['none lost'] },
    { question: 'What was rolled back?', cites: ['PDEMO03-LOG-13', 'PDEMO03-NOTE-3', 'PDEMO03-LOG-14'] },
  ],
  PDEMO04: [
    { question: 'Which security group is missing egress?', cites: ['PDEMO04-NOTE-4'], mentions: ['sg-0a4e19c2f3b7'] },
    { question: 'What is the current status?', cites: ['PDEMO04-LOG-15'] },
  ],
  PDEMO05: [
    { question: 'When will the backlog clear?', cites: ['PDEMO05-LOG-13', 'PDEMO05-NOTE-5'] },
    { question: 'What was the consumer lag on order-events?', cites: ['PDEMO05-NOTE-1', 'PDEMO05-ALERT-1', 'PDEMO05-LOG-05'] },
  ],
  PDEMO06: [
    { question: 'Why are the pods OOMKilled?', cites: ['PDEMO06-LOG-12', 'PDEMO06-NOTE-4'] },
    { question: 'What was the memory limit raised to?', cites: ['PDEMO06-NOTE-3', 'PDEMO06-LOG-11'], mentions: ['3Gi'] },
  ],
};

const notInData = ["What is the CFO's phone number?", 'What is the weather in Paris?', 'Which refund policy applies to enterprise customers?'];

/** Everything every answer must satisfy: the schema, the feature's checks, citations of real records quoted verbatim. */
function expectWellFormed(answer: AssistantOutput, incident: Incident): void {
  expect(assistantOutputSchema.parse(answer)).toEqual(answer);
  expect(answerProblems(answer)).toEqual([]);
  expect(verifyCitations(answer, incidentSourceIds(incident)).problems).toEqual([]);
  const texts = new Map<string, string>([
    ...incident.logEntries.map((entry): [string, string] => [entry.id, entry.summary]),
    ...incident.notes.map((note): [string, string] => [note.id, note.content]),
    ...incident.alerts.map((alert): [string, string] => [alert.id, alert.summary]),
  ]);
  const normalize = (text: string): string => text.replace(/\s+/g, ' ');
  for (const citation of answer.statements.flatMap((statement) => statement.citations)) {
    expect(citation.excerpt.length).toBeGreaterThan(0);
    expect(normalize(texts.get(citation.sourceId)!)).toContain(normalize(citation.excerpt));
  }
}

describe('assistant extractor', () => {
  it('is the registered assistant extractor', () => {
    expect(defaultExtractors.assistant).toBe(assistantExtractor);
  });

  for (const incident of sampleIncidents) {
    describe(incident.id, () => {
      for (const { question, cites, mentions = [] } of answerable[incident.id] ?? []) {
        it(`answers "${question}" with the records that hold it`, () => {
          const answer = extractAssistantAnswer({ incident, input: { question } });
          expectWellFormed(answer, incident);
          expect(answer.answered).toBe(true);
          expect(answer.missing).toBeNull();
          expect(answer.statements.length).toBeGreaterThan(0);
          expect(answer.statements.length).toBeLessThanOrEqual(4);
          const cited = answer.statements.flatMap((statement) => statement.citations.map((citation) => citation.sourceId));
          expect(cites.some((id) => cited.includes(id)), `cited ${cited.join(', ')}`).toBe(true);
          const text = answer.statements.map((statement) => statement.text).join('\n');
          for (const word of mentions) expect(text).toContain(word);
        });
      }

      it('answers false, naming what the data does not mention, when nothing scores', () => {
        for (const question of notInData) {
          const answer = extractAssistantAnswer({ incident, input: { question } });
          expectWellFormed(answer, incident);
          expect(answer, question).toMatchObject({ answered: false, statements: [] });
          expect(answer.missing).toContain(incident.id);
        }
      });

      it('gives an overview of the course of the incident in time order', () => {
        const answer = extractAssistantAnswer({ incident, input: { question: 'Give me a timeline' } });
        expectWellFormed(answer, incident);
        expect(answer.answered).toBe(true);
        const ids = answer.statements.map((statement) => statement.citations[0]!.sourceId);
        const order = incident.logEntries.map((entry) => entry.id);
        expect(ids.map((id) => order.indexOf(id))).toEqual([...ids.map((id) => order.indexOf(id))].sort((a, b) => a - b));
        expect(ids[0]).toBe(incident.logEntries.find((entry) => entry.type === 'trigger')!.id);
      });
    });
  }

  it('is deterministic and does not change its input', () => {
    const incident = incidentById('PDEMO01');
    const before = structuredClone(incident);
    const grounding = { incident, input: { question: 'What caused the outage?', priorQuestions: ['Is checkout down?'] } };
    expect(extractAssistantAnswer(grounding)).toEqual(extractAssistantAnswer(structuredClone(grounding)));
    expect(incident).toEqual(before);
  });

  it('uses earlier questions only to order records the question itself matches', () => {
    const incident = incidentById('PDEMO03');
    const question = 'What was rolled back?';
    const followUp = extractAssistantAnswer({ incident, input: { question, priorQuestions: ['Were any orders lost?', 'Who is the incident commander?'] } });
    expect(followUp.answered).toBe(true);
    // Every record cited matches the question itself; the earlier questions only moved it up.
    const own = new Set(questionTerms(question).map((term) => term.stem));
    const summaries = new Map(incident.logEntries.map((entry) => [entry.id, entry.summary]));
    for (const citation of followUp.statements.flatMap((statement) => statement.citations)) {
      expect(stemsOf(summaries.get(citation.sourceId) ?? '').some((item) => own.has(item)), citation.sourceId).toBe(true);
    }
    const unrelated = extractAssistantAnswer({ incident, input: { question: 'What is the weather in Paris?', priorQuestions: ['What was rolled back?'] } });
    expect(unrelated.answered).toBe(false);
  });

  it('answers about the present newest first', () => {
    const answer = extractAssistantAnswer({ incident: incidentById('PDEMO01'), input: { question: 'What is the current status?' } });
    expect(answer.statements[0]!.citations[0]!.sourceId).toBe('PDEMO01-LOG-19');
  });

  it('answers false without an incident, and refuses a grounding without a question', () => {
    expect(extractAssistantAnswer({ input: { question: 'What caused it?' } })).toMatchObject({ answered: false, statements: [] });
    for (const input of [{}, { question: '  ' }, { question: 42 }]) {
      let thrown: unknown;
      try {
        extractAssistantAnswer({ incident: incidentById('PDEMO01'), input });
      } catch (error) {
        thrown = error;
      }
      expect(isGroundingError(thrown)).toBe(true);
    }
  });

  it('answers through the extractive provider as JSON', async () => {
    const provider = createExtractiveProvider({ extractors: defaultExtractors });
    const incident = incidentById('PDEMO03');
    const completion = await provider.complete(
      {
        feature: 'assistant',
        model: 'extractive',
        messages: [{ role: 'user', content: 'Were any orders lost?' }],
        maxOutputTokens: 1_000,
        temperature: 0,
        grounding: { incident, input: { question: 'Were any orders lost?' } },
      },
      new AbortController().signal,
    );
    expect(JSON.parse(completion.text)).toEqual(extractAssistantAnswer({ incident, input: { question: 'Were any orders lost?' } }));
  });
});
