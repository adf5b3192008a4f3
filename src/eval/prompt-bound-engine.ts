/**
 * The extractive engine made to read only the prompt: before the extractors run, the request's
 * grounding is cut down to what the prompt actually shows. A record whose id the prompt does
 * not hold is dropped; a text the prompt shows only in part keeps the part it shows (whole
 * words from the start); an execution log line the prompt does not show keeps its place and
 * number but loses its text. So this engine's fact recall and citation validity move with
 * the prompt's content, which the plain extractive engine (reading the structured grounding)
 * never does. It does not read the wording: it measures what a prompt carries, not how well
 * it is phrased.
 *
 * Variant: `prompt-extractive` (provider id {@link promptExtractiveProviderId}).
 */
import type { Alert, Incident, JobExecution } from '../incidents/types.js';
import type { Grounding, LlmProvider, LlmRequest } from '../llm/types.js';
import { normalizeText } from './metrics/normalize.js';
import { normalizePrompt } from './metrics/context-coverage.js';

export const promptExtractiveProviderId = 'prompt-extractive';

/** What the prompt shows, for the checks below. */
interface PromptView {
  /** The normalised prompt, padded with spaces so whole-token checks need no special case. */
  padded: string;
}

const viewOf = (request: LlmRequest): PromptView => ({ padded: ` ${normalizePrompt(request.messages.map((message) => message.content).join('\n'))} ` });

const shows = (view: PromptView, text: string): boolean => {
  const needle = normalizeText(text);
  return needle.length === 0 || view.padded.includes(` ${needle} `);
};

/** The longest start of `text`, in whole words, that the prompt shows ('' when not even its first word). */
export function shownPart(view: PromptView, text: string): string {
  if (shows(view, text)) return text;
  const words = text.split(/(?<=\s)/);
  let low = 0;
  let high = words.length;
  // Shown prefixes are closed under shortening, so the longest one is found by bisection.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (shows(view, words.slice(0, middle).join(''))) low = middle;
    else high = middle - 1;
  }
  return words.slice(0, low).join('').trimEnd();
}

function shownBody(view: PromptView, body: Alert['body']): Alert['body'] {
  const kept: Alert['body'] = {};
  for (const [key, value] of Object.entries(body)) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    // The value is what a model reads; the prompt may leave out its key (or the whole entry when the alert's line says it).
    if (shows(view, text)) kept[key] = value;
  }
  return kept;
}

function shownIncident(view: PromptView, incident: Incident): Incident {
  const idShown = (id: string): boolean => shows(view, id);
  return {
    ...incident,
    title: shownPart(view, incident.title),
    description: shownPart(view, incident.description),
    services: incident.services.filter((service) => shows(view, service.name)),
    assignees: incident.assignees.filter((person) => shows(view, person.name)),
    logEntries: incident.logEntries.filter((entry) => idShown(entry.id)).map((entry) => ({ ...entry, summary: shownPart(view, entry.summary) })),
    notes: incident.notes.filter((note) => idShown(note.id)).map((note) => ({ ...note, content: shownPart(view, note.content) })),
    alerts: incident.alerts.filter((alert) => idShown(alert.id)).map((alert) => ({ ...alert, summary: shownPart(view, alert.summary), body: shownBody(view, alert.body) })),
  };
}

function shownExecution(view: PromptView, execution: JobExecution): JobExecution {
  return {
    ...execution,
    log: execution.log.map((line, index) => ({ ...line, text: shows(view, `L${line.number ?? index + 1}`) ? shownPart(view, line.text) : '' })),
  };
}

/** The grounding cut down to what the request's prompt shows. */
export function promptBoundGrounding(request: LlmRequest): Grounding | undefined {
  const { grounding } = request;
  if (!grounding) return grounding;
  const view = viewOf(request);
  return {
    ...grounding,
    ...(grounding.incident && { incident: shownIncident(view, grounding.incident) }),
    ...(grounding.execution && { execution: shownExecution(view, grounding.execution) }),
  };
}

/** The extractive provider reading only what each request's prompt shows. */
export function promptBoundProvider(extractive: LlmProvider): LlmProvider {
  const bound = (request: LlmRequest): LlmRequest => ({ ...request, grounding: promptBoundGrounding(request) });
  return {
    ...extractive,
    id: promptExtractiveProviderId,
    complete: (request, signal) => extractive.complete(bound(request), signal),
    stream: (request, signal) => extractive.stream(bound(request), signal),
  };
}
