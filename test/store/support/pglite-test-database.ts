/**
 * Fast PGlite databases for tests. initdb costs seconds and ~900 MB per `memory://` instance;
 * instead one pre-initialised data folder (the template) is built once per machine and PGlite
 * version, in a child process so its memory is returned at once, and each test file opens a
 * copy of it (about 0.5 s, ~300 MB). Measured against the alternatives by
 * `measure-pglite-startup.ts` next to this file.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createPgliteDatabase } from '../../../src/store/pglite-database.js';
import type { TestDatabase } from './test-database.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Root of the installed @electric-sql/pglite package (its `exports` hide package.json). */
function pglitePackageRoot(): string {
  const entry = require.resolve('@electric-sql/pglite');
  return entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
}

async function pgliteVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(pglitePackageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

// A lock older than this belongs to a builder that died; initdb takes a few seconds.
const STALE_LOCK_MS = 120_000;

/**
 * The template data folder, built on first use. Test files start in parallel processes, so the
 * first takes a lock (an atomic mkdir) and builds into a private folder renamed into place;
 * the others wait for the folder to appear.
 */
export async function pgliteTemplateDirectory(): Promise<string> {
  const template = path.join(os.tmpdir(), `incident-ai-pglite-template-${await pgliteVersion()}`);
  const lock = `${template}.lock`;
  for (;;) {
    if (await exists(path.join(template, 'PG_VERSION'))) return template;
    try {
      await mkdir(lock);
    } catch {
      const lockStat = await stat(lock).catch(() => undefined);
      if (lockStat !== undefined && Date.now() - lockStat.mtimeMs > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
      await sleep(100);
      continue;
    }
    try {
      if (await exists(path.join(template, 'PG_VERSION'))) return template;
      const building = `${template}.building-${process.pid}`;
      await rm(building, { recursive: true, force: true });
      const script = `import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create(process.argv[1]); await db.close();`;
      // Run from the package's own node_modules so the bare import resolves.
      await run(process.execPath, ['--input-type=module', '-e', script, building], { cwd: path.dirname(pglitePackageRoot()) });
      await rm(template, { recursive: true, force: true });
      await rename(building, template);
      return template;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** A private copy of the template, opened; dispose closes it and deletes the copy. */
export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const template = await pgliteTemplateDirectory();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'incident-ai-pglite-test-'));
  await cp(template, dataDir, { recursive: true });
  const database = await createPgliteDatabase({ dataDir });
  return {
    database,
    async dispose() {
      try {
        await database.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Fills `dataDir` with a copy of the template, so opening it skips initdb. */
export async function seedPgliteDataDir(dataDir: string): Promise<void> {
  await cp(await pgliteTemplateDirectory(), dataDir, { recursive: true });
}
