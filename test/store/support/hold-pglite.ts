/**
 * A second process for the data-folder lock tests: opens the embedded database in the folder
 * given as argv[2], prints `open <pid>`, then, by argv[3]:
 *   `close`: waits for a line on stdin, closes the database and exits;
 *   `exit`:  calls process.exit(0) without closing (the exit hook must release the lock);
 *   `kill`:  waits to be killed (SIGKILL leaves the lock file behind).
 * On an open failure it prints `error <name> <message>` and exits 3.
 */
import { createPgliteDatabase } from '../../../src/store/pglite-database.js';

const [dataDir, mode = 'close'] = process.argv.slice(2);
try {
  const database = await createPgliteDatabase({ dataDir: dataDir! });
  console.log(`open ${process.pid}`);
  if (mode === 'exit') process.exit(0);
  if (mode === 'close') {
    process.stdin.once('data', () => {
      void database.close().then(() => process.exit(0));
    });
  } else {
    setInterval(() => undefined, 60_000);
  }
} catch (error) {
  console.log(`error ${(error as Error).name} ${(error as Error).message}`);
  process.exit(3);
}
