/**
 * HTTP clients, remote shells, git, openssl, Vault and etcd. A GET only reads; sending data or
 * writing a download to disk changes state; ssh runs its remote command through the policy.
 */
import { hasOption, isScratchPath, optionValue, parseOptions, shown } from '../arguments.js';
import type { Call, Rule } from '../call.js';
import { changesState, destructive, readOnly, unreviewable, words } from './helpers.js';

const curlRule: Rule = (call) => {
  const parsed = parseOptions(call.args, {
    withValue: ['X', 'request', 'd', 'data', 'data-raw', 'data-binary', 'data-urlencode', 'data-ascii', 'json', 'F', 'form', 'form-string', 'T', 'upload-file', 'o', 'output', 'H', 'header', 'u', 'user', 'm', 'max-time', 'connect-timeout', 'w', 'write-out', 'A', 'user-agent', 'e', 'referer', 'b', 'cookie', 'c', 'cookie-jar', 'K', 'config', 'cacert', 'cert', 'key', 'x', 'proxy', 'retry', 'resolve', 'r', 'range', 'D', 'dump-header', 'E', 'url', 'retry-delay', 'retry-max-time', 'Y', 'y', 'z', 'trace', 'trace-ascii', 'stderr', 'interface', 'oauth2-bearer', 'aws-sigv4', 'variable'],
  });
  const method = (optionValue(parsed, 'X', 'request') ?? '').toUpperCase();
  const sends = hasOption(parsed, 'd', 'data', 'data-raw', 'data-binary', 'data-urlencode', 'data-ascii', 'json', 'F', 'form', 'form-string', 'T', 'upload-file');
  const deletesByPath = call.args.some((arg) => /^(?:https?:\/\/)?[^\s]*\/(?:_delete_by_query|[^/?\s]*(?:delete|purge|truncate|drop)[^/?\s]*)(?:[/?]|$)/i.test(arg.text));
  if (method === 'DELETE') destructive(call, 'sends an HTTP DELETE request, deleting what the URL names');
  else if (deletesByPath && (sends || (method && !/^(?:GET|HEAD|OPTIONS)$/.test(method)))) destructive(call, 'calls an endpoint that deletes data');
  else if ((method && !/^(?:GET|HEAD|OPTIONS)$/.test(method)) || sends) changesState(call, `sends data with an HTTP ${method || 'POST'} request`);
  const output = optionValue(parsed, 'o', 'output');
  const writes = (output !== null && output !== '-' && output !== '/dev/null' && !isScratchPath(output)) || hasOption(parsed, 'O', 'remote-name', 'remote-name-all', 'c', 'cookie-jar', 'D', 'dump-header');
  if (writes) changesState(call, `writes the download to ${output !== null ? shown(output) : 'a file'}`);
  if (hasOption(parsed, 'K', 'config')) changesState(call, 'reads its request from a config file the policy cannot see');
  if (!writes && !sends && (!method || /^(?:GET|HEAD|OPTIONS)$/.test(method))) readOnly(call, 'only sends an HTTP GET request');
};

const wgetRule: Rule = (call) => {
  const parsed = parseOptions(call.args, {
    withValue: ['O', 'output-document', 'o', 'output-file', 'a', 'append-output', 'i', 'input-file', 't', 'tries', 'T', 'timeout', 'w', 'wait', 'P', 'directory-prefix', 'U', 'user-agent', 'header', 'post-data', 'post-file', 'method', 'body-data', 'body-file', 'e', 'execute', 'Q', 'quota', 'l', 'level', 'A', 'accept', 'R', 'reject', 'user', 'password', 'ca-certificate', 'certificate', 'private-key'],
  });
  const method = (optionValue(parsed, 'method') ?? '').toUpperCase();
  if (method === 'DELETE') destructive(call, 'sends an HTTP DELETE request, deleting what the URL names');
  else if (hasOption(parsed, 'post-data', 'post-file', 'body-data', 'body-file') || (method && !/^(?:GET|HEAD)$/.test(method))) changesState(call, 'sends data with an HTTP request');
  const document = optionValue(parsed, 'O', 'output-document');
  if (hasOption(parsed, 'spider') || document === '-' || document === '/dev/null' || (document !== null && isScratchPath(document))) {
    if (!hasOption(parsed, 'post-data', 'post-file', 'body-data', 'body-file') && (!method || /^(?:GET|HEAD)$/.test(method))) readOnly(call, 'only fetches a URL to its output');
    return;
  }
  changesState(call, `downloads to ${document ? shown(document) : 'a file'}`);
};

const httpieRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['a', 'auth', 'A', 'auth-type', 'o', 'output', 'verify', 'cert', 'cert-key', 'timeout', 'session', 'p', 'print'] });
  const [first = '', ...items] = parsed.positionals.map((arg) => arg.text);
  const method = /^[A-Z]+$/.test(first) ? first : 'GET';
  const sendsData = (method === first ? items.slice(1) : items).some((item) => /(?:^|[^:])(?:=|:=|@)/.test(item) && !/^[^=]*==/.test(item));
  if (!/^(?:GET|HEAD|OPTIONS)$/.test(method) || sendsData) return changesState(call, `sends an HTTP ${sendsData && method === 'GET' ? 'POST' : method} request`);
  if (hasOption(parsed, 'o', 'output', 'd', 'download')) return changesState(call, 'writes the download to a file');
  readOnly(call, 'only sends an HTTP GET request');
};

const sshRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['p', 'i', 'l', 'o', 'F', 'J', 'L', 'R', 'D', 'b', 'c', 'E', 'e', 'm', 'O', 'Q', 'S', 'W', 'w', 'B', 'I'], stopAtPositional: true });
  const [host, ...command] = [...parsed.positionals, ...parsed.rest];
  if (!host) return readOnly(call, 'prints usage');
  if (hasOption(parsed, 'O')) return changesState(call, 'controls an SSH master connection');
  if (command.length === 0) {
    if (call.stdin.kind !== 'none') call.analyzer.reviewStdinAsCode(call, 'shell');
    else changesState(call, `opens an interactive session on ${shown(host.text)}`);
    return;
  }
  const unknown = command.find((arg) => !arg.known);
  if (unknown) return unreviewable(call, `runs a remote command only known at run time (${shown(unknown.text)})`);
  call.analyzer.reviewCode(command.map((arg) => arg.text).join(' '), new Map(call.environment), `the remote command of ${shown(call.display)}`, call.stdin);
};

/**
 * Programs that run one command on many hosts (pdsh, pssh, clush, salt, knife ssh): the command
 * is reviewed like ssh's, so `pdsh -w web[1-5] "rm -rf /var/cache/app/*"` is as destructive as the rm.
 */
function remoteRunner(valueOptions: string[], commandOf: (positionals: string[]) => string[]): Rule {
  return (call) => {
    const parsed = parseOptions(call.args, { withValue: valueOptions });
    const command = commandOf([...parsed.positionals, ...parsed.rest].map((arg) => arg.text));
    if (command.length === 0) return changesState(call, 'runs commands on many hosts');
    call.analyzer.reviewCode(command.join(' '), new Map(call.environment), `the command ${shown(call.display)} runs on every host`, call.stdin);
  };
}

// Options that take a value, per tool (flags such as pssh -i or clush -a take none).
const pdshOptions = ['w', 'x', 'g', 'X', 'l', 'R', 'f', 't', 'u'];
const psshOptions = ['h', 'H', 'l', 'p', 'o', 'e', 't', 'O', 'x', 'X', 'hosts', 'host', 'user', 'par', 'outdir', 'errdir', 'timeout', 'option', 'extra-args'];
const clushOptions = ['w', 'x', 'g', 'X', 'l', 'f', 't', 'u', 'o', 'R', 'E', 'nodes', 'group', 'fanout', 'options'];
const lastOne = (positionals: string[]): string[] => positionals.slice(-1);

/** salt TARGET MODULE ARGS: cmd.run runs a shell command; a module named for removal deletes. */
const saltRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['t', 'timeout', 'l', 'log-level', 'out', 'c', 'config-dir', 'batch-size', 'b', 'E', 'G', 'L', 'N', 'C'] });
  const [, module = '', ...rest] = [...parsed.positionals, ...parsed.rest].map((arg) => arg.text);
  if (/^cmd\.(?:run|shell|script)$/.test(module)) {
    call.analyzer.reviewCode(rest.join(' '), new Map(call.environment), `the command ${shown(call.display)} runs on every minion`, call.stdin);
    return;
  }
  if (/(?:remove|delete|absent|purge|wipe|destroy)/.test(module)) return destructive(call, `runs ${shown(module)}, which deletes, on every minion`);
  if (/\.(?:ping|version|items|item|get|ls|list|status|show|info)$|^test\./.test(module)) return readOnly(call, 'only reads minion state');
  changesState(call, `runs ${shown(module || 'a module')} on every minion`);
};

/** The last part of a refspec naming a shared branch: `main`, `HEAD:release`, `+hotfix/ledger`, `origin/production`. */
const sharedBranch = /(?:^|[+:/])(?:main|master|trunk|develop|stable|prod|production|(?:release|releases|hotfix)(?:[/-][\w./-]+)?)$/;

const gitRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['C', 'c', 'git-dir', 'work-tree', 'namespace'], stopAtPositional: true });
  const [verbArg, ...rest] = [...parsed.positionals, ...parsed.rest];
  const verb = verbArg?.text ?? '';
  const sub = parseOptions(rest, { withValue: ['o', 'push-option', 'repo', 'receive-pack', 'm', 'message', 'F', 'file', 'n', 'since', 'until', 'author', 'format', 'pretty', 'b', 'B', 'e'] });
  const targets = sub.positionals.map((arg) => arg.text);
  if (verb === 'push') {
    const force = hasOption(sub, 'f', 'force', 'force-with-lease', 'mirror') || targets.some((target) => target.startsWith('+'));
    const refspecs = targets.slice(1);
    // Shared branches: main, and the branches a team deploys or releases from by convention
    // (`release/*`, `hotfix/*`, `production`, `develop`, git-flow's names): others build on them.
    const touchesMain = refspecs.length === 0 || refspecs.some((ref) => sharedBranch.test(ref));
    if (hasOption(sub, 'd', 'delete') || refspecs.some((ref) => /^:(?:refs\/heads\/)?(?:main|master)$/.test(ref))) {
      return destructive(call, refspecs.some((ref) => /(?:main|master)$/.test(ref)) ? 'deletes the main branch on the remote' : 'deletes remote branches; commits only they hold are lost');
    }
    if (force && touchesMain) return destructive(call, 'force-pushes to a shared branch (main, release, hotfix, production), rewriting its history');
    return changesState(call, force ? 'force-pushes a branch, rewriting its history' : 'pushes commits');
  }
  if (verb === 'clean' && hasOption(sub, 'n', 'dry-run')) return readOnly(call, 'only lists what it would delete');
  if (verb === 'clean' && hasOption(sub, 'f', 'force')) return hasOption(sub, 'd', 'x') ? destructive(call, 'deletes every untracked file and directory') : changesState(call, 'deletes untracked files');
  if (verb === 'reset' && hasOption(sub, 'hard')) return destructive(call, 'discards uncommitted changes; they cannot be recovered');
  if (verb === 'branch' && hasOption(sub, 'd', 'D', 'delete')) return destructive(call, 'deletes branches; unmerged commits on them are lost');
  if (verb === 'tag' && hasOption(sub, 'd', 'delete')) return destructive(call, 'deletes tags');
  if (verb === 'stash' && /^(?:drop|clear)$/.test(targets[0] ?? '')) return destructive(call, 'deletes stashed changes');
  if ((verb === 'checkout' && sub.rest.length > 0) || (verb === 'restore' && !hasOption(sub, 'S', 'staged'))) return destructive(call, 'overwrites files with the committed version, discarding their changes');
  if (verb === 'branch' && !hasOption(sub, 'd', 'D', 'delete', 'm', 'M', 'move', 'c', 'C', 'copy', 'u', 'set-upstream-to') && targets.length === 0) return readOnly(call, 'only lists branches');
  if (verb === 'tag' && (targets.length === 0 || hasOption(sub, 'l', 'list'))) return readOnly(call, 'only lists tags');
  if (verb === 'config' && (hasOption(sub, 'get', 'get-all', 'list', 'l', 'get-regexp') || targets.length <= 1)) return readOnly(call, 'only reads configuration');
  if (verb === 'remote' && (targets.length === 0 || /^(?:show|get-url)$/.test(targets[0] ?? ''))) return readOnly(call, 'only lists remotes');
  if (/^(?:status|log|diff|show|fetch|ls-files|ls-remote|ls-tree|rev-parse|rev-list|describe|blame|grep|shortlog|reflog|whatchanged|cat-file|show-ref|for-each-ref|version|help|check-ignore|name-rev|merge-base|count-objects|fsck|var|stash list)$/.test(verb)) {
    return readOnly(call, 'only reads the repository');
  }
  changesState(call, `changes the repository (${verb || 'git'})`);
};

const opensslRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['in', 'out', 'connect', 'servername', 'CAfile', 'CApath', 'inform', 'outform', 'key', 'keyout', 'config', 'subj', 'days', 'passin', 'passout', 'newkey', 'extensions', 'extfile', 'name', 'CA', 'CAkey', 'set_serial', 'signkey', 'certfile', 'showcerts', 'verify', 'checkend', 'starttls', 'proxy', 'cert', 'chainCAfile', 'md'], singleDashLong: true });
  const out = optionValue(parsed, 'out', 'keyout');
  if (out !== null && out !== '/dev/null' && out !== '-') return changesState(call, `writes ${shown(out)}`);
  readOnly(call, 'only reads or inspects keys and certificates');
};

const vaultRule: Rule = (call) => {
  const verbs = words(parseOptions(call.args, { withValue: ['address', 'namespace', 'format', 'field', 'mount', 'path', 'method'] }).positionals);
  const [verb = '', sub = ''] = verbs;
  if ((verb === 'kv' && /^(?:destroy|delete)$/.test(sub)) || (verb === 'kv' && sub === 'metadata' && verbs[2] === 'delete') || (verb === 'secrets' && sub === 'disable') || verb === 'delete') {
    return destructive(call, 'permanently deletes secrets or a secrets engine');
  }
  if (/^(?:read|list|status|version|print|path-help|login)$/.test(verb) || (verb === 'kv' && /^(?:get|list)$/.test(sub)) || (verb === 'kv' && sub === 'metadata' && verbs[2] === 'get') || (verb === 'token' && sub === 'lookup')) {
    return readOnly(call, 'only reads secrets or status');
  }
  changesState(call, `writes to Vault (${verbs.slice(0, 2).join(' ')})`);
};

const etcdctlRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['endpoints', 'cacert', 'cert', 'key', 'user', 'password', 'w', 'write-out', 'dial-timeout', 'command-timeout'] });
  const [verb = '', key] = parsed.positionals.map((arg) => arg.text);
  if (verb === 'del') return destructive(call, (hasOption(parsed, 'prefix', 'from-key') && (key === '' || key === '/' || key === undefined)) ? 'deletes every key of the cluster store' : 'deletes keys; their values are lost');
  if (/^(?:get|endpoint|member|version|check|watch|alarm|user|role|lease)$/.test(verb) && !/^(?:add|remove|delete|revoke|grant|disarm)$/.test(parsed.positionals[1]?.text ?? '')) return readOnly(call, 'only reads the store');
  changesState(call, `changes the store (${verb})`);
};

const netcatRule: Rule = (call) => {
  if (call.args.some((arg) => /^-[a-zA-Z]*[ec]$|^--(?:exec|sh-exec|lua-exec)/.test(arg.text))) return unreviewable(call, 'serves or runs a program over the network');
  if (call.args.some((arg) => /^-[a-zA-Z]*l/.test(arg.text))) return changesState(call, 'listens on a port');
  readOnly(call, 'only opens a connection');
};

/** HTTP clients, remote shells, git and secret stores, by program name. */
export const networkRules: Record<string, Rule> = {
  curl: curlRule,
  wget: wgetRule,
  http: httpieRule,
  https: httpieRule,
  ssh: sshRule,
  pdsh: remoteRunner(pdshOptions, lastOne),
  pssh: remoteRunner(psshOptions, lastOne),
  'parallel-ssh': remoteRunner(psshOptions, lastOne),
  clush: remoteRunner(clushOptions, lastOne),
  salt: saltRule,
  knife: remoteRunner(['x', 'ssh-user', 'P', 'ssh-password', 'i', 'identity-file', 'a', 'attribute', 'C', 'concurrency', 'p', 'ssh-port'], (positionals) => (positionals[0] === 'ssh' ? positionals.slice(2) : [])),
  git: gitRule,
  openssl: opensslRule,
  vault: vaultRule,
  etcdctl: etcdctlRule,
  nc: netcatRule,
  ncat: netcatRule,
  netcat: netcatRule,
  socat: (call) => (call.args.some((arg) => /(?:^|[,:])(?:EXEC|SYSTEM):/i.test(arg.text)) ? unreviewable(call, 'runs a program through socat') : changesState(call, 'relays a connection')),
  telnet: (call) => readOnly(call, 'only opens a connection'),
  promtool: (call) => (/^(?:query|check|test|debug)$/.test(call.args[0]?.text ?? '') ? readOnly(call, 'only queries or checks Prometheus') : changesState(call, 'changes Prometheus data')),
  certbot: (call) => (/^(?:certificates|plugins)$/.test(call.args[0]?.text ?? '') || call.args.some((arg) => arg.text === '--dry-run') ? readOnly(call, 'only reads certificates') : changesState(call, 'requests, renews or revokes certificates')),
  'ssh-keygen': (call: Call) => (call.args.some((arg) => /^-[lFBy]$/.test(arg.text)) ? readOnly(call, 'only reads keys') : changesState(call, 'creates or changes keys')),
};
