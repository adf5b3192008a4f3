/**
 * Spotlighting in every feature: whatever a third party or the requester wrote reaches the
 * model only between the request's random fence markers, and the system prompt declares the
 * fence; an answer that leaks the canary is discarded.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assistantFeature } from '../../../src/features/assistant/feature.js';
import { automationDigestFeature } from '../../../src/features/automation-digest/feature.js';
import type { Feature, FeatureContext } from '../../../src/features/common/feature.js';
import { createPostmortemFeature } from '../../../src/features/postmortem/feature.js';
import { postmortemBudget } from '../../../src/features/postmortem/token-budget.js';
import { runbookFeature } from '../../../src/features/runbook/feature.js';
import { statusUpdateFeature } from '../../../src/features/status-update/feature.js';
import { scopes, type Principal } from '../../../src/guard/auth/principal.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import { exdemo02Failed, rjdemo01RestartPaymentsApi } from '../../../src/incidents/sample/rjdemo01-restart-payments-api.js';
import type { Incident, JobExecution, RunbookJob } from '../../../src/incidents/types.js';
import { extractStatusUpdate } from '../../../src/features/status-update/extractor.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { fencedTexts, markerOf, testSpotlight, unfencedText } from '../../support/spotlight.js';
import { parseIncidentText } from '../../support/incident-prompt-text.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const principal: Principal = { accountId: 'demo', userId: 'u1', scopes: new Set(scopes), method: 'jwt' };

// Every free text a person or a tool wrote carries a numbered tag, so the test can find
// where each one landed in the prompt.
let counter = 0;
const tagged = (text: string): string => `${text} ZQX${++counter}QXZ`;
const tagPattern = /ZQX\d+QXZ/g;

function taggedIncident(incident: Incident): Incident {
  return {
    ...incident,
    title: tagged(incident.title),
    description: tagged(incident.description),
    logEntries: incident.logEntries.map((entry) => ({ ...entry, summary: tagged(entry.summary) })),
    notes: incident.notes.map((note) => ({ ...note, content: tagged(note.content) })),
    alerts: incident.alerts.map((alert) => ({ ...alert, summary: tagged(alert.summary), body: { ...alert.body, annotation: tagged('payload') } })),
  };
}

const incident = taggedIncident(sampleIncidents[0]!);
const job: RunbookJob = { ...rjdemo01RestartPaymentsApi, description: tagged(rjdemo01RestartPaymentsApi.description) };
const execution: JobExecution = {
  ...exdemo02Failed,
  steps: exdemo02Failed.steps.map((step) => ({ ...step, description: tagged(step.description) })),
  log: exdemo02Failed.log.map((line) => ({ ...line, text: tagged(line.text) })),
};

const base = { principal, incident: null, job: null, execution: null };
// Each feature with a context whose every free text is tagged.
const cases: Array<[string, Feature<Record<string, unknown>, unknown>, FeatureContext<Record<string, unknown>>]> = [
  ['statusUpdate', statusUpdateFeature as never, { ...base, incident, input: { audience: 'RESPONDERS', guidance: tagged('mention the ledger') } }],
  ['postmortem', createPostmortemFeature(postmortemBudget, null) as never, { ...base, incident, input: { preliminary: false, incidentStatus: 'resolved', asOf: incident.createdAt, condensation: null } }],
  ['runbook', runbookFeature as never, { ...base, incident, input: { description: tagged('restart the payments pods'), incidentId: incident.id } }],
  [
    'assistant',
    assistantFeature as never,
    { ...base, incident, input: { question: tagged('what failed?'), conversationId: 'c1', priorTurns: [{ question: tagged('earlier?'), answer: tagged('yes') }] } },
  ],
  ['automationDigest', automationDigestFeature as never, { ...base, job, execution, input: { jobId: job.id, executionId: execution.id } }],
];

describe.each(cases)('the %s prompt', (_name, feature, context) => {
  const messages = feature.buildPrompt(context, testSpotlight);
  const all = messages.map((message) => message.content).join('\n');

  it('shows untrusted text only between the request marker', () => {
    expect(unfencedText(all).match(tagPattern)).toBeNull();
  });

  it('still shows the untrusted text the model needs', () => {
    const fenced = fencedTexts(all).join('\n').match(tagPattern) ?? [];
    expect(fenced.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves no fence open or unbalanced', () => {
    const opens = all.match(new RegExp(`<<${testSpotlight.marker}>>`, 'g'))?.length ?? 0;
    const closes = all.match(new RegExp(`<</${testSpotlight.marker}>>`, 'g'))?.length ?? 0;
    expect(opens).toBeGreaterThan(0);
    expect(opens).toBe(closes);
    expect(fencedTexts(all)).toHaveLength(opens);
  });
});

describe('spotlighting through the service', () => {
  let openai: FakeOpenAi;
  let service: TestApp;
  const pdemo01 = sampleIncidents.find((item) => item.id === 'PDEMO01')!;
  const validAnswer = extractStatusUpdate({ incident: pdemo01, input: { audience: 'RESPONDERS' } });
  const draft = (audience = 'RESPONDERS') =>
    service.graphql<{ draftStatusUpdate: { state: string; text: string; generation: { provider: string; attempts: number } } }>(
      `mutation { draftStatusUpdate(input: { incidentId: "PDEMO01", audience: ${audience} }) { state text generation { provider attempts } } }`,
    );
  type Body = { messages: { role: string; content: string }[] };
  const bodies = (): Body[] => openai.requests.filter((request) => request.path.endsWith('/chat/completions')).map((request) => request.body as Body);

  beforeAll(async () => {
    openai = await startFakeOpenAi();
    service = await startTestApp({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url });
  });
  afterAll(async () => {
    await service?.close();
    await openai?.close();
  });
  beforeEach(() => openai.reset());

  it('fences with a marker the provider sees declared in the system prompt, new for every request', async () => {
    openai.enqueue({ kind: 'ok', json: validAnswer }, { kind: 'ok', json: validAnswer });
    expect((await draft()).errors).toBeUndefined();
    expect((await draft()).errors).toBeUndefined();
    const [first, second] = bodies();
    const markers = [markerOf(first!.messages), markerOf(second!.messages)];
    expect(markers[0]).not.toBe(markers[1]);
    for (const [index, body] of [first!, second!].entries()) {
      const user = body.messages.find((message) => message.role === 'user')!.content;
      // The incident data arrives whole inside the fence, unredacted markers and all.
      const fenced = fencedTexts(user, markers[index]);
      expect(fenced.length).toBeGreaterThan(0);
      expect(parseIncidentText(fenced.at(-1)!).id).toBe('PDEMO01');
      expect(unfencedText(user, markers[index])).not.toContain(pdemo01.notes[0]!.content.slice(0, 40));
    }
  });

  it('discards an answer that leaks the canary, even encoded, and falls back', async () => {
    const leak = (messages: readonly { role: string; content: string }[]): unknown => {
      const canary = /Confidential marker: (canary-[0-9a-f]+)/.exec(messages[0]!.content)?.[1] ?? 'none';
      return { ...validAnswer, summary: { ...validAnswer.summary, text: `${validAnswer.summary.text} ${Buffer.from(canary).toString('base64')}` } };
    };
    openai.setDefault({ kind: 'ok', reply: leak });
    try {
      const result = await draft();
      expect(result.errors).toBeUndefined();
      // The answer and its repair both leaked: the draft comes from the next provider.
      expect(result.data!.draftStatusUpdate.generation.provider).toBe('extractive');
      expect(bodies().length).toBeGreaterThanOrEqual(2);
      expect(result.data!.draftStatusUpdate.text).not.toMatch(/Y2FuYXJ5/);
    } finally {
      openai.setDefault({ kind: 'ok' });
    }
  });
});
