/**
 * A synthetic, deterministic job execution with a long log: a database migration job whose
 * step 3 fails in the middle of the log (a permission error), after which the job keeps
 * going (Rundeck "keepgoing") through cleanup and diagnostics. The noise is varied on
 * purpose (different words, not only different numbers), so near-identical collapsing alone
 * cannot make it fit a prompt; it also holds long runs of heartbeat lines that should collapse.
 */
import type { ExecutionLogLine, JobExecution, RunbookJob } from '../../../src/incidents/types.js';

/** Options of {@link syntheticExecution}. */
export interface SyntheticExecutionOptions {
  id?: string;
  /** Lines in the log. Default 50,000. */
  lines?: number;
  /** 1-based line of the error. Default: the middle of the log. */
  errorLine?: number;
}

/** The job the synthetic executions belong to (account `demo`). */
export const syntheticJob: RunbookJob = {
  id: 'RJSYNTH01',
  accountId: 'demo',
  name: 'Migrate orders database',
  description: 'Applies pending schema migrations to the orders database, batch by batch, then cleans up and reports.',
  project: 'orders',
};

/** The error text at `errorLine`. */
export const syntheticErrorText = 'migration 0042_add_orders_index failed: ERROR: permission denied for table orders (SQLSTATE 42501)';

const steps: JobExecution['steps'] = [
  { number: 1, description: 'Pre-flight: check database connectivity and pending migrations' },
  { number: 2, description: 'Back up the orders schema' },
  { number: 3, description: 'Apply migrations in batches' },
  { number: 4, description: 'Clean up temporary tables and collect diagnostics' },
  { number: 5, description: 'Report the result' },
];

const verbs = ['copied', 'scanned', 'indexed', 'validated', 'rewrote', 'vacuumed', 'analyzed', 'locked', 'released', 'checked', 'queued', 'flushed'];
const objects = ['orders', 'order_items', 'payments', 'refunds', 'customers', 'addresses', 'shipments', 'invoices', 'coupons', 'carts', 'tax_rates', 'audit_log'];
const details = ['rows', 'pages', 'tuples', 'segments', 'chunks', 'blocks', 'partitions', 'entries'];
const qualifiers = ['from the primary', 'on replica 2', 'in the shadow table', 'with a fresh snapshot', 'under a share lock', 'after a retry', 'within the window', 'for the nightly batch'];

/** A tiny seeded PRNG (mulberry32), so the log is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A failed execution of {@link syntheticJob} whose log has `lines` lines and the error at `errorLine`. */
export function syntheticExecution(options: SyntheticExecutionOptions = {}): JobExecution {
  const total = options.lines ?? 50_000;
  const errorLine = options.errorLine ?? Math.floor(total / 2);
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const start = Date.parse('2025-04-02T01:00:00Z');
  const log: ExecutionLogLine[] = [];
  const push = (level: ExecutionLogLine['level'], step: number, text: string): void => {
    const at = new Date(start + log.length * 250).toISOString().replace(/\.\d{3}Z$/, 'Z');
    log.push({ at, level, node: 'db-runner-01.prod.internal', step: String(step), text });
  };
  const noise = (step: number): void => {
    const roll = next();
    const level: ExecutionLogLine['level'] = roll < 0.3 ? 'DEBUG' : roll < 0.35 ? 'VERBOSE' : 'NORMAL';
    push(level, step, `${pick(verbs)} ${Math.floor(next() * 100_000)} ${pick(details)} of ${pick(objects)} ${pick(qualifiers)} (${Math.floor(next() * 900) + 100} ms)`);
  };

  // Step boundaries, in lines: step 3 runs from 10% of the log to 70%.
  const step2At = Math.max(3, Math.floor(total * 0.004));
  const step3At = Math.floor(total * 0.1);
  const step4At = Math.floor(total * 0.7);
  const step5At = total - 3;
  const stepAt = (line: number): number => (line < step2At ? 1 : line < step3At ? 2 : line < step4At ? 3 : line < step5At ? 4 : 5);

  while (log.length < total) {
    const line = log.length + 1;
    const step = stepAt(line);
    if (line === 1) push('NORMAL', 1, 'Options: database=orders target=0042 keepgoing=true');
    else if (line === step2At) push('NORMAL', 2, 'Backing up schema orders to s3://backups/orders/2025-04-02.dump');
    else if (line === step3At) push('NORMAL', 3, 'Applying 3 pending migrations: 0041_add_refund_reason, 0042_add_orders_index, 0043_drop_legacy_flags');
    else if (line === errorLine - 2) push('NORMAL', 3, 'Applying migration 0042_add_orders_index (CREATE INDEX CONCURRENTLY orders_created_at_idx)');
    else if (line === errorLine) push('ERROR', 3, syntheticErrorText);
    else if (line === errorLine + 1) push('NORMAL', 3, 'Rolled back migration 0042_add_orders_index; 0043_drop_legacy_flags skipped');
    else if (line === step4At) push('NORMAL', 4, 'Dropping temporary tables and collecting pg_stat_activity');
    else if (line === step5At) push('NORMAL', 5, 'Posting the report to #orders-ops');
    else if (line === total) push('ERROR', 5, '[workflow] Execution failed: step failures: {3=Dispatch failed on 1 nodes: [db-runner-01.prod.internal: NonZeroResultCode: Script result code was: 1]}');
    else if (step === 3 && line % 9_973 === 0 && line + 400 < errorLine - 3) {
      // A long run of heartbeats: collapses into one line with a count.
      for (let beat = 0; beat < 400; beat += 1) {
        push('DEBUG', 3, `waiting for lock on table orders (attempt ${beat + 1}, held by pid ${31_000 + beat})`);
      }
    } else if (line % 2_311 === 0) push('WARN', step, `slow ${pick(details)} on ${pick(objects)}: ${Math.floor(next() * 9_000) + 1_000} ms ${pick(qualifiers)}`);
    else noise(step);
  }
  return {
    id: options.id ?? 'EXSYNTH50K',
    jobId: syntheticJob.id,
    accountId: 'demo',
    status: 'failed',
    startedAt: log[0]!.at,
    endedAt: log[log.length - 1]!.at,
    user: 'ops-bot',
    steps,
    nodes: ['db-runner-01.prod.internal'],
    incidentId: null,
    log,
  };
}
