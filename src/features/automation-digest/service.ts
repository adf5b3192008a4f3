import { sourceCallerOf } from '../../guard/auth/caller-authorization.js';
import type { RequestTrace } from '../../telemetry/request-trace.js';
import { badInput, notFound } from '../../errors/app-error.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';
import { automationDigestFeature } from './feature.js';

/** The fields of the `digestJobExecution` input this service reads (the GraphQL input fits it). */
export interface DigestJobExecutionInput {
  jobId: string;
  executionId: string;
  stream?: boolean | null;
  /** Admin only: the routing variant to generate with (see DraftGenerator GenerateOptions). */
  variant?: string | null;
}

/** Longest job or execution id accepted, in characters. */
export const maxIdLength = 200;

export interface AutomationDigestService {
  /**
   * Digests one execution of a runbook job. `NOT_FOUND` when the execution does not exist
   * for the caller's account; the draft is attached to the execution's incident, if any.
   */
  run(principal: Principal, input: DigestJobExecutionInput, trace?: RequestTrace | null): Promise<DraftRecord>;
}

export function createAutomationDigestService(dependencies: FeatureDependencies): AutomationDigestService {
  const { incidents, generator } = dependencies;
  return {
    async run(principal, input, trace) {
      const jobId = checkedId(input.jobId, 'jobId');
      const executionId = checkedId(input.executionId, 'executionId');
      const [job, execution] = await Promise.all([
        incidents.loadJob(principal.accountId, jobId, sourceCallerOf(principal, trace?.context)),
        incidents.loadExecution(principal.accountId, jobId, executionId, sourceCallerOf(principal, trace?.context)),
      ]);
      if (!execution) throw notFound(`Execution of job "${jobId}"`, executionId);
      return generator.generate(
        automationDigestFeature,
        { principal, trace, input: { jobId, executionId }, incident: null, job, execution },
        { incidentId: execution.incidentId, jobId, executionId },
        { stream: input.stream ?? false, variant: input.variant ?? null },
      );
    },
  };
}

function checkedId(value: string, field: string): string {
  const id = value.trim();
  if (id.length === 0) throw badInput(`${field} must not be empty.`, field);
  if (id.length > maxIdLength) throw badInput(`${field} is ${id.length} characters long; the limit is ${maxIdLength}.`, field);
  return id;
}
