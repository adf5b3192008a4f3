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

/**
 * An {@link IncidentSource} over in-memory records. Every call returns deep copies, so a
 * caller that edits what it gets (a redactor, a test) cannot change the samples. A record
 * of another account is reported as `null`, exactly like an unknown id.
 */
export function createSampleIncidentSource(data: SampleData = defaultSampleData): IncidentSource {
  const incidents = new Map(data.incidents.map((incident) => [incident.id, incident]));
  const jobs = new Map(data.jobs.map((job) => [job.id, job]));
  const executions = new Map(data.executions.map((execution) => [`${execution.jobId}/${execution.id}`, execution]));

  const visible = <T extends { accountId: string }>(record: T | undefined, accountId: string): T | null =>
    record !== undefined && record.accountId === accountId ? structuredClone(record) : null;

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
