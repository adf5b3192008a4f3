/**
 * Where a feature's input tokens go: per prompt version, the mean o200k tokens of the system
 * prompt (with the generator's prompt guards), the structured-output schema as sent, and the
 * user message (the context), over the cases of the feature's eval dataset. The postmortem's
 * long-log cases (map stage) are left out: their final prompt fills the budget whatever the
 * version. Counts as src/eval/token-count.ts does.
 *
 *   npx tsx bench/prompt-split.ts runbook/v2 automation-digest/v2 postmortem/v2 ...
 */
import { loadDataset } from '../src/eval/cases.js';
import { discoverSuites } from '../src/eval/discovery.js';
import { countTokens } from '../src/eval/token-count.js';
import { evaluationPrincipal } from '../src/eval/runner.js';
import { createCanary, measuringSpotlight } from '../src/guard/injection/spotlight.js';
import { withPromptGuards } from '../src/features/common/prompt-guards.js';
import type { StructuredOutputSpec } from '../src/llm/types.js';
import type { AnyEvalSuite } from '../src/eval/types.js';
import { runbookOutputSpecs } from '../src/features/runbook/prompt.js';
import { automationDigestOutputSpecs } from '../src/features/automation-digest/prompt.js';
import { postmortemOutputSpecs } from '../src/features/postmortem/prompt.js';

// The schema each version sends (the feature's current one for versions not listed).
const specsByVersion: Readonly<Record<string, StructuredOutputSpec>> = { ...runbookOutputSpecs, ...automationDigestOutputSpecs, ...postmortemOutputSpecs };

const schemaTokens = (spec: StructuredOutputSpec): number => countTokens(`${spec.name}\n${spec.description}\n${JSON.stringify(spec.jsonSchema)}`);

async function split(suite: AnyEvalSuite, version: string): Promise<string> {
  const dataset = await loadDataset(suite.casesFile);
  const totals = { system: 0, schema: 0, user: 0, cases: 0 };
  const canary = createCanary((size) => new Uint8Array(size));
  for (const evalCase of dataset.cases) {
    if (evalCase.tags.includes('condensed')) continue;
    const context = suite.context(evalCase, evaluationPrincipal);
    const spec = specsByVersion[version] ?? suite.feature.outputSpec;
    const messages = withPromptGuards(suite.buildPrompt(version, context, measuringSpotlight), measuringSpotlight, canary);
    totals.system += messages.filter((m) => m.role === 'system').reduce((sum, m) => sum + countTokens(m.content) + 3, 0);
    totals.user += messages.filter((m) => m.role !== 'system').reduce((sum, m) => sum + countTokens(m.content) + 3, 0) + 3;
    totals.schema += schemaTokens(spec);
    totals.cases += 1;
  }
  const mean = (value: number): string => (value / totals.cases).toFixed(0).padStart(6);
  return `${version.padEnd(24)} cases ${String(totals.cases).padStart(3)}  system ${mean(totals.system)}  schema ${mean(totals.schema)}  context ${mean(totals.user)}  total ${mean(totals.system + totals.schema + totals.user)}`;
}

const { suites } = await discoverSuites();
for (const version of process.argv.slice(2)) {
  const suite = [...suites.values()].find((candidate) => candidate.promptVersions.includes(version));
  if (!suite) throw new Error(`no suite has prompt version ${version}`);
  console.log(await split(suite, version));
}
