/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and says where the CPU went: self time per
 * function, self time per component (a package, a Node subsystem, our own src folders), and
 * "attributed" time, where Node internals and natives are charged to the nearest component on
 * the stack that called them (JSON.parse called by pg counts for pg, web streams driven by the
 * OpenAI SDK count for the SDK).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  ms: number;
  /** Of the busy time (idle excluded). */
  percent: number;
}

export interface ProfileSummary {
  /** Wall time covered by the samples used, ms. */
  windowMs: number;
  /** Non-idle sampled time, ms. */
  busyMs: number;
  samples: number;
  topFunctions: Array<Share & { location: string; component: string }>;
  selfByComponent: Share[];
  attributedByComponent: Share[];
  /** Samples with the component anywhere on the stack (overlapping). */
  inclusiveByComponent: Share[];
}

const packageGroups: Array<[string, RegExp]> = [
  ['express (+ router, body-parser, raw-body, qs, ...)', /^(express|router|body-parser|raw-body|finalhandler|send|serve-static|qs|type-is|content-type|media-typer|mime-types|mime-db|accepts|negotiator|depd|on-finished|parseurl|iconv-lite|statuses|http-errors|content-disposition|cookie|cookie-signature|vary|encodeurl|escape-html|etag|fresh|proxy-addr|forwarded|ipaddr\.js|merge-descriptors|range-parser|debug|ms|safe-buffer|safer-buffer|setprototypeof|toidentifier|unpipe|destroy|ee-first|utils-merge|methods|path-to-regexp|is-promise|bytes|inherits|call-bound|get-intrinsic|side-channel.*|es-.*|function-bind|hasown|gopd|has-symbols|dunder-proto|math-intrinsics|object-inspect|call-bind.*)$/],
  ['Apollo Server + subgraph (+ @as-integrations/express5)', /^(@apollo\/.*|@as-integrations\/.*|lru-cache|loglevel|node-abort-controller|whatwg-mimetype|@josephg\/resolvable|uuid|sha\.js|long)$/],
  ['@graphql-tools', /^@graphql-tools\/.*$/],
  ['graphql-js (parse, validate, execute)', /^graphql$/],
  ['graphql-shield + graphql-middleware', /^(graphql-shield|graphql-middleware|object-hash|yup|lodash.*|@types\/yup)$/],
  ['graphql-armor (+ envelop)', /^(@escape\.tech\/.*|@envelop\/.*|@whatwg-node\/.*)$/],
  ['jose (JWT)', /^jose$/],
  ['pg (+ pg-protocol, pg-pool, pg-types)', /^(pg|pg-.*|postgres-.*|pgpass|split2|buffer-writer|packet-reader)$/],
  ['openai SDK', /^openai$/],
  ['pino', /^(pino|pino-.*|sonic-boom|fast-redact|@pinojs\/.*|thread-stream|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify|real-require|process-warning|fast-copy|slow-redact)$/],
  ['zod', /^zod$/],
  ['OpenTelemetry', /^@opentelemetry\/.*$/],
  ['ws + graphql-ws', /^(ws|graphql-ws)$/],
  ['dataloader', /^dataloader$/],
  ['partial-json', /^partial-json$/],
  ['tsx (loader)', /^(tsx|esbuild|get-tsconfig|resolve-pkg-maps)$/],
];

const nodeGroups: Array<[string, RegExp]> = [
  ['node: http server/client (_http_*)', /^node:(_http_|internal\/http|http$|https$)/],
  ['node: net/sockets', /^node:(net|internal\/net|internal\/stream_base_commons|internal\/dns|dns)/],
  ['node: streams', /^node:(internal\/streams|stream)/],
  ['node: fetch Response/Headers + web streams (undici internals)', /^node:internal\/(deps\/undici|webstreams|blob|encoding)/],
  ['node: async_hooks / AsyncLocalStorage', /^node:(internal\/async_hooks|async_hooks|internal\/async_local_storage)/],
  ['node: timers', /^node:(internal\/timers|timers)/],
  ['node: crypto', /^node:(internal\/crypto|crypto)/],
  ['node: URL', /^node:(internal\/url|url)/],
  ['node: events / EventTarget / AbortSignal', /^node:(events|internal\/event_target|internal\/abort_controller|internal\/events)/],
  ['node: buffer', /^node:(buffer|internal\/buffer)/],
  ['node: promises / microtasks', /^node:internal\/process\/(task_queues|promises)/],
  ['node: zlib', /^node:(zlib|internal\/zlib)/],
  ['node: module loading', /^node:internal\/(modules|vm|source_map)/],
];

const metaNodes = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** The component a frame belongs to, and whether it is a "caller" (package or our code) that internals are charged to. */
export function componentOf(url: string, functionName: string): { component: string; owner: boolean } {
  if (url === '') {
    if (metaNodes.has(functionName)) return { component: functionName, owner: false };
    if (functionName === 'parse' || functionName === 'stringify') return { component: 'JSON.parse/stringify (V8 native)', owner: false };
    return { component: 'V8 builtins / natives', owner: false };
  }
  if (url.startsWith('node:')) {
    for (const [name, pattern] of nodeGroups) if (pattern.test(url)) return { component: name, owner: false };
    return { component: 'node: other internals', owner: false };
  }
  const packageName = innermostPackage(url);
  if (packageName) {
    const name = packageName;
    for (const [group, pattern] of packageGroups) if (pattern.test(name)) return { component: group, owner: true };
    return { component: `package ${name}`, owner: true };
  }
  const ours = /\/(?:dist\/)?src\/([^/]+)(?:\/([^/]+))?/.exec(url);
  if (ours) {
    const folder = ours[1]!;
    const sub = ours[2] && !ours[2].includes('.') ? `/${ours[2]}` : '';
    const label = folder.includes('.') ? folder.replace(/\.[jt]s$/, '') : `${folder}${folder === 'features' || folder === 'llm' ? sub : ''}`;
    return { component: `incident-ai src/${label}`, owner: true };
  }
  return { component: 'other', owner: false };
}

function shares(map: Map<string, number>, busyMs: number, limit = Infinity): Share[] {
  return [...map.entries()]
    .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / 1000 / busyMs }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit);
}

/**
 * Summarizes the samples taken between `fromUs` and `toUs` (profile clock, µs; default: all).
 */
export function summarizeProfile(profile: CpuProfile, window: { fromUs?: number; toUs?: number } = {}): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const nodeComponent = new Map<number, { component: string; owner: boolean }>();
  const componentFor = (id: number): { component: string; owner: boolean } => {
    let value = nodeComponent.get(id);
    if (!value) {
      const frame = byId.get(id)!.callFrame;
      value = componentOf(frame.url, frame.functionName);
      nodeComponent.set(id, value);
    }
    return value;
  };
  // The component internals are charged to: the nearest owner on the stack, else the leaf's.
  const attributedCache = new Map<number, string>();
  const attributedFor = (id: number): string => {
    const cached = attributedCache.get(id);
    if (cached !== undefined) return cached;
    const leaf = componentFor(id);
    let result = leaf.component;
    if (!leaf.owner && !metaNodes.has(byId.get(id)!.callFrame.functionName)) {
      let cursor = parent.get(id);
      while (cursor !== undefined) {
        const component = componentFor(cursor);
        if (component.owner) {
          result = component.component;
          break;
        }
        cursor = parent.get(cursor);
      }
    }
    attributedCache.set(id, result);
    return result;
  };
  const inclusiveCache = new Map<number, string[]>();
  const inclusiveFor = (id: number): string[] => {
    const cached = inclusiveCache.get(id);
    if (cached) return cached;
    const set = new Set<string>();
    let cursor: number | undefined = id;
    while (cursor !== undefined) {
      set.add(componentFor(cursor).component);
      cursor = parent.get(cursor);
    }
    const list = [...set];
    inclusiveCache.set(id, list);
    return list;
  };

  const fromUs = window.fromUs ?? -Infinity;
  const toUs = window.toUs ?? Infinity;
  const selfByFunction = new Map<number, number>();
  let time = profile.startTime;
  let windowUs = 0;
  let busyUs = 0;
  let samples = 0;
  const deltas = profile.timeDeltas;
  const meanDelta = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
  for (let index = 0; index < profile.samples.length; index++) {
    time += deltas[index] ?? 0;
    if (time < fromUs || time > toUs) continue;
    // A sample stands for the time until the next one.
    const duration = Math.max(0, deltas[index + 1] ?? meanDelta);
    const id = profile.samples[index]!;
    windowUs += duration;
    samples += 1;
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    busyUs += duration;
    selfByFunction.set(id, (selfByFunction.get(id) ?? 0) + duration);
  }
  const busyMs = busyUs / 1000;

  const functionTotals = new Map<string, { us: number; location: string; component: string; name: string }>();
  const selfComponents = new Map<string, number>();
  const attributed = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfByFunction) {
    const frame = byId.get(id)!.callFrame;
    const component = componentFor(id).component;
    const location = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName}\u0000${location}`;
    const entry = functionTotals.get(key) ?? { us: 0, location, component, name: frame.functionName || '(anonymous)' };
    entry.us += us;
    functionTotals.set(key, entry);
    selfComponents.set(component, (selfComponents.get(component) ?? 0) + us);
    const owner = attributedFor(id);
    attributed.set(owner, (attributed.get(owner) ?? 0) + us);
    for (const name of inclusiveFor(id)) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
  for (const meta of ['(root)', '(program)', '(garbage collector)']) inclusive.delete(meta);

  return {
    windowMs: windowUs / 1000,
    busyMs,
    samples,
    topFunctions: [...functionTotals.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 30)
      .map((entry) => ({ name: entry.name, location: entry.location, component: entry.component, ms: entry.us / 1000, percent: (100 * entry.us) / 1000 / busyMs })),
    selfByComponent: shares(selfComponents, busyMs),
    attributedByComponent: shares(attributed, busyMs),
    inclusiveByComponent: shares(inclusive, busyMs, 25),
  };
}

/** The package a file belongs to (the innermost node_modules entry), or null. */
function innermostPackage(url: string): string | null {
  const at = url.lastIndexOf('/node_modules/');
  if (at === -1) return null;
  return /^((?:@[^/]+\/)?[^/]+)\//.exec(url.slice(at + '/node_modules/'.length))?.[1] ?? null;
}

function shortUrl(url: string): string {
  const at = url.lastIndexOf('/node_modules/');
  if (at !== -1) return url.slice(at + '/node_modules/'.length);
  const ours = /\/((?:dist\/)?src\/.*)$/.exec(url);
  if (ours) return ours[1]!;
  return url.replace(/^file:\/\//, '');
}
