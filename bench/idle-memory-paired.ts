/**
 * Idle memory of two or more builds after start-up and a forced GC, and their start-up time, on
 * PostgreSQL with the fake upstream (as latency-paired.ts starts them), with 200 drafts served
 * first so the request path's code is loaded:
 *
 *   npx tsx bench/idle-memory-paired.ts [--drafts 200] DIR [DIR ...]
 *
 * Each DIR may carry environment variables after `+` (see startPairedServices).
 */
import { numberArgument, startPairedServices, type BenchService } from './bench-service.js';
import { killAllProcessesNow, stopAllProcesses } from './processes.js';
import { benchIncidentId } from './status-update-answer.js';

const drafts = numberArgument('--drafts', 200);
const directories = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && all[index - 1] !== '--drafts');
if (directories.length === 0) throw new Error('usage: tsx bench/idle-memory-paired.ts [--drafts 200] DIR [DIR ...]');
process.once('exit', killAllProcessesNow);

const mutation = `mutation BenchDraft($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id state } }`;
const services: BenchService[] = [];
try {
  const started: number[] = [];
  await startPairedServices(directories, services, (ms) => started.push(ms));
  for (const service of services) {
    for (let index = 0; index < drafts; index += 1) {
      const answer = await service.graphql<{ draftStatusUpdate: { state: string } }>(mutation, { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS' } });
      if (answer.data?.draftStatusUpdate.state !== 'COMPLETE') throw new Error(`bad answer: ${JSON.stringify(answer).slice(0, 300)}`);
    }
  }
  process.stdout.write(`\nIdle memory after ${drafts} drafts and a forced GC:\n`);
  for (const [index, service] of services.entries()) {
    const memory = await service.memoryAfterGc();
    process.stdout.write(`  ${directories[index]}: RSS ${memory.rssMb.toFixed(1)} MB, V8 heap ${memory.heapMb.toFixed(1)} MB; started in ${started[index]} ms\n`);
  }
} finally {
  for (const service of services) await service.stop();
  await stopAllProcesses(5_000);
}
