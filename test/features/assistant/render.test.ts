import { describe, expect, it } from 'vitest';
import { answerProblems } from '../../../src/features/assistant/feature.js';
import { assistantOutputSchema, assistantOutputSpec } from '../../../src/features/assistant/output-schema.js';
import { missingLabel, renderAssistantAnswer } from '../../../src/features/assistant/render.js';

const citation = { sourceType: 'NOTE' as const, sourceId: 'N1', excerpt: 'x' };

describe('renderAssistantAnswer', () => {
  it('renders one paragraph per statement, flagging unverified ones', () => {
    // As stored: the citation check marks every statement.
    const unverified = { text: 'PgBouncer pointed at the old primary.', citations: [citation], unverified: true };
    const text = renderAssistantAnswer({ answered: true, statements: [{ text: 'The slot filled the volume.', citations: [citation] }, unverified], missing: null });
    expect(text).toBe(['The slot filled the volume.', '', 'PgBouncer pointed at the old primary. _(unverified)_', ''].join('\n'));
  });

  it('says what the data does not hold when not answered', () => {
    const text = renderAssistantAnswer({ answered: false, statements: [], missing: 'The data does not name the CFO.' });
    expect(text).toBe(`${missingLabel} The data does not name the CFO.\n`);
  });

  it('tolerates partial output, and a growing answer only extends its text', () => {
    expect(renderAssistantAnswer({})).toBe('');
    expect(renderAssistantAnswer({ statements: [{}, { text: 'Par' }] })).toBe('Par\n');
    const partial = renderAssistantAnswer({ answered: true, statements: [{ text: 'The slot filled' }] });
    const complete = renderAssistantAnswer({ answered: true, statements: [{ text: 'The slot filled the volume.', citations: [citation] }], missing: null });
    expect(complete.startsWith(partial.trimEnd())).toBe(true);
  });
});

describe('assistant output schema', () => {
  it('accepts an answer and a refusal, rejects missing fields', () => {
    expect(assistantOutputSchema.safeParse({ answered: true, statements: [{ text: 'x', citations: [citation] }], missing: null }).success).toBe(true);
    expect(assistantOutputSchema.safeParse({ answered: false, statements: [], missing: 'Not in the data.' }).success).toBe(true);
    expect(assistantOutputSchema.safeParse({ answered: true, statements: [] }).success).toBe(false);
    expect(assistantOutputSchema.safeParse({ answered: 'yes', statements: [], missing: null }).success).toBe(false);
  });

  it('is strict-mode shaped for providers: every property required', () => {
    const schema = assistantOutputSpec.jsonSchema as { required: string[]; additionalProperties: boolean };
    expect(schema.required.sort()).toEqual(['answered', 'missing', 'statements']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('finds an answer without statements and a refusal without a reason', () => {
    expect(answerProblems({ answered: true, statements: [], missing: null })).toHaveLength(1);
    expect(answerProblems({ answered: false, statements: [], missing: ' ' })).toHaveLength(1);
    expect(answerProblems({ answered: false, statements: [], missing: 'Not there.' })).toEqual([]);
    expect(answerProblems({ answered: true, statements: [{ text: 'x', citations: [citation] }], missing: null })).toEqual([]);
  });
});
