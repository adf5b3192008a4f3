import { z } from 'zod';
import { structuredOutputSpec } from '../common/output-spec.js';
import { statementSchema } from '../common/citation.js';

export const audiences = ['RESPONDERS', 'STAKEHOLDERS', 'PUBLIC'] as const;
export type Audience = (typeof audiences)[number];

export const incidentPhases = ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'] as const;
export type IncidentPhase = (typeof incidentPhases)[number];

/** The structured status update a provider must return. */
export const statusUpdateOutputSchema = z.object({
  title: z.string().min(1).describe('A headline of at most 12 words naming the affected service.'),
  phase: z.enum(incidentPhases).describe('Where the response stands (status page vocabulary).'),
  summary: statementSchema.describe('What is happening, in plain words for the audience.'),
  impact: statementSchema.describe('Who or what is affected and how.'),
  actions: z.array(statementSchema).describe('What is being done now, one statement each.'),
  nextUpdateMinutes: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .nullable()
    .describe('Minutes until the next update; null once resolved.'),
});
export type StatusUpdateOutput = z.infer<typeof statusUpdateOutputSchema>;

export const statusUpdateOutputSpec = structuredOutputSpec(statusUpdateOutputSchema, 'status_update', 'A status update about an ongoing or resolved incident.');
