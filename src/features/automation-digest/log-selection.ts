/**
 * Chooses what of a job execution's log a model gets to read. A log can run to tens of
 * thousands of lines; a head-truncated log loses exactly what matters (the error, which
 * comes late), so the selection keeps the lines that explain the run and summarizes the rest:
 *
 * - a log that fits the token budget is kept whole, line by line;
 * - otherwise consecutive near-identical lines (same level, step and text up to numbers,
 *   ids and times) collapse into their first line with a count, and when the collapsed log
 *   fits, it is kept whole;
 * - otherwise lines are kept by priority until the budget is spent: step boundaries, the
 *   first ERROR lines and the end of the failing step first, then every distinct ERROR and
 *   WARN line with a few lines of context, then the last lines of each step, then repeats,
 *   then the lines nearest the failure;
 * - every kept line keeps its original 1-based number, so a citation `L<n>` names the same
 *   line in the prompt and in the execution log; gaps are marked with what they omit.
 *
 * Pure: no clock, no I/O. Tokens are estimated as characters / 4.
 */
import type { ExecutionLogLine } from '../../incidents/types.js';
import { lineNumberOf, logLineId, logSignature, topLevelStepOf } from './execution-facts.js';

/** Options of {@link selectLogLines}. */
export interface LogSelectionOptions {
  /** Largest size of the rendered selection, in estimated tokens (characters / 4). */
  tokenBudget: number;
  /** The job step the execution failed in, whose end is kept at a higher priority; null when none. */
  failingStep: number | null;
  /** Lines kept before and after each ERROR or WARN line. Default 3. */
  contextLines?: number;
  /** Last lines kept of every step. Default 3. */
  stepTailLines?: number;
  /** Last lines kept of the failing step. Default 15. */
  failingStepTailLines?: number;
  /** Longer lines are clipped to this many characters. Default 400. */
  maxLineCharacters?: number;
  /** Lines of the whole log when `log` holds numbered lines of a longer one. Default `log.length`. */
  totalLines?: number;
}

/** One entry of a selection: a log line, or a run of near-identical lines shown as its first. */
export interface SelectedLine {
  /** 1-based number of the (first) line in the execution log; cited as `L<n>`. */
  line: number;
  /** 1-based number of the run's last line; equal to `line` for a single line. */
  lastLine: number;
  /** How many lines the entry stands for (1 for a single line). */
  count: number;
  level: ExecutionLogLine['level'];
  step: string;
  /** `HH:MM:SS` of the (first) line, or its raw time when that is not an ISO date-time. */
  time: string;
  /** The text on one line, clipped to `maxLineCharacters`. */
  text: string;
}

/** What {@link selectLogLines} kept of a log. */
export interface LogSelection {
  /** Kept entries in log order. */
  entries: SelectedLine[];
  /** Lines in the execution log. */
  totalLines: number;
  /** Lines the entries stand for (runs count every line they collapse). */
  representedLines: number;
  /** True when every line is represented (nothing omitted, at most collapsed). */
  complete: boolean;
  /** Estimated tokens of {@link renderLogSelection}'s text; never above the budget. */
  estimatedTokens: number;
}

/** Token estimate used for budgets: one token per four characters. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/** A run of consecutive near-identical lines (often of length 1). */
interface Unit {
  first: number;
  last: number;
  line: ExecutionLogLine;
  signature: string;
}

/** Priority tiers: lower is kept first. */
const Tier = {
  ESSENTIAL: 0,
  ANOMALY: 1,
  CONTEXT: 2,
  STEP_TAIL: 3,
  REPEAT: 4,
  FILLER: 5,
} as const;

/**
 * Selects the lines of `log` to show within `options.tokenBudget`. Budgets under 12 tokens
 * leave room for no line, only for the marker of what was omitted.
 */
export function selectLogLines(log: readonly ExecutionLogLine[], options: LogSelectionOptions): LogSelection {
  const settings: Settings = {
    failingStep: options.failingStep,
    contextLines: options.contextLines ?? 3,
    stepTailLines: options.stepTailLines ?? 3,
    failingStepTailLines: options.failingStepTailLines ?? 15,
    maxLineCharacters: options.maxLineCharacters ?? 400,
  };
  const budget = Math.max(0, Math.floor(options.tokenBudget)) * 4;
  const totalLines = Math.max(options.totalLines ?? 0, log.length);
  const lineByLine = toCandidates(singleLines(log), settings.maxLineCharacters);
  // A log that fits is shown as it is: collapsing near-identical lines (a pod table, say)
  // loses detail and is only worth it when room is short.
  if (lineByLine.total <= budget) return selectionOf(lineByLine.candidates, totalLines);
  const units = collapseRuns(log);
  const { candidates, lengths, total } = toCandidates(units, settings.maxLineCharacters);

  let kept: boolean[];
  if (total <= budget) {
    kept = units.map(() => true);
  } else {
    // Costs are exact upper bounds: a kept line may split an omitted stretch in two (one more
    // marker), shorten it (same count) or close it (one fewer).
    const markerLength = longestGapMarker(totalLines) + 1;
    kept = units.map(() => false);
    let used = log.length > 0 ? markerLength : 0;
    for (const index of byPriority(units, settings)) {
      // A side borders omitted lines unless its neighbour is kept and follows on without a gap
      // (a driver may have left lines out of a long log before the selection saw it).
      const unit = units[index]!;
      const leftOmitted = index === 0 ? unit.first > 1 : !(kept[index - 1]! && units[index - 1]!.last === unit.first - 1);
      const rightOmitted = index === units.length - 1 ? unit.last < totalLines : !(kept[index + 1]! && units[index + 1]!.first === unit.last + 1);
      const gapsAround = Number(leftOmitted) + Number(rightOmitted);
      const cost = lengths[index]! + (gapsAround - 1) * markerLength;
      if (used + cost > budget) continue;
      kept[index] = true;
      used += cost;
    }
  }

  return selectionOf(
    candidates.filter((_, index) => kept[index]),
    totalLines,
  );
}

function selectionOf(entries: SelectedLine[], totalLines: number): LogSelection {
  const representedLines = entries.reduce((total, entry) => total + entry.count, 0);
  const selection: LogSelection = { entries, totalLines, representedLines, complete: representedLines === totalLines, estimatedTokens: 0 };
  selection.estimatedTokens = estimateTokens(renderLogSelection(selection));
  return selection;
}

/** Entries of `units` with the length each adds to the rendered text (its newline included). */
function toCandidates(units: readonly Unit[], maxLineCharacters: number): { candidates: SelectedLine[]; lengths: number[]; total: number } {
  const candidates = units.map((unit) => toEntry(unit, maxLineCharacters));
  const lengths = candidates.map((entry) => renderEntry(entry).length + 1);
  return { candidates, lengths, total: lengths.reduce((sum, length) => sum + length, 0) };
}

interface Settings {
  failingStep: number | null;
  contextLines: number;
  stepTailLines: number;
  failingStepTailLines: number;
  maxLineCharacters: number;
}

/**
 * The selection as prompt text: one entry per line, `L<n> HH:MM:SS LEVEL [step] text`, a
 * collapsed run followed by its count and range, gaps marked `[... n lines omitted: La-Lb ...]`.
 * Every line starts with `L` or `[`, so no log text can start a line of the prompt.
 */
export function renderLogSelection(selection: LogSelection, options: RenderOptions = {}): string {
  const lines: string[] = [];
  let next = 1;
  let previous: SelectedLine | null = null;
  for (const entry of selection.entries) {
    if (entry.line > next) lines.push(gapMarker(next, entry.line - 1));
    lines.push(renderEntry(entry, options.elideRepeats && next === entry.line ? previous : null));
    next = entry.lastLine + 1;
    previous = entry;
  }
  if (next <= selection.totalLines) lines.push(gapMarker(next, selection.totalLines));
  return lines.join('\n');
}

/** The longest marker a log of `totalLines` lines can need. */
function longestGapMarker(totalLines: number): number {
  const widest = '9'.repeat(String(Math.max(totalLines, 1)).length);
  return `[... ${widest} lines omitted: L${widest}-L${widest} ...]`.length;
}

function gapMarker(from: number, to: number): string {
  const count = to - from + 1;
  return `[... ${count} line${count === 1 ? '' : 's'} omitted: ${logLineId(from)}-${logLineId(to)} ...]`;
}

/** How {@link renderLogSelection} writes lines. */
export interface RenderOptions {
  /**
   * Leave out a line's time, level and step where they equal those of the line just above it
   * (never across an omitted-lines marker). Only shortens what the selection measured, so the
   * selection still fits its budget.
   */
  elideRepeats?: boolean;
}

function renderEntry(entry: SelectedLine, above: SelectedLine | null = null): string {
  const fields = [
    logLineId(entry.line),
    ...(above?.time === entry.time ? [] : [entry.time]),
    ...(above?.level === entry.level ? [] : [entry.level]),
    ...(above?.step === entry.step ? [] : [`[${entry.step}]`]),
    entry.text,
  ];
  const head = fields.join(' ');
  return entry.count === 1 ? head : `${head} (x${entry.count} near-identical lines: ${logLineId(entry.line)}-${logLineId(entry.lastLine)})`;
}

function toEntry(unit: Unit, maxLineCharacters: number): SelectedLine {
  return {
    line: unit.first,
    lastLine: unit.last,
    count: unit.last - unit.first + 1,
    level: unit.line.level,
    step: oneLine(unit.line.step, 20),
    time: timeOf(unit.line.at),
    text: oneLine(unit.line.text, maxLineCharacters),
  };
}

// A line break inside a line's text would let log content start a prompt line of its own.
function oneLine(text: string, max: number): string {
  const flat = text.replace(/\r?\n|\r/g, ' \u23CE ').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ');
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max)}… [+${flat.length - max} chars]`;
}

function timeOf(at: string): string {
  const match = /T(\d{2}:\d{2}:\d{2})/.exec(at);
  return match ? match[1]! : oneLine(at, 24);
}

function singleLines(log: readonly ExecutionLogLine[]): Unit[] {
  return log.map((line, index) => ({ first: lineNumberOf(line, index), last: lineNumberOf(line, index), line, signature: '' }));
}

function collapseRuns(log: readonly ExecutionLogLine[]): Unit[] {
  const units: Unit[] = [];
  for (let index = 0; index < log.length; index += 1) {
    const line = log[index]!;
    const number = lineNumberOf(line, index);
    const signature = logSignature(line.text);
    const previous = units[units.length - 1];
    // Only neighbours in the whole log form a run: a gap left by the driver is not a repeat.
    if (previous && previous.last === number - 1 && previous.signature === signature && previous.line.level === line.level && previous.line.step === line.step) {
      previous.last = number;
    } else {
      units.push({ first: number, last: number, line, signature });
    }
  }
  return units;
}

/** Unit indexes, most important first. */
function byPriority(units: readonly Unit[], settings: Settings): number[] {
  const tiers = units.map((): number => Tier.FILLER);
  const raise = (index: number, tier: number): void => {
    if (index >= 0 && index < units.length && tier < tiers[index]!) tiers[index] = tier;
  };
  const inFailingStep = (unit: Unit): boolean => settings.failingStep !== null && topLevelStepOf(unit.line.step) === settings.failingStep;

  raise(0, Tier.ESSENTIAL);
  raise(units.length - 1, Tier.ESSENTIAL);

  // Step boundaries and step tails.
  const lastOfStep = new Map<string, number[]>();
  units.forEach((unit, index) => {
    if (index > 0 && units[index - 1]!.line.step !== unit.line.step) {
      raise(index, Tier.ESSENTIAL);
      raise(index - 1, Tier.STEP_TAIL);
    }
    const indexes = lastOfStep.get(unit.line.step) ?? [];
    indexes.push(index);
    lastOfStep.set(unit.line.step, indexes);
  });
  for (const indexes of lastOfStep.values()) {
    const unit = units[indexes[0]!]!;
    const failing = inFailingStep(unit);
    const tail = indexes.slice(-(failing ? settings.failingStepTailLines : settings.stepTailLines));
    tail.forEach((index, position) => raise(index, failing && position >= tail.length - 3 ? Tier.ESSENTIAL : failing ? Tier.ANOMALY : Tier.STEP_TAIL));
  }

  // ERROR and WARN lines: each distinct one with its context; repeats later.
  const seen = new Set<string>();
  let firstError = true;
  let firstFailingError = true;
  units.forEach((unit, index) => {
    const level = unit.line.level;
    if (level !== 'ERROR' && level !== 'WARN') return;
    const key = `${level}|${unit.signature}`;
    const repeat = seen.has(key);
    seen.add(key);
    let tier: number = repeat ? Tier.REPEAT : Tier.ANOMALY;
    if (level === 'ERROR' && (firstError || (firstFailingError && inFailingStep(unit)))) tier = Tier.ESSENTIAL;
    if (level === 'ERROR') firstError = false;
    if (level === 'ERROR' && inFailingStep(unit)) firstFailingError = false;
    raise(index, tier);
    const contextTier = repeat ? Tier.REPEAT : Tier.CONTEXT;
    for (let offset = 1; offset <= settings.contextLines; offset += 1) {
      raise(index - offset, contextTier);
      raise(index + offset, contextTier);
    }
  });

  // Whatever budget is left widens the view around the failure first.
  const errors = units.flatMap((unit, index) => (unit.line.level === 'ERROR' ? [index] : []));
  const focus = errors.find((index) => inFailingStep(units[index]!)) ?? errors[0] ?? units.length - 1;
  return units
    .map((unit, index) => ({ index, tier: tiers[index]!, failing: inFailingStep(unit), distance: Math.abs(index - focus) }))
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        Number(b.failing) - Number(a.failing) ||
        (a.tier === Tier.FILLER ? a.distance - b.distance : 0) ||
        a.index - b.index,
    )
    .map(({ index }) => index);
}
