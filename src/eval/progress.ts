/**
 * A progress bar on stderr. On a terminal it redraws one line in place (at most ten times a
 * second); elsewhere (CI logs, pipes) it prints a line at each quarter, so logs stay short.
 */

/** Where progress goes: a stream, and whether it is a terminal. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Ends the bar (a newline on a terminal). */
  finish(): void;
}

const width = 28;

/** The bar for `done` of `total`, e.g. `[##########..........] 12/24`. */
export function progressBar(done: number, total: number): string {
  const share = total <= 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

/** A progress display for one task called `label`. */
export function createProgress(output: ProgressOutput, label: string, clock: () => number = Date.now): Progress {
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastQuarter = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (output.isTTY) {
        const now = clock();
        if (done < total && now - lastDraw < 100) return;
        lastDraw = now;
        drawn = true;
        output.write(`\r\u001b[2K${label} ${progressBar(done, total)}`);
        return;
      }
      const quarter = total <= 0 ? 4 : Math.floor((done / total) * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        output.write(`${label} ${done}/${total}\n`);
      }
    },
    finish() {
      if (output.isTTY && drawn) output.write('\n');
    },
  };
}
