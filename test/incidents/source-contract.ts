/**
 * The contract every incident source passes (the sample source, every driver behind the
 * registry). A driver's test file calls {@link describeIncidentSourceContract} with a set-up
 * that serves one known incident (and, when the driver serves them, a job and an execution)
 * to one account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentSource, LogEntry } from '../../src/incidents/types.js';

export interface ContractFixture {
  source: IncidentSource;
  /** The account that may see the records below. */
  accountId: string;
  /** An account that may see none of them. */
  otherAccountId: string;
  incidentIds: string[];
  /** A job and one of its executions, when the source serves jobs. */
  job?: { jobId: string; executionId: string };
  close?(): Promise<void>;
}

const logEntryTypes: readonly LogEntry['type'][] = [
  'trigger', 'acknowledge', 'escalate', 'assign', 'notify', 'annotate', 'status_update', 'priority_change', 'urgency_change', 'reach_trigger_limit', 'resolve',
];
const utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export function describeIncidentSourceContract(name: string, setUp: () => Promise<ContractFixture>): void {
  describe(`incident source contract: ${name}`, () => {
    let fixture: ContractFixture;
    beforeAll(async () => {
      fixture = await setUp();
    });
    afterAll(async () => {
      await fixture?.close?.();
    });

    it('answers in the order of the ids, null for unknown ones, duplicates included', async () => {
      const [first, second] = fixture.incidentIds;
      const ids = [second ?? first!, 'UNKNOWN-ID-1', first!, first!];
      const loaded = await fixture.source.loadIncidents(fixture.accountId, ids);
      expect(loaded.map((incident) => incident?.id ?? null)).toEqual([second ?? first!, null, first!, first!]);
    });

    it('returns records of the caller account with UTC times, unique log entry ids and known types', async () => {
      const loaded = await fixture.source.loadIncidents(fixture.accountId, fixture.incidentIds);
      for (const incident of loaded) {
        expect(incident).not.toBeNull();
        expect(incident!.accountId).toBe(fixture.accountId);
        expect(incident!.createdAt).toMatch(utc);
        if (incident!.resolvedAt !== null) expect(incident!.resolvedAt).toMatch(utc);
        expect(['triggered', 'acknowledged', 'resolved']).toContain(incident!.status);
        expect(['high', 'low']).toContain(incident!.urgency);
        expect([null, 'P1', 'P2', 'P3', 'P4', 'P5']).toContain(incident!.priority);
        expect(incident!.services.length).toBeGreaterThan(0);
        expect(incident!.logEntries.length).toBeGreaterThan(0);
        expect(new Set(incident!.logEntries.map((entry) => entry.id)).size).toBe(incident!.logEntries.length);
        for (const entry of incident!.logEntries) {
          expect(entry.at).toMatch(utc);
          expect(logEntryTypes).toContain(entry.type);
        }
        for (const note of incident!.notes) expect(note.at).toMatch(utc);
        for (const alert of incident!.alerts) {
          expect(alert.at).toMatch(utc);
          expect(typeof alert.body).toBe('object');
        }
      }
    });

    it('shows another account nothing, exactly as for an unknown id', async () => {
      const loaded = await fixture.source.loadIncidents(fixture.otherAccountId, fixture.incidentIds);
      expect(loaded).toEqual(fixture.incidentIds.map(() => null));
      if (fixture.job) {
        expect(await fixture.source.loadJob(fixture.otherAccountId, fixture.job.jobId)).toBeNull();
        expect(await fixture.source.loadExecution(fixture.otherAccountId, fixture.job.jobId, fixture.job.executionId)).toBeNull();
      }
    });

    it('serves jobs and executions of the account only, null for unknown ids', async () => {
      if (!fixture.job) {
        expect(await fixture.source.loadJob(fixture.accountId, 'UNKNOWN-JOB')).toBeNull();
        return;
      }
      const job = await fixture.source.loadJob(fixture.accountId, fixture.job.jobId);
      expect(job?.accountId).toBe(fixture.accountId);
      const execution = await fixture.source.loadExecution(fixture.accountId, fixture.job.jobId, fixture.job.executionId);
      expect(execution?.accountId).toBe(fixture.accountId);
      expect(execution?.jobId).toBe(fixture.job.jobId);
      expect(execution!.startedAt).toMatch(utc);
      expect(await fixture.source.loadJob(fixture.accountId, 'UNKNOWN-JOB')).toBeNull();
      expect(await fixture.source.loadExecution(fixture.accountId, fixture.job.jobId, 'UNKNOWN-EXECUTION')).toBeNull();
    });
  });
}
