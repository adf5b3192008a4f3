/**
 * Group commit for single-row inserts that arrive concurrently: while a write is in flight, the
 * rows that arrive meanwhile wait and go together in the next write (one multi-row INSERT, one
 * commit). A row that arrives while nothing is in flight is written at once, so a lone request
 * waits for nothing; under load a row waits at most for the write ahead of it.
 *
 * Each caller's promise settles with its own row: it resolves once the statement that carried
 * the row has committed. A grouped write that fails is retried row by row, so a row that cannot
 * be stored (a duplicate id) fails only its own caller, with its own error, and the others are
 * stored as if they had come alone (a multi-row INSERT is atomic: when it fails, none of its
 * rows is there).
 */

/** Options of {@link createInsertGroup}. */
export interface InsertGroupOptions<Row, Result> {
  /** Writes `rows` in one statement; returns their results in the same order. */
  write(rows: readonly Row[]): Promise<Result[]>;
  /** Rows per write at most. */
  maxRows: number;
}

export interface InsertGroup<Row, Result> {
  /** Queues `row` and resolves with its result once it is stored. */
  add(row: Row): Promise<Result>;
}

interface Waiting<Row, Result> {
  row: Row;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export function createInsertGroup<Row, Result>(options: InsertGroupOptions<Row, Result>): InsertGroup<Row, Result> {
  const { write, maxRows } = options;
  let queue: Waiting<Row, Result>[] = [];
  let writing = false;

  async function writeGroup(group: Waiting<Row, Result>[]): Promise<void> {
    try {
      const results = await write(group.map((waiting) => waiting.row));
      for (const [index, waiting] of group.entries()) waiting.resolve(results[index]!);
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      // Alone, each row meets only its own fate. Sequential: the rows were concurrent anyway,
      // and this path is rare (a bad row, a lost connection).
      for (const waiting of group) {
        try {
          const [result] = await write([waiting.row]);
          waiting.resolve(result!);
        } catch (rowError) {
          waiting.reject(rowError);
        }
      }
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (queue.length > 0) {
        const group = queue.length <= maxRows ? queue : queue.slice(0, maxRows);
        queue = queue.length <= maxRows ? [] : queue.slice(maxRows);
        await writeGroup(group);
      }
    } finally {
      writing = false;
    }
  }

  return {
    add(row) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
