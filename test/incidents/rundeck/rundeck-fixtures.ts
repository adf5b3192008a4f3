/**
 * Seed data for the fake Rundeck and a driver wired to it: a restart job of four steps and a
 * failed execution whose step 3 fails on one node, plus a generator of long logs.
 */
import pino from 'pino';
import type { RundeckSourceSettings } from '../../../src/config/incident-sources.js';
import type { DriverContext } from '../../../src/incidents/incident-driver.js';
import { createRundeckDriver, type RundeckDriver, type RundeckDriverOptions } from '../../../src/incidents/rundeck/rundeck-driver.js';
import { createUpstreamResources } from '../../../src/incidents/upstream/upstream-resources.js';
import { fakeJob, type FakeExecution, type FakeJob, type FakeLogEntry, type FakeRundeck } from '../../fakes/rundeck-server.js';

export const restartJobId = '5b1f7b9e-4c1e-4a8a-9d0b-7f7d1c2e3a41';
export const failedExecutionId = 4711;

export const restartJob: FakeJob = fakeJob({
  uuid: restartJobId,
  project: 'ops',
  name: 'Restart checkout workers',
  group: 'checkout',
  description: 'Rolling restart of the checkout workers.\nUsed during incidents to drop stale connections.',
  commands: [
    { description: 'Pre-flight: cluster context and replica health', exec: 'kubectl -n checkout get deploy/checkout-worker' },
    { script: '#!/bin/bash\nkubectl -n checkout get pods -o wide > /tmp/pods-before.txt' },
    { description: 'Rolling restart and wait for the rollout', exec: 'kubectl -n checkout rollout restart deploy/checkout-worker && kubectl -n checkout rollout status deploy/checkout-worker --timeout=120s' },
    { description: 'Post a summary to Slack', exec: 'notify-slack "#checkout" "restart done"' },
  ],
});

const node = 'rd-runner-02.prod.internal';
const entry = (time: string, level: FakeLogEntry['level'], stepctx: string, log: string): FakeLogEntry => ({ at: `2026-11-30T${time}Z`, level, stepctx, node, user: 'mara.jensen', log });

/** 24 lines; step 3 fails (the rollout times out), as Rundeck's workflow summary then says. */
export const failedOutput: FakeLogEntry[] = [
  entry('09:00:01', 'NORMAL', '1', 'NAME              READY   UP-TO-DATE   AVAILABLE'),
  entry('09:00:01', 'NORMAL', '1', 'checkout-worker   8/8     8            8'),
  entry('09:00:02', 'NORMAL', '2', 'saved /tmp/pods-before.txt (8 pods)'),
  entry('09:00:03', 'NORMAL', '3', 'deployment.apps/checkout-worker restarted'),
  ...Array.from({ length: 12 }, (_, index) => entry(`09:00:${String(10 + index * 4).padStart(2, '0')}`, 'NORMAL', '3', `Waiting for deployment "checkout-worker" rollout to finish: ${index % 3} of 8 updated replicas are available...`)),
  entry('09:01:00', 'WARN', '3', 'pod checkout-worker-7c9d-x2 readiness probe failed: dial tcp 10.2.0.14:5432: connect: connection refused'),
  entry('09:01:10', 'NORMAL', '3', 'Waiting for deployment "checkout-worker" rollout to finish: 2 of 8 updated replicas are available...'),
  entry('09:02:03', 'ERROR', '3', 'error: timed out waiting for the condition'),
  entry('09:02:03', 'ERROR', '3', 'Failed: NonZeroResultCode: Result code was 1'),
  entry('09:02:03', 'ERROR', '', 'Execution failed: 4711 in project ops: [Workflow result: , step failures: {3=Dispatch failed on 1 nodes: [rd-runner-02.prod.internal: NonZeroResultCode: Result code was 1]}, Node failures: {rd-runner-02.prod.internal=[NonZeroResultCode: Result code was 1]}, status: failed]'),
  entry('09:02:04', 'NORMAL', '', 'Execution finished'),
  entry('09:02:04', 'VERBOSE', '', 'cleanup'),
  entry('09:02:04', 'VERBOSE', '', 'done'),
];

export const failedExecution: FakeExecution = {
  id: failedExecutionId,
  jobId: restartJobId,
  project: 'ops',
  status: 'failed',
  user: 'mara.jensen',
  dateStarted: '2026-11-30T09:00:00Z',
  dateEnded: '2026-11-30T09:02:04Z',
  argstring: '-incident_id Q1RD2X9',
  options: { incident_id: 'Q1RD2X9' },
  successfulNodes: [],
  failedNodes: [node],
  output: failedOutput,
};

/**
 * A generated log of `count` lines: step 1 for the first half, step 2 after; a WARN every
 * 5,000 lines; one ERROR at line `errorAt` (1-based) in step 2 and Rundeck's summary naming
 * step 2 as the last line. Lines are made on demand.
 */
export function longOutput(count: number, errorAt: number): { count: number; entry(index: number): FakeLogEntry } {
  return {
    count,
    entry(index) {
      const number = index + 1;
      const step = number <= count / 2 ? '1' : '2';
      const at = new Date(Date.UTC(2026, 10, 30, 10, 0, 0) + index * 10).toISOString();
      if (number === count) return { at, level: 'ERROR', stepctx: '', node, log: `Execution failed: 9001 in project ops: [Workflow result: , step failures: {2=Dispatch failed on 1 nodes: [${node}: NonZeroResultCode: Result code was 2]}, status: failed]` };
      if (number === errorAt) return { at, level: 'ERROR', stepctx: step, node, log: `rsync: write failed on "/data/archive/part-${number}": No space left on device (28)` };
      if (number % 5_000 === 0) return { at, level: 'WARN', stepctx: step, node, log: `slow transfer: ${number} files in ${number % 97} s` };
      return { at, level: 'NORMAL', stepctx: step, node, log: `sent /data/archive/part-${number} (${(number * 7919) % 100_000} bytes) checksum ${(number * 2654435761) % 4294967296}` };
    },
  };
}

/** The driver settings pointing at a fake. */
export function settingsFor(fake: FakeRundeck, overrides: Partial<RundeckSourceSettings> = {}): RundeckSourceSettings {
  return { url: fake.url, apiVersion: 41, project: 'ops', token: fake.token, tokenSetting: 'RUNDECK_API_TOKEN', ...overrides };
}

/** A driver serving account `acme` on a fake; fresh gates and breakers for each. */
export function driverFor(
  fake: FakeRundeck,
  overrides: Partial<RundeckSourceSettings> = {},
  options: RundeckDriverOptions & { requestTimeoutMs?: number; deadlineMs?: number; logger?: pino.Logger } = {},
): RundeckDriver {
  const context: DriverContext = {
    accountId: 'acme',
    upstream: createUpstreamResources({ maxConcurrentPerToken: 4, failureThreshold: 50, cooldownMs: 30_000 }),
    requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
    deadlineMs: options.deadlineMs ?? 10_000,
    logger: options.logger ?? pino({ level: 'silent' }),
  };
  return createRundeckDriver(settingsFor(fake, overrides), context, { backoff: { baseMs: 10, maxMs: 50 }, ...options });
}
