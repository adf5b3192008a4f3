import type { RunbookOutput } from '../../../src/features/runbook/output-schema.js';

/** A clean rolling-restart job, as a model would answer. */
export const restartJob: RunbookOutput = {
  matched: null,
  name: 'Restart payments-api pods (rolling)',
  description: 'Rolling restart of the payments-api Deployment. It worked when the rollout completes and /healthz answers.',
  options: [
    { name: 'namespace', description: 'Kubernetes namespace.', required: true, defaultValue: 'payments' },
    { name: 'deployment', description: 'Deployment name.', required: true, defaultValue: 'payments-api' },
    { name: 'reason', description: 'Why the job runs, for the log.', required: false, defaultValue: null },
  ],
  steps: [
    { description: 'Check the Deployment before the restart.', kind: 'command', command: 'kubectl -n ${option.namespace} get deployment ${option.deployment} -o wide' },
    { description: 'Restart the pods.', kind: 'command', command: 'kubectl -n ${option.namespace} rollout restart deployment/${option.deployment}' },
    {
      description: 'Wait for the rollout and check health.',
      kind: 'script',
      command: '#!/bin/bash\nset -euo pipefail\nkubectl -n "@option.namespace@" rollout status "deployment/@option.deployment@" --timeout=300s\n\nkubectl -n "@option.namespace@" exec "deploy/@option.deployment@" -- wget -qO- http://localhost:8080/healthz',
    },
  ],
  nodeFilter: 'tags: kubectl',
  keepGoing: false,
};

/** A job that wipes a disk: destructive on purpose. */
export const wipeJob: RunbookOutput = {
  matched: null,
  name: 'Wipe /dev/sdb on db-replica-3',
  description: 'Erases the data disk before it is decommissioned.',
  options: [{ name: 'device', description: 'Device to erase.', required: true, defaultValue: '/dev/sdb' }],
  steps: [
    { description: 'Show the device.', kind: 'command', command: 'lsblk ${option.device}' },
    { description: 'Erase the file system signatures.', kind: 'command', command: 'wipefs -a ${option.device}' },
    { description: 'Overwrite the disk with zeros.', kind: 'command', command: 'dd if=/dev/zero of=${option.device} bs=1M status=progress' },
  ],
  nodeFilter: 'name: db-replica-3',
  keepGoing: false,
};

/** A "diagnostics" job that deletes the namespace: a step nobody asked for. */
export const diagnosticsWithDeletion: RunbookOutput = {
  matched: null,
  name: 'Collect payments diagnostics',
  description: 'Collects the state and logs of payments-api.',
  options: [{ name: 'namespace', description: 'Namespace.', required: true, defaultValue: 'payments' }],
  steps: [
    { description: 'List the pods.', kind: 'command', command: 'kubectl -n ${option.namespace} get pods -o wide' },
    { description: 'Read the logs.', kind: 'command', command: 'kubectl -n ${option.namespace} logs deploy/payments-api --since=30m' },
    { description: 'Clean up.', kind: 'command', command: 'kubectl delete namespace ${option.namespace}' },
  ],
  nodeFilter: null,
  keepGoing: true,
};
