/** docker, podman, nerdctl and crictl: pruning everything and deleting volumes are destructive. */
import { hasOption, parseOptions, type Arg } from '../arguments.js';
import { fieldsOf, type Call, type Rule } from '../call.js';
import { changesState, destructive, readOnly, words } from './helpers.js';

const globalValueOptions = ['H', 'host', 'context', 'c', 'config', 'log-level', 'l', 'tlscacert', 'tlscert', 'tlskey', 'connection', 'url', 'identity', 'remote'];
const runValueOptions = [
  'e', 'env', 'env-file', 'u', 'user', 'w', 'workdir', 'v', 'volume', 'p', 'publish', 'name', 'network', 'net', 'entrypoint', 'mount', 'label', 'l', 'hostname', 'h', 'memory', 'm', 'cpus',
  'restart', 'log-driver', 'log-opt', 'add-host', 'dns', 'device', 'cap-add', 'cap-drop', 'security-opt', 'ulimit', 'pull', 'platform', 'detach-keys', 'ip', 'shm-size', 'tmpfs', 'gpus', 'pid', 'ipc',
  'f', 'file', 'project-name', 'profile', 'timeout', 't', 'since', 'until', 'tail', 'n', 'filter', 'format', 'signal', 's',
];

const readVerbs = /^(?:ps|images|logs|inspect|stats|top|version|info|events|history|port|diff|search|ls|df|config|show|images|login|wait)$/;

function containerRule(call: Call): ReturnType<Rule> {
  const global = parseOptions(call.args, { withValue: globalValueOptions, stopAtPositional: true });
  const [command, ...rest] = [...global.positionals, ...global.rest];
  const verb = command?.text ?? '';
  const isManagement = /^(?:system|container|image|volume|network|builder|buildx|context|compose|node|service|stack|secret|plugin)$/.test(verb);
  const parsed = parseOptions(rest, { withValue: runValueOptions, stopAtPositional: !isManagement && /^(?:run|exec|create)$/.test(verb) });
  const [sub = ''] = isManagement ? words(parsed.positionals) : [];
  const all = hasOption(parsed, 'a', 'all');

  if (verb === 'system' && sub === 'prune') return all || hasOption(parsed, 'volumes') ? destructive(call, 'deletes every unused image, container, network (and volume)') : changesState(call, 'deletes stopped containers and dangling images');
  if (verb === 'volume' && /^(?:prune|rm|remove)$/.test(sub)) return destructive(call, 'deletes volumes and the data in them');
  if (verb === 'rm' || (verb === 'container' && /^(?:rm|remove|prune)$/.test(sub)) || (verb === 'compose' && sub === 'rm')) return destructive(call, 'deletes containers and whatever they wrote outside volumes');
  if (verb === 'rmi' || (verb === 'image' && /^(?:rm|remove|prune)$/.test(sub))) return destructive(call, 'deletes images');
  if (verb === 'compose' && sub === 'down' && hasOption(parsed, 'v', 'volumes')) return destructive(call, 'deletes the volumes of the stack');
  if (isManagement && (readVerbs.test(sub) || sub === '')) return readOnly(call, 'only reads container state');
  if (!isManagement && readVerbs.test(verb)) return readOnly(call, 'only reads container state');
  if (verb === 'exec' || verb === 'run' || verb === 'create') {
    const [target, ...inner] = [...parsed.positionals, ...parsed.rest];
    if (verb !== 'exec') changesState(call, `starts a container from ${target ? `\`${target.text}\`` : 'an image'}`);
    if (hasOption(parsed, 'privileged') && parsed.options.get('v')?.some((volume) => volume.startsWith('/:'))) destructive(call, 'mounts the host root into a privileged container');
    if (inner.length > 0) {
      const result = call.analyzer.invoke(fieldsOf(inner as Arg[]), call.environment, call.stdin);
      return { output: result.output, traits: [...result.traits] };
    }
    if (verb === 'exec') changesState(call, 'opens a session in a container');
    return;
  }
  changesState(call, `changes containers or images (${[verb, sub].filter(Boolean).join(' ')})`);
}

/** Container engines, by program name. */
export const containerRules: Record<string, Rule> = {
  docker: containerRule,
  podman: containerRule,
  nerdctl: containerRule,
  'docker-compose': (call) => containerRule({ ...call, args: [{ text: 'compose', known: true, field: { segments: [{ text: 'compose', known: true }], origins: new Set(), process: null } }, ...call.args] }),
  crictl: (call) => (/^(?:ps|pods|images|img|logs|inspect|inspectp|inspecti|stats|statsp|info|version)$/.test(call.args[0]?.text ?? '') ? readOnly(call, 'only reads container state') : /^(?:rmp|rm|rmi)$/.test(call.args[0]?.text ?? '') ? destructive(call, 'deletes containers, pods or images') : changesState(call, 'changes containers')),
};
