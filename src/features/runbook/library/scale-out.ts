import { kubectl, kubectlNodes, kubernetesOptions, option, whereSuffix, workloadName, type LibraryRunbook } from './library-runbook.js';

/** Add replicas to a Deployment, checking first that an autoscaler will not undo it. */
export const scaleOut: LibraryRunbook = {
  id: 'scale-out',
  title: 'Scale out a service',
  keywords:
    'scale out scale up scale add replicas more replicas more pods more instances increase capacity replica count horizontal autoscaler hpa load traffic spike saturation cpu throughput',
  build(facts) {
    return {
      name: `Scale out ${workloadName(facts)}${facts.replicas !== null ? ` to ${facts.replicas} replicas` : ''}${whereSuffix(facts)}`,
      description: `Scales the ${workloadName(facts)} Deployment to more replicas after checking its current size and any HorizontalPodAutoscaler that would undo the change. Use it to add capacity under load. It worked when the new replicas are ready and their CPU use drops.`,
      options: [
        ...kubernetesOptions(facts),
        option('replicas', 'Number of replicas to scale to.', facts.replicas),
        option('selector', 'Label selector of the pods of the Deployment.', facts.service ? `app=${facts.service}` : null),
        option('timeout', 'Seconds to wait for the new replicas to be ready.', 300),
      ],
      steps: [
        { description: 'Show the current replica count.', kind: 'command', command: kubectl('get deployment ${option.deployment} -o wide') },
        { description: 'List autoscalers: an HPA targeting the Deployment would override a manual scale (change its minReplicas instead).', kind: 'command', command: kubectl('get hpa -o wide') },
        { description: 'Scale the Deployment.', kind: 'command', command: kubectl('scale deployment/${option.deployment} --replicas=${option.replicas}') },
        { description: 'Wait until the new replicas are ready.', kind: 'command', command: kubectl('rollout status deployment/${option.deployment} --timeout=${option.timeout}s') },
        { description: 'Show CPU and memory of the pods after scaling.', kind: 'command', command: kubectl('top pods -l ${option.selector}') },
      ],
      nodeFilter: kubectlNodes,
      keepGoing: false,
    };
  },
};
