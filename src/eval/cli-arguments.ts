/**
 * The evaluation CLI's command line, parsed without side effects.
 */
import { EvalUsageError } from './variant.js';

/** What `npm run eval -- ...` asks for. */
export interface EvalArguments {
  /** A feature name or `all`. */
  feature: string;
  /** `provider:model[@promptVersion]` or `extractive`. */
  variant: string;
  /** A run id (or several, comma-separated), a JSON report file, or `latest`; null: no gate. */
  baseline: string | null;
  /** `provider:model` of the judge; null: no judge. */
  judge: string | null;
  concurrency: number;
  /** Report folder. */
  out: string;
  /** Only these case ids; empty: every case. */
  cases: string[];
  /** At most this many cases per feature; null: all. */
  limit: number | null;
  /** Store the run in the database (default) or not. */
  store: boolean;
  /** Largest fall of the judge's win rate below 0.5 that passes. */
  judgeThreshold: number;
  /** Record through this running service (`--url`); null: found from DATA_DIR, else the database. */
  url: string | null;
  /** Bearer token for `--url` (ai:admin and ai:eval); null: signed with the local key. */
  token: string | null;
}

export const usage = `usage: npm run eval -- --feature <name|all> --variant <provider:model[@promptVersion]|extractive>
         [--baseline <run id|report.json|latest>] [--judge <provider:model>] [--concurrency N]
         [--out dir] [--case id[,id...]] [--limit N] [--judge-threshold 0.15] [--no-store]
         [--url <service url> [--token <token with ai:admin and ai:eval>]]

Providers come from the service configuration (OPENAI_API_KEY, OPENAI_BASE_URL, BEDROCK_MODEL_ID,
LLM_CONFIG...). Runs are stored in DATABASE_URL, or PGlite in DATA_DIR (default ./data);
while a service holds the embedded database, through its admin API (found from DATA_DIR, or --url).
Exit codes: 0 passed (or no baseline), 1 a metric regressed past its threshold, 2 usage or setup error.`;

const flags = new Set(['--feature', '--variant', '--baseline', '--judge', '--concurrency', '--out', '--case', '--limit', '--judge-threshold', '--no-store', '--url', '--token', '--help']);

function positiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new EvalUsageError(`${name} must be a positive integer, got "${value}"`);
  return number;
}

/** Parses the arguments after `--`; throws {@link EvalUsageError} with what is wrong. */
export function parseEvalArguments(argv: readonly string[]): EvalArguments {
  const values = new Map<string, string>();
  let store = true;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, null];
    if (!flags.has(name)) throw new EvalUsageError(`unknown argument "${argument}"\n${usage}`);
    if (name === '--help') throw new EvalUsageError(usage);
    if (name === '--no-store') {
      store = false;
      continue;
    }
    const value = inline ?? argv[index + 1];
    if (value === undefined || (inline === null && value.startsWith('--'))) throw new EvalUsageError(`${name} needs a value\n${usage}`);
    if (inline === null) index += 1;
    values.set(name, value);
  }
  const feature = values.get('--feature');
  const variant = values.get('--variant');
  if (!feature) throw new EvalUsageError(`--feature is required\n${usage}`);
  if (!variant) throw new EvalUsageError(`--variant is required\n${usage}`);
  const judgeThreshold = Number(values.get('--judge-threshold') ?? 0.15);
  if (!Number.isFinite(judgeThreshold) || judgeThreshold < 0 || judgeThreshold > 0.5) throw new EvalUsageError('--judge-threshold must be between 0 and 0.5');
  return {
    feature,
    variant,
    baseline: values.get('--baseline') ?? null,
    judge: values.get('--judge') ?? null,
    concurrency: values.has('--concurrency') ? positiveInteger('--concurrency', values.get('--concurrency')!) : 4,
    out: values.get('--out') ?? 'eval-reports',
    cases: (values.get('--case') ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    limit: values.has('--limit') ? positiveInteger('--limit', values.get('--limit')!) : null,
    store,
    judgeThreshold,
    url: values.get('--url') ?? null,
    token: values.get('--token') ?? null,
  };
}
