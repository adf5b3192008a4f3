import { kubectl, kubectlNodes, kubernetesOptions, option, whereSuffix, workloadName, type LibraryRunbook } from './library-runbook.js';

/** Roll a bad deploy back to the previous (or a given) revision, with Helm or kubectl. */
export const rollbackDeploy: LibraryRunbook = {
  id: 'rollback-deploy',
  title: 'Roll back a deploy',
  keywords:
    'roll back rollback revert undo downgrade previous revision earlier version last known good release bad deploy broken deploy regression after deploy new version image helm release rollout undo',
  build(facts) {
    const name = `Roll back ${workloadName(facts)} to the previous revision${whereSuffix(facts)}`;
    if (facts.helm) {
      return {
        name,
        description: `Rolls the ${workloadName(facts)} Helm release back to an earlier revision after showing its history. Use it when a release broke the service. It worked when the release status is deployed at the chosen revision and the pods are ready.`,
        options: [
          option('context', 'kubectl context of the target cluster.', facts.cluster ?? facts.region),
          option('namespace', 'Namespace of the release.', facts.namespace),
          option('release', 'Name of the Helm release.', facts.service),
          option('revision', 'Release revision to roll back to (0 = the previous one).', facts.revision ?? 0),
          option('timeout', 'Seconds to wait for the rollback.', 300),
        ],
        steps: [
          { description: 'Show the release history to confirm which revision to return to.', kind: 'command', command: 'helm --kube-context ${option.context} -n ${option.namespace} history ${option.release} --max 10' },
          { description: 'Roll the release back and wait for its resources to be ready.', kind: 'command', command: 'helm --kube-context ${option.context} -n ${option.namespace} rollback ${option.release} ${option.revision} --wait --timeout ${option.timeout}s' },
          { description: 'Show the release status after the rollback.', kind: 'command', command: 'helm --kube-context ${option.context} -n ${option.namespace} status ${option.release}' },
        ],
        nodeFilter: kubectlNodes,
        keepGoing: false,
      };
    }
    return {
      name,
      description: `Rolls the ${workloadName(facts)} Deployment back to an earlier revision after recording the current image and the rollout history. Use it when a deploy broke the service. It worked when the rollout completes and the pods run the previous image.`,
      options: [
        ...kubernetesOptions(facts),
        option('revision', 'Revision to roll back to (0 = the previous one).', facts.revision ?? 0),
        option('timeout', 'Seconds to wait for the rollback to finish.', 300),
      ],
      steps: [
        { description: 'Show the rollout history to confirm which revision to return to.', kind: 'command', command: kubectl('rollout history deployment/${option.deployment}') },
        { description: 'Record the image running now, for the incident timeline.', kind: 'command', command: kubectl("get deployment ${option.deployment} -o jsonpath='{.spec.template.spec.containers[*].image}'") },
        { description: 'Roll the Deployment back.', kind: 'command', command: kubectl('rollout undo deployment/${option.deployment} --to-revision=${option.revision}') },
        { description: 'Wait for the rollback to finish.', kind: 'command', command: kubectl('rollout status deployment/${option.deployment} --timeout=${option.timeout}s') },
        { description: 'Show the image running after the rollback.', kind: 'command', command: kubectl("get deployment ${option.deployment} -o jsonpath='{.spec.template.spec.containers[*].image}'") },
      ],
      nodeFilter: kubectlNodes,
      keepGoing: false,
    };
  },
};
