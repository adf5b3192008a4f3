/**
 * Secrets never stored or shown (issue 11): a feature's context with every free-text field
 * redacted, taken before any engine sees it (the offline extractive engine included, which
 * builds drafts from the raw data) and before the draft's input is stored. The request's own
 * fields (a question, earlier turns, a runbook request, guidance) and the data it is about
 * (the incident, the job, the execution log) are all covered.
 */
import { memoizeText } from '../../guard/memoize.js';
import { redact, redactionTypes, type RedactionResult } from '../../guard/redaction/index.js';
import { redactFields } from '../../guard/redaction/redact-fields.js';
import type { FeatureContext } from './feature.js';
import { spreadWith } from '../../support/object-spread.js';

/** How many of one kind were redacted. */
export interface RedactionCount {
  type: string;
  count: number;
}

// Incidents, job logs and conversation turns repeat from one generation to the next.
const redactOnce = memoizeText(redact, { maxEntries: 5_000, maxKeyLength: 200_000 });

// What was redacted, carried on the context itself (a symbol key: spreads of the context keep it,
// features never see it), for the generation record and the audit trail.
const redactedCounts = Symbol('redactedCounts');

/** A redacted copy of a source object and what its redaction counted. */
interface RedactedPart {
  value: unknown;
  counts: ReadonlyMap<string, number>;
}

// The incident, job and execution come from sources that hand out the same object until it
// changes (and screening keeps its copy per object): their redacted copies are kept with them,
// so a request for an unchanged incident walks none of its records. The copies are shared
// between requests: read-only, like the objects they were made from.
const redactedParts = new WeakMap<object, RedactedPart>();

function redactedPart(value: object): RedactedPart {
  const hit = redactedParts.get(value);
  if (hit) return hit;
  const counts = new Map<string, number>();
  const part: RedactedPart = { value: redactFields(value, countingInto(counts)), counts };
  redactedParts.set(value, part);
  return part;
}

const countingInto =
  (counts: Map<string, number>) =>
  (text: string): RedactionResult => {
    const result = redactOnce(text);
    for (const { type, count } of result.redactions) counts.set(type, (counts.get(type) ?? 0) + count);
    return result;
  };

/** The context with its input, incident, job and execution redacted; the principal is kept. */
export function redactContext<Input extends Record<string, unknown>>(context: FeatureContext<Input>): FeatureContext<Input> {
  const counts = new Map<string, number>();
  const shared = <Value extends object | null>(value: Value): Value => {
    if (value === null) return value;
    const part = redactedPart(value);
    for (const [type, count] of part.counts) counts.set(type, (counts.get(type) ?? 0) + count);
    return part.value as Value;
  };
  // `{ ...context, input, ... }` then a symbol key: a hidden class per context (object-spread.ts).
  const redacted: FeatureContext<Input> & { [redactedCounts]?: RedactionCount[] } = spreadWith(context, {
    // The input is the request's own: redacted each time.
    input: redactFields(context.input, countingInto(counts)),
    incident: shared(context.incident),
    job: shared(context.job),
    execution: shared(context.execution),
  });
  redacted[redactedCounts] = orderedCounts(counts);
  return redacted;
}

/** What {@link redactContext} redacted from this context (or from the one it was spread from); empty otherwise. */
export function contextRedactions(context: object): RedactionCount[] {
  return (context as { [redactedCounts]?: RedactionCount[] })[redactedCounts] ?? [];
}

/** Two lists of counts added up by type, in the redactor's order. */
export function mergeRedactions(first: readonly RedactionCount[], second: readonly RedactionCount[]): RedactionCount[] {
  const counts = new Map<string, number>();
  for (const { type, count } of [...first, ...second]) counts.set(type, (counts.get(type) ?? 0) + count);
  return orderedCounts(counts);
}

const orderedCounts = (counts: ReadonlyMap<string, number>): RedactionCount[] =>
  [...counts].sort(([left], [right]) => rank(left) - rank(right)).map(([type, count]) => ({ type, count }));
const rank = (type: string): number => {
  const index = (redactionTypes as readonly string[]).indexOf(type);
  return index === -1 ? redactionTypes.length : index;
};
