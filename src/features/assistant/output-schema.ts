import { z } from 'zod';
import { structuredOutputSpec } from '../common/output-spec.js';
import { statementSchema } from '../common/citation.js';

/** The structured answer a provider must return to a question about an incident. */
export const assistantOutputSchema = z.object({
  answered: z
    .boolean()
    .describe('True when the statements answer the question from the incident data; false when the data does not hold the answer.'),
  statements: z
    .array(statementSchema)
    .describe(
      'The answer, one fact per statement, each citing the incident records it rests on. When answered is false: only related facts the data does hold, or none.',
    ),
  missing: z
    .string()
    .nullable()
    .describe('When answered is false: what the incident data does not say, in one sentence, stating no facts. Null when answered is true.'),
});
/** A validated assistant answer. */
export type AssistantOutput = z.infer<typeof assistantOutputSchema>;

/** The answer's schema as providers receive it for structured output. */
export const assistantOutputSpec = structuredOutputSpec(assistantOutputSchema, 'assistant_answer', 'An answer to a question about an incident, from the incident data only, with citations.');
