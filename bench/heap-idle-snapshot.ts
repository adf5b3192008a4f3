/**
 * Writes a V8 heap snapshot of the service at idle (after start-up, N drafts and a forced GC) to a file,
 * for bench/heap-retainers.ts:
 *
 *   npx tsx bench/heap-idle-snapshot.ts [--drafts 200] DIR OUT.heapsnapshot
 */
import { createWriteStream } from 'node:fs';
import { numberArgument, startPairedServices, type BenchService } from './bench-service.js';
import { collectGarbage, killAllProcessesNow, openInspector, stopAllProcesses } from './processes.js';
import { benchIncidentId } from './status-update-answer.js';

const drafts = numberArgument('--drafts', 200);
const positional = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && all[index - 1] !== '--drafts');
const [directory, output] = positional;
if (!directory || !output) throw new Error('usage: tsx bench/heap-idle-snapshot.ts [--drafts 200] DIR OUT.heapsnapshot');
process.once('exit', killAllProcessesNow);

const mutation = `mutation BenchDraft($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id state } }`;
const services: BenchService[] = [];
try {
  await startPairedServices([directory], services);
  const service = services[0]!;
  for (let index = 0; index < drafts; index += 1) {
    const answer = await service.graphql<{ draftStatusUpdate: { state: string } }>(mutation, { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS' } });
    if (answer.data?.draftStatusUpdate.state !== 'COMPLETE') throw new Error(`bad answer: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  await collectGarbage(service.process);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const session = await openInspector(service.process);
  const file = createWriteStream(output);
  try {
    session.onEvent((message) => {
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk') file.write((message.params as { chunk: string }).chunk);
    });
    await session.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const heap = await session.call<{ usedSize: number }>('Runtime.getHeapUsage');
    process.stdout.write(`heap used ${(heap.usedSize / 1024 / 1024).toFixed(1)} MB; snapshot in ${output}\n`);
  } finally {
    session.onEvent(null);
    await new Promise((resolve) => file.end(resolve));
    await session.close();
  }
} finally {
  for (const service of services) await service.stop();
  await stopAllProcesses(5_000);
}
