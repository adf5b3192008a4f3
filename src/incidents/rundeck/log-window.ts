/**
 * A bounded view of an execution log read page by page. A Rundeck log can run to hundreds of
 * thousands of lines; the digest shows a model a few hundred (see
 * `features/automation-digest/log-selection.ts`), so holding every line would only cost
 * memory (and cache space). The window keeps what that selection draws on:
 *
 * - the first `headLines` lines and the last `tailLines` lines;
 * - every WARN and ERROR line with `contextLines` lines before and after it, up to
 *   `anomalyLines` lines in all;
 * - both sides of every step change (the last line of a step and the first of the next), up
 *   to `boundaryLines` lines in all;
 *
 * each with its 1-based number in the whole log, so citations still name real lines; what is
 * left out is only counted. Memory is O(sum of the caps), whatever the log's length.
 */
import type { ExecutionLogLine } from '../types.js';

/** Caps of a {@link LogWindow}, in lines. */
export interface LogWindowLimits {
  headLines: number;
  tailLines: number;
  /** WARN/ERROR lines and their context. */
  anomalyLines: number;
  contextLines: number;
  /** Lines kept at step changes. */
  boundaryLines: number;
  /** Longer line texts are clipped to this many characters. */
  maxLineCharacters: number;
}

/** Defaults: at most ~9,200 lines of at most 2,000 characters are held. */
export const defaultLogWindowLimits: LogWindowLimits = {
  headLines: 200,
  tailLines: 2_000,
  anomalyLines: 5_000,
  contextLines: 3,
  boundaryLines: 2_000,
  maxLineCharacters: 2_000,
};

/** A kept line: the line with its 1-based number in the whole log. */
type Numbered = ExecutionLogLine & { number: number };

export interface LogWindow {
  /** Adds the next line of the log. */
  push(line: ExecutionLogLine): void;
  /** Lines seen so far. */
  readonly total: number;
  /** The kept lines in log order, each with its `number`. */
  lines(): Numbered[];
}

export function createLogWindow(limits: LogWindowLimits = defaultLogWindowLimits): LogWindow {
  const head: Numbered[] = [];
  const kept = new Map<number, Numbered>();
  // The tail is a ring; `recent` (the last few lines) feeds the context before an anomaly and
  // the last line of a step.
  const tail: (Numbered | undefined)[] = new Array(Math.max(0, limits.tailLines));
  let total = 0;
  let anomalyBudget = limits.anomalyLines;
  let boundaryBudget = limits.boundaryLines;
  let afterContext = 0;
  let previous: Numbered | null = null;
  const recent: Numbered[] = [];

  const keep = (line: Numbered): boolean => {
    if (line.number <= limits.headLines || kept.has(line.number)) return false;
    kept.set(line.number, line);
    return true;
  };

  return {
    get total() {
      return total;
    },
    push(raw) {
      total += 1;
      const text = raw.text.length > limits.maxLineCharacters ? `${raw.text.slice(0, limits.maxLineCharacters)}… [+${raw.text.length - limits.maxLineCharacters} chars]` : raw.text;
      const line: Numbered = { at: raw.at, level: raw.level, node: raw.node, step: raw.step, text, number: total };
      if (total <= limits.headLines) head.push(line);

      if (previous && previous.step !== line.step && boundaryBudget > 0) {
        if (keep(previous)) boundaryBudget -= 1;
        if (keep(line)) boundaryBudget -= 1;
      }
      if (line.level === 'ERROR' || line.level === 'WARN') {
        if (anomalyBudget > 0) {
          for (const before of recent) if (anomalyBudget > 0 && keep(before)) anomalyBudget -= 1;
          if (keep(line)) anomalyBudget -= 1;
          afterContext = limits.contextLines;
        }
      } else if (afterContext > 0) {
        afterContext -= 1;
        if (anomalyBudget > 0 && keep(line)) anomalyBudget -= 1;
      }

      if (tail.length > 0) tail[(total - 1) % tail.length] = line;
      recent.push(line);
      if (recent.length > limits.contextLines) recent.shift();
      previous = line;
    },
    lines() {
      const byNumber = new Map<number, Numbered>(head.map((line) => [line.number, line]));
      for (const line of kept.values()) byNumber.set(line.number, line);
      for (const line of tail) if (line && line.number > total - tail.length) byNumber.set(line.number, line);
      return [...byNumber.values()].sort((a, b) => a.number - b.number);
    },
  };
}
