import { z } from 'zod';
import { structuredOutputSpec } from '../common/output-spec.js';
import { compactOutputSpec } from '../common/compact-schema.js';
import { citationSchema, statementSchema } from '../common/citation.js';
import { isIsoDateTime } from './iso-time.js';

/** How urgent an action item is. */
export const actionItemPriorities = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type ActionItemPriority = (typeof actionItemPriorities)[number];

/** One event of the postmortem's timeline. */
export const timelineEventSchema = z.object({
  at: z
    .string()
    .refine(isIsoDateTime, 'must be an ISO 8601 date-time with its offset, copied from a cited record, e.g. 2025-03-11T14:02:11Z')
    .describe('When it happened: the time of a record it cites, as ISO 8601 UTC (2025-03-11T14:02:11Z).'),
  text: z.string().min(1).describe('What happened, in one sentence.'),
  citations: z.array(citationSchema).describe('The records this event rests on.'),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** What the incident did to the business. */
export const impactSchema = z.object({
  services: z.array(z.string()).describe('The affected services, names exactly as in the incident data.'),
  duration: statementSchema.describe('How long the impact lasted: from when to when (UTC), or since when if it is ongoing.'),
  customerEffect: statementSchema.describe('What customers experienced, with the numbers the records give.'),
});
export type Impact = z.infer<typeof impactSchema>;

/** The root cause, or the best hypothesis when the data does not establish it. */
export const rootCauseSchema = z.object({
  hypothesis: z
    .boolean()
    .describe('False only when a cited record states that the root cause was identified or confirmed; otherwise true.'),
  text: z.string().min(1).describe('The root cause, or the most likely cause as a hypothesis.'),
  citations: z.array(citationSchema).describe('The records it rests on.'),
});
export type RootCause = z.infer<typeof rootCauseSchema>;

/** A follow-up that would prevent a recurrence or shorten the next one. */
export const actionItemSchema = z.object({
  priority: z.enum(actionItemPriorities).describe('HIGH for what prevents a recurrence of a severe incident, MEDIUM, LOW.'),
  ownerTeam: z.string().nullable().describe('The suggested owner: a team named in the incident data (e.g. an assignee\'s team), or null.'),
  title: z.string().min(1).describe('The action, imperative, with its ticket id when the records give one.'),
  citations: z.array(citationSchema).describe('The records that call for it (a follow-up in a note, the failure it addresses).'),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

/** The structured postmortem a provider must return. */
export const postmortemOutputSchema = z.object({
  title: z.string().min(1).describe('A headline of at most 14 words naming the affected service and what failed.'),
  summary: statementSchema.describe('What happened, its impact and how it ended, in two or three sentences.'),
  impact: impactSchema,
  detection: statementSchema.describe('How and when the incident was detected, acknowledged and escalated.'),
  timeline: z.array(timelineEventSchema).describe('The events that matter, oldest first.'),
  contributingFactors: z.array(statementSchema).describe('Conditions that made the incident possible, worse or longer; one each.'),
  rootCause: rootCauseSchema,
  resolution: statementSchema.describe('What ended the impact and when; for an open incident, what has been done so far.'),
  actionItems: z.array(actionItemSchema).describe('Follow-ups, most important first.'),
});
export type PostmortemOutput = z.infer<typeof postmortemOutputSchema>;

export const postmortemOutputSpec = structuredOutputSpec(postmortemOutputSchema, 'postmortem', 'A blameless postmortem of an incident, every statement citing the incident records it rests on.');

/**
 * The same schema without its descriptions, the citation and statement written once under
 * `$defs`, for prompts that state what the descriptions said (postmortem/v3).
 */
export const postmortemCompactOutputSpec = compactOutputSpec(postmortemOutputSchema, postmortemOutputSpec.name, 'A blameless postmortem citing its records.', {
  definitions: { citation: citationSchema, statement: statementSchema },
});
