/**
 * `evaluationSummary`: how one feature's drafts fared with the people who used them, per
 * route (provider, model, prompt version, variant), each route next to its latest offline
 * evaluation run, so an experiment's arms compare on feedback and on metrics at once.
 */
import { badInput } from '../../errors/app-error.js';
import type { FeatureName } from '../../llm/types.js';
import type { EvalRunRecord, EvaluationRepository, FeedbackSummaryRow } from '../../store/eval-repository.js';
import { registeredFeature, type DraftKinds } from '../../store/draft-kinds.js';
import type { DraftKind } from '../../store/types.js';

/** A run as the summary shows it. */
export interface OfflineEvaluationModel {
  runId: string;
  variant: string;
  finishedAt: string;
  cases: number;
  passed: boolean | null;
  metrics: { name: string; value: number | null }[];
}

export interface VariantSummaryModel extends FeedbackSummaryRow {
  acceptanceRate: number | null;
  offline: OfflineEvaluationModel | null;
}

export interface EvaluationSummaryModel {
  feature: FeatureName;
  /** The kind of the feature's drafts. */
  kind: DraftKind;
  from: string;
  to: string;
  variants: VariantSummaryModel[];
}

/** Longest window a summary covers: a year of feedback is one query's worth. */
export const maxSummaryDays = 366;

function checkedWindow(from: string, to: string): { from: string; to: string } {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start)) throw badInput('from must be an ISO-8601 date-time.', 'from');
  if (Number.isNaN(end)) throw badInput('to must be an ISO-8601 date-time.', 'to');
  if (end <= start) throw badInput('to must be after from.', 'to');
  if (end - start > maxSummaryDays * 86_400_000) throw badInput(`The window is longer than ${maxSummaryDays} days; ask for a shorter one.`, 'from');
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/** A stored run as `evaluationSummary` shows it. */
export const offlineOf = (run: EvalRunRecord): OfflineEvaluationModel => ({
  runId: run.id,
  variant: run.variant,
  finishedAt: run.finishedAt,
  cases: run.caseCount,
  passed: typeof run.gate?.passed === 'boolean' ? run.gate.passed : null,
  metrics: Object.entries(run.metrics).map(([name, value]) => ({ name, value: typeof value === 'number' ? value : null })),
});

/**
 * The summary of `feature` for an account in [from, to).
 * @throws AppError BAD_USER_INPUT for an unknown feature or a bad window.
 */
export async function evaluationSummary(
  store: { evaluations: EvaluationRepository; draftKinds: DraftKinds },
  accountId: string,
  feature: string,
  from: string,
  to: string,
): Promise<EvaluationSummaryModel> {
  const { evaluations, draftKinds } = store;
  const { name, kind } = registeredFeature(draftKinds, feature);
  const window = checkedWindow(from, to);
  const rows = await evaluations.summarizeFeedback(accountId, kind, window.from, window.to);
  const variants = await Promise.all(
    rows.map(async (row): Promise<VariantSummaryModel> => {
      const run = await evaluations.latestRun({ feature: name, provider: row.provider, model: row.model, promptVersion: row.promptVersion, before: window.to });
      return {
        ...row,
        acceptanceRate: row.feedback === 0 ? null : (row.acceptedAsIs + row.edited) / row.feedback,
        offline: run ? offlineOf(run) : null,
      };
    }),
  );
  return { feature: name, kind, from: window.from, to: window.to, variants };
}
