import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const sourcesFile = async (name: string, text: string): Promise<string> => {
  const folder = await mkdtemp(path.join(tmpdir(), 'incident-ai-sources-'));
  const file = path.join(folder, name);
  await writeFile(file, text);
  return file;
};

describe('incident sources configuration', () => {
  it('without a real source: samples only', () => {
    const config = loadConfig({ SAMPLE_INCIDENTS: 'false' });
    expect(config.incidentSources.accounts).toEqual({});
    // No real source: the samples serve whatever SAMPLE_INCIDENTS says.
    expect(config.incidentSources.samples).toBe(true);
  });

  it('PAGERDUTY_API_TOKEN alone serves account demo from the public API, samples beside', () => {
    const config = loadConfig({ PAGERDUTY_API_TOKEN: 'pd-token' });
    expect(config.incidentSources.accounts.demo?.pagerduty).toEqual({
      url: 'https://api.pagerduty.com',
      token: 'pd-token',
      tokenSetting: 'PAGERDUTY_API_TOKEN',
      fromEmail: null,
      autoPostmortem: false,
    });
    expect(config.incidentSources.samples).toBe(true);
    expect(loadConfig({ PAGERDUTY_API_TOKEN: 'pd-token', SAMPLE_INCIDENTS: 'false' }).incidentSources.samples).toBe(false);
  });

  it('reads a YAML sources file; secrets come from the variables it names', async () => {
    const file = await sourcesFile(
      'sources.yaml',
      [
        'accounts:',
        '  acme:',
        '    pagerduty: { tokenEnv: ACME_PD, fromEmail: oncall@acme.example }',
        '    rundeck: { url: "https://rundeck.acme.example", project: ops, tokenEnv: ACME_RD }',
        '  globex:',
        '    pagerduty: { url: "https://pd.globex.example", tokenEnv: GLOBEX_PD }',
        '  "*":',
        '    graphql: { url: "http://router:4000/graphql" }',
      ].join('\n'),
    );
    const config = loadConfig({ INCIDENT_SOURCES: file, ACME_PD: 'a-token', ACME_RD: 'r-token', GLOBEX_PD: 'g-token' });
    const { accounts } = config.incidentSources;
    expect(accounts.acme?.pagerduty).toMatchObject({ url: 'https://api.pagerduty.com', token: 'a-token', tokenSetting: 'ACME_PD', fromEmail: 'oncall@acme.example' });
    expect(accounts.acme?.rundeck).toMatchObject({ url: 'https://rundeck.acme.example', apiVersion: 41, project: 'ops', token: 'r-token', tokenSetting: 'ACME_RD' });
    expect(accounts.globex?.pagerduty).toMatchObject({ url: 'https://pd.globex.example', token: 'g-token' });
    expect(accounts['*']?.graphql).toEqual({ url: 'http://router:4000/graphql', queryFile: null });
  });

  it('a variable the file names but that is unset fails the start, naming it', async () => {
    const file = await sourcesFile('sources.json', JSON.stringify({ accounts: { acme: { pagerduty: { tokenEnv: 'ACME_PD' } } } }));
    expect(() => loadConfig({ INCIDENT_SOURCES: file })).toThrow(ConfigError);
    expect(() => loadConfig({ INCIDENT_SOURCES: file })).toThrow(/ACME_PD/);
  });

  it('refuses a secret written into the file, and unknown drivers', async () => {
    const withSecret = await sourcesFile('sources.json', JSON.stringify({ accounts: { acme: { pagerduty: { token: 'pd-inline-secret' } } } }));
    expect(() => loadConfig({ INCIDENT_SOURCES: withSecret })).toThrow(/INCIDENT_SOURCES/);
    let message = '';
    try {
      loadConfig({ INCIDENT_SOURCES: withSecret });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('pd-inline-secret');
    const unknown = await sourcesFile('sources.json', JSON.stringify({ accounts: { acme: { opsgenie: { url: 'https://x.example' } } } }));
    expect(() => loadConfig({ INCIDENT_SOURCES: unknown })).toThrow(/opsgenie/);
  });

  it('RUNDECK_URL and RUNDECK_API_TOKEN go together', () => {
    expect(() => loadConfig({ RUNDECK_URL: 'https://rundeck.example' })).toThrow(/RUNDECK_API_TOKEN/);
  });
});
