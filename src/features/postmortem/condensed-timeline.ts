/**
 * The map stage's own small output: one chunk of a long incident log condensed into the
 * events a postmortem timeline needs, each citing the log entries it rests on. Also the
 * shapes the stages hand to each other.
 */
import { z } from 'zod';
import { structuredOutputSpec } from '../common/output-spec.js';
import type { LogEntry } from '../../incidents/types.js';
import { citationSchema, type Citation } from '../common/citation.js';
import { isIsoDateTime } from './iso-time.js';

/** One event of a condensed timeline. */
export const condensedEventSchema = z.object({
  at: z
    .string()
    .refine(isIsoDateTime, 'must be an ISO 8601 date-time with its offset, copied from a record, e.g. 2025-03-11T14:02:11Z')
    .describe('When it happened: the time of the earliest record it rests on, as ISO 8601 UTC (2025-03-11T14:02:11Z).'),
  text: z.string().min(1).describe('What happened, in one sentence; keep the numbers, system names and ticket ids the records give.'),
  citations: z
    .array(citationSchema)
    .describe('The log entries it rests on: sourceType LOG_ENTRY, sourceId exactly as given, excerpt a short verbatim quote of that entry.'),
});
export type CondensedEvent = z.infer<typeof condensedEventSchema>;

/** What a map request returns. */
export const condensedTimelineOutputSchema = z.object({
  events: z.array(condensedEventSchema).describe('The events of this part of the log that a postmortem needs, oldest first.'),
});
export type CondensedTimelineOutput = z.infer<typeof condensedTimelineOutputSchema>;

export const condensedTimelineOutputSpec = structuredOutputSpec(condensedTimelineOutputSchema, 'postmortem_timeline_chunk', 'One part of a long incident log condensed into cited timeline events.');

/**
 * One record a map request reads: a log entry (round 1) or an event condensed in the
 * round before. Also what the extractive engine condenses from.
 */
export interface TimelineItem {
  at: string;
  /** The log entry's type; null for an event condensed earlier. */
  type: LogEntry['type'] | null;
  /** Who or what caused it (log entries only). */
  agent: string | null;
  text: string;
  /** The log entries it rests on: the entry itself in round 1. */
  citations: Citation[];
}

/** What the grounding of a map request holds, for the extractive engine. */
export interface CondenseGroundingInput extends Record<string, unknown> {
  stage: typeof condenseStage;
  round: number;
  items: TimelineItem[];
  maxEvents: number;
}

/** `grounding.input.stage` of a map request. */
export const condenseStage = 'condense-timeline';

/** How a timeline was condensed; stored with the draft's input (the events are not: see feature.ts). */
export interface Condensation extends Record<string, unknown> {
  /** Events the final prompt showed. */
  events: number;
  /** Log entries of the incident the events stand for. */
  logEntries: number;
  /** Map rounds run: 1 when the log's chunks condensed once were small enough. */
  rounds: number;
  /** Chunks condensed in each round. */
  chunks: number[];
  /** Requests the map stage made to the LLM Manager (repairs and fallbacks included). */
  requests: number;
  /** True when a chunk was condensed by a degraded provider, or thinned without a model. */
  degraded: boolean;
}

/** The timeline the map stage hands to the final prompt. */
export interface CondensedTimeline {
  /** The condensed events, oldest first. */
  events: CondensedEvent[];
  condensation: Condensation;
}
