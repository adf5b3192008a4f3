import { z } from 'zod';

/** Kinds of source a statement can rest on. */
export const sourceTypes = ['LOG_ENTRY', 'NOTE', 'ALERT', 'LOG_LINE'] as const;
export type SourceType = (typeof sourceTypes)[number];

/** A reference from a statement of a draft to the input it rests on. */
export const citationSchema = z.object({
  sourceType: z.enum(sourceTypes).describe('What kind of input record the statement rests on.'),
  sourceId: z.string().describe('The id of that record, exactly as given in the input.'),
  excerpt: z.string().describe('A short quote from that record supporting the statement.'),
});
export type Citation = z.infer<typeof citationSchema>;

/** One statement of fact with the sources it rests on. */
export const statementSchema = z.object({
  text: z.string().describe('One or two sentences.'),
  citations: z.array(citationSchema).describe('The records this statement rests on; empty only for statements that are not facts about the incident.'),
});
export type Statement = z.infer<typeof statementSchema>;
