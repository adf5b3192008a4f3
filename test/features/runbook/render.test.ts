import { describe, expect, it } from 'vitest';
import { createProgressiveRenderer } from '../../../src/features/common/progressive-renderer.js';
import { renderRunbook } from '../../../src/features/runbook/render.js';
import type { RunbookInput } from '../../../src/features/runbook/prompt.js';
import { diagnosticsWithDeletion, restartJob, wipeJob } from './fixtures.js';

const input = (description: string): RunbookInput => ({ description, incidentId: null });

describe('renderRunbook', () => {
  it('renders every section of a complete job', () => {
    const text = renderRunbook(restartJob, input('restart the payments-api pods'));
    expect(text.startsWith('## Restart payments-api pods (rolling)\n\nRolling restart of the payments-api Deployment.')).toBe(true);
    expect(text).toContain('**Options:**\n- `namespace`: Kubernetes namespace. (required) Default: `payments`\n');
    expect(text).toContain('- `reason`: Why the job runs, for the log.\n');
    expect(text).toContain('### Step 2: Restart the pods.\n\n**Command:**\n\n    kubectl -n ${option.namespace} rollout restart deployment/${option.deployment}\n\n**Safety:** changes-state: ');
    // A script is an indented code block; its blank line stays blank.
    expect(text).toContain('**Script:**\n\n    #!/bin/bash\n    set -euo pipefail\n    kubectl -n "@option.namespace@" rollout status');
    expect(text).toContain('--timeout=300s\n\n    kubectl -n "@option.namespace@" exec');
    expect(text).toContain('**Runs on:** nodes matching `tags: kubectl`');
    expect(text).toContain('**If a step fails:** the job stops there.');
    expect(text).toContain('**Approval:** not required');
    expect(text).not.toContain('```');
  });

  it('shows destructive steps and the approval they need', () => {
    const text = renderRunbook(wipeJob, input('wipe the disk /dev/sdb'));
    expect(text).toMatch(/### Step 2: Erase the file system signatures\.[\s\S]*?\*\*Safety:\*\* destructive: /);
    expect(text).toContain('**Approval required before running:**\n- Step 2 is destructive:');
    expect(text).toContain('- Step 3 is destructive:');
  });

  it('flags a step beyond the request', () => {
    const text = renderRunbook(diagnosticsWithDeletion, input('collect diagnostics for payments-api'));
    expect(text).toContain('**Runs on:** the Rundeck server');
    expect(text).toContain('**If a step fails:** the job runs the remaining steps, then fails.');
    expect(text).toMatch(/- Step 3 \(`kubectl delete namespace \$\{option\.namespace\}`\) is destructive, but the request asks only for read-only work/);
  });

  it('renders partial output without throwing, and no safety before a step is whole', () => {
    expect(renderRunbook({}, input('x'))).toBe('');
    expect(renderRunbook({ name: 'Restart' }, input('x'))).toBe('## Restart\n');
    const partial = renderRunbook({ name: 'Restart', options: [{}, { name: 'ns' }], steps: [{ description: 'Check' }, { description: 'Restart', kind: 'c' as never, command: 'kubectl rollout res' }] }, input('x'));
    expect(partial).toContain('- `ns`');
    expect(partial).toContain('### Step 1: Check');
    expect(partial).toContain('**Command:**\n\n    kubectl rollout res');
    // Step 2 may still grow: its safety waits, and so does the approval.
    expect(partial).not.toContain('**Safety:**');
    expect(partial).not.toContain('Approval');
    const twoSteps = renderRunbook({ steps: [{ description: 'a', kind: 'command', command: 'df -h' }, { description: 'b' }] }, input('x'));
    expect(twoSteps).toContain('**Safety:** read-only');
  });

  it.each([
    ['the restart', restartJob, 'restart the payments-api pods'],
    ['the wipe', wipeJob, 'wipe the disk'],
    ['the flagged diagnostics', diagnosticsWithDeletion, 'collect diagnostics'],
  ])('streams %s: the text only grows and ends as the complete rendering', (_name, job, request) => {
    const json = JSON.stringify(job);
    const finalText = renderRunbook(job, input(request));
    for (const size of [1, 3, 7, 64]) {
      let streamed = '';
      const renderer = createProgressiveRenderer((partial) => renderRunbook(partial as never, input(request)), (delta) => (streamed += delta));
      for (let start = 0; start < json.length; start += size) renderer.push(json.slice(start, start + size));
      renderer.finish(finalText);
      expect(streamed, `chunks of ${size}`).toBe(finalText);
    }
  });
});
