/**
 * The embedded database's folder is opened by one process at a time: a second opener (another
 * process, the apikey CLI, or this process again) fails fast with DatabaseInUseError naming the
 * folder and the holder's pid; a lock left by a dead process is taken over; close and process
 * exit release it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { acquireDataDirLock, dataDirLockPath } from '../../src/store/data-dir-lock.js';
import { createPgliteDatabase } from '../../src/store/pglite-database.js';
import { DatabaseInUseError } from '../../src/store/store-errors.js';
import { seedPgliteDataDir } from './support/pglite-test-database.js';

const children: ChildProcessWithoutNullStreams[] = [];
const folders: string[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh DATA_DIR whose `pglite` folder is a copy of the initialised template. */
async function seededDataDir(): Promise<{ dataDir: string; folder: string; lockFile: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-lock-'));
  folders.push(dataDir);
  const folder = path.join(dataDir, 'pglite');
  await seedPgliteDataDir(folder);
  return { dataDir, folder, lockFile: dataDirLockPath(folder) };
}

/** Starts test/store/support/hold-pglite.ts on `folder`; resolves with its first line. */
function hold(folder: string, mode: 'close' | 'exit' | 'kill'): Promise<{ child: ChildProcessWithoutNullStreams; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/support/hold-pglite.ts', folder, mode], { env: { PATH: process.env.PATH ?? '' } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^(open|error) .*$/m.exec(output)?.[0];
      if (line) resolve({ child, line });
    });
    child.once('exit', (code) => setTimeout(() => reject(new Error(`holder exited with ${code} before opening: ${output}${errors}`)), 50));
  });
}

const exited = (child: ChildProcessWithoutNullStreams): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    const value = await promise;
    // An unexpected success must not keep the folder open.
    if (value && typeof value === 'object' && 'close' in value) await (value as { close(): Promise<void> }).close();
    return 'no error';
  } catch (error) {
    return error;
  }
}

describe('the embedded database folder lock', () => {
  it('refuses a second process with DatabaseInUseError naming the folder and the holder’s pid, until the holder closes', async () => {
    const { dataDir, folder, lockFile } = await seededDataDir();
    const { child, line } = await hold(folder, 'close');
    expect(line).toBe(`open ${child.pid}`);
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(child.pid));

    // Refused while the holder still runs: the opener does not wait for the lock (if it did,
    // this would wait for a holder that only closes when told to, and the test would time out).
    const failure = await failureOf(createStore({ dataDir }));
    expect(child.exitCode).toBeNull();
    expect(failure).toBeInstanceOf(DatabaseInUseError);
    expect(failure).toMatchObject({ name: 'DatabaseInUseError', dataDir: folder, holderPid: child.pid });
    expect((failure as Error).message).toBe(`The embedded database in ${folder} is in use by process ${child.pid}; stop it first or set DATABASE_URL.`);
    // The refused opener left the holder's lock alone.
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(child.pid));

    child.stdin.write('close\n');
    await exited(child);
    expect(child.exitCode).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    const store = await createStore({ dataDir });
    await store.ping();
    await store.close();
  }, 60_000);

  it('makes the apikey CLI fail fast while the service’s process holds the folder', async () => {
    const { dataDir, folder } = await seededDataDir();
    const store = await createStore({ dataDir });
    try {
      const result = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
        const cli = spawn(process.execPath, ['--import', 'tsx', 'src/guard/auth/api-key-cli.ts', 'list', '--account', 'demo'], {
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', DATA_DIR: dataDir },
        });
        let stderr = '';
        cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        cli.on('error', reject);
        cli.on('close', (status) => resolve({ status, stderr }));
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`The embedded database in ${folder} is in use by process ${process.pid}; stop it first or set DATABASE_URL.`);
      await store.ping();
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses a second open in the same process, and close releases the folder', async () => {
    const { folder, lockFile } = await seededDataDir();
    const first = await createPgliteDatabase({ dataDir: folder });
    const [second, concurrent] = await Promise.all([failureOf(createPgliteDatabase({ dataDir: folder })), failureOf(createPgliteDatabase({ dataDir: folder }))]);
    for (const failure of [second, concurrent]) {
      expect(failure).toBeInstanceOf(DatabaseInUseError);
      expect(failure).toMatchObject({ dataDir: folder, holderPid: process.pid });
    }
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    await first.close();
    expect(existsSync(lockFile)).toBe(false);
    await first.close();

    const reopened = await createPgliteDatabase({ dataDir: folder });
    expect(await reopened.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    await reopened.close();
    expect(existsSync(lockFile)).toBe(false);
  }, 60_000);

  it('takes over a lock left by a killed process', async () => {
    const { folder, lockFile } = await seededDataDir();
    const { child } = await hold(folder, 'kill');
    child.kill('SIGKILL');
    await exited(child);
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(child.pid));

    const database = await createPgliteDatabase({ dataDir: folder });
    try {
      expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
      expect(await database.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
    expect(existsSync(lockFile)).toBe(false);
  }, 60_000);

  it('is released when the holding process exits without closing', async () => {
    const { folder, lockFile } = await seededDataDir();
    const { child, line } = await hold(folder, 'exit');
    expect(line).toBe(`open ${child.pid}`);
    await exited(child);
    expect(child.exitCode).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  }, 60_000);
});

describe('acquireDataDirLock', () => {
  let folder: string;
  beforeEach(async () => {
    folder = path.join(await mkdtemp(path.join(tmpdir(), 'incident-ai-lockfile-')), 'pglite');
    folders.push(path.dirname(folder));
  });
  afterEach(() => rm(dataDirLockPath(folder), { force: true }));

  it('refuses while the pid in the lock file is alive, takes over once it is dead', async () => {
    await writeFile(dataDirLockPath(folder), '4242\n');
    let alive = true;
    const isAlive = (pid: number) => pid === 4242 && alive;
    const failure = await failureOf(acquireDataDirLock(folder, { isAlive }));
    expect(failure).toMatchObject({ name: 'DatabaseInUseError', holderPid: 4242 });
    expect((failure as Error).message).toContain(`in ${folder} is in use by process 4242`);
    expect(await readFile(dataDirLockPath(folder), 'utf8')).toBe('4242\n');

    alive = false;
    const lock = await acquireDataDirLock(folder, { isAlive });
    expect(await readFile(lock.path, 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
    await lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('checks liveness with process.kill(pid, 0): a pid that has exited (ESRCH) is stale', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(dataDirLockPath(folder), `${gone.pid}\n`);
    const lock = await acquireDataDirLock(folder);
    expect(await readFile(lock.path, 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();

    // A live process (this test's own parent, the vitest main process) is honoured.
    await writeFile(dataDirLockPath(folder), `${process.ppid}\n`);
    expect(await failureOf(acquireDataDirLock(folder))).toMatchObject({ name: 'DatabaseInUseError', holderPid: process.ppid });
  });

  it('takes over a lock naming this process’s pid that this process does not hold (a restart as the same pid), or holding no pid', async () => {
    for (const content of [`${process.pid}\n`, '', 'not a pid']) {
      await writeFile(dataDirLockPath(folder), content);
      const lock = await acquireDataDirLock(folder, { isAlive: () => true });
      expect(await readFile(lock.path, 'utf8')).toBe(`${process.pid}\n`);
      await lock.release();
    }
  });

  it('does not remove a lock file that is no longer its own', async () => {
    const lock = await acquireDataDirLock(folder);
    await writeFile(lock.path, '4242\n');
    await lock.release();
    expect(await readFile(lock.path, 'utf8')).toBe('4242\n');
  });
});
