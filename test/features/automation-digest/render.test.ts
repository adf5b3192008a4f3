import { describe, expect, it } from 'vitest';
import { createProgressiveRenderer } from '../../../src/features/common/progressive-renderer.js';
import type { AutomationDigestOutput } from '../../../src/features/automation-digest/output-schema.js';
import { renderAutomationDigest } from '../../../src/features/automation-digest/render.js';
import { exdemo01Succeeded, exdemo02Failed, rjdemo01RestartPaymentsApi } from '../../../src/incidents/sample/rjdemo01-restart-payments-api.js';
import { extractAutomationDigest } from '../../../src/features/automation-digest/extractor.js';

const input = { jobId: 'RJDEMO01', executionId: 'EXDEMO02' };
const cite = (line: number, excerpt: string) => ({ sourceType: 'LOG_LINE' as const, sourceId: `L${line}`, excerpt });

const failed: AutomationDigestOutput = {
  outcome: 'FAILED',
  summary: { text: 'The restart failed at step 4.', citations: [cite(36, 'error: timed out waiting for the condition')] },
  failingStep: {
    number: 4,
    description: 'Wait for the rollout to complete (timeout 300s)',
    citations: [cite(36, 'error: timed out waiting for the condition'), cite(47, 'FATAL: pgbouncer cannot connect to server')],
  },
  probableCause: { text: 'PgBouncer could not reach the database.', citations: [cite(47, 'FATAL: pgbouncer cannot connect to server')] },
  nextSteps: [
    { text: 'Check PgBouncer.', citations: [cite(47, 'pgbouncer')] },
    { text: 'Undo the rollout.', citations: [cite(50, 'rollout undo')] },
  ],
};

describe('renderAutomationDigest', () => {
  it('renders every section of a complete digest', () => {
    expect(renderAutomationDigest(failed, input)).toBe(
      [
        '## Execution EXDEMO02 of job RJDEMO01',
        '',
        '**Outcome:** Failed',
        '',
        'The restart failed at step 4.',
        '',
        '**Failing step:** 4. Wait for the rollout to complete (timeout 300s)',
        '',
        '- L36: error: timed out waiting for the condition',
        '- L47: FATAL: pgbouncer cannot connect to server',
        '',
        '**Probable cause:** PgBouncer could not reach the database.',
        '',
        '**Next steps:**',
        '- Check PgBouncer.',
        '- Undo the rollout.',
        '',
      ].join('\n'),
    );
  });

  it('renders a succeeded execution without failure sections', () => {
    const text = renderAutomationDigest(
      { outcome: 'SUCCEEDED', summary: { text: 'All 6 steps ran.', citations: [cite(57, 'Execution succeeded')] }, failingStep: null, probableCause: null, nextSteps: [] },
      { jobId: 'RJDEMO01', executionId: 'EXDEMO01' },
    );
    expect(text).toBe(['## Execution EXDEMO01 of job RJDEMO01', '', '**Outcome:** Succeeded', '', 'All 6 steps ran.', ''].join('\n'));
  });

  it('flags unverified statements and an unverified failing step', () => {
    const marked = {
      ...failed,
      failingStep: { ...failed.failingStep!, unverified: true },
      probableCause: { ...failed.probableCause!, unverified: true },
    };
    const text = renderAutomationDigest(marked as AutomationDigestOutput, input);
    expect(text).toContain('**Failing step:** 4. Wait for the rollout to complete (timeout 300s) _(unverified)_');
    expect(text).toContain('**Probable cause:** PgBouncer could not reach the database. _(unverified)_');
  });

  it('tolerates partial output', () => {
    expect(renderAutomationDigest({}, input)).toBe('## Execution EXDEMO02 of job RJDEMO01\n');
    expect(renderAutomationDigest({ outcome: 'TIMED_' as never }, input)).toContain('**Outcome:** Timed ');
    expect(renderAutomationDigest({ failingStep: {} }, input)).toContain('**Failing step:** ');
    expect(renderAutomationDigest({ failingStep: { number: 4, citations: [{ sourceType: 'LOG_' as never }, { sourceId: 'L3' }] } }, input)).toContain(
      '**Failing step:** 4. \n\n- L3\n',
    );
    expect(renderAutomationDigest({ nextSteps: [{}, { text: 'x' }] }, input)).toContain('- x');
    expect(renderAutomationDigest({ probableCause: null, failingStep: null }, input)).toBe('## Execution EXDEMO02 of job RJDEMO01\n');
  });

  it.each([
    ['EXDEMO01', exdemo01Succeeded],
    ['EXDEMO02', exdemo02Failed],
  ] as const)('streams %s: every partial rendering extends the previous one up to the final text', (executionId, execution) => {
    const output = extractAutomationDigest({ job: rjdemo01RestartPaymentsApi, execution, input: {} });
    const json = JSON.stringify(output);
    const final = renderAutomationDigest(output, { jobId: 'RJDEMO01', executionId });
    const deltas: string[] = [];
    const renderer = createProgressiveRenderer(
      (partial) => renderAutomationDigest(partial as AutomationDigestOutput, { jobId: 'RJDEMO01', executionId }),
      (delta) => deltas.push(delta),
    );
    // Small, uneven pieces, as a model streams them.
    for (let start = 0, size = 1; start < json.length; start += size, size = (size % 7) + 1) renderer.push(json.slice(start, start + size));
    renderer.finish(final);
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.join('')).toBe(final);
  });
});
