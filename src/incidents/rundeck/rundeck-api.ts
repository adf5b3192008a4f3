/**
 * The parts of Rundeck's API (Runbook Automation) the driver reads, as documented in the API
 * reference (docs.rundeck.com/docs/api: "Getting a Job Definition", "Get Job Metadata",
 * "Execution Info", "Execution Output", "Importing Jobs") and the job-json/job-yaml formats.
 * Fields we do not use are allowed and ignored; a field we use with the wrong type makes the
 * whole answer malformed (a typed error, nothing stored).
 */
import { z } from 'zod';

/** Rundeck's `{ unixtime, date }` pair (`date` is W3C `yyyy-MM-ddTHH:mm:ssZ`). */
const rundeckDate = z.object({ unixtime: z.number(), date: z.string() });

/** `GET /api/{v}/job/{id}/info` (Get Job Metadata, API v18+). */
export const jobInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string().nullish(),
  project: z.string(),
  description: z.string().nullish(),
  permalink: z.string().nullish(),
});

/** One command of a job's `sequence.commands` (job-yaml / job-json). */
export const jobCommandSchema = z
  .object({
    description: z.string().nullish(),
    exec: z.string().nullish(),
    script: z.string().nullish(),
    scriptfile: z.string().nullish(),
    scripturl: z.string().nullish(),
    jobref: z.object({ name: z.string().nullish(), group: z.string().nullish(), uuid: z.string().nullish() }).passthrough().nullish(),
    type: z.string().nullish(),
  })
  .passthrough();

/** `GET /api/{v}/job/{id}`: the job definition, a list holding the one job. */
export const jobDefinitionSchema = z
  .array(
    z
      .object({
        id: z.string().nullish(),
        uuid: z.string().nullish(),
        name: z.string(),
        group: z.string().nullish(),
        description: z.string().nullish(),
        sequence: z.object({ commands: z.array(jobCommandSchema) }).passthrough(),
      })
      .passthrough(),
  )
  .min(1);

/** `GET /api/{v}/execution/{id}` (Execution Info). */
export const executionInfoSchema = z.object({
  id: z.union([z.number(), z.string()]),
  status: z.string(),
  project: z.string(),
  user: z.string().nullish(),
  'date-started': rundeckDate.nullish(),
  'date-ended': rundeckDate.nullish(),
  job: z
    .object({
      id: z.string(),
      name: z.string().nullish(),
      project: z.string().nullish(),
      options: z.record(z.string(), z.string()).nullish(),
    })
    .nullish(),
  successfulNodes: z.array(z.string()).nullish(),
  failedNodes: z.array(z.string()).nullish(),
});

/** One output entry; in the compacted form (API v21+) a lone string is a changed `log`. */
export const outputEntrySchema = z.union([
  z.string(),
  z.object({
    time: z.string().nullish(),
    absolute_time: z.string().nullish(),
    level: z.string().nullish(),
    log: z.string().nullish(),
    node: z.string().nullish(),
    stepctx: z.string().nullish(),
    user: z.string().nullish(),
  }),
]);

/**
 * `GET /api/{v}/execution/{id}/output` (JSON). `offset` and `lastModified` are rendered as
 * strings by Rundeck; numbers are accepted too.
 */
export const outputPageSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  offset: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]),
  completed: z.boolean(),
  execCompleted: z.boolean().nullish(),
  execState: z.string().nullish(),
  error: z.string().nullish(),
  compacted: z.union([z.boolean(), z.string()]).nullish(),
  entries: z.array(outputEntrySchema).nullish(),
});

/** `POST /api/{v}/project/{project}/jobs/import`. */
export const importResultSchema = z.object({
  succeeded: z.array(z.object({ index: z.number().nullish(), id: z.string().nullish(), name: z.string().nullish(), permalink: z.string().nullish(), href: z.string().nullish() }).passthrough()).nullish(),
  failed: z.array(z.object({ index: z.number().nullish(), error: z.string().nullish(), name: z.string().nullish() }).passthrough()).nullish(),
  skipped: z.array(z.object({ index: z.number().nullish(), id: z.string().nullish(), name: z.string().nullish() }).passthrough()).nullish(),
});

export type JobDefinition = z.infer<typeof jobDefinitionSchema>[number];
export type JobCommand = z.infer<typeof jobCommandSchema>;
export type ExecutionInfo = z.infer<typeof executionInfoSchema>;
export type OutputPage = z.infer<typeof outputPageSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
