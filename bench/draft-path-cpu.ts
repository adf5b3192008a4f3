/**
 * CPU per call of the steps a non-streamed status update draft runs around its model call, in
 * process (no HTTP, no database), for one or more checkouts side by side: screening and
 * redacting the context, building the spotlighted prompt, the redaction middleware over that
 * prompt, and judging the bench's answer (canary, JSON, schema, citations), rendering it, and
 * checking and scrubbing it as a PUBLIC update.
 * The incident is PDEMO01 and the answer the one `npm run bench` uses; every step runs warm (its
 * memos filled), as on the second and later drafts of an incident. One step reads the incident
 * through the per-account cache of real sources (memory store), as JSON text, before screening it.
 *
 *   npx tsx bench/draft-path-cpu.ts [--n 20000] [--rounds 3] DIR [DIR ...]
 *
 * Each DIR is a checkout with `src/` (e.g. `/work/base .`); rounds alternate between them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { statusUpdateAnswer } from './status-update-answer.js';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const count = argument('--n', 20_000);
const rounds = argument('--rounds', 3);
const directories = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !['--n', '--rounds'].includes(all[index - 1] ?? ''));
if (directories.length === 0) throw new Error('usage: tsx bench/draft-path-cpu.ts [--n 20000] [--rounds 3] DIR [DIR ...]');

type Step = [name: string, run: () => unknown];

/** The steps, with every module loaded from `root`. */
async function stepsOf(root: string): Promise<Step[]> {
  const load = (file: string) => import(pathToFileURL(path.resolve(root, 'src', file)).href);
  const [{ createSampleIncidentSource }, { createCachedIncidentSource }, { createMemoryCacheStore }, untrusted, { redactContext }, spotlightModule, { pooledRandomBytes }, { withPromptGuards }, { statusUpdateFeature }, { redactionMiddleware }, { judgeAnswer }, { verifyCitations }] = await Promise.all([
    load('incidents/sample-source.ts'),
    load('incidents/upstream/cached-source.ts'),
    load('incidents/upstream/cache-store.ts'),
    load('guard/untrusted-input.ts'),
    load('features/common/redacted-context.ts'),
    load('guard/injection/spotlight.ts'),
    load('guard/random-pool.ts'),
    load('features/common/prompt-guards.ts'),
    load('features/status-update/feature.ts'),
    load('llm/middleware/redaction.ts'),
    load('features/common/structured-generation.ts'),
    load('features/common/citation-check.ts'),
  ]);
  const [incident] = await createSampleIncidentSource().loadIncidents('demo', ['PDEMO01']);
  const raw = { principal: { accountId: 'demo', userId: 'bench', scopes: new Set(['ai:draft']) }, input: { audience: 'STAKEHOLDERS', guidance: null }, incident, job: null, execution: null };
  const screenAndRedact = (incidentRead = raw.incident) => {
    untrusted.screenDirectInput(raw.input);
    const screened = untrusted.screenIndirectInput(incidentRead, raw.execution);
    return redactContext({ ...raw, incident: screened.incident, execution: screened.execution });
  };
  // A real driver's incident comes through the per-account cache (INCIDENT_CACHE_TTL_MS), as JSON text.
  const cachedSource = createCachedIncidentSource(createSampleIncidentSource(), { store: createMemoryCacheStore(), ttlMs: 3_600_000, namespace: 'bench' });
  const cachedRead = async () => (await cachedSource.loadIncidents('demo', ['PDEMO01']))[0];
  const context = screenAndRedact();
  const prompt = () => {
    const spotlight = spotlightModule.createSpotlight(pooledRandomBytes);
    const canary: string = spotlightModule.createCanary(pooledRandomBytes);
    return { messages: withPromptGuards(statusUpdateFeature.buildPrompt(context, spotlight), spotlight, canary), canary };
  };
  const middleware = redactionMiddleware();
  const answer = JSON.stringify(statusUpdateAnswer);
  const { canary } = prompt();
  const judge = () =>
    judgeAnswer(answer, {
      schema: statusUpdateFeature.outputSchema,
      canary,
      check: (parsed: unknown) => {
        const citations = verifyCitations(parsed, statusUpdateFeature.sourceIds(context));
        return { value: citations, problems: citations.problems };
      },
    });
  return [
    ['screen + redact context', () => screenAndRedact()],
    ['cached read + screen + redact + prompt', async () => {
      const redacted = screenAndRedact(await cachedRead());
      return statusUpdateFeature.buildPrompt(redacted, spotlightModule.createSpotlight(pooledRandomBytes));
    }],
    ['prompt (spotlight, canary)', prompt],
    ['prompt + redaction middleware', () => middleware.wrapGeneration({ request: { feature: 'statusUpdate', messages: prompt().messages }, next: async () => ({}) })],
    ['leaksCanary', () => spotlightModule.leaksCanary(answer, canary)],
    ['judge answer', judge],
    ['render', () => statusUpdateFeature.render(statusUpdateAnswer, context.input)],
    // A PUBLIC update: the answer checked for and scrubbed of non-public text (names, hosts, ...).
    ['PUBLIC check + sanitize', () => {
      const publicContext = { ...context, input: { audience: 'PUBLIC', guidance: null } };
      statusUpdateFeature.check(statusUpdateAnswer, publicContext);
      return statusUpdateFeature.sanitize(statusUpdateAnswer, publicContext);
    }],
  ];
}

const builds = await Promise.all(directories.map(async (directory) => ({ directory, steps: await stepsOf(directory) })));
const totals = builds.map(() => new Map<string, number[]>());

async function cpuPerCall(run: () => unknown, calls: number): Promise<number> {
  const start = process.cpuUsage();
  for (let index = 0; index < calls; index += 1) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

for (let round = 0; round < rounds; round += 1) {
  for (const [index, build] of builds.entries()) {
    for (const [name, run] of build.steps) {
      if (round === 0) await cpuPerCall(run, count); // warm-up: memos filled, functions optimized
      const figures = totals[index]!.get(name) ?? [];
      figures.push(await cpuPerCall(run, count));
      totals[index]!.set(name, figures);
    }
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`µs of CPU per call (median of ${rounds} rounds of ${count} calls)`);
console.log(['step'.padEnd(40), ...directories.map((directory) => directory.padStart(14))].join(''));
for (const [name] of builds[0]!.steps) {
  console.log([name.padEnd(40), ...totals.map((figures) => median(figures.get(name)!).toFixed(2).padStart(14))].join(''));
}
