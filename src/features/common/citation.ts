import { z } from 'zod';

/** Kinds of source a statement can rest on. */
export const sourceTypes = ['LOG_ENTRY', 'NOTE', 'ALERT', 'LOG_LINE'] as const;
export type SourceType = (typeof sourceTypes)[number];

/**
 * A reference from a statement of a draft to the input it rests on. Its fields carry no
 * descriptions: the schema repeats a citation for every statement (nine times in a
 * postmortem), and every prompt says once how to cite (sourceType and id exactly as given,
 * excerpt a short verbatim quote).
 */
export const citationSchema = z.object({
  sourceType: z.enum(sourceTypes),
  sourceId: z.string(),
  excerpt: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

/** One statement of fact with the sources it rests on. */
export const statementSchema = z.object({
  text: z.string().describe('One or two sentences.'),
  citations: z.array(citationSchema).describe('Empty only for statements that are not facts about the incident.'),
});
export type Statement = z.infer<typeof statementSchema>;
