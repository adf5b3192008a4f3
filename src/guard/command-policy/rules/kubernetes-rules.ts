/**
 * kubectl and helm. Reads (get, describe, logs, rollout status) are read-only; restarts,
 * scaling, rollouts, apply and graceful pod deletions change state; deleting namespaces,
 * everything (`--all`), or resources nothing recreates, forced pod deletions, and uninstalling
 * releases, are destructive.
 *
 * Pod deletions (decided on branch redfp, issue 11): a graceful `kubectl delete pod` is how a pod
 * is restarted (the library's pod-by-pod restart does it): the pod stops cleanly and its
 * controller recreates it, so it changes state. A forced one (`--force`, `--grace-period=0`)
 * is destructive: it skips the shutdown, so in-flight work is lost, and for a StatefulSet pod two
 * pods of one identity may write the same volume. The policy cannot see ownerReferences, so a
 * bare pod (which nothing recreates) deleted gracefully is a known miss.
 */
import { hasOption, optionValue, parseOptions, shown } from '../arguments.js';
import { fieldsOf, type Call, type Rule } from '../call.js';
import { changesState, destructive, readOnly, words } from './helpers.js';

const kubectlValueOptions = [
  'n', 'namespace', 'context', 'cluster', 'user', 's', 'server', 'kubeconfig', 'token', 'l', 'selector', 'o', 'output', 'f', 'filename', 'c', 'container', 'field-selector', 'sort-by',
  'since', 'since-time', 'tail', 'timeout', 'for', 'p', 'patch', 'type', 'replicas', 'image', 'to-revision', 'grace-period', 'L', 'label-columns', 'as', 'as-group', 'request-timeout', 'k',
  'kustomize', 'revision', 'current-replicas', 'resource-version', 'min', 'max', 'cpu-percent', 'port', 'target-port', 'name', 'env', 'e', 'limits', 'requests', 'template', 'subresource',
  'cascade', 'wait', 'v', 'chunk-size', 'max-log-requests', 'pod-running-timeout', 'show-kind', 'raw', 'certificate-authority', 'client-certificate', 'client-key', 'tls-server-name',
  'profile', 'image-pull-policy', 'overrides', 'restart', 'dry-run', 'field-manager', 'prune-allowlist', 'selector-pod', 'from', 'containers', 'target', 'copy-to', 'window',
];

const readVerbs = /^(?:get|describe|logs|log|top|explain|api-resources|api-versions|version|cluster-info|diff|events|wait|proxy|port-forward|completion|kustomize|options|attach)$/;
/** Kinds whose objects the cluster recreates or that are disposable. */
// Jobs are not here: a deleted Job takes its pods' logs and its history with it.
const disposableKinds = /^(?:ev|event|events|ep|endpoints|lease|leases)$/;
/** Pods, and ReplicaSets (their Deployment recreates them, with new pods). */
const podKinds = /^(?:po|pod|pods|rs|replicaset|replicasets)$/;
const namespaceKinds = /^(?:ns|namespace|namespaces)$/;

function kubectlRule(call: Call): ReturnType<Rule> {
  const parsed = parseOptions(call.args, { withValue: kubectlValueOptions });
  const [verb = '', second = ''] = words(parsed.positionals);
  const dryRun = optionValue(parsed, 'dry-run');
  if (dryRun !== null && dryRun !== 'none' && dryRun !== 'false') return readOnly(call, 'is a dry run that changes nothing');
  if (hasOption(parsed, 'h', 'help')) return readOnly(call, 'only prints help');

  if (verb === 'exec' || (verb === 'run' && parsed.doubleDash) || verb === 'debug') {
    if (verb !== 'exec') changesState(call, verb === 'run' ? 'starts a pod' : 'adds a debugging container to a pod');
    if (parsed.rest.length > 0) {
      const result = call.analyzer.invoke(fieldsOf(parsed.rest), call.environment, call.stdin);
      return { output: result.output, traits: [...result.traits] };
    }
    if (verb === 'exec') {
      const inner = parsed.positionals.slice(2);
      if (inner.length > 0) call.analyzer.invoke(fieldsOf(inner), call.environment, call.stdin);
      else call.analyzer.reviewStdinAsCode(call, 'shell');
    }
    return;
  }
  if (readVerbs.test(verb)) return readOnly(call, 'only reads cluster state');
  if (verb === 'rollout') {
    if (/^(?:status|history)$/.test(second)) return readOnly(call, 'only reads rollout state');
    return changesState(call, `${second === 'undo' ? 'rolls back' : second === 'restart' ? 'restarts' : 'changes'} a rollout`);
  }
  if (verb === 'config') {
    if (/^(?:view|current-context|get-contexts|get-clusters|get-users)$/.test(second)) return readOnly(call, 'only reads the kubeconfig');
    return changesState(call, 'changes the local kubeconfig');
  }
  if (verb === 'auth') return /^(?:can-i|whoami)$/.test(second) ? readOnly(call, 'only checks permissions') : changesState(call, 'changes RBAC objects');
  if (verb === 'delete') return kubectlDelete(call, parsed.positionals.slice(1).map((arg) => arg.text), parsed);
  if (verb === 'scale') {
    const replicas = optionValue(parsed, 'replicas');
    return changesState(call, replicas === '0' ? 'scales a workload to zero replicas, taking it down' : 'scales a workload');
  }
  if (verb === 'apply' && [...parsed.options.keys()].some((name) => name === 'prune')) return destructive(call, 'deletes every resource missing from the manifests (--prune)');
  if (verb === 'replace' && hasOption(parsed, 'force')) return changesState(call, 'deletes and recreates resources');
  if (verb === 'drain') {
    if (hasOption(parsed, 'delete-emptydir-data', 'delete-local-data')) return destructive(call, 'evicts every pod from a node and deletes their emptyDir data');
    return changesState(call, 'evicts every pod from a node');
  }
  if (verb === 'certificate') return changesState(call, `${second === 'deny' ? 'denies' : 'approves'} certificate signing requests`);
  if (verb === 'create' && second === 'namespace') return changesState(call, 'creates a namespace');
  changesState(call, verb ? `changes cluster state (${verb})` : 'runs kubectl without a command');
}

function kubectlDelete(call: Call, targets: string[], parsed: ReturnType<typeof parseOptions>): void {
  if (hasOption(parsed, 'all', 'A', 'all-namespaces')) return destructive(call, 'deletes every matching resource (--all / --all-namespaces)');
  if (hasOption(parsed, 'f', 'filename', 'k', 'kustomize')) return destructive(call, 'deletes every resource defined in the manifests');
  const kinds = targets.flatMap((target, index) => {
    if (target.includes('/')) return [target.split('/')[0]!.toLowerCase()];
    return index === 0 ? target.toLowerCase().split(',') : [];
  });
  if (kinds.length === 0) return destructive(call, 'deletes resources the policy cannot identify');
  const base = (kind: string): string => kind.split('.')[0]!;
  const lasting = kinds.filter((kind) => !disposableKinds.test(base(kind)) && !podKinds.test(base(kind)));
  if (kinds.some((kind) => namespaceKinds.test(kind))) return destructive(call, 'deletes a namespace and everything in it');
  if (lasting.length > 0) return destructive(call, `deletes ${shown(lasting.join(', '))}, which nothing recreates`);
  if (kinds.some((kind) => podKinds.test(base(kind)))) {
    if (hasOption(parsed, 'force') || optionValue(parsed, 'grace-period') === '0') {
      return destructive(call, 'force-deletes pods without a graceful shutdown: in-flight work is lost, and a StatefulSet pod may run twice on one volume');
    }
    const selector = hasOption(parsed, 'l', 'selector', 'field-selector');
    return changesState(call, `deletes ${selector ? 'every matching pod' : 'pods'} gracefully; their controllers recreate them`);
  }
  changesState(call, 'deletes events, endpoints or leases, which the cluster recreates or does without');
}

const helmRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['n', 'namespace', 'kube-context', 'kubeconfig', 'f', 'values', 'set', 'set-string', 'set-file', 'version', 'timeout', 'repo', 'o', 'output', 'revision', 'max', 'description', 'post-renderer', 'registry-config', 'repository-config', 'repository-cache'] });
  const [verb = '', second = ''] = words(parsed.positionals);
  if (hasOption(parsed, 'dry-run')) return readOnly(call, 'is a dry run that changes nothing');
  if (/^(?:uninstall|delete|del|un)$/.test(verb)) return destructive(call, 'uninstalls a release and deletes its resources');
  if (/^(?:list|ls|status|get|history|hist|show|inspect|search|template|lint|version|env|verify|diff|completion)$/.test(verb)) return readOnly(call, 'only reads releases or charts');
  if (/^(?:repo|plugin|dependency|dep)$/.test(verb) && /^(?:list|ls)$/.test(second)) return readOnly(call, 'only lists');
  if (verb === 'rollback') return changesState(call, 'rolls a release back');
  changesState(call, `changes releases or charts (${verb || 'helm'})`);
};

/** kubectl, helm and their companions, by program name. */
export const kubernetesRules: Record<string, Rule> = {
  kubectl: kubectlRule,
  oc: kubectlRule,
  k: kubectlRule,
  helm: helmRule,
  kustomize: (call) => (call.args[0]?.text === 'edit' ? changesState(call, 'edits a kustomization') : readOnly(call, 'only renders manifests')),
  kubectx: (call) => (call.args.length === 0 || call.args.some((arg) => arg.text === '-c') ? readOnly(call, 'only lists contexts') : changesState(call, 'switches the kubectl context')),
  kubens: (call) => (call.args.length === 0 || call.args.some((arg) => arg.text === '-c') ? readOnly(call, 'only lists namespaces') : changesState(call, 'switches the kubectl namespace')),
  stern: (call) => readOnly(call, 'only reads logs'),
};
