/**
 * Hallucination: the specific things an output names (hosts, IP addresses, services,
 * numbers, clock times, people) that the input does not contain. Specifics are what a reader
 * acts on and what a model invents; prose is left to the judge.
 *
 * An entity is supported when the input holds it after normalisation. Numbers are also
 * supported when they are small counts (at most {@link smallNumberLimit}), when they are a
 * duration between two timestamps of the input (in seconds, minutes, or hours and minutes), or when
 * the caller allows them (e.g. the conventional 30 minutes until the next update).
 */
import { containsNormalized, normalizeText } from './normalize.js';

/** Kinds of specifics checked. */
export type EntityKind = 'host' | 'ip' | 'service' | 'number' | 'time' | 'name';
export const entityKinds: readonly EntityKind[] = ['host', 'ip', 'service', 'number', 'time', 'name'];

/** One specific named by the output. */
export interface Entity {
  kind: EntityKind;
  /** As written in the output. */
  text: string;
}

/** Numbers up to this are counts ("3 pods", "step 4") and not checked. */
export const smallNumberLimit = 12;

/** What the input supports, computed once per case. */
export interface SupportIndex {
  normalized: string;
  tokens: ReadonlySet<string>;
  numbers: ReadonlySet<number>;
  times: ReadonlySet<string>;
}

/** Options of {@link hallucinationsIn}. */
export interface HallucinationOptions {
  /** Kinds to check; default every kind. */
  kinds?: readonly EntityKind[];
  /** Numbers that are never invented facts for this feature (conventions, policy values). */
  allowedNumbers?: readonly number[];
  /** Entities to leave out of the check (e.g. well-known public endpoints in a runbook). */
  ignore?: (entity: Entity) => boolean;
}

/** The verdict on one output. */
export interface HallucinationReport {
  entities: Entity[];
  unsupported: Entity[];
  /** Unsupported over all entities; 0 when the output names none. */
  rate: number;
}

const internalLabels = new Set(['internal', 'corp', 'local', 'lan', 'intra', 'svc', 'cluster', 'private']);
// A dotted name is a host only when it ends like one: jsonpaths (`spec.template.spec`) and
// settings (`max.poll.interval.ms`, `total_fields.limit`) have as many dots.
const topLevelDomains = new Set(['com', 'net', 'org', 'io', 'dev', 'app', 'cloud', 'co', 'uk', 'de', 'fr', 'eu', 'us', 'info', 'biz', 'ai', 'tech', 'systems', ...internalLabels]);
const urlPattern = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`)\]]+/gi;
const ipPattern = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?::\d{1,5})?\b/g;
const hostPattern = /\b(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?::\d{1,5})?\b/gi;
const timePattern = /\b([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?\b/g;
const identifierPattern = /\b[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+\b/g;
const versionPattern = /\bv?\d+\.\d+\.\d+(?:[-+][\w.]+)?\b/g;
const numberPattern = /(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![\d])/g;
const nameWord = "[A-Z](?:[a-z]+|['’][A-Z][a-z]+)";
const namePattern = new RegExp(`\\b${nameWord}(?:[ \\t]+${nameWord}){1,2}\\b`, 'g');

// The last word of a service's name: `orders-api`, `template-svc`, `notification-dispatcher`.
const serviceSuffixes = new Set([
  'api', 'svc', 'service', 'web', 'worker', 'workers', 'db', 'dispatcher', 'proxy', 'gateway', 'cache', 'queue', 'server', 'sender',
  'consumer', 'producer', 'exporter', 'controller', 'manager', 'scheduler', 'router', 'ingress', 'frontend', 'backend', 'daemon',
  'indexer', 'pipeline', 'processor', 'bridge', 'relay', 'store', 'registry', 'auth', 'payments', 'ledger',
]);

// Capitalised words that start sentences, label sections or name things, never people.
const notNameWords = new Set(
  `a an the we our us you your they their it its this that these those there here he she his her i my
  and or but so if then when while after before since until during about above below over under into onto from with without within
  is are was were be been being has have had do does did will would can could should may might must not no yes
  all any some each every both few more most other such only own same than too very just also again still already
  status update updates next impact summary action actions resolved resolution monitoring investigating identified incident incidents
  step steps outcome probable cause failing failed succeeded running aborted timed out summary job execution log logs node nodes
  customers customer users user service services team teams engineers engineer responders responder support leadership
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
  utc gmt api sre dba url http https ok error errors warning critical high low priority urgency acknowledged triggered
  what who when where why how which whose whom last first latest root fix fixed deployed rolled back restart restarted
  note notes alert alerts approval required command script options option runs approval safety read only destructive changes
  card checkout payments payment order orders email emails search login sign account accounts billing mobile web app apps
  database primary replica cluster region zone kafka postgres postgresql redis nginx kubernetes rundeck pagerduty slack datadog prometheus grafana
  not in the data`
    .split(/\s+/)
    .filter(Boolean),
);

/** The specifics an output names, in order of appearance per kind. */
export function extractEntities(text: string): Entity[] {
  const entities: Entity[] = [];
  let rest = text;
  // Each pass blanks what it took, so a host's digits are not read again as numbers.
  const take = (pattern: RegExp, classify: (match: string) => EntityKind | null): void => {
    rest = rest.replace(pattern, (match) => {
      const kind = classify(match);
      if (kind === null) return match;
      entities.push({ kind, text: match });
      return ' '.repeat(match.length);
    });
  };
  take(urlPattern, () => 'host');
  take(ipPattern, () => 'ip');
  take(hostPattern, (match) => {
    const labels = match.replace(/:\d+$/, '').toLowerCase().split('.');
    if (!topLevelDomains.has(labels.at(-1) ?? '')) return null;
    return labels.length >= 3 || labels.some((label) => internalLabels.has(label)) ? 'host' : null;
  });
  take(timePattern, () => 'time');
  take(versionPattern, () => 'number');
  take(identifierPattern, (match) => {
    if (/\d/.test(match)) return 'host';
    const last = match.split(/[-_]/).at(-1) ?? '';
    return serviceSuffixes.has(last) ? 'service' : null;
  });
  take(numberPattern, () => 'number');
  take(namePattern, (match) => (match.split(/\s+/).some((word) => notNameWords.has(word.toLowerCase())) ? null : 'name'));
  return entities;
}

const isoTimestamp = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;
const maxTimestamps = 300;

/** The support index of an input (any text: the case's records and input as JSON). */
export function supportIndex(source: string): SupportIndex {
  const normalized = normalizeText(source);
  const tokens = new Set(normalized.split(' '));
  const numbers = new Set<number>();
  for (const match of source.matchAll(numberPattern)) numbers.add(Number(match[0].replace(/,/g, '')));
  for (const token of tokens) if (/^\d+(?:\.\d+)?$/.test(token)) numbers.add(Number(token));
  const times = new Set<string>();
  for (const match of source.matchAll(/(?:T|\b)([01]?\d|2[0-3]):([0-5]\d)/g)) times.add(clock(match[1]!, match[2]!));

  // Durations between any two timestamps: "resolved after 72 minutes", "1 h 12 min", "5 min 16 s".
  const stamps = [...new Set([...source.matchAll(isoTimestamp)].map((match) => Date.parse(match[0])))]
    .filter((value) => Number.isFinite(value))
    .slice(0, maxTimestamps);
  for (let i = 0; i < stamps.length; i += 1) {
    for (let j = i + 1; j < stamps.length; j += 1) {
      const seconds = Math.round(Math.abs(stamps[j]! - stamps[i]!) / 1000);
      const minutes = Math.round(seconds / 60);
      // "5 min 16 s", "316 s"
      numbers.add(Math.floor(seconds / 60));
      numbers.add(seconds % 60);
      if (seconds < 3600) numbers.add(seconds);
      numbers.add(minutes);
      numbers.add(Math.floor(minutes / 60));
      numbers.add(minutes % 60);
      numbers.add(Math.round((minutes / 60) * 10) / 10);
    }
  }
  return { normalized, tokens, numbers, times };
}

const clock = (hours: string, minutes: string): string => `${hours.padStart(2, '0')}:${minutes}`;

/** Whether the input supports one entity. */
export function isSupported(entity: Entity, support: SupportIndex, allowedNumbers: ReadonlySet<number> = new Set()): boolean {
  switch (entity.kind) {
    case 'time': {
      const match = /^(\d{1,2}):(\d{2})/.exec(entity.text);
      return match !== null && support.times.has(clock(match[1]!, match[2]!));
    }
    case 'number': {
      if (/\d+\.\d+\.\d+/.test(entity.text)) return containsNormalized(support.normalized, entity.text);
      const value = Number(entity.text.replace(/,/g, ''));
      return value <= smallNumberLimit || support.numbers.has(value) || allowedNumbers.has(value);
    }
    case 'host': {
      const url = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(entity.text);
      return containsNormalized(support.normalized, url ? url[1]! : entity.text.replace(/:\d+$/, ''));
    }
    case 'name':
      return normalizeText(entity.text)
        .split(' ')
        .every((word) => support.tokens.has(word));
    case 'ip':
    case 'service':
      return containsNormalized(support.normalized, entity.text);
  }
}

/** The specifics of `text` the input does not support. */
export function hallucinationsIn(text: string, support: SupportIndex, options: HallucinationOptions = {}): HallucinationReport {
  const kinds = new Set(options.kinds ?? entityKinds);
  const allowed = new Set(options.allowedNumbers ?? []);
  const entities = extractEntities(text).filter((entity) => kinds.has(entity.kind) && !options.ignore?.(entity));
  const unsupported = entities.filter((entity) => !isSupported(entity, support, allowed));
  return { entities, unsupported, rate: entities.length === 0 ? 0 : unsupported.length / entities.length };
}
