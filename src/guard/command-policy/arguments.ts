/**
 * The arguments of one command as the rules see them, and the helpers rules share: option
 * parsing in the getopt style, and what counts as a device or a system path.
 */
import { fieldDisplay, fieldText, type Field } from './expansion.js';

/** One argument after expansion. `text` is the value, or the source text when not `known`. */
export interface Arg {
  text: string;
  known: boolean;
  field: Field;
}

export function argOf(field: Field): Arg {
  const text = fieldText(field);
  return { text: text ?? fieldDisplay(field), known: text !== null, field };
}

export interface ParsedOptions {
  /** Options by name without dashes (`n`, `namespace`); each occurrence's value ('' for a flag). */
  options: Map<string, string[]>;
  positionals: Arg[];
  /** Arguments after the first positional (with `stopAtPositional`) or after `--`. */
  rest: Arg[];
  /** Whether `--` was seen. */
  doubleDash: boolean;
}

export interface OptionSpec {
  /** Option names that take a value (`n`, `namespace`). */
  withValue?: readonly string[];
  /** Stop at the first positional: it and what follows go to `positionals[0]` and `rest`. */
  stopAtPositional?: boolean;
  /** Long options may be written with one dash (`-namespace`, as in find or terraform). */
  singleDashLong?: boolean;
}

/** Parses getopt-style options. Unknown (run-time) arguments are positionals. */
export function parseOptions(args: readonly Arg[], spec: OptionSpec = {}): ParsedOptions {
  const withValue = new Set(spec.withValue ?? []);
  const options = new Map<string, string[]>();
  const positionals: Arg[] = [];
  const add = (name: string, value: string): void => {
    options.set(name, [...(options.get(name) ?? []), value]);
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const text = arg.text;
    if (!arg.known || text === '-' || !text.startsWith('-')) {
      positionals.push(arg);
      if (spec.stopAtPositional) return { options, positionals, rest: args.slice(index + 1), doubleDash: false };
      continue;
    }
    if (text === '--') return { options, positionals, rest: args.slice(index + 1), doubleDash: true };
    if (text.startsWith('--') || (spec.singleDashLong && text.length > 2)) {
      const body = text.replace(/^--?/, '');
      const equals = body.indexOf('=');
      if (equals !== -1) add(body.slice(0, equals), body.slice(equals + 1));
      else if (withValue.has(body) && index + 1 < args.length) add(body, args[++index]!.text);
      else add(body, '');
      continue;
    }
    for (let letter = 1; letter < text.length; letter += 1) {
      const name = text[letter]!;
      if (withValue.has(name)) {
        const attached = text.slice(letter + 1).replace(/^=/, '');
        if (attached.length > 0) add(name, attached);
        else if (index + 1 < args.length) add(name, args[++index]!.text);
        else add(name, '');
        break;
      }
      add(name, '');
    }
  }
  return { options, positionals, rest: [], doubleDash: false };
}

/** Whether any of the option names was given. */
export function hasOption(parsed: ParsedOptions, ...names: string[]): boolean {
  return names.some((name) => parsed.options.has(name));
}

/** The last value given to any of the option names. */
export function optionValue(parsed: ParsedOptions, ...names: string[]): string | null {
  let value: string | null = null;
  for (const name of names) {
    const values = parsed.options.get(name);
    if (values && values.length > 0) value = values[values.length - 1]!;
  }
  return value;
}

const blockDevice = /^\/dev\/(?:sd[a-z]+\d*|hd[a-z]+\d*|vd[a-z]+\d*|xvd[a-z]+\d*|nvme\d+n\d+(?:p\d+)?|mmcblk\d+(?:p\d+)?|md\d+|dm-\d+|loop\d+|sr\d+|disk\/.+|mapper\/.+|root|[a-z]+\d*\/.+)$/;

/** A block device path (`/dev/sda`, `/dev/nvme0n1p1`, `/dev/mapper/vg-data`...). */
export function isBlockDevice(path: string): boolean {
  return blockDevice.test(path) || /^\/dev\/(?:sd|hd|vd|xvd|nvme)/.test(path);
}

/** Device files that only discard or print what is written to them. */
export function isHarmlessDevice(path: string): boolean {
  return /^\/dev\/(?:null|zero|stdout|stderr|tty|console|full|fd\/\d+|pts\/\d+)$/.test(path) || /^&?\d$/.test(path) || path === '-';
}

const systemDirectories = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib32', 'lib64', 'libx32', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'usr', 'var', 'mnt', 'media', 'snap'];

/** `/`, the top-level system directories, home and everything: deleting one wrecks the host. */
export function isSystemPath(path: string): boolean {
  const normalized = path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  if (['/', '/*', '/.', '/..', '~', '~/', '~/*', '*', '.', '..', './*', '$HOME', '${HOME}'].includes(normalized)) return true;
  const match = /^\/([^/]+)(?:\/\*?)?$/.exec(normalized);
  if (match && systemDirectories.includes(match[1]!)) return true;
  return /^\/(?:usr|var\/lib|etc|boot)(?:\/[^/]+)?\/?\*?$/.test(normalized);
}

/** System files whose truncation breaks logins, boot or mounts. */
export function isCriticalFile(path: string): boolean {
  return /^\/etc\/(?:passwd|shadow|group|gshadow|sudoers|fstab|hosts|resolv\.conf|ssh\/sshd_config)$|^\/boot\/|^\/(?:usr\/)?s?bin\/[^/]+$|^\/(?:usr\/)?lib(?:32|64)?\/.+\.so/.test(path);
}

/** Scratch space: writing a temporary file there changes nothing anyone relies on. */
export function isScratchPath(path: string): boolean {
  return /^\/(?:var\/)?tmp\/[^/].*$/.test(path) && !path.includes('/../');
}

/** The command as shown in reasons: clipped, on one line. */
export function shown(text: string, limit = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `\`${oneLine.length > limit ? `${oneLine.slice(0, limit - 1)}…` : oneLine}\``;
}
