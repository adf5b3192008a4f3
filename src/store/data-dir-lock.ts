/**
 * An exclusive lock on the embedded database's folder, so two processes (the service and the
 * `apikey` CLI, two `npm start`s) never open the same PGlite folder: PGlite does not lock it,
 * and two writers corrupt it. The lock is a file next to the folder (`<folder>.lock`, outside
 * PGlite's own files) created with O_EXCL (`open(path, 'wx')`) and holding the owner's pid.
 * A lock whose pid is no longer alive (a crash, SIGKILL) is taken over. It is released by
 * `release()` (the database's close) and, as a last resort, when the process exits.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseInUseError } from './store-errors.js';

/** A held lock. */
export interface DataDirLock {
  /** The lock file. */
  readonly path: string;
  /** Removes the lock file if it is still ours; idempotent. */
  release(): Promise<void>;
}

/** Options of {@link acquireDataDirLock} (tests). */
export interface DataDirLockOptions {
  /** Whether a process is alive. Default: `process.kill(pid, 0)` (ESRCH: dead, EPERM: alive). */
  isAlive?: (pid: number) => boolean;
}

// Lock files this process holds: a second open in the same process is refused too (two PGlite
// instances on one folder corrupt it just the same), and a lock file naming our pid that is not
// in here was left by an earlier process that had the same pid (containers restart as pid 1).
const held = new Set<string>();
let exitHookInstalled = false;

/** The lock file of `dataDir`. */
export function dataDirLockPath(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** The pid in a lock file; null when it is empty or not a pid; 'gone' when there is no file. */
async function readHolder(file: string): Promise<number | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    throw error;
  }
  return parsePid(text);
}

function parsePid(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const pid = Number(trimmed);
  return pid > 0 ? pid : null;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous: nothing asynchronous runs in 'exit'. Covers process.exit() and a normal end.
  process.once('exit', () => {
    for (const file of held) releaseSync(file);
  });
}

function releaseSync(file: string): void {
  held.delete(file);
  try {
    if (parsePid(readFileSync(file, 'utf8')) === process.pid) unlinkSync(file);
  } catch {
    // Gone already, or unreadable: nothing of ours to remove.
  }
}

/**
 * Moves a stale lock file aside and deletes it. The rename is atomic, so of two processes
 * taking over the same stale lock only one moves it; if what was moved turns out to be a live
 * process's fresh lock (it replaced the stale one in between), it is put back with `link`,
 * which never overwrites.
 */
async function removeStaleLock(file: string, stale: number | null, isAlive: (pid: number) => boolean): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  try {
    const moved = await readHolder(aside);
    if (typeof moved === 'number' && moved !== stale && isAlive(moved)) {
      await link(aside, file).catch((error: unknown) => {
        if (errorCode(error) !== 'EEXIST') throw error;
      });
    }
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

/** Creates the lock file with our pid; false when it exists. */
async function createLockFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${process.pid}\n`);
  } catch (error) {
    await handle.close();
    await unlink(file).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

/**
 * Takes the lock of `dataDir` or throws {@link DatabaseInUseError} naming the holder's pid.
 * A lock left by a dead process is taken over.
 */
export async function acquireDataDirLock(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
  const isAlive = options.isAlive ?? processIsAlive;
  const folder = path.resolve(dataDir);
  const file = dataDirLockPath(folder);
  if (held.has(file)) throw new DatabaseInUseError(folder, process.pid);
  // Reserved at once, so a concurrent open in this process is refused rather than racing.
  held.add(file);
  try {
    for (let attempt = 1; !(await createLockFile(file)); attempt += 1) {
      const holder = await readHolder(file);
      if (holder === 'gone') continue;
      // Our own pid but not held here: left by an earlier process that had our pid.
      const live = holder !== null && holder !== process.pid && isAlive(holder);
      if (live) throw new DatabaseInUseError(folder, holder);
      if (attempt >= 5) throw new Error(`Could not take the lock ${file} of the embedded database: it keeps changing hands.`);
      if (holder === null && attempt === 1) {
        // Empty: maybe another process between creating the file and writing its pid.
        await sleep(100);
        continue;
      }
      await removeStaleLock(file, holder, isAlive);
    }
  } catch (error) {
    held.delete(file);
    throw error;
  }
  installExitHook();

  let released: Promise<void> | undefined;
  return {
    path: file,
    release() {
      released ??= (async () => {
        try {
          if ((await readHolder(file).catch(() => null)) === process.pid) {
            await unlink(file).catch((error: unknown) => {
              if (errorCode(error) !== 'ENOENT') throw error;
            });
          }
        } finally {
          // Only now: until the file is gone, another open in this process must be refused.
          held.delete(file);
        }
      })();
      return released;
    },
  };
}

/** The pid of the live process holding the lock of `dataDir` (another process), else null. */
export async function liveLockHolder(dataDir: string): Promise<number | null> {
  const holder = await readHolder(dataDirLockPath(path.resolve(dataDir))).catch(() => null);
  return typeof holder === 'number' && holder !== process.pid && processIsAlive(holder) ? holder : null;
}
