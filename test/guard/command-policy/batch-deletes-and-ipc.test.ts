/**
 * Deletions the blind v3 measurement found classed `changes-state` (issue 11): cloud CLI batch
 * forms of delete and removing IPC objects. Rows written here, not v3's.
 */
import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../../src/guard/command-policy.js';

describe('batch forms of delete and IPC removal are destructive', () => {
  it.each([
    'az storage file delete-batch --source share1 --account-name stlogs',
    'az storage blob delete-batch -s archive --pattern "2025/*"',
    'az keyvault secret purge --vault-name kv-prod --name old',
    'gcloud compute snapshots delete snap-0412 --quiet',
    'ipcrm -m 4521',
    'sudo ipcrm --all=shm',
  ])('%s', (command) => {
    expect(classifyCommand(command).class).toBe('destructive');
  });

  it.each(['az storage blob list --container-name archive', 'ipcrm --help', 'gcloud compute snapshots list'])('%s is not destructive', (command) => {
    expect(classifyCommand(command).class).not.toBe('destructive');
  });
});
