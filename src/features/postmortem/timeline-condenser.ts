/**
 * The map stage of a long incident's postmortem: the log is cut into chunks that each fit a
 * request, every chunk is condensed through the LLM Manager into a few cited events (its own
 * small output schema, validated, repaired once), and when the events together are still
 * too long for the final prompt, they are condensed again, round after round. The result is
 * the timeline the final prompt shows instead of the raw log.
 *
 * Every event keeps citing the original log entries, whatever the round, so the final
 * postmortem cites real ids the citation check knows.
 */
import { pooledRandomBytes } from '../../guard/random-pool.js';
import type { Logger } from 'pino';
import { AppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { Principal } from '../../guard/auth/principal.js';
import { createCanary, createSpotlight, measuringSpotlight } from '../../guard/injection/spotlight.js';
import type { Incident } from '../../incidents/types.js';
import type { GenerateRequest, LlmManager } from '../../llm/generation.js';
import { verifyCitations } from '../common/citation-check.js';
import type { Citation } from '../common/citation.js';
import { promptGuardsTokens, withPromptGuards } from '../common/prompt-guards.js';
import { generateStructured } from '../common/structured-generation.js';
import { mapWithConcurrency } from '../common/map-with-concurrency.js';
import { excerptProblems, timeMatches } from './check.js';
import { chunkRowCharacters, condensePrompts, currentCondensePrompt, type ChunkPosition } from './condense-prompt.js';
import {
  condensedTimelineOutputSchema,
  condensedTimelineOutputSpec,
  condenseStage,
  type CondensedEvent,
  type CondensedTimeline,
  type CondensedTimelineOutput,
  type CondenseGroundingInput,
  type TimelineItem,
} from './condensed-timeline.js';
import { condensedEventsTokens } from './prompt.js';
import { indexRecords, recordOf, type RecordIndex } from './record-index.js';
import { promptLimit, requestCharacters, type PostmortemBudget } from './token-budget.js';
import { clipText, eventItems, inTimeOrder, itemEvent, logEntryItems, selectTimelineItems, collapseRepeats, uniqueCitations } from './timeline-selection.js';

/** Longest text of a condensed event, and most citations it keeps. */
const maxEventTextLength = 400;
const maxEventCitations = 6;
// The span line of a map prompt names two timestamps that the empty prompt measured lacks.
const spanSlackCharacters = 120;

/** What {@link condenseTimeline} needs. */
export interface CondenseRequest {
  manager: LlmManager;
  principal: Principal;
  incident: Incident;
  budget: PostmortemBudget;
  /** Most estimated tokens the condensed events may take in the final prompt. */
  timelineTokens: number;
  /** Map requests running at once. */
  concurrency: number;
  logger?: Logger;
  signal?: AbortSignal;
}

/**
 * The chunks of one round: consecutive items, as many per chunk as its map request can hold
 * within the budget (prompt and schema, leaving room for the answer and one repair), spread
 * evenly over the fewest chunks that hold them, so no chunk is a small remainder whose few
 * entries would weigh as much in the timeline as a full chunk's.
 */
export function planChunks(incident: Incident, items: readonly TimelineItem[], round: number, budget: PostmortemBudget): TimelineItem[][] {
  const limitCharacters = promptLimit(budget, budget.mapOutputTokens) * 4;
  const position: ChunkPosition = { round, index: items.length, count: items.length };
  const empty = condensePrompts[currentCondensePrompt](incident, [], position, budget.maxEventsPerChunk, measuringSpotlight);
  const room = limitCharacters - requestCharacters(empty, condensedTimelineOutputSpec) - promptGuardsTokens * 4 - spanSlackCharacters;
  const sizes = items.map((item) => chunkRowCharacters(item, round));
  const cut = (target: number, maxChunks: number): TimelineItem[][] => {
    const chunks: TimelineItem[][] = [];
    let current: TimelineItem[] = [];
    let used = 0;
    items.forEach((item, index) => {
      const size = sizes[index]!;
      if (current.length > 0 && (used + size > room || (used + size > target && chunks.length < maxChunks - 1))) {
        chunks.push(current);
        current = [];
        used = 0;
      }
      current.push(item);
      used += size;
    });
    if (current.length > 0) chunks.push(current);
    return chunks;
  };
  const fewest = cut(room, Number.POSITIVE_INFINITY).length;
  if (fewest <= 1) return cut(room, 1);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  return cut(Math.ceil(total / fewest), fewest);
}

/** Condenses the incident's log until its events fit `timelineTokens`. */
export async function condenseTimeline(request: CondenseRequest): Promise<CondensedTimeline> {
  const { incident, budget } = request;
  const index = indexRecords(incident);
  let items = logEntryItems(incident);
  const chunksPerRound: number[] = [];
  let requests = 0;
  let degraded = false;
  let events: CondensedEvent[] = [];

  for (let round = 1; ; round += 1) {
    const chunks = planChunks(incident, items, round, budget);
    chunksPerRound.push(chunks.length);
    const results = await mapWithConcurrency(chunks, request.concurrency, (chunk, position) =>
      condenseChunk(request, index, chunk, { round, index: position + 1, count: chunks.length }),
    );
    requests += results.reduce((total, result) => total + result.requests, 0);
    degraded ||= results.some((result) => result.degraded);
    events = inTimeOrder(results.flatMap((result) => result.events));
    request.logger?.info({ incidentId: incident.id, round, chunks: chunks.length, events: events.length }, 'postmortem timeline condensed');
    if (condensedEventsTokens(events) <= request.timelineTokens) break;
    // A round that does not shrink the timeline would not converge: thin it without a model.
    if (round >= budget.maxRounds || events.length >= items.length) {
      events = thinToFit(events, request.timelineTokens);
      degraded = true;
      break;
    }
    items = eventItems(events);
  }
  return {
    events,
    condensation: { events: events.length, logEntries: incident.logEntries.length, rounds: chunksPerRound.length, chunks: chunksPerRound, requests, degraded },
  };
}

/**
 * A timeline thinned without a model to fit `timelineTokens`: the most telling events,
 * spread over the incident (see selectTimelineItems).
 */
export function thinToFit(events: readonly CondensedEvent[], timelineTokens: number): CondensedEvent[] {
  const items = collapseRepeats(eventItems(events));
  let count = items.length;
  let kept = items.map(itemEvent);
  while (count > 0 && condensedEventsTokens(kept) > timelineTokens) {
    count = Math.min(count - 1, Math.floor(count * 0.9));
    kept = selectTimelineItems(items, count).map(itemEvent);
  }
  return kept;
}

interface ChunkResult {
  events: CondensedEvent[];
  requests: number;
  degraded: boolean;
}

async function condenseChunk(request: CondenseRequest, index: RecordIndex, items: TimelineItem[], position: ChunkPosition): Promise<ChunkResult> {
  const { manager, principal, incident, budget } = request;
  const maxEvents = budget.maxEventsPerChunk;
  const spotlight = createSpotlight(pooledRandomBytes);
  const canary = createCanary(pooledRandomBytes);
  const messages = withPromptGuards(condensePrompts[currentCondensePrompt](incident, items, position, maxEvents, spotlight), spotlight, canary);
  const grounding: CondenseGroundingInput = { stage: condenseStage, round: position.round, items, maxEvents };
  const base: Omit<GenerateRequest, 'messages'> = {
    feature: 'postmortem',
    accountId: principal.accountId,
    userId: principal.userId,
    // The manager of the draft generator's prepare step fills in the draft (the evaluation has none).
    draftId: null,
    output: condensedTimelineOutputSpec,
    // The incident goes along for the data policy (a private incident stays on self-hosted providers).
    grounding: { incident, input: grounding },
    maxOutputTokens: budget.mapOutputTokens,
    temperature: 0,
    stream: false,
    ...(request.signal && { signal: request.signal }),
  };
  const cited = new Map<string, Citation>(items.flatMap((item) => item.citations.map((citation): [string, Citation] => [citation.sourceId, citation])));
  // Same step as every feature's draft: the canary, one repair, then the rest of the chain.
  const result = await generateStructured(manager, { ...base, messages }, {
    schema: condensedTimelineOutputSchema,
    canary,
    check: (parsed) => ({ value: parsed.events, problems: chunkProblems(parsed, cited, index, maxEvents) }),
  });
  const requests = result.results.length;
  if (result.value === null) {
    throw new AppError(
      ErrorCode.INVALID_MODEL_OUTPUT,
      `The model's condensed timeline (part ${position.index} of ${position.count}, round ${position.round}) did not match its schema after one repair attempt: ${result.problems.slice(0, 3).join('; ')}`,
      { retryable: true },
    );
  }
  const events = sanitize(result.value, cited, index, maxEvents);
  // Nothing verifiable left of a chunk that had records: read it without a model rather
  // than leave a hole in the timeline.
  if (events.length === 0 && items.length > 0) {
    return { events: selectTimelineItems(collapseRepeats(items), maxEvents).map(itemEvent), requests, degraded: true };
  }
  return { events, requests, degraded: result.answer.degraded };
}

/** What is wrong with a schema-valid chunk answer: citations outside the chunk, too many events, wrong times, invented excerpts. */
function chunkProblems(parsed: CondensedTimelineOutput, cited: ReadonlyMap<string, Citation>, index: RecordIndex, maxEvents: number): string[] {
  const events = parsed.events;
  const problems = verifyCitations(parsed, new Map([['LOG_ENTRY', new Set(cited.keys())]])).problems;
  if (events.length > maxEvents) problems.push(`events has ${events.length} events; return at most ${maxEvents}`);
  events.forEach((event, position) => {
    const known = event.citations.filter((citation) => citation.sourceType === 'LOG_ENTRY' && cited.has(citation.sourceId));
    if (!timeMatches(event.at, known, index)) problems.push(`events[${position}].at ${event.at} is not the time of the records it cites; copy the \`at\` of the earliest one`);
    problems.push(...excerptProblems(known, index, `events[${position}]`));
  });
  return problems;
}

/**
 * What is kept of a schema-valid answer whose problems were not all repaired: citations to
 * records outside the chunk are dropped (an event left without one is dropped: the final
 * prompt must only hold what can be verified), excerpts that are no quote are replaced by
 * the record's own, times that are not the records' become the earliest record's.
 */
function sanitize(events: readonly CondensedEvent[], cited: ReadonlyMap<string, Citation>, index: RecordIndex, maxEvents: number): CondensedEvent[] {
  const kept: CondensedEvent[] = [];
  for (const event of events) {
    const citations = uniqueCitations(
      event.citations
        .filter((citation) => citation.sourceType === 'LOG_ENTRY' && cited.has(citation.sourceId))
        .map((citation) => (excerptProblems([citation], index, '').length === 0 ? citation : cited.get(citation.sourceId)!)),
    ).slice(0, maxEventCitations);
    if (citations.length === 0) continue;
    const times = citations.flatMap((citation) => {
      const record = recordOf(index, citation);
      return record ? [record.at] : [];
    });
    const at = timeMatches(event.at, citations, index) ? event.at : (inTimeOrder(times.map((time) => ({ at: time })))[0]?.at ?? event.at);
    kept.push({ at, text: clipText(event.text, maxEventTextLength), citations });
  }
  const ordered = inTimeOrder(kept);
  if (ordered.length <= maxEvents) return ordered;
  return selectTimelineItems(eventItems(ordered), maxEvents).map(itemEvent);
}
