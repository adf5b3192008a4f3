import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

describe('loadConfig', () => {
  it('defaults to the embedded mode: port 4000, ./data, PGlite, extractive only', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.databaseUrl).toBeNull();
    expect(Object.keys(config.routing.providers)).toEqual(['extractive']);
    expect(config.routing.defaultChain).toBeUndefined();
    expect(Object.isFrozen(config.routing)).toBe(true);
  });

  it('routes to OpenAI then Bedrock when their variables are set', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'llama3', BEDROCK_MODEL_ID: 'amazon.nova-lite-v1:0' });
    expect(config.routing.defaultChain).toEqual([
      { provider: 'openai', model: 'llama3' },
      { provider: 'bedrock', model: 'amazon.nova-lite-v1:0' },
    ]);
    expect(config.routing.providers.openai).toMatchObject({ kind: 'openai', baseURL: 'http://127.0.0.1:9/v1' });
    expect(config.providerSecrets.OPENAI_API_KEY).toBe('sk-test');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ OPENAI_BASE_URL: 'not a url' })).toThrow(/OPENAI_BASE_URL/);
  });

  it('reads a routing file and reports its errors by path', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'incident-ai-config-'));
    const good = path.join(folder, 'routing.yaml');
    await writeFile(good, 'providers:\n  vllm: { kind: openai, baseURL: "http://127.0.0.1:8000/v1", apiKeyEnv: VLLM_KEY, selfHosted: true }\nfeatures:\n  statusUpdate: [{ provider: vllm, model: llama-3.1-8b }]\n');
    const config = loadConfig({ LLM_CONFIG: good, VLLM_KEY: 'k' });
    expect(config.routing.features.statusUpdate).toEqual([{ provider: 'vllm', model: 'llama-3.1-8b' }]);
    expect(config.providerSecrets.VLLM_KEY).toBe('k');
    const bad = path.join(folder, 'bad.json');
    await writeFile(bad, JSON.stringify({ features: { statusUpdate: [] } }));
    expect(() => loadConfig({ LLM_CONFIG: bad })).toThrow(/features\.statusUpdate/);
    expect(() => loadConfig({ LLM_CONFIG: path.join(folder, 'missing.json') })).toThrow(/cannot read/);
  });

  it('reads the normalPriority section of a routing file and reports its errors by path', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'incident-ai-config-'));
    const good = path.join(folder, 'routing.yaml');
    await writeFile(
      good,
      [
        'providers: { openai: { kind: openai } }',
        'defaultChain: [{ provider: openai, model: gpt-4.1 }]',
        'normalPriority:',
        '  defaultChain: [{ provider: openai, model: gpt-4o-mini }]',
        '  features:',
        '    postmortem: [{ provider: openai, model: gpt-4.1-mini }]',
        '',
      ].join('\n'),
    );
    const config = loadConfig({ LLM_CONFIG: good, OPENAI_API_KEY: 'sk-test' });
    expect(config.routing.normalPriority).toEqual({
      defaultChain: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      features: { postmortem: [{ provider: 'openai', model: 'gpt-4.1-mini' }] },
    });
    expect(Object.isFrozen(config.routing.normalPriority)).toBe(true);
    expect(loadConfig({}).routing.normalPriority).toBeUndefined();

    const empty = path.join(folder, 'empty.json');
    await writeFile(empty, JSON.stringify({ normalPriority: { features: { runbook: [] } } }));
    expect(() => loadConfig({ LLM_CONFIG: empty })).toThrow(/normalPriority\.features\.runbook/);
    const typo = path.join(folder, 'typo.json');
    await writeFile(typo, JSON.stringify({ normalPriority: { chain: [{ provider: 'openai', model: 'gpt-4o-mini' }] } }));
    expect(() => loadConfig({ LLM_CONFIG: typo })).toThrow(/normalPriority: .*"chain"/);
  });
});

describe('authentication settings', () => {
  const pepper = 'p'.repeat(32);
  const productionWithIdp = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'incident-ai' };

  it('refuses to start in production without API_KEY_PEPPER, or with one shorter than 32 characters', () => {
    for (const environment of [productionWithIdp, { ...productionWithIdp, API_KEY_PEPPER: '' }, { NODE_ENV: 'production', AUTH_LOCAL_KEYS: 'true' }]) {
      expect(() => loadConfig(environment)).toThrow(ConfigError);
      expect(() => loadConfig(environment)).toThrow(/NODE_ENV=production needs API_KEY_PEPPER/);
    }
    expect(() => loadConfig({ ...productionWithIdp, API_KEY_PEPPER: 'p'.repeat(31) })).toThrow(/API_KEY_PEPPER must be at least 32 characters \(it has 31\)/);
    expect(() => loadConfig({ API_KEY_PEPPER: 'short' })).toThrow(/API_KEY_PEPPER/);
    expect(loadConfig({ ...productionWithIdp, API_KEY_PEPPER: pepper }).auth.apiKeyPepper).toBe(pepper);
  });

  it('keeps the built-in pepper outside production when API_KEY_PEPPER is unset', () => {
    expect(loadConfig({}).auth.apiKeyPepper).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', API_KEY_PEPPER: '' }).auth.apiKeyPepper).toBeNull();
    expect(loadConfig({ API_KEY_PEPPER: pepper }).auth.apiKeyPepper).toBe(pepper);
  });

  it('refuses to start in production without an identity provider unless local keys are asked for', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', API_KEY_PEPPER: pepper })).toThrow(/AUTH_JWKS_URL/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_LOCAL_KEYS: 'true', API_KEY_PEPPER: pepper }).auth.localKeys).toBe(true);
    const withIdp = loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'incident-ai', API_KEY_PEPPER: pepper });
    expect(withIdp.auth).toMatchObject({ localKeys: false, jwks: { url: 'https://idp.example/jwks' } });
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/AUTH_ISSUER/);
  });

  it('keeps local keys in development, beside an identity provider only when asked', () => {
    expect(loadConfig({}).auth.localKeys).toBe(true);
    expect(loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }).auth.localKeys).toBe(false);
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ AUTH_ISSUER: 'https://idp.example' }, 'AUTH_JWKS_URL'],
    [{ AUTH_AUDIENCE: 'incident-ai' }, 'AUTH_JWKS_URL'],
    [{ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }, 'OPENAI_API_KEY'],
    [{ BEDROCK_ENDPOINT: 'http://127.0.0.1:9000' }, 'BEDROCK_MODEL_ID'],
  ])('refuses a setting without its partner (%o), naming the missing variable', (environment, missing) => {
    const set = Object.keys(environment)[0]!;
    expect(() => loadConfig(environment)).toThrow(ConfigError);
    expect(() => loadConfig(environment)).toThrow(new RegExp(`${missing}: ${set} is set but ${missing} is not`));
  });

  it('accepts the partners together, and OPENAI_BASE_URL alone when LLM_CONFIG names the providers', () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).slack).not.toBeNull();
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', OPENAI_API_KEY: 'k' }).routing.providers.openai).toBeDefined();
    expect(() => loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', LLM_CONFIG: '/nonexistent.json' })).toThrow(/LLM_CONFIG: cannot read/);
  });
});
