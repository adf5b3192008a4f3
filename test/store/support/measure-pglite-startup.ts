/**
 * Measures how a test file can get a fresh PGlite database, each way in its own process so the
 * peak RSS is that way's alone. Not a test (no wall-clock assertions); run it by hand:
 *
 *   npx tsx test/store/support/measure-pglite-startup.ts [runs=3]
 *
 * Ways: `memory` (initdb in memory every time), `tarball` / `tarball-gzip` (`loadDataDir` of a
 * dumped, pre-initialised data folder into `memory://`), `copy` (copy a pre-initialised data
 * folder, open it from disk). The test helpers use the cheapest.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pgliteTemplateDirectory } from './pglite-test-database.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const pgliteEntry = require.resolve('@electric-sql/pglite');
const pgliteModuleDirectory = path.dirname(pgliteEntry.slice(0, pgliteEntry.lastIndexOf(`${path.sep}dist${path.sep}`)));

type Way = 'memory' | 'tarball' | 'tarball-gzip' | 'copy';

// Runs inside the child: open one way, run one query, print {milliseconds, peakRssMb}.
const childScript = `
import { PGlite } from '@electric-sql/pglite';
import { cpSync, readFileSync } from 'node:fs';
const [way, template, tarball, copyTarget] = process.argv.slice(1);
const started = performance.now();
let db;
if (way === 'memory') db = await PGlite.create('memory://');
else if (way === 'copy') { cpSync(template, copyTarget, { recursive: true }); db = await PGlite.create(copyTarget); }
else db = await PGlite.create('memory://', { loadDataDir: new Blob([readFileSync(tarball)]) });
await db.query('select 1');
const milliseconds = Math.round(performance.now() - started);
await db.close();
console.log(JSON.stringify({ milliseconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`;

// Dumps the template once so the tarball ways have something to load.
const dumpScript = `
import { PGlite } from '@electric-sql/pglite';
import { writeFileSync } from 'node:fs';
const [template, plain, gzip] = process.argv.slice(1);
const db = await PGlite.create(template);
writeFileSync(plain, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
writeFileSync(gzip, Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer()));
await db.close();
`;

async function node(script: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd: pgliteModuleDirectory });
  return stdout;
}

const median = (values: number[]): number => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'incident-ai-pglite-measure-'));
  try {
    const buildStarted = performance.now();
    const template = await pgliteTemplateDirectory();
    console.log(`template ready in ${Math.round(performance.now() - buildStarted)} ms (built now, or cached): ${template}`);
    const plain = path.join(scratch, 'template.tar');
    const gzip = path.join(scratch, 'template.tgz');
    // Dump from a copy: opening the template itself would write to it.
    const dumpSource = path.join(scratch, 'dump-source');
    await run('cp', ['-R', template, dumpSource]);
    await node(dumpScript, [dumpSource, plain, gzip]);

    const ways: Way[] = ['memory', 'tarball', 'tarball-gzip', 'copy'];
    for (const way of ways) {
      const samples: Array<{ milliseconds: number; peakRssMb: number }> = [];
      for (let index = 0; index < runs; index += 1) {
        const copyTarget = path.join(scratch, `copy-${index}`);
        const tarball = way === 'tarball-gzip' ? gzip : plain;
        samples.push(JSON.parse(await node(childScript, [way, template, tarball, copyTarget])) as (typeof samples)[number]);
        await rm(copyTarget, { recursive: true, force: true });
      }
      const times = samples.map((sample) => sample.milliseconds);
      const peaks = samples.map((sample) => sample.peakRssMb);
      console.log(
        `${way.padEnd(13)} open+query median ${median(times)} ms [${times.join(', ')}]  peak RSS median ${median(peaks)} MB [${peaks.join(', ')}]`,
      );
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
