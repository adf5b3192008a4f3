/**
 * Finds the baseline a run is gated against: an earlier run stored in the database (by id,
 * or the feature's latest), or a JSON report written by an earlier run (a file committed or
 * kept as a CI artifact works without a database).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { EvaluationRepository } from '../store/eval-repository.js';
import type { BaselineResults } from './runner.js';
import { EvalUsageError } from './variant.js';

const reportSchema = z.object({
  features: z.array(
    z.object({
      runId: z.string(),
      feature: z.string(),
      variant: z.string(),
      results: z.array(
        z.object({
          caseId: z.string(),
          ok: z.boolean(),
          metrics: z.record(z.string(), z.number().nullable()),
          text: z.string(),
        }),
      ),
    }),
  ),
});

/** The baseline of `feature` named by `reference`; null when the reference has none for it. */
export async function loadBaseline(
  reference: string,
  feature: string,
  evaluations: EvaluationRepository | null,
  options: { excludeRunId?: string } = {},
): Promise<BaselineResults | null> {
  if (existsSync(reference)) return fromReport(reference, feature);
  if (!evaluations) throw new EvalUsageError(`--baseline ${reference}: not a file, and run ids need the database (drop --no-store; through a running service, give a report.json)`);
  if (reference === 'latest') {
    const run = await evaluations.latestRun({ feature, ...(options.excludeRunId && { excludeId: options.excludeRunId }) });
    return run ? fromStore(evaluations, run.id, run.variant) : null;
  }
  const ids = reference.split(',').map((id) => id.trim()).filter(Boolean);
  let found = false;
  for (const id of ids) {
    const run = await evaluations.getRun(id);
    if (!run) continue;
    found = true;
    if (run.feature === feature) return fromStore(evaluations, run.id, run.variant);
  }
  if (!found) throw new EvalUsageError(`--baseline ${reference}: no such file, and no stored run has that id`);
  return null;
}

async function fromStore(evaluations: EvaluationRepository, runId: string, variant: string): Promise<BaselineResults> {
  const results = await evaluations.listResults(runId);
  return { runId, variant, results: results.map((result) => ({ caseId: result.caseId, ok: result.ok, metrics: result.metrics, text: result.text })) };
}

async function fromReport(file: string, feature: string): Promise<BaselineResults | null> {
  let parsed: z.infer<typeof reportSchema>;
  try {
    parsed = reportSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    throw new EvalUsageError(`--baseline ${file} is not an evaluation report: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
  const run = parsed.features.find((candidate) => candidate.feature === feature);
  return run ? { runId: run.runId, variant: run.variant, results: run.results } : null;
}
