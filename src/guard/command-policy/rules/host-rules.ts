/**
 * The host: services, power, firewall, processes, kernel, packages, users and the read-only
 * tools of a diagnosis (ps, free, ss, dig...).
 */
import { hasOption, optionValue, parseOptions, shown } from '../arguments.js';
import { fieldsOf, type Rule } from '../call.js';
import { changesState, changesStateRule, destructive, destructiveRule, readOnly, readOnlyRule, words } from './helpers.js';

const systemctlRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['H', 'host', 'M', 'machine', 't', 'type', 'state', 'p', 'property', 'n', 'lines', 'o', 'output', 's', 'signal', 'kill-who', 'root', 'job-mode'] });
  const [verb = 'list-units', ...units] = words(parsed.positionals);
  if (/^(?:status|is-active|is-enabled|is-failed|is-system-running|list-.+|show|cat|help|get-default|show-environment)$/.test(verb)) return readOnly(call, 'only reads service state');
  if (/^(?:poweroff|reboot|halt|kexec|rescue|emergency|suspend|hibernate|hybrid-sleep|suspend-then-hibernate|soft-reboot)$/.test(verb)) {
    return destructive(call, 'powers off, reboots or isolates the host');
  }
  if (verb === 'isolate' && units.some((unit) => /^(?:rescue|emergency|poweroff|reboot|halt|shutdown)(?:\.target)?$/.test(unit))) {
    return destructive(call, 'switches the host to a rescue or power-off target');
  }
  changesState(call, `changes the state of ${units.length > 0 ? shown(units.join(' ')) : 'systemd'} (${verb})`);
};

const serviceRule: Rule = (call) => {
  const [name, action = ''] = words(call.args);
  if (name === '--status-all' || /^(?:status|--status-all)$/.test(action)) return readOnly(call, 'only reads service state');
  changesState(call, `runs ${shown(action || 'an action')} on the service ${shown(name ?? '')}`);
};

const journalctlRule: Rule = (call) => {
  if (call.args.some((arg) => /^--vacuum-(?:size|time|files)/.test(arg.text))) return destructive(call, 'deletes archived journal files; the logs in them are lost');
  if (call.args.some((arg) => /^--(?:rotate|flush|sync|relinquish-var|setup-keys|update-catalog)/.test(arg.text))) {
    return changesState(call, 'rotates or flushes journal files');
  }
  readOnly(call, 'only reads logs');
};

/** Ansible ad-hoc commands: the module's arguments say what happens on every host targeted. */
const ansibleRule: Rule = (call) => {
  const parsed = parseOptions(call.args, {
    withValue: ['m', 'module-name', 'a', 'args', 'i', 'inventory', 'u', 'user', 'l', 'limit', 'f', 'forks', 'e', 'extra-vars', 'become-user', 'c', 'connection', 'T', 'timeout', 'B', 'background', 'P', 'poll', 't', 'tree', 'M', 'module-path', 'vault-password-file', 'private-key', 'key-file'],
  });
  if (hasOption(parsed, 'C', 'check', 'list-hosts', 'h', 'help', 'version')) return readOnly(call, 'only checks or lists hosts');
  const module = (optionValue(parsed, 'm', 'module-name') ?? 'command').replace(/^ansible\.(?:builtin|posix)\./, '');
  const moduleArgs = optionValue(parsed, 'a', 'args') ?? '';
  if (/^(?:shell|command|raw)$/.test(module)) {
    call.analyzer.reviewCode(moduleArgs, new Map(call.environment), `${shown(call.display)} on every host it targets`);
    return;
  }
  if (/\bstate=absent\b/.test(moduleArgs)) return destructive(call, 'removes files, packages or resources on every host it targets (state=absent)');
  if (/^(?:ping|setup|stat|debug|slurp|find|gather_facts|service_facts|package_facts|wait_for)$/.test(module)) return readOnly(call, 'only reads host state');
  changesState(call, `changes every host it targets (module ${module})`);
};

const shutdownRule: Rule = (call) => {
  if (call.name === 'shutdown' && call.args.some((arg) => arg.text === '-c' || arg.text === '--show')) return changesState(call, 'cancels or shows a scheduled shutdown');
  if (call.args.some((arg) => arg.text === '--help' || arg.text === '--version')) return readOnly(call, 'only prints help');
  destructive(call, 'shuts down or reboots the host');
};

const initRule: Rule = (call) => {
  const level = call.args[0]?.text ?? '';
  if (/^[06sS1]$/.test(level)) return destructive(call, `switches the host to runlevel ${level} (halt, reboot or single-user)`);
  changesState(call, 'changes the runlevel');
};

const firewallRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['t', 'table', 'A', 'append', 'I', 'insert', 'D', 'delete', 'R', 'replace', 'N', 'new-chain', 'E', 'rename-chain', 'j', 'jump', 's', 'source', 'd', 'destination', 'p', 'protocol', 'i', 'in-interface', 'o', 'out-interface', 'm', 'match', 'dport', 'sport', 'w', 'wait', 'W', 'g', 'goto'] });
  if (hasOption(parsed, 'F', 'flush', 'X', 'delete-chain')) return destructive(call, 'flushes firewall rules, opening or cutting off traffic');
  if (hasOption(parsed, 'P', 'policy') && call.args.some((arg) => /^(?:DROP|REJECT)$/.test(arg.text))) return destructive(call, 'sets a default policy that drops all traffic, including the session running it');
  if (hasOption(parsed, 'L', 'list', 'S', 'list-rules', 'C', 'check', 'V', 'version', 'h', 'help')) return readOnly(call, 'only lists firewall rules');
  changesState(call, 'changes firewall rules');
};

const nftRule: Rule = (call) => {
  const text = words(call.args).join(' ');
  if (/\bflush\s+ruleset\b|\bdelete\s+table\b|\bflush\s+table\b/.test(text)) return destructive(call, 'flushes the firewall rule set');
  if (/^(?:-[a-z]+\s+)*(?:list|--version|-v)\b/.test(text)) return readOnly(call, 'only lists firewall rules');
  changesState(call, 'changes firewall rules');
};

const killRule: Rule = (call) => {
  const targets = call.args.filter((arg) => !/^-(?:[A-Z]+|SIG[A-Z]+|\d+|s|n)$/.test(arg.text) || arg.text === '-1');
  if (call.args.some((arg) => arg.text === '-l' || arg.text === '-L')) return readOnly(call, 'only lists signals');
  if (call.args.some((arg) => arg.text === '-0')) return readOnly(call, 'only checks that a process exists');
  if (targets.some((arg) => arg.text === '-1' || arg.text === '1')) return destructive(call, 'signals every process (or init), taking the host down');
  changesState(call, 'signals processes');
};

const crontabRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['u'] });
  if (hasOption(parsed, 'r')) return destructive(call, 'removes every cron job of the user');
  if (hasOption(parsed, 'l')) return readOnly(call, 'only lists cron jobs');
  changesState(call, 'replaces or edits cron jobs');
};

const ipRule: Rule = (call) => {
  const positionals = words(parseOptions(call.args, { withValue: ['n', 'netns', 'f', 'family', 'b', 'batch', 'rc', 'rcvbuf'] }).positionals);
  const [object, verb] = positionals;
  if (object === 'netns' && verb === 'exec') {
    const at = call.args.findIndex((arg) => arg.text === 'exec');
    const inner = call.args.slice(at + 2);
    if (inner.length > 0) {
      const result = call.analyzer.invoke(fieldsOf(inner), call.environment, call.stdin);
      return { output: result.output, traits: [...result.traits] };
    }
  }
  if (!verb || /^(?:show|list|ls|get|monitor|help)$/.test(verb) || object === undefined) return readOnly(call, 'only reads network state');
  changesState(call, 'changes network configuration');
};

const simpleReadWhenBare =
  (what: string, readFlags: RegExp = /^$/): Rule =>
  (call) =>
    call.args.length === 0 || call.args.every((arg) => readFlags.test(arg.text)) ? readOnly(call, 'only reads state') : changesState(call, what);

const packageRule: Rule = (call) => {
  const verb = words(call.args).find((word) => !word.startsWith('-')) ?? '';
  if (/^(?:list|show|search|info|policy|depends|rdepends|madison|check|outdated|freeze|view|ls|why|audit|history|provides|repolist|whatprovides|query|-q.*)$/.test(verb)) {
    return readOnly(call, 'only reads package information');
  }
  if (/^(?:purge|autopurge)$/.test(verb) || call.args.some((arg) => arg.text === '--purge')) return destructive(call, 'purges packages with their configuration and data files');
  changesState(call, 'installs, removes or updates packages');
};

const readOnlyTools = [
  'ps', 'pgrep', 'pidof', 'top', 'htop', 'atop', 'btop', 'glances', 'vmstat', 'iostat', 'mpstat', 'sar', 'pidstat', 'free', 'uptime', 'w', 'who', 'whoami', 'id', 'groups', 'uname', 'last', 'lastlog',
  'nproc', 'lscpu', 'lsmem', 'lsmod', 'lspci', 'lsusb', 'lshw', 'dmidecode', 'getent', 'locale', 'cal', 'ss', 'netstat', 'arp', 'ping', 'ping6', 'traceroute', 'tracepath', 'mtr', 'dig', 'nslookup',
  'host', 'whois', 'iftop', 'nethogs', 'iotop', 'tcpdump', 'strace', 'ltrace', 'perf', 'jstack', 'pstree', 'slabtop', 'numastat', 'ethtool', 'nmcli', 'resolvectl', 'loginctl', 'logger', 'printenv',
  'tty', 'stty', 'arch', 'getconf', 'sensors', 'smartctl', 'nvidia-smi', 'ipcs', 'timedatectl', 'hostnamectl', 'chronyc', 'ntpq', 'lsns', 'lsipc', 'uname', 'apropos', 'man', 'info', 'sum',
];

/** Host programs (services, power, firewall, processes, packages, diagnosis), by program name. */
export const hostRules: Record<string, Rule> = {
  systemctl: systemctlRule,
  service: serviceRule,
  journalctl: journalctlRule,
  shutdown: shutdownRule,
  reboot: shutdownRule,
  halt: shutdownRule,
  poweroff: shutdownRule,
  kexec: (call) => (call.args.some((arg) => /^(?:-e|--exec)$/.test(arg.text)) ? destructive(call, 'reboots into another kernel at once') : changesState(call, 'loads a kernel for kexec')),
  init: initRule,
  telinit: initRule,
  iptables: firewallRule,
  ip6tables: firewallRule,
  'iptables-legacy': firewallRule,
  'iptables-nft': firewallRule,
  ebtables: firewallRule,
  arptables: firewallRule,
  'iptables-restore': changesStateRule('replaces the whole firewall rule set'),
  nft: nftRule,
  ufw: (call) => (/^(?:status|app|show|version)$/.test(call.args[0]?.text ?? '') ? readOnly(call, 'only reads firewall state') : changesState(call, 'changes the firewall')),
  'firewall-cmd': (call) => (call.args.every((arg) => /^--(?:list|get|query|state|zone=)/.test(arg.text)) ? readOnly(call, 'only reads firewall state') : changesState(call, 'changes the firewall')),
  kill: killRule,
  killall: changesStateRule('kills processes by name'),
  pkill: changesStateRule('kills processes by pattern'),
  killall5: destructiveRule('signals every process on the host'),
  // Removing a shared memory segment or a message queue loses what it holds.
  ipcrm: (call) => (call.args.some((arg) => /^(?:-h|--help|-V|--version)$/.test(arg.text)) ? readOnly(call, 'only prints') : destructive(call, 'removes IPC shared memory, semaphores or message queues and the data in them')),
  crontab: crontabRule,
  mount: simpleReadWhenBare('mounts a file system', /^(?:-l|--show-labels|-t|--types)$/),
  umount: changesStateRule('unmounts a file system'),
  swapoff: changesStateRule('turns swap off'),
  swapon: (call) => (call.args.some((arg) => /^(?:-s|--show|--summary)$/.test(arg.text)) ? readOnly(call, 'only lists swap') : changesState(call, 'turns swap on')),
  sysctl: (call) => (call.args.some((arg) => /^-[a-zA-Z]*w$|^--write$|^-p$|^--load|=/.test(arg.text)) ? changesState(call, 'changes kernel settings') : readOnly(call, 'only reads kernel settings')),
  modprobe: (call) => (call.args.some((arg) => /^(?:-r|--remove)$/.test(arg.text)) ? changesState(call, 'unloads a kernel module') : changesState(call, 'loads a kernel module')),
  insmod: changesStateRule('loads a kernel module'),
  rmmod: changesStateRule('unloads a kernel module'),
  useradd: changesStateRule('adds a user'),
  userdel: (call) => (call.args.some((arg) => /^(?:-[a-zA-Z]*r[a-zA-Z]*|--remove|--remove-all-files)$/.test(arg.text)) ? destructive(call, 'deletes a user and their home directory') : changesState(call, 'deletes a user')),
  ansible: ansibleRule,
  dropdb: destructiveRule('drops a PostgreSQL database and its data'),
  dropuser: destructiveRule('drops a PostgreSQL role'),
  usermod: changesStateRule('changes a user'),
  groupadd: changesStateRule('adds a group'),
  groupdel: changesStateRule('deletes a group'),
  passwd: changesStateRule('changes a password'),
  chpasswd: changesStateRule('changes passwords'),
  hostname: simpleReadWhenBare('renames the host', /^-[fisdAaIy]$|^--(?:fqdn|short|ip-address|domain|all-fqdns|all-ip-addresses)$/),
  date: (call) => (call.args.some((arg) => /^(?:-s|--set)/.test(arg.text)) ? changesState(call, 'sets the clock') : readOnly(call, 'only prints the date')),
  dmesg: (call) => (call.args.some((arg) => /^-[a-zA-Z]*[cC]$|^--(?:clear|read-clear|console-off|console-on|console-level)/.test(arg.text)) ? changesState(call, 'clears or configures the kernel ring buffer') : readOnly(call, 'only reads kernel messages')),
  ifconfig: (call) => (call.args.length <= 1 || call.args.every((arg) => arg.text === '-a' || arg.text === '-s') ? readOnly(call, 'only reads network state') : changesState(call, 'changes network configuration')),
  route: simpleReadWhenBare('changes the routing table', /^-[nveF]+$/),
  ip: ipRule,
  logrotate: (call) => (call.args.some((arg) => /^(?:-d|--debug)$/.test(arg.text)) ? readOnly(call, 'only simulates a rotation') : changesState(call, 'rotates and deletes old logs')),
  apt: packageRule,
  'apt-get': packageRule,
  'apt-cache': readOnlyRule('only reads package information'),
  dpkg: (call) => (call.args.some((arg) => /^-[lLsSp]$|^--(?:list|status|search|listfiles|print)/.test(arg.text)) ? readOnly(call, 'only reads package information') : call.args.some((arg) => /^(?:-P|--purge)$/.test(arg.text)) ? destructive(call, 'purges packages with their configuration files') : changesState(call, 'installs or removes packages')),
  rpm: (call) => (call.args.some((arg) => /^-q/.test(arg.text)) ? readOnly(call, 'only queries packages') : changesState(call, 'installs or removes packages')),
  yum: packageRule,
  dnf: packageRule,
  zypper: packageRule,
  apk: packageRule,
  pip: packageRule,
  pip3: packageRule,
  npm: packageRule,
  gem: packageRule,
  snap: packageRule,
  brew: packageRule,
  ...Object.fromEntries(readOnlyTools.map((name): [string, Rule] => [name, readOnlyRule()])),
  timedatectl: (call) => (/^set-/.test(call.args[0]?.text ?? '') ? changesState(call, 'changes time settings') : readOnly(call, 'only reads time settings')),
  hostnamectl: (call) => (/^set-/.test(call.args[0]?.text ?? '') ? changesState(call, 'renames the host') : readOnly(call, 'only reads host settings')),
  nmcli: (call) => (/^(?:con|connection|dev|device|radio|networking|general|g)$/.test(call.args[0]?.text ?? '') && call.args.some((arg) => /^(?:up|down|delete|modify|add|connect|disconnect|off|on|reload)$/.test(arg.text)) ? changesState(call, 'changes network connections') : readOnly(call, 'only reads network state')),
  nginx: (call) => (call.args.some((arg) => /^-[tTvV]$/.test(arg.text)) ? readOnly(call, 'only tests or prints the configuration') : changesState(call, call.args.some((arg) => arg.text === '-s') ? 'signals the nginx master (reload, stop)' : 'starts nginx')),
  haproxy: (call) => (call.args.some((arg) => /^-(?:c|v|vv)$/.test(arg.text)) ? readOnly(call, 'only checks the configuration') : changesState(call, 'starts or reloads HAProxy')),
  apachectl: (call) => (call.args.some((arg) => /^(?:configtest|-t|-S|-M|-v|-V|status|fullstatus)$/.test(arg.text)) ? readOnly(call, 'only tests the configuration or reads status') : changesState(call, 'starts, stops or reloads Apache')),
  apache2ctl: (call) => (call.args.some((arg) => /^(?:configtest|-t|-S|-M|-v|-V|status|fullstatus)$/.test(arg.text)) ? readOnly(call, 'only tests the configuration or reads status') : changesState(call, 'starts, stops or reloads Apache')),
  tcpdump: (call) => (call.args.some((arg) => /^-[a-zA-Z]*w/.test(arg.text)) ? changesState(call, 'writes a packet capture file') : readOnly(call, 'only captures packets to its output')),
};
