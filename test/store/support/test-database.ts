import type { Database } from '../../../src/store/database.js';

/** A database opened for one test file, and how to throw it away. */
export interface TestDatabase {
  database: Database;
  /** Closes the database and removes what the test created (schema or data folder). */
  dispose(): Promise<void>;
}

/** Opens a fresh, empty (unmigrated) database for one test file. */
export type TestDatabaseFactory = () => Promise<TestDatabase>;
