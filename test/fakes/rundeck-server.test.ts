/** The fake Rundeck speaks the documented wire format, errors included. */
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedExecution, restartJob, restartJobId } from '../incidents/rundeck/rundeck-fixtures.js';
import { startFakeRundeck, type FakeRundeck } from './rundeck-server.js';

let fake: FakeRundeck;
beforeAll(async () => {
  fake = await startFakeRundeck({ jobs: [restartJob], executions: [failedExecution] });
});
afterAll(async () => {
  await fake?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${fake.url}${path}`, { headers: { 'X-Rundeck-Auth-Token': fake.token, ...headers } });

describe('fake Rundeck', () => {
  it('refuses unsupported API versions (400 api.error.api-version.unsupported) and missing tokens (401)', async () => {
    const tooNew = await get('/api/99/execution/4711');
    expect(tooNew.status).toBe(400);
    expect(await tooNew.json()).toMatchObject({ error: true, errorCode: 'api.error.api-version.unsupported' });
    expect((await get('/api/13/execution/4711')).status).toBe(400);
    expect((await fetch(`${fake.url}/api/41/execution/4711`)).status).toBe(401);
    expect((await fetch(`${fake.url}/api/41/execution/4711?authtoken=${fake.token}`)).status).toBe(200);
  });

  it('serves job definitions as YAML at any version and as JSON only from v44', async () => {
    const yaml = await get(`/api/41/job/${restartJobId}`, { Accept: 'text/yaml' });
    expect(yaml.headers.get('content-type')).toContain('text/yaml');
    const [job] = parseYaml(await yaml.text()) as Record<string, unknown>[];
    expect(job).toMatchObject({ id: restartJobId, uuid: restartJobId, name: 'Restart checkout workers' });
    expect((await get(`/api/41/job/${restartJobId}?format=json`)).status).toBe(415);
    expect(await (await get(`/api/44/job/${restartJobId}`)).json()).toMatchObject([{ id: restartJobId }]);
    expect(await (await get('/api/41/job/nope')).json()).toMatchObject({ errorCode: 'api.error.item.doesnotexist' });
  });

  it('renders output as Rundeck does: string offsets, completed, compacted entries, lastmod, lastlines', async () => {
    const first = (await (await get('/api/41/execution/4711/output?maxlines=2')).json()) as Record<string, unknown> & { entries: Record<string, unknown>[] };
    expect(first).toMatchObject({ id: '4711', completed: false, execCompleted: true, execState: 'failed' });
    expect(typeof first.offset).toBe('string');
    expect(first.entries[0]).toEqual({ time: '09:00:01', absolute_time: '2026-11-30T09:00:01Z', log: expect.any(String), level: 'NORMAL', user: 'mara.jensen', stepctx: '1', node: 'rd-runner-02.prod.internal' });
    const compacted = (await (await get('/api/41/execution/4711/output?compacted=true')).json()) as { completed: boolean; compactedAttr: string; entries: unknown[] };
    expect(compacted.completed).toBe(true);
    expect(compacted.compactedAttr).toBe('log');
    expect(compacted.entries[1]).toBe('checkout-worker   8/8     8            8');
    const all = (await (await get('/api/41/execution/4711/output')).json()) as { offset: string; lastModified: string };
    const unmodified = await (await get(`/api/41/execution/4711/output?offset=${all.offset}&lastmod=${all.lastModified}`)).json();
    expect(unmodified).toMatchObject({ unmodified: true, entries: [] });
    const last = (await (await get('/api/41/execution/4711/output?lastlines=2')).json()) as { entries: { log: string }[] };
    expect(last.entries.map((entry) => entry.log)).toEqual(['cleanup', 'done']);
    expect((await get('/api/41/execution/4711/output?offset=-3')).status).toBe(400);
  });
});
