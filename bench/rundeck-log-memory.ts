/**
 * Peak heap of loading one 100,000-line Rundeck execution through the rundeck driver, with
 * its bounded log window and (for comparison) with a window that keeps every line. The fake
 * Rundeck runs in this process and generates lines on demand (its only table: ~0.8 MB of
 * offsets), so the figure is the driver's. Run: `node --expose-gc --import tsx bench/rundeck-log-memory.ts`.
 */
import { startFakeRundeck } from '../test/fakes/rundeck-server.js';
import { driverFor, failedExecution, longOutput, restartJob, restartJobId } from '../test/incidents/rundeck/rundeck-fixtures.js';
import { defaultLogWindowLimits } from '../src/incidents/rundeck/log-window.js';

const lines = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

async function measure(label: string, unbounded: boolean): Promise<void> {
  const fake = await startFakeRundeck({ jobs: [restartJob], executions: [{ ...failedExecution, output: longOutput(lines, Math.floor(lines * 0.73)) }] });
  const infinite = Number.POSITIVE_INFINITY;
  const driver = driverFor(fake, {}, {
    deadlineMs: 120_000,
    ...(unbounded && { window: { ...defaultLogWindowLimits, headLines: infinite, tailLines: 0, anomalyLines: infinite, boundaryLines: infinite } }),
  });
  // Warm the fake's offset table first so it is not counted.
  await fetch(`${fake.url}/api/41/execution/${failedExecution.id}/output?maxlines=1`, { headers: { 'X-Rundeck-Auth-Token': fake.token } });
  gc!();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
  const started = performance.now();
  const execution = await driver.loadExecution('acme', restartJobId, String(failedExecution.id));
  const elapsed = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(timer);
  gc!();
  const retained = process.memoryUsage().heapUsed - base;
  console.log(
    `${label}: ${lines} lines, held ${execution!.log.length} (logLineCount ${execution!.logLineCount ?? execution!.log.length}), ` +
      `peak heap +${((peak - base) / 1e6).toFixed(1)} MB, retained +${(retained / 1e6).toFixed(1)} MB, ${elapsed.toFixed(0)} ms`,
  );
  void execution;
  await fake.close();
}

await measure('bounded window', false);
await measure('every line kept', true);
