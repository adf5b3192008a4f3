import { kubectl, kubectlNodes, kubernetesOptions, option, whereSuffix, workloadName, type LibraryRunbook } from './library-runbook.js';

/** Read-only: the state, events, logs and resource use of a workload, for the incident record. */
export const collectDiagnostics: LibraryRunbook = {
  id: 'collect-diagnostics',
  title: 'Collect diagnostics',
  keywords:
    'collect gather capture diagnostics diagnose diagnosis debug investigate troubleshoot inspect look check status state logs events describe errors crash crashloop crashloopbackoff oom restarts snapshot evidence read-only',
  build(facts) {
    return {
      name: `Collect diagnostics for ${workloadName(facts)}${whereSuffix(facts)}`,
      description: `Collects, without changing anything, the state, warning events, recent logs and resource use of the ${workloadName(facts)} pods for the incident record. Use it at the start of an investigation. Every step only reads, so the job goes on when one fails.`,
      options: [
        ...kubernetesOptions(facts),
        option('selector', 'Label selector of the pods.', facts.service ? `app=${facts.service}` : null),
        option('since', 'How far back to read logs (kubectl duration).', '30m'),
        option('tail', 'Log lines to read per container.', 200),
      ],
      steps: [
        { description: 'Show the Deployment and its ready replicas.', kind: 'command', command: kubectl('get deployment ${option.deployment} -o wide') },
        { description: 'List the pods with their status, restarts and nodes.', kind: 'command', command: kubectl('get pods -l ${option.selector} -o wide') },
        { description: 'Describe the Deployment: conditions, strategy and recent events.', kind: 'command', command: kubectl('describe deployment ${option.deployment}') },
        { description: 'List warning events of the namespace, newest last.', kind: 'command', command: kubectl('get events --field-selector type=Warning --sort-by=.lastTimestamp') },
        { description: 'Read the recent logs of every container.', kind: 'command', command: kubectl('logs deployment/${option.deployment} --all-containers --since=${option.since} --tail=${option.tail}') },
        { description: 'Read the logs of the previous container instances (after a crash or OOM kill).', kind: 'command', command: kubectl('logs deployment/${option.deployment} --all-containers --previous --tail=${option.tail}') },
        { description: 'Show CPU and memory use of the pods.', kind: 'command', command: kubectl('top pods -l ${option.selector}') },
      ],
      nodeFilter: kubectlNodes,
      keepGoing: true,
    };
  },
};
