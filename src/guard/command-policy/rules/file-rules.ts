/**
 * Files, disks and text tools: deleting, overwriting, formatting and wiping are destructive;
 * editing and copying change state; reading, searching and summing only read.
 */
import { hasOption, isBlockDevice, isCriticalFile, isSystemPath, optionValue, parseOptions, shown, type Arg } from '../arguments.js';
import { fieldsOf, type Call, type Rule } from '../call.js';
import { changesState, destructive, destructiveRule, readOnly, readOnlyRule, unreviewable } from './helpers.js';

/** Deleting files loses what they held: every deletion is destructive, a log clean-up included. */
const rmRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['interactive'] });
  const recursive = hasOption(parsed, 'r', 'R', 'recursive');
  const force = hasOption(parsed, 'f', 'force');
  const targets = [...parsed.positionals, ...parsed.rest];
  if (targets.length === 0 && call.args.some((arg) => arg.text === '--help' || arg.text === '--version')) return readOnly(call, 'only prints help');
  const system = targets.find((target) => target.known && isSystemPath(target.text));
  if (hasOption(parsed, 'no-preserve-root')) destructive(call, 'disables the protection of / (--no-preserve-root)');
  if (system) destructive(call, `deletes ${shown(system.text)}, a system path`);
  else if (recursive) destructive(call, `deletes directory trees recursively${force ? ' without asking' : ''}`);
  else if (targets.some((target) => target.field.origins.has('glob'))) destructive(call, 'deletes the files a pattern matches; deleted data is lost');
  else destructive(call, `deletes files${force ? ' without asking' : ''}; deleted data is lost`);
};

const findRule: Rule = (call) => {
  const roots: Arg[] = [];
  let index = 0;
  for (; index < call.args.length && !/^[-(!]/.test(call.args[index]!.text); index += 1) roots.push(call.args[index]!);
  const expression = call.args.slice(index);
  const filtered = expression.some((arg) => /^-(?:i?name|i?path|i?regex|mtime|mmin|atime|amin|ctime|cmin|size|newer|user|group|type|perm|empty)$/.test(arg.text));
  let acted = false;
  for (let position = 0; position < expression.length; position += 1) {
    const text = expression[position]!.text;
    if (text === '-delete') {
      acted = true;
      const rootsText = roots.map((root) => root.text).join(' ') || '.';
      if (roots.some((root) => root.known && isSystemPath(root.text)) && !filtered) destructive(call, `deletes everything under ${shown(rootsText)}`);
      else destructive(call, `deletes the files it matches under ${shown(rootsText)}; deleted data is lost`);
    } else if (['-exec', '-execdir', '-ok', '-okdir'].includes(text)) {
      acted = true;
      const end = expression.findIndex((arg, at) => at > position && (arg.text === ';' || arg.text === '+'));
      const inner = expression.slice(position + 1, end === -1 ? undefined : end);
      call.analyzer.invoke(fieldsOf(inner), call.environment, { kind: 'none', text: null, traits: new Set(), source: 'nothing' });
      if (end !== -1) position = end;
    } else if (['-fprint', '-fprint0', '-fprintf', '-fls'].includes(text)) {
      acted = true;
      changesState(call, 'writes its results to a file');
    }
  }
  if (!acted) readOnly(call, 'only searches files');
};

const ddRule: Rule = (call) => {
  const operand = (name: string): Arg | undefined => call.args.find((arg) => arg.text.startsWith(`${name}=`));
  const output = operand('of');
  if (!output) return readOnly(call, 'copies data to its standard output');
  const target = output.text.slice(3);
  if (!output.known) unreviewable(call, `writes raw data to ${shown(target)}, which may be a device`);
  else if (isBlockDevice(target)) destructive(call, `writes raw data over the device ${shown(target)}, erasing it`);
  else if (isCriticalFile(target)) destructive(call, `overwrites the system file ${shown(target)}`);
  else changesState(call, `writes the file ${shown(target)}`);
};

const partitionRule: Rule = (call) => {
  const listing = call.args.some((arg) => /^(?:-l|--list|-s|--show|print|-p|--print|--list-types|-V|--version|-h|--help)$/.test(arg.text));
  const editing = call.args.some((arg) => /^(?:mklabel|mkpart|rm|resizepart|mkfs|-Z|--zap-all|-o|--clear|-z|--zap|-d|--delete|-n|--new|--wipe|--delete)$/.test(arg.text));
  if (listing && !editing) return readOnly(call, 'only prints the partition table');
  destructive(call, 'edits a partition table, which can destroy every file system on the disk');
};

const wipefsRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['o', 'offset', 't', 'types', 'O', 'output', 'backup'] });
  if (hasOption(parsed, 'a', 'all', 'o', 'offset') && !hasOption(parsed, 'n', 'no-act')) return destructive(call, 'erases the file system signatures of the device');
  readOnly(call, 'only lists file system signatures');
};

const hdparmRule: Rule = (call) => {
  if (call.args.some((arg) => /^--(?:security-erase|security-erase-enhanced|trim-sector-ranges|write-sector|fwdownload)/.test(arg.text))) {
    return destructive(call, 'erases or overwrites the disk');
  }
  if (call.args.some((arg) => /^-[a-zA-Z]*[IitTgrC]$|^--(?:Istdout|verbose)$/.test(arg.text))) return readOnly(call, 'only reads disk information');
  changesState(call, 'changes disk settings');
};

const permissionRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['reference', 'from'] });
  const recursive = hasOption(parsed, 'R', 'recursive');
  const targets = parsed.positionals.slice(1);
  const system = targets.find((target) => target.known && isSystemPath(target.text));
  if (system && recursive) return destructive(call, `changes ownership or permissions of everything under ${shown(system.text)}, breaking the host`);
  changesState(call, 'changes file ownership or permissions');
};

const copyRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['t', 'target-directory', 'S', 'suffix', 'm', 'mode', 'o', 'owner', 'g', 'group', 'backup', 'e', 'rsh', 'exclude', 'include', 'filter', 'f', 'i', 'P', 'l', 'c', 'J', 'o'] });
  const paths = parsed.positionals;
  const destination = optionValue(parsed, 't', 'target-directory') ?? paths[paths.length - 1]?.text ?? '';
  if (isBlockDevice(destination)) return destructive(call, `writes over the device ${shown(destination)}, erasing it`);
  if (paths.slice(0, -1).some((source) => /^\/dev\/(?:null|zero)$/.test(source.text))) return destructive(call, `empties ${shown(destination)}; what it held is lost`);
  if (call.name === 'mv') {
    if (destination === '/dev/null') return destructive(call, 'moves files to /dev/null, destroying them');
    const system = paths.slice(0, -1).find((source) => source.known && isSystemPath(source.text));
    if (system) return destructive(call, `moves ${shown(system.text)}, a system path, away`);
  }
  if (isCriticalFile(destination)) return destructive(call, `overwrites the system file ${shown(destination)}`);
  const replaced = call.name === 'mv' || call.name === 'cp' ? replacedFile(call) : null;
  if (replaced) return destructive(call, replaced);
  if (call.name === 'rsync' && call.args.some((arg) => /^-[a-zA-Z]*n[a-zA-Z]*$|^--dry-run$/.test(arg.text))) return readOnly(call, 'is a dry run that changes nothing');
  if (call.name === 'rsync' && call.args.some((arg) => /^--(?:delete|remove-source-files)/.test(arg.text))) {
    return destructive(call, 'copies files and deletes files (at the destination that the source lacks, or the sources); deleted data is lost');
  }
  changesState(call, call.name === 'mv' ? 'moves files' : 'copies files');
};

/**
 * `mv`/`cp` of one file onto a named file that is forced (`-f`) or sits under `/etc`: the file it
 * replaces is lost (a forced move says the destination exists; a configuration file under /etc
 * does). `-n`, `-b`, `-i`, `-u` and a destination directory (`-t`, a trailing `/`) keep it.
 * Returns the reason, or null when nothing is replaced for sure.
 */
function replacedFile(call: Call): string | null {
  // Parsed again with mv/cp's own options: the shared spec gives -f a value (rsync's --filter).
  const parsed = parseOptions(call.args, { withValue: ['t', 'target-directory', 'S', 'suffix'] });
  const [source, destination, ...more] = parsed.positionals;
  if (!source || !destination || more.length > 0 || !destination.known || hasOption(parsed, 't', 'target-directory', 'T')) return null;
  if (hasOption(parsed, 'n', 'no-clobber', 'b', 'backup', 'i', 'interactive', 'u', 'update')) return null;
  const target = destination.text;
  if (/\/$|^(?:\.{1,2}|~)$|\/\.{1,2}$/.test(target)) return null;
  if (hasOption(parsed, 'f', 'force')) return `replaces ${shown(target)} without asking (-f); what it held is lost`;
  if (/^\/etc\/(?:[^/]+\/)*[^/]+\.[A-Za-z0-9]{1,12}$/.test(target)) return `replaces the configuration file ${shown(target)}; its previous contents are lost`;
  return null;
}

const truncateRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['s', 'size', 'r', 'reference', 'o'] });
  const critical = parsed.positionals.find((target) => target.known && isCriticalFile(target.text));
  if (critical) return destructive(call, `truncates the system file ${shown(critical.text)}`);
  destructive(call, 'truncates files, losing what they held');
};

const sedRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['e', 'expression', 'f', 'file', 'l', 'line-length'] });
  const scripts = [...(parsed.options.get('e') ?? []), ...(parsed.options.get('expression') ?? [])];
  if (scripts.length === 0 && parsed.positionals[0] && !parsed.options.has('f')) scripts.push(parsed.positionals[0].text);
  // GNU sed's `e` command and `s///e` flag run shell commands.
  if (scripts.some((script) => /(?:^|[;\n}])\s*e(?:\s|$)|\/[gpIiMm0-9]*e[gpIiMm0-9]*\s*(?:$|[;\n}])/.test(script))) {
    return unreviewable(call, 'runs shell commands from a sed script');
  }
  if (hasOption(parsed, 'i', 'in-place') || [...parsed.options.keys()].some((name) => name.startsWith('in-place'))) return changesState(call, 'edits files in place');
  if (scripts.some((script) => /(?:^|[;\n}])\s*w\s+\S|\/w\s+\S/.test(script))) return changesState(call, 'writes files from a sed script');
  readOnly(call, 'only transforms text');
};

const awkRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['F', 'v', 'f', 'field-separator', 'assign', 'file', 'i', 'include'] });
  if (parsed.options.has('f') || parsed.options.has('file')) return changesState(call, 'runs an awk program from a file the policy cannot read');
  const program = parsed.positionals[0];
  if (!program) return readOnly(call, 'reads its input');
  if (!program.known) return unreviewable(call, 'runs an awk program only known at run time');
  if (/\bsystem\s*\(|\|\s*&?\s*"|\|\s*getline|"\s*\|&?/.test(program.text)) return unreviewable(call, 'runs shell commands from its awk program');
  if (/>>?\s*"/.test(program.text)) return changesState(call, 'writes files from its awk program');
  readOnly(call, 'only transforms text');
};

const archiveRule: Rule = (call) => {
  const flags = call.args.filter((arg) => arg.text.startsWith('-') || /^[a-zA-Z]+$/.test(arg.text)).map((arg) => arg.text);
  const first = call.args[0]?.text ?? '';
  const bundled = !first.startsWith('-') ? first : '';
  const has = (letter: string, long: string): boolean => bundled.includes(letter) || flags.some((flag) => (/^-[a-zA-Z]+$/.test(flag) && flag.includes(letter)) || flag === long);
  if (has('t', '--list')) return readOnly(call, 'only lists an archive');
  if (has('x', '--extract') || has('c', '--create') || has('r', '--append') || has('u', '--update')) return changesState(call, 'writes files from or into an archive');
  readOnly(call, 'only reads an archive');
};

const compressRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['S', 'suffix', 'b', 'T', 'threads'] });
  if (parsed.positionals.length === 0 || hasOption(parsed, 'c', 'stdout', 'to-stdout', 'l', 'list', 't', 'test')) return readOnly(call, 'only writes to its standard output');
  changesState(call, 'compresses or decompresses files in place');
};

// The name mktemp prints is unknowable, but where it lives is not: later writes to it stay scratch writes.
const mktempRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['p', 'tmpdir', 'suffix'] });
  const directory = optionValue(parsed, 'p', 'tmpdir') || '/tmp';
  readOnly(call, 'only creates a temporary file');
  return { output: `${directory.replace(/\/+$/, '')}/tmp.mktemp\n` };
};

const mkfsRule = destructiveRule('formats a device, erasing everything on it');

/** tmpwatch and tmpreaper: `-t`/`--test` only lists what would go. */
const tmpCleanerRule: Rule = (call) =>
  call.args.some((arg) => /^(?:-t|--test)$/.test(arg.text)) ? readOnly(call, 'is a dry run that deletes nothing') : destructive(call, 'deletes files not accessed for a while');

/** File, disk and text programs, by program name. */
export const fileRules: Record<string, Rule> = {
  rm: rmRule,
  unlink: (call) => destructive(call, 'deletes a file; deleted data is lost'),
  // Conservative: a removed directory may be a mount point or a path a service expects.
  rmdir: (call) => destructive(call, 'removes directories'),
  find: findRule,
  dd: ddRule,
  mkfs: mkfsRule,
  mke2fs: mkfsRule,
  mkswap: mkfsRule,
  mkdosfs: mkfsRule,
  mkntfs: mkfsRule,
  shred: destructiveRule('overwrites files so that they cannot be recovered'),
  tmpwatch: tmpCleanerRule,
  tmpreaper: tmpCleanerRule,
  'systemd-tmpfiles': (call) => (call.args.some((arg) => /^--(?:clean|remove|purge)$/.test(arg.text)) ? destructive(call, 'deletes files its configuration marks as old or temporary') : call.args.some((arg) => /^--(?:cat-config|help|version)$/.test(arg.text)) ? readOnly(call, 'only prints') : changesState(call, 'creates files and directories')),
  srm: destructiveRule('securely deletes files so that they cannot be recovered'),
  wipe: destructiveRule('overwrites and deletes files so that they cannot be recovered'),
  wipefs: wipefsRule,
  blkdiscard: destructiveRule('discards every block of the device, erasing it'),
  fdisk: partitionRule,
  sfdisk: partitionRule,
  gdisk: partitionRule,
  cfdisk: partitionRule,
  sgdisk: partitionRule,
  parted: partitionRule,
  hdparm: hdparmRule,
  lvremove: destructiveRule('deletes logical volumes and their data'),
  vgremove: destructiveRule('deletes volume groups'),
  pvremove: destructiveRule('wipes physical volume labels'),
  zpool: (call) => (/^(?:destroy|labelclear)$/.test(call.args.find((arg) => !arg.text.startsWith('-'))?.text ?? '') ? destructive(call, 'destroys a ZFS pool and its data') : /^(?:status|list|iostat|get|history|events)$/.test(call.args[0]?.text ?? '') ? readOnly(call, 'only reads pool state') : changesState(call, 'changes a ZFS pool')),
  zfs: (call) => (call.args.some((arg) => arg.text === 'destroy') ? destructive(call, 'destroys ZFS datasets and their data') : /^(?:list|get)$/.test(call.args[0]?.text ?? '') ? readOnly(call, 'only reads dataset state') : changesState(call, 'changes ZFS datasets')),
  mdadm: (call) => (call.args.some((arg) => /^--(?:zero-superblock|create)$|^-C$/.test(arg.text)) ? destructive(call, 'erases RAID metadata or creates an array over the disks') : call.args.some((arg) => /^--(?:detail|examine|query)$|^-[DEQ]$/.test(arg.text)) ? readOnly(call, 'only reads RAID state') : changesState(call, 'changes a RAID array')),
  cryptsetup: (call) => (call.args.some((arg) => /^(?:luksFormat|luksErase|erase|format)$/.test(arg.text)) ? destructive(call, 'formats or erases an encrypted volume') : call.args.some((arg) => /^(?:status|luksDump|isLuks|luksUUID)$/.test(arg.text)) ? readOnly(call, 'only reads volume state') : changesState(call, 'changes an encrypted volume')),
  chmod: permissionRule,
  chown: permissionRule,
  chgrp: permissionRule,
  cp: copyRule,
  mv: copyRule,
  install: copyRule,
  rsync: copyRule,
  scp: copyRule,
  ln: (call) => changesState(call, 'creates links'),
  truncate: truncateRule,
  touch: (call) => changesState(call, 'creates or touches files'),
  mkdir: (call) => changesState(call, 'creates directories'),
  mktemp: mktempRule,
  chattr: (call) => changesState(call, 'changes file attributes'),
  setfacl: (call) => changesState(call, 'changes file access lists'),
  sed: sedRule,
  awk: awkRule,
  gawk: awkRule,
  mawk: awkRule,
  nawk: awkRule,
  tar: archiveRule,
  gzip: compressRule,
  gunzip: compressRule,
  bzip2: compressRule,
  xz: compressRule,
  zstd: compressRule,
  unxz: compressRule,
  zip: (call) => changesState(call, 'writes an archive'),
  unzip: (call) => (call.args.some((arg) => /^-[a-zA-Z]*[lvtZ]/.test(arg.text)) ? readOnly(call, 'only lists an archive') : changesState(call, 'extracts files')),
  ...Object.fromEntries(
    [
      'less', 'more', 'head', 'tail', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'zgrep', 'zcat', 'bzcat', 'xzcat', 'zless', 'ls', 'll', 'dir', 'tree', 'stat', 'file', 'wc', 'sort', 'uniq', 'cut',
      'column', 'nl', 'paste', 'join', 'comm', 'diff', 'cmp', 'jq', 'gojq', 'sha256sum', 'sha1sum', 'sha512sum', 'md5sum', 'cksum', 'b2sum', 'hexdump', 'od', 'strings', 'fold', 'fmt', 'expand',
      'unexpand', 'tac', 'realpath', 'readlink', 'basename', 'dirname', 'pwd', 'du', 'df', 'lsblk', 'blkid', 'findmnt', 'lsof', 'fuser', 'namei', 'locate', 'whereis', 'which', 'type', 'seq', 'yes',
      'numfmt', 'shuf', 'look', 'iconv', 'view',
    ].map((name): [string, Rule] => [name, readOnlyRule()]),
  ),
  yq: (call) => (call.args.some((arg) => /^(?:-i|--inplace|-[a-zA-Z]*i)$/.test(arg.text)) ? changesState(call, 'edits files in place') : readOnly(call, 'only reads data')),
  split: (call) => changesState(call, 'writes files'),
  csplit: (call) => changesState(call, 'writes files'),
  dos2unix: (call) => changesState(call, 'rewrites files'),
  vim: (call) => changesState(call, 'opens an editor'),
};
