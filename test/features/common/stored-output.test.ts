import { describe, expect, it } from 'vitest';
import { verifyCitations } from '../../../src/features/common/citation-check.js';
import { incidentSourceIds } from '../../../src/features/common/incident-prompt-data.js';
import { storedOutputReader, storedOutputSchemaOf, StoredOutputError } from '../../../src/features/common/stored-output.js';
import { featureModules } from '../../../src/features/feature-modules.js';
import { postmortemOutputSchema } from '../../../src/features/postmortem/output-schema.js';
import { sampleExecutions, sampleIncidents, sampleJobs } from '../../../src/incidents/sample/index.js';
import type { Grounding } from '../../../src/llm/types.js';
import type { DraftRecord } from '../../../src/store/types.js';

const incident = sampleIncidents.find((candidate) => candidate.id === 'PDEMO01')!;
const execution = sampleExecutions.find((candidate) => candidate.status !== 'succeeded')!;

/** A grounding each built-in feature's extractor answers. */
const groundings: Record<string, Grounding> = {
  statusUpdate: { incident, input: { audience: 'RESPONDERS', guidance: null } },
  postmortem: { incident, input: { stage: 'postmortem', preliminary: false } },
  runbook: { incident, input: { description: 'restart the payments api pods one by one', incidentId: incident.id } },
  assistant: { incident, input: { question: 'What is the root cause?', priorQuestions: [] } },
  automationDigest: { job: sampleJobs[0]!, execution, input: { jobId: sampleJobs[0]!.id, executionId: execution.id } },
};

const knownOf = (grounding: Grounding) =>
  grounding.execution ? new Map([['LOG_LINE', new Set(grounding.execution.log.map((_, index) => `L${index + 1}`))]]) : incidentSourceIds(grounding.incident!);

const draftWith = (output: Record<string, unknown> | null): DraftRecord => ({ id: 'd-1', output }) as DraftRecord;

/** Every `unverified` flag of a value, by path. */
function flagsOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => flagsOf(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, field]) => (key === 'unverified' ? [`${path}=${String(field)}`] : flagsOf(field, `${path}.${key}`)));
}

describe('stored outputs', () => {
  it.each(featureModules.map((module) => [module.name, module] as const))('%s: the stored-output schema keeps every unverified flag of a stored output', (name, module) => {
    const output = module.extractor.extract(groundings[name]!);
    // Checked against the real sources every flag is false; against none, every flag is true.
    for (const known of [knownOf(groundings[name]!), new Map()]) {
      const marked = verifyCitations(output, known).marked as Record<string, unknown>;
      const read = module.readOutput(draftWith({ ...marked, unverifiedCount: 0, quarantined: [] }));
      expect(flagsOf(read)).toEqual(flagsOf(marked));
      if (name !== 'runbook') expect(flagsOf(read).length).toBeGreaterThan(0);
    }
  });

  it('a strict parse of the output schema would lose them; the derived schema keeps them at every depth', () => {
    const marked = verifyCitations(featureModules.find((module) => module.name === 'postmortem')!.extractor.extract(groundings.postmortem!), incidentSourceIds(incident)).marked;
    expect(flagsOf(postmortemOutputSchema.parse(marked))).toEqual([]);
    const flags = flagsOf(storedOutputSchemaOf(postmortemOutputSchema).parse(marked));
    expect(flags.some((flag) => flag.startsWith('.impact.duration'))).toBe(true);
    expect(flags.some((flag) => flag.startsWith('.timeline[0]'))).toBe(true);
    expect(flags.some((flag) => flag.startsWith('.rootCause'))).toBe(true);
  });

  it('reads nothing until the draft is complete, or when no text was retained', () => {
    const read = featureModules[0]!.readOutput;
    expect(read(draftWith(null))).toBeNull();
    expect(read(draftWith({ retained: false, unverifiedCount: 2 }))).toBeNull();
  });

  it('refuses a row that does not parse with a typed error', () => {
    const read = storedOutputReader({ name: 'postmortem', storedOutputSchema: storedOutputSchemaOf(postmortemOutputSchema) });
    const error = (() => {
      try {
        read(draftWith({ title: 'Broken', timeline: 'not a list' }));
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(StoredOutputError);
    expect((error as StoredOutputError).code).toBe('STORED_OUTPUT_INVALID');
    expect((error as StoredOutputError).extensions).toMatchObject({ draftId: 'd-1', code: 'STORED_OUTPUT_INVALID' });
  });
});
