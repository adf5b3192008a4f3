/**
 * Runs `npm run eval -- ...` (or `eval:harvest`) as a child process, the way CI and people
 * run it, with an environment of the test's choosing (never the parent's database or keys).
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedPgliteDataDir } from '../../store/support/pglite-test-database.js';

export interface SpawnResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const repository = path.resolve(import.meta.dirname, '../../..');

/** A fresh DATA_DIR whose PGlite database is a copy of the pre-initialised template (no initdb). */
export async function seededDataDir(): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-eval-'));
  await seedPgliteDataDir(path.join(dataDir, 'pglite'));
  return dataDir;
}

/** Runs an npm script of the repository with `args` after `--`. */
export function spawnNpm(script: 'eval' | 'eval:harvest', args: readonly string[], env: Record<string, string>): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: repository,
      // Only what the run needs: PATH for npm/node, and the test's own settings.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NODE_ENV: 'test', OTEL_SDK_DISABLED: 'true', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
