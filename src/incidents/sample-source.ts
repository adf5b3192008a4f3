/**
 * The `sample` incident source: serves the embedded demo data (or any data given to it)
 * from memory, with the same account scoping as the real drivers.
 */
import { sampleExecutions, sampleIncidents, sampleJobs } from './sample/index.js';
import type { Incident, IncidentSource, JobExecution, RunbookJob } from './types.js';

/** The records a sample source serves. */
export interface SampleData {
  incidents: readonly Incident[];
  jobs: readonly RunbookJob[];
  executions: readonly JobExecution[];
}

/** The embedded demo data: PDEMO01..PDEMO06, RJDEMO01, EXDEMO01 and EXDEMO02. */
export const defaultSampleData: SampleData = {
  incidents: sampleIncidents,
  jobs: sampleJobs,
  executions: sampleExecutions,
};

/** A deep-frozen copy: shared between callers, changed by none. */
function frozenCopy<T>(value: T): T {
  const freeze = (item: unknown): void => {
    if (item === null || typeof item !== 'object' || Object.isFrozen(item)) return;
    Object.freeze(item);
    for (const child of Object.values(item)) freeze(child);
  };
  const copy = structuredClone(value);
  freeze(copy);
  return copy;
}

/**
 * An {@link IncidentSource} over in-memory records. Records are deep-frozen copies made once
 * (copying per call cost ~0.1 ms of CPU per request): a caller that edits what it gets (a
 * redactor, a test) fails loudly instead of changing the samples; callers derive new records
 * by spreading. A record of another account is reported as `null`, exactly like an unknown id.
 */
export function createSampleIncidentSource(data: SampleData = defaultSampleData): IncidentSource {
  const incidents = new Map(data.incidents.map((incident) => [incident.id, frozenCopy(incident)]));
  const jobs = new Map(data.jobs.map((job) => [job.id, frozenCopy(job)]));
  const executions = new Map(data.executions.map((execution) => [`${execution.jobId}/${execution.id}`, frozenCopy(execution)]));

  const visible = <T extends { accountId: string }>(record: T | undefined, accountId: string): T | null =>
    record !== undefined && record.accountId === accountId ? record : null;

  return {
    async loadIncidents(accountId, ids) {
      return ids.map((id) => visible(incidents.get(id), accountId));
    },
    async loadJob(accountId, jobId) {
      return visible(jobs.get(jobId), accountId);
    },
    async loadExecution(accountId, jobId, executionId) {
      return visible(executions.get(`${jobId}/${executionId}`), accountId);
    },
  };
}
