/**
 * `npm run eval:harvest`: turns an account's published edits (feedback with a published
 * text) into labelled cases for review, appended to `eval/harvested/<feature>.jsonl`. Cases
 * already harvested (same feedback id) are skipped; private incidents are never harvested,
 * and an account that has not opted in to external AI providers is refused, because
 * datasets are run against them.
 *
 *   npm run eval:harvest -- --account <id> [--feature <name|all>] [--from ISO] [--to ISO]
 *                           [--out eval/harvested] [--limit 500]
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config/index.js';
import { createDataPolicy } from '../guard/data-policy.js';
import { createSampleIncidentSource } from '../incidents/sample-source.js';
import type { IncidentSource } from '../incidents/types.js';
import type { FeatureName } from '../llm/types.js';
import { registeredDraftKinds } from './registered-features.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/store.js';
import type { CaseData } from './case-data.js';
import { caseLine, type EvalCaseInput } from './cases.js';
import { harvestCase, type HarvestSkip } from './harvest-cases.js';
import { registeredFeature } from '../store/draft-kinds.js';
import { EvalUsageError } from './variant.js';

/** What `eval:harvest` was asked. */
export interface HarvestArguments {
  account: string;
  features: FeatureName[];
  from: string;
  to: string;
  out: string;
  limit: number;
}

const harvestUsage = 'usage: npm run eval:harvest -- --account <id> [--feature <name|all>] [--from ISO] [--to ISO] [--out eval/harvested] [--limit 500]';

/** Parses the arguments; `now` sets the default window (the last 30 days). */
export function parseHarvestArguments(argv: readonly string[], now: Date = new Date()): HarvestArguments {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 2) {
    const name = argv[index]!;
    const value = argv[index + 1];
    if (!['--account', '--feature', '--from', '--to', '--out', '--limit'].includes(name)) throw new EvalUsageError(`unknown argument "${name}"\n${harvestUsage}`);
    if (value === undefined || value.startsWith('--')) throw new EvalUsageError(`${name} needs a value\n${harvestUsage}`);
    values.set(name, value);
  }
  const account = values.get('--account');
  if (!account) throw new EvalUsageError(`--account is required: feedback is read one account at a time\n${harvestUsage}`);
  const feature = values.get('--feature') ?? 'all';
  const featureNames = registeredDraftKinds.features;
  if (feature !== 'all' && !featureNames.includes(feature)) throw new EvalUsageError(`--feature ${feature}: not a feature (${featureNames.join(', ')} or all)`);
  const to = values.get('--to') ?? now.toISOString();
  const from = values.get('--from') ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString();
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) throw new EvalUsageError('--from and --to must be ISO-8601 date-times');
  const limit = Number(values.get('--limit') ?? 500);
  if (!Number.isInteger(limit) || limit < 1) throw new EvalUsageError('--limit must be a positive integer');
  return { account, features: feature === 'all' ? [...featureNames] : [feature], from, to, out: values.get('--out') ?? path.join('eval', 'harvested'), limit };
}

/** What one feature's harvest did. */
export interface HarvestResult {
  feature: FeatureName;
  file: string;
  added: number;
  alreadyHarvested: number;
  skipped: Partial<Record<HarvestSkip, number>>;
}

async function caseDataOf(incidents: IncidentSource, accountId: string, draft: { incidentId: string | null; jobId: string | null; executionId: string | null }): Promise<CaseData> {
  const [incident] = draft.incidentId ? await incidents.loadIncidents(accountId, [draft.incidentId]) : [null];
  const job = draft.jobId ? await incidents.loadJob(accountId, draft.jobId) : null;
  const execution = draft.jobId && draft.executionId ? await incidents.loadExecution(accountId, draft.jobId, draft.executionId) : null;
  return { incident: incident ?? null, job, execution };
}

async function feedbackIdsIn(file: string): Promise<Set<string>> {
  if (!existsSync(file)) return new Set();
  const ids = new Set<string>();
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    try {
      const id = (JSON.parse(line) as { source?: { feedbackId?: unknown } }).source?.feedbackId;
      if (typeof id === 'string') ids.add(id);
    } catch {
      // A line a reviewer broke is theirs to fix; it does not stop the harvest.
    }
  }
  return ids;
}

/** Harvests every asked feature of an account into `args.out`. */
export async function harvest(args: HarvestArguments, store: Store, incidents: IncidentSource): Promise<HarvestResult[]> {
  await mkdir(args.out, { recursive: true });
  const results: HarvestResult[] = [];
  for (const feature of args.features) {
    const file = path.join(args.out, `${feature}.jsonl`);
    const known = await feedbackIdsIn(file);
    const records = await store.evaluations.listPublishedFeedback(args.account, registeredFeature(store.draftKinds, feature).kind, args.from, args.to, args.limit);
    const result: HarvestResult = { feature, file, added: 0, alreadyHarvested: 0, skipped: {} };
    const lines: string[] = [];
    for (const record of records) {
      if (known.has(record.feedback.id)) {
        result.alreadyHarvested += 1;
        continue;
      }
      const outcome = harvestCase(feature, record, await caseDataOf(incidents, args.account, record.draft));
      if ('skipped' in outcome) {
        result.skipped[outcome.skipped] = (result.skipped[outcome.skipped] ?? 0) + 1;
        continue;
      }
      lines.push(caseLine(outcome.case satisfies EvalCaseInput));
      known.add(record.feedback.id);
      result.added += 1;
    }
    if (lines.length > 0) {
      const existing = existsSync(file) ? await readFile(file, 'utf8') : '';
      await writeFile(file, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`);
    }
    results.push(result);
  }
  return results;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let store: Store | null = null;
  let code = 0;
  try {
    const args = parseHarvestArguments(process.argv.slice(2));
    const config = loadConfig(process.env);
    if (!createDataPolicy(config.dataPolicies).forAccount(args.account).externalProviders) {
      throw new EvalUsageError(`account "${args.account}" has not opted in to external AI providers; its drafts are not harvested into datasets that run against them`);
    }
    store = await createStore({ dataDir: config.dataDir, draftKinds: registeredDraftKinds, ...(config.databaseUrl && { databaseUrl: config.databaseUrl }), ...(config.databaseSchema && { schema: config.databaseSchema }) });
    // The incident source the service uses (src/app.ts).
    for (const result of await harvest(args, store, createSampleIncidentSource())) {
      const skipped = Object.entries(result.skipped).map(([reason, count]) => `${count} ${reason}`).join(', ');
      process.stdout.write(`${result.feature}: ${result.added} new cases for review in ${result.file} (${result.alreadyHarvested} already harvested${skipped ? `, skipped ${skipped}` : ''})\n`);
    }
  } catch (error) {
    if (!(error instanceof EvalUsageError || error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    code = 2;
  } finally {
    await store?.close();
  }
  process.exit(code);
}
