import { bash, kubectl, kubectlNodes, kubernetesOptions, option, scriptKubectl, whereSuffix, workloadName, type LibraryRunbook } from './library-runbook.js';

/** Restart a Kubernetes workload: a rolling restart, or pod by pod with a health check after each. */
export const restartServiceRolling: LibraryRunbook = {
  id: 'restart-service-rolling',
  title: 'Restart a service (rolling)',
  keywords:
    'restart rolling restart bounce recycle cycle reboot relaunch redeploy refresh pods pod deployment service workload one at a time one by one pod by pod health check endpoint readiness stale connections connection pool hung stuck memory kubernetes rollout restart',
  build(facts) {
    const options = [
      ...kubernetesOptions(facts),
      option('selector', 'Label selector of the pods of the Deployment.', facts.service ? `app=${facts.service}` : null),
      option('port', 'Port the health endpoint listens on inside the pod.', facts.port ?? 8080),
      option('health_path', 'Path of the health endpoint.', facts.healthPath ?? '/healthz'),
      option('timeout', 'Seconds to wait for the Deployment to become ready again.', 300),
    ];
    const preflight = [
      { description: 'Show the Deployment and its ready replicas before touching it.', kind: 'command' as const, command: kubectl('get deployment ${option.deployment} -o wide') },
      { description: 'Make sure no other rollout is in progress.', kind: 'command' as const, command: kubectl('rollout status deployment/${option.deployment} --timeout=10s') },
    ];
    const healthCheck = kubectl('exec deploy/${option.deployment} -- wget -qO- http://localhost:${option.port}${option.health_path}');
    const steps = facts.oneAtATime
      ? [
          ...preflight,
          {
            description: 'Delete the pods one at a time; after each, wait until the Deployment is ready again and check the health endpoint before the next.',
            kind: 'script' as const,
            command: bash(
              `for pod in $(${scriptKubectl(`get pods -l "@option.selector@" -o jsonpath='{.items[*].metadata.name}'`)}); do`,
              '  echo "Restarting $pod"',
              `  ${scriptKubectl('delete pod "$pod" --wait=true')}`,
              `  ${scriptKubectl('rollout status "deployment/@option.deployment@" --timeout="@option.timeout@s"')}`,
              `  ${scriptKubectl('wait --for=condition=Ready pod -l "@option.selector@" --timeout="@option.timeout@s"')}`,
              `  ${scriptKubectl('exec "deploy/@option.deployment@" -- wget -qO- "http://localhost:@option.port@@option.health_path@"')}`,
              '  echo "$pod replaced, health check passed"',
              'done',
            ),
          },
          { description: 'List the pods after the restart: every pod should be new and ready.', kind: 'command' as const, command: kubectl('get pods -l ${option.selector} -o wide') },
        ]
      : [
          ...preflight,
          { description: 'Restart the Deployment with a rolling restart (its surge and unavailability limits apply).', kind: 'command' as const, command: kubectl('rollout restart deployment/${option.deployment}') },
          { description: 'Wait for the rollout to finish.', kind: 'command' as const, command: kubectl('rollout status deployment/${option.deployment} --timeout=${option.timeout}s') },
          { description: 'Check the health endpoint of the restarted service.', kind: 'command' as const, command: healthCheck },
        ];
    return {
      name: `Restart ${workloadName(facts)} pods${facts.oneAtATime ? ' one at a time' : ' (rolling)'}${whereSuffix(facts)}`,
      description: facts.oneAtATime
        ? `Restarts the ${workloadName(facts)} pods one at a time: each pod is deleted, the Deployment recreates it, and the job waits until it is ready and the health endpoint answers before the next. Use it to drop stale connections or state without losing capacity. It worked when every pod is new, ready, and the health check passed after each.`
        : `Rolling restart of the ${workloadName(facts)} Deployment after checking that no rollout is in progress. Use it to drop stale connections or state. It worked when the rollout completes within the timeout and the health endpoint answers.`,
      options,
      steps,
      nodeFilter: kubectlNodes,
      keepGoing: false,
    };
  },
};
