/**
 * Cloud CLIs and infrastructure as code: describe/list/get only read; deleting, terminating
 * and destroying are destructive; everything else changes state. Remote commands sent through
 * them (SSM, `gcloud compute ssh --command`, `az vm run-command`) are reviewed as shell code.
 */
import { hasOption, optionValue, parseOptions, type Arg } from '../arguments.js';
import type { Call, Rule } from '../call.js';
import { changesState, destructive, readOnly, unreviewable, words } from './helpers.js';

const readOperation = /^(?:describe|list|get|head|lookup|search|scan|query|filter|batch-get|test|validate|estimate|preview|simulate|check|detect|tail|wait|download-db-log-file-portion|ls|presign|help)(?:-|$)/;

/** Reviews shell code sent to remote machines; unknown code fails closed. */
function remoteCode(call: Call, code: string | null, known: boolean, what: string): void {
  if (code === null || !known) return unreviewable(call, `runs remote commands (${what}) that the policy cannot see`);
  call.analyzer.reviewCode(code, new Map(call.environment), `${what}`);
}

function ssmCommands(parameters: string): string[] | null {
  const text = parameters.trim();
  try {
    if (text.startsWith('{')) {
      const value = JSON.parse(text) as { commands?: unknown };
      return Array.isArray(value.commands) && value.commands.every((item) => typeof item === 'string') ? (value.commands as string[]) : null;
    }
  } catch {
    return null;
  }
  const match = /^commands=(.*)$/s.exec(text);
  if (!match) return null;
  const list = match[1]!.trim();
  if (list.startsWith('[')) {
    try {
      const value = JSON.parse(list) as unknown;
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null;
    } catch {
      return [list.slice(1, -1)];
    }
  }
  return [list];
}

const awsRule: Rule = (call) => {
  const parsed = parseOptions(call.args, {
    withValue: ['region', 'profile', 'output', 'endpoint-url', 'query', 'cli-read-timeout', 'cli-connect-timeout', 'color', 'ca-bundle', 'parameters', 'instance-ids', 'document-name', 'targets', 'bucket', 'key', 'cluster', 'service', 'name', 'function-name', 'stack-name', 'db-instance-identifier'],
  });
  const [service = '', operation = ''] = words(parsed.positionals);
  if (service === 's3') {
    if (operation === 'rb') return hasOption(parsed, 'force') ? destructive(call, 'deletes a bucket and every object in it') : changesState(call, 'deletes an empty bucket');
    if (operation === 'rm') return hasOption(parsed, 'dryrun') ? readOnly(call, 'is a dry run that deletes nothing') : destructive(call, hasOption(parsed, 'recursive') ? 'deletes every object under a prefix' : 'deletes an object; its data is lost');
    if (operation === 'sync' && hasOption(parsed, 'delete')) return destructive(call, 'deletes destination objects missing from the source');
    if (/^(?:ls|presign)$/.test(operation)) return readOnly(call, 'only reads buckets');
    return changesState(call, 'copies or moves objects');
  }
  if (hasOption(parsed, 'dry-run')) return readOnly(call, 'is a dry run that changes nothing');
  if (service === 'ssm' && operation === 'send-command') {
    const commands = ssmCommands(optionValue(parsed, 'parameters') ?? '');
    if (!commands) return unreviewable(call, 'runs remote commands through SSM that the policy cannot read');
    changesState(call, 'runs commands on instances through SSM');
    for (const command of commands) remoteCode(call, command, true, 'an SSM command');
    return;
  }
  if (/^(?:sts|configure)$/.test(service) && /^(?:get-|list)/.test(operation)) return readOnly(call, 'only reads identity or configuration');
  if (readOperation.test(operation) || operation === '') return readOnly(call, `only reads ${service || 'AWS'} state`);
  if (/^(?:(?:batch-)?delete|terminate|purge|destroy|deregister)-/.test(operation) && !/^delete-(?:tags|alarms|change-set)$/.test(operation)) {
    return destructive(call, `deletes ${service} resources (${operation})`);
  }
  changesState(call, `changes ${service} resources (${operation})`);
};

const gcloudRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['project', 'zone', 'region', 'format', 'filter', 'command', 'configuration', 'account', 'limit', 'verbosity', 'cluster', 'location'] });
  const verbs = words(parsed.positionals);
  if (verbs.some((verb) => /^delete(?:-|$)/.test(verb))) return destructive(call, 'deletes cloud resources');
  if (verbs.includes('ssh') && parsed.options.has('command')) {
    const command = optionValue(parsed, 'command');
    const arg = call.args.find((candidate) => candidate.text.endsWith(command ?? '\u0000'));
    return remoteCode(call, command, arg?.known ?? false, 'gcloud compute ssh --command');
  }
  if (verbs.some((verb) => /^(?:list|describe|read|info|tail|get-iam-policy|print-access-token|print-identity-token|version)$/.test(verb)) || (verbs[0] === 'config' && verbs[1] === 'list') || verbs.includes('get-value')) {
    return readOnly(call, 'only reads cloud state');
  }
  changesState(call, `changes cloud resources (${verbs.slice(0, 4).join(' ')})`);
};

const azRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['g', 'resource-group', 'n', 'name', 'subscription', 'o', 'output', 'query', 'scripts', 'command-id', 'location', 'l'] });
  const verbs = words(parsed.positionals);
  // `delete`, `purge` and their batch forms (`az storage blob delete-batch`).
  if (verbs.some((verb) => /^(?:delete|purge)(?:-|$)/.test(verb))) return destructive(call, 'deletes Azure resources');
  if (verbs.includes('run-command')) {
    const scripts = optionValue(parsed, 'scripts');
    const arg = call.args.find((candidate) => candidate.text === scripts);
    return remoteCode(call, scripts, arg?.known ?? false, 'az vm run-command');
  }
  if (verbs.some((verb) => /^(?:list|show|get-.+|list-.+|version|account)$/.test(verb))) return readOnly(call, 'only reads Azure state');
  changesState(call, `changes Azure resources (${verbs.slice(0, 3).join(' ')})`);
};

const terraformRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['chdir', 'var', 'var-file', 'target', 'replace', 'out', 'state', 'backend-config', 'lock-timeout', 'parallelism'], singleDashLong: true });
  const [verb = '', second = ''] = words(parsed.positionals);
  if (verb === 'destroy' || (verb === 'apply' && hasOption(parsed, 'destroy'))) return destructive(call, 'destroys the infrastructure the configuration manages');
  if (/^(?:plan|show|output|validate|version|providers|graph|console|fmt|get|login|logout|metadata|test)$/.test(verb)) {
    if (verb === 'fmt' && !hasOption(parsed, 'check', 'diff')) return changesState(call, 'rewrites configuration files');
    return readOnly(call, 'only reads or plans');
  }
  if (verb === 'state') return /^(?:list|show|pull)$/.test(second) ? readOnly(call, 'only reads the state') : second === 'rm' ? destructive(call, 'removes resources from the Terraform state; Terraform forgets them') : changesState(call, `changes the Terraform state (${second})`);
  if (verb === 'workspace') return /^(?:list|show)$/.test(second) ? readOnly(call, 'only reads workspaces') : changesState(call, `changes workspaces (${second})`);
  changesState(call, `changes infrastructure or state (${verb || 'terraform'})`);
};

const gsutilRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['o', 'h', 'u', 'p'] });
  const [verb = ''] = words(parsed.positionals);
  if (verb === 'rm' || verb === 'rb') {
    const recursive = call.args.some((arg: Arg) => /^-[a-zA-Z]*r/i.test(arg.text));
    return destructive(call, recursive || verb === 'rb' ? 'deletes buckets or every object under a prefix' : 'deletes objects; their data is lost');
  }
  if (/^(?:ls|cat|du|stat|hash|version|help|ver)$/.test(verb)) return readOnly(call, 'only reads objects');
  changesState(call, `changes objects (${verb})`);
};

const bqRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['project_id', 'dataset_id', 'format', 'location', 'n', 'max_rows'] });
  const [verb = ''] = words(parsed.positionals);
  if (verb === 'rm') return destructive(call, 'deletes datasets or tables');
  if (/^(?:ls|show|head|version|help)$/.test(verb)) return readOnly(call, 'only reads datasets');
  changesState(call, `changes BigQuery data (${verb})`);
};

/** Cloud CLIs and infrastructure-as-code tools, by program name. */
export const cloudRules: Record<string, Rule> = {
  aws: awsRule,
  gcloud: gcloudRule,
  az: azRule,
  terraform: terraformRule,
  tofu: terraformRule,
  terragrunt: terraformRule,
  gsutil: gsutilRule,
  bq: bqRule,
  eksctl: (call) => (call.args[0]?.text === 'delete' ? destructive(call, 'deletes cluster resources') : /^(?:get|utils)$/.test(call.args[0]?.text ?? '') ? readOnly(call, 'only reads clusters') : changesState(call, 'changes clusters')),
};
