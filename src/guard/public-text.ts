/**
 * Makes incident text fit for a public audience: removes what must never reach a status
 * page (internal hostnames, IP addresses, links, e-mail addresses, ticket references, chat
 * handles and channels, file paths, cloud resource names, people's names). Pattern based,
 * so it errs on the side of removing too much: public text is built from templates and
 * only quotes incident records through this scrubber.
 */

/** What the scrubber removes, one kind per rule. */
export type NonPublicKind =
  | 'url'
  | 'email'
  | 'cloud-resource'
  | 'ip-address'
  | 'hostname'
  | 'path'
  | 'ticket'
  | 'channel'
  | 'handle'
  | 'host-token'
  | 'person';

/** Options of {@link scrubPublicText} and {@link findNonPublicText}. */
export interface PublicTextOptions {
  /**
   * People's full names known from the incident (assignees, note authors, agents). The
   * full name and each of its words are removed, since notes often use first names.
   */
  names?: readonly string[];
}

/** One piece of text that must not be public. */
export interface NonPublicMatch {
  kind: NonPublicKind;
  text: string;
}

interface Rule {
  kind: NonPublicKind;
  pattern: RegExp;
  replacement: string;
  /** Extra check on a match the pattern cannot express. */
  accept?: (match: string) => boolean;
}

const internalLabels = new Set(['internal', 'corp', 'local', 'lan', 'intra', 'intranet', 'svc', 'cluster', 'localdomain', 'home', 'private']);

// A domain is only "internal" when it says so, or when it has three or more labels (a
// specific host such as grafana.example.io); two-label names (example.io, patroni.yml)
// stay, which keeps file names and public brand domains readable.
function isHostName(match: string): boolean {
  const labels = match.toLowerCase().split('.');
  return labels.length >= 3 || labels.some((label) => internalLabels.has(label));
}

// Order matters: links and addresses go before the hostnames and words they contain.
const rules: readonly Rule[] = [
  { kind: 'url', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`)\]]+/gi, replacement: '[link]' },
  { kind: 'email', pattern: /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi, replacement: '[email]' },
  { kind: 'cloud-resource', pattern: /\barn:aws[\w-]*:[^\s`'"]+/gi, replacement: '[resource]' },
  {
    kind: 'ip-address',
    pattern: /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?:\/\d{1,2})?(?::\d{1,5})?(?:-\d{1,3})?\b/g,
    replacement: '[IP address]',
  },
  {
    kind: 'ip-address',
    pattern: /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?![\w:])/gi,
    replacement: '[IP address]',
    accept: (match) => /[a-f]/i.test(match) || match.includes('::'),
  },
  {
    kind: 'hostname',
    pattern: /\b(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?::\d{1,5})?\b/gi,
    replacement: '[host]',
    accept: (match) => isHostName(match.replace(/:\d+$/, '')),
  },
  { kind: 'path', pattern: /(?<![\w.~-])(?:~|\.{1,2})?\/(?:[\w.@-]+\/)+[\w.@-]*/g, replacement: '[path]' },
  { kind: 'ticket', pattern: /(?:\b[\w.-]+)?#\d+\b/g, replacement: '[ticket]' },
  { kind: 'ticket', pattern: /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/g, replacement: '[ticket]' },
  { kind: 'channel', pattern: /(?<![\w&])#[a-z][\w-]*/gi, replacement: '[channel]' },
  { kind: 'handle', pattern: /(?<![\w.])@[a-z][\w.-]*[\w]/gi, replacement: '[handle]' },
  {
    kind: 'host-token',
    pattern: /\b[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+\b/g,
    replacement: '[host]',
    accept: (match) => /\d/.test(match),
  },
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Full names first, then usernames made from them, then single words, longest first, so
// "Liam O'Connor" goes as a whole. Words match as written: a person called "Will" must
// not take "will" out of every sentence.
function nameRule(names: readonly string[]): Rule | null {
  const words = new Set<string>();
  for (const name of names) {
    const parts = name.trim().split(/\s+/).filter((part) => part.length >= 2);
    if (parts.length === 0) continue;
    words.add(parts.join(' '));
    for (const part of parts) words.add(part);
    const first = parts[0]!.toLowerCase();
    const last = parts[parts.length - 1]!.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (parts.length > 1) for (const username of [`${first}.${last}`, `${first}_${last}`, `${first[0]}${last}`]) words.add(username);
  }
  if (words.size === 0) return null;
  const alternatives = [...words].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegExp);
  return {
    kind: 'person',
    pattern: new RegExp(`(?<!\\w)(?:${alternatives.join('|')})(?!\\w)`, 'g'),
    replacement: 'a responder',
  };
}

// The name rule compiles a pattern from the names: made once per names list (callers pass the
// same list for one incident, e.g. every statement of a PUBLIC update and every streamed chunk).
// A list is read, never changed, after it is passed here (`readonly`).
const rulesByNames = new WeakMap<readonly string[], readonly Rule[]>();

function rulesFor(options: PublicTextOptions): readonly Rule[] {
  const names = options.names;
  if (!names || names.length === 0) return rules;
  let known = rulesByNames.get(names);
  if (!known) {
    const rule = nameRule(names);
    rulesByNames.set(names, (known = rule ? [...rules, rule] : rules));
  }
  return known;
}

function apply(rule: Rule, text: string, onMatch?: (match: string) => void): string {
  return text.replace(rule.pattern, (match) => {
    if (rule.accept && !rule.accept(match)) return match;
    onMatch?.(match);
    return rule.replacement;
  });
}

/** The text with everything non-public replaced by a neutral placeholder. */
export function scrubPublicText(text: string, options: PublicTextOptions = {}): string {
  let result = text;
  for (const rule of rulesFor(options)) result = apply(rule, result);
  return result;
}

/**
 * Everything in the text that must not be public, by kind, in the order the scrubber
 * removes it. Empty when the text is fit for a public audience.
 */
export function findNonPublicText(text: string, options: PublicTextOptions = {}): NonPublicMatch[] {
  const found: NonPublicMatch[] = [];
  let remaining = text;
  for (const rule of rulesFor(options)) {
    remaining = apply(rule, remaining, (match) => found.push({ kind: rule.kind, text: match }));
  }
  return found;
}
