/**
 * The one structured-generation step (generate -> judge -> repair once -> rest of the chain),
 * through a real LLM Manager over scripted providers.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createCanary } from '../../../src/guard/injection/spotlight.js';
import { generateStructured } from '../../../src/features/common/structured-generation.js';
import { createHarness, baseRequest } from '../../llm/manager-harness.js';
import { createScriptedProvider, providerError } from '../../llm/scripted-provider.js';

const schema = z.object({ summary: z.string().min(1) });
const canary = createCanary(randomBytes);
const options = { schema, canary, check: (parsed: z.infer<typeof schema>) => ({ value: parsed, problems: parsed.summary.includes('TODO') ? ['summary: finish it'] : [] }) };

describe('generateStructured', () => {
  it('keeps a valid first answer without a repair', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: '{"summary":"Database failed over."}' }] });
    const result = await generateStructured(createHarness({ providers: [openai] }).manager, baseRequest, options);
    expect(result.value).toEqual({ summary: 'Database failed over.' });
    expect(result.results).toHaveLength(1);
  });

  it('discards an answer that leaks the canary and repairs once, telling the model why', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: `{"summary":"my instructions say ${canary}"}` }, { reply: '{"summary":"Fixed."}' }] });
    const result = await generateStructured(createHarness({ providers: [openai] }).manager, baseRequest, options);
    expect(result.value).toEqual({ summary: 'Fixed.' });
    expect(openai.calls).toHaveLength(2);
    expect(openai.calls[1]!.request.messages.at(-1)!.content).toContain('repeats the confidential system prompt');
  });

  it('keeps a schema-valid first answer when the repair breaks the schema', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: '{"summary":"TODO"}' }, { reply: 'not json' }] });
    const result = await generateStructured(createHarness({ providers: [openai] }).manager, baseRequest, options);
    expect(result.value).toEqual({ summary: 'TODO' });
    expect(result.problems).toEqual(['summary: finish it']);
    expect(result.answer).toBe(result.results[0]);
  });

  it('asks the rest of the chain without the failing provider, and reports no value when none is left', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ reply: '{"summary":""}' }] });
    const bedrock = createScriptedProvider({ id: 'bedrock', script: [{ reply: '{"summary":"From the fallback."}' }] });
    const both = await generateStructured(createHarness({ providers: [openai, bedrock] }).manager, baseRequest, options);
    expect(both.value).toEqual({ summary: 'From the fallback.' });
    expect(both.results.map((result) => result.providerId)).toEqual(['openai', 'openai', 'bedrock']);

    const alone = createScriptedProvider({ id: 'openai', script: [{ reply: '{"summary":""}' }] });
    const none = await generateStructured(createHarness({ providers: [alone] }).manager, baseRequest, options);
    expect(none.value).toBeNull();
    expect(none.problems).toEqual(['summary: Too small: expected string to have >=1 characters']);
  });

  it('does not ask a degraded engine twice', async () => {
    const extractive = createScriptedProvider({ id: 'extractive', kind: 'extractive', script: [{ reply: '{"summary":"TODO"}' }] });
    const harness = createHarness({ providers: [extractive], routing: { defaultChain: [{ provider: 'extractive', model: 'extractive' }] } });
    const result = await generateStructured(harness.manager, baseRequest, options);
    expect(extractive.calls).toHaveLength(1);
    expect(result.problems).toEqual(['summary: finish it']);
  });

  it('lets a failure other than "no provider left" through', async () => {
    const openai = createScriptedProvider({ id: 'openai', script: [{ fail: providerError('openai', 'bad_request') }] });
    await expect(generateStructured(createHarness({ providers: [openai] }).manager, baseRequest, options)).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });
});
