/** The toy feature's output: a headline and the incident's notes as cited statements. */
import { z } from 'zod';
import { statementSchema } from '../../../src/features/common/citation.js';
import { structuredOutputSpec } from '../../../src/features/common/output-spec.js';

export const toyOutputSchema = z.object({
  headline: z.string().min(1).describe('The incident in a few words.'),
  facts: z.array(statementSchema).describe('What the notes say, one statement each, citing the note.'),
});
export type ToyOutput = z.infer<typeof toyOutputSchema>;

export const toyOutputSpec = structuredOutputSpec(toyOutputSchema, 'toy_digest', 'A headline and the notes of an incident.');
