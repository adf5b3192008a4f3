/**
 * The extractive engine reading only the prompt: what the prompt does not show, its answer
 * cannot use, so its fact recall moves with the prompt's content.
 */
import { describe, expect, it } from 'vitest';
import { promptBoundGrounding, promptBoundProvider } from '../../src/eval/prompt-bound-engine.js';
import { captureRequests, capturingProvider } from '../../src/eval/request-capture.js';
import { callTokenCounts, countTokens, requestTokenCount } from '../../src/eval/token-count.js';
import { incidentPromptText } from '../../src/features/common/incident-prompt-data.js';
import { defaultExtractors } from '../../src/features/feature-modules.js';
import { sampleIncidents } from '../../src/incidents/sample/index.js';
import { createExtractiveProvider } from '../../src/llm/providers/extractive-provider.js';
import type { LlmRequest } from '../../src/llm/types.js';

const incident = sampleIncidents[0]!;
const requestShowing = (text: string): LlmRequest => ({
  feature: 'statusUpdate',
  model: 'extractive',
  messages: [{ role: 'user', content: text }],
  maxOutputTokens: 1_000,
  temperature: 0,
  grounding: { incident, input: { audience: 'RESPONDERS', guidance: null } },
});

describe('the prompt-bound extractive engine', () => {
  it('keeps every record of a prompt that shows the whole incident', () => {
    const grounding = promptBoundGrounding(requestShowing(incidentPromptText(incident)))!;
    expect(grounding.incident).toEqual(incident);
  });

  it('drops records whose id the prompt does not show and clips texts to the part shown', () => {
    const shown = incident.notes[0]!;
    const firstWords = shown.content.split(' ').slice(0, 4).join(' ');
    const grounding = promptBoundGrounding(requestShowing(`${incident.title}\n${shown.id} ${firstWords}`))!;
    expect(grounding.incident!.logEntries).toEqual([]);
    expect(grounding.incident!.alerts).toEqual([]);
    expect(grounding.incident!.notes).toEqual([{ ...shown, content: firstWords }]);
    // Only what the prompt's words cover survives ("Payments API" is in the note's first words).
    expect(grounding.incident!.description).toBe('Payments API');
  });

  it('answers from less when the prompt shows less', async () => {
    const provider = promptBoundProvider(createExtractiveProvider({ extractors: defaultExtractors }));
    const signal = new AbortController().signal;
    const whole = await provider.complete(requestShowing(incidentPromptText(incident)), signal);
    const header = await provider.complete(requestShowing(incidentPromptText({ ...incident, logEntries: [], notes: [], alerts: [] })), signal);
    expect(header.text.length).toBeLessThan(whole.text.length);
    expect(whole.text).toContain('PDEMO01-NOTE');
    expect(header.text).not.toContain('PDEMO01-NOTE');
  });
});

describe('request capture and token counts', () => {
  it('records the calls of each capture, not of concurrent ones, and counts them with o200k', async () => {
    const provider = capturingProvider(createExtractiveProvider({ extractors: defaultExtractors }));
    const signal = new AbortController().signal;
    const [first, second] = await Promise.all([
      captureRequests(() => provider.complete(requestShowing('one'), signal)),
      captureRequests(async () => {
        await provider.complete(requestShowing('two'), signal);
        return provider.complete(requestShowing('three'), signal);
      }),
    ]);
    expect(first.calls.map((call) => call.request.messages[0]!.content)).toEqual(['one']);
    expect(second.calls.map((call) => call.request.messages[0]!.content)).toEqual(['two', 'three']);
    expect(first.calls[0]!.completion?.text).toBe(first.result.text);
    const counts = callTokenCounts(second.calls);
    expect(counts.input).toBe(requestTokenCount(second.calls[0]!.request) + requestTokenCount(second.calls[1]!.request));
    expect(counts.output).toBe(countTokens(second.calls[0]!.completion!.text) + countTokens(second.result.text));
  });

  it('counts the structured-output schema as input', () => {
    const request = requestShowing('hello');
    const withSchema = { ...request, output: { name: 'x', description: 'y', jsonSchema: { type: 'object', properties: { title: { type: 'string' } } } } };
    expect(requestTokenCount(withSchema)).toBeGreaterThan(requestTokenCount(request) + 5);
    expect(countTokens('hello world')).toBe(2);
  });
});
