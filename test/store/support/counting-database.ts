import type { Database, Queryable } from '../../../src/store/database.js';

/** A database that records every statement sent through it, to prove batching. */
export interface CountingDatabase extends Database {
  /** SQL texts sent since the last `reset()`, in order (transactions' statements included). */
  readonly statements: string[];
  reset(): void;
}

export function countingDatabase(inner: Database): CountingDatabase {
  const statements: string[] = [];
  const count = (target: Queryable): Queryable => ({
    driver: target.driver,
    query(sql, params) {
      statements.push(sql);
      return target.query(sql, params);
    },
    exec(sql) {
      statements.push(sql);
      return target.exec(sql);
    },
  });
  return {
    ...count(inner),
    statements,
    reset() {
      statements.length = 0;
    },
    transaction(fn) {
      return inner.transaction((transaction) => fn(count(transaction)));
    },
    close() {
      return inner.close();
    },
  };
}
