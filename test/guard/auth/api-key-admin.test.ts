/**
 * API key administration through the service: the admin GraphQL API (ai:admin, the caller's
 * account only, audited), and `npm run apikey` going through it while `npm start` holds the
 * embedded database (which it locks, so the CLI could not open it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../../../src/store/api-key-repository.js';
import { seedPgliteDataDir } from '../../store/support/pglite-test-database.js';
import { spawnService, type SpawnedService } from '../../support/spawn-service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { apikey } from './run-apikey-cli.js';

const keyFields = 'id name scopes createdBy createdAt expiresAt revokedAt lastUsedAt';

describe('admin API for API keys', () => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('creates a key that authenticates, lists it without its secret, revokes it (then refused), and audits both', async () => {
    const created = await service.graphql<{ createApiKey: { key: string; apiKey: ApiKeyRecord } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { ${keyFields} } } }`,
      { input: { name: 'ci-bot', scopes: ['ai:read'] } },
    );
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data!.createApiKey;
    expect(apiKey).toMatchObject({ name: 'ci-bot', scopes: ['ai:read'], revokedAt: null });
    const asKey = await service.graphql<{ draft: null }>('{ draft(id: "none") { id } }', undefined, { token: key });
    expect(asKey.errors).toBeUndefined();
    expect(asKey.data).toEqual({ draft: null });

    const listed = await service.graphql<{ apiKeys: ApiKeyRecord[] }>(`{ apiKeys { ${keyFields} } }`);
    expect(listed.data!.apiKeys.map((item) => item.id)).toContain(apiKey.id);
    // The secret is everything after `iak_<keyId>_` (base64url, so it may hold "_" itself).
    const secret = /^iak_[a-z2-7]{12}_(.{43})$/.exec(key)![1]!;
    expect(JSON.stringify(listed)).not.toContain(secret);

    const revoked = await service.graphql<{ revokeApiKey: ApiKeyRecord }>(`mutation($id: ID!) { revokeApiKey(id: $id) { ${keyFields} } }`, { id: apiKey.id });
    expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();
    // The verifier caches a key for up to 5 s: wait for the refusal, not for a time.
    for (let attempt = 0; ; attempt += 1) {
      const code = (await service.graphql('{ draft(id: "none") { id } }', undefined, { token: key })).errors?.[0]?.extensions?.code;
      if (code === 'UNAUTHENTICATED') break;
      expect(attempt).toBeLessThan(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const audit = await service.sql<{ action: string; target: string }>(`select action, target from audit_events where action like 'apikey.%' order by at`);
    expect(audit).toEqual([
      { action: 'apikey.create', target: apiKey.id },
      { action: 'apikey.revoke', target: apiKey.id },
    ]);
  });

  it('needs ai:admin, and keeps to the caller’s account', async () => {
    const writer = await service.tokenFor('demo', ['ai:read', 'ai:write']);
    const refused = await service.graphql(`{ apiKeys { id } }`, undefined, { token: writer });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const created = await service.graphql<{ createApiKey: { apiKey: { id: string } } }>(`mutation { createApiKey(input: { name: "x", scopes: ["ai:read"] }) { apiKey { id } } }`);
    const otherAdmin = await service.tokenFor('globex', ['ai:admin']);
    const elsewhere = await service.graphql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: created.data!.createApiKey.apiKey.id }, { token: otherAdmin });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await service.graphql<{ apiKeys: unknown[] }>(`{ apiKeys { id } }`, undefined, { token: otherAdmin })).data!.apiKeys).toEqual([]);
    const badScope = await service.graphql(`mutation { createApiKey(input: { name: "x", scopes: ["root"] }) { key } }`);
    expect(badScope.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('npm run apikey while npm start holds the embedded database', () => {
  let dataDir: string;
  let running: SpawnedService;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'incident-ai-apikey-remote-'));
    await seedPgliteDataDir(path.join(dataDir, 'pglite'));
    running = await spawnService({ DATA_DIR: dataDir });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates, lists and revokes through the service’s admin API; the service honours the key, then refuses it', async () => {
    const environment = { DATA_DIR: dataDir };
    const created = await apikey(environment, 'create', '--account', 'demo', '--name', 'leaked', '--scopes', 'ai:read', '--json');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stderr).toContain("through the service's admin API");
    const key = JSON.parse(created.stdout) as ApiKeyRecord & { key: string };
    const asKey = (token: string) =>
      fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ draft(id: "none") { id } }' }) }).then(
        async (response) => ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? 'ANSWERED',
      );
    expect(await asKey(key.key)).toBe('ANSWERED');

    const listed = await apikey(environment, 'list', '--account', 'demo', '--json');
    expect(listed.status, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as ApiKeyRecord[]).map((item) => item.id)).toContain(key.id);

    const revoked = await apikey(environment, 'revoke', key.id, '--account', 'demo');
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked API key ${key.id}`);
    for (let attempt = 0; (await asKey(key.key)) !== 'UNAUTHENTICATED'; attempt += 1) {
      expect(attempt).toBeLessThan(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const again = await apikey(environment, 'revoke', key.id, '--account', 'demo');
    expect(again.stdout).toContain('was already revoked');
  }, 60_000);
});
