import { describe, expect, it } from 'vitest';
import { payloadsAskedAbout } from '../../../src/features/assistant/alert-payloads.js';
import { assistantFeature } from '../../../src/features/assistant/feature.js';
import type { Alert } from '../../../src/incidents/types.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import type { Principal } from '../../../src/guard/auth/principal.js';
import { testSpotlight } from '../../support/spotlight.js';

const principal: Principal = { accountId: 'demo', userId: 'u1', scopes: new Set(['ai:write']), method: 'jwt' };

/** An alert whose payload holds details its summary line does not. */
const alert: Alert = {
  id: 'A-1',
  at: '2026-01-05T10:00:00Z',
  severity: 'warning',
  status: 'triggered',
  source: 'alertmanager',
  summary: 'QueueBacklogHigh: orders backlog above limit',
  body: { cluster: 'eu-central-2b', threshold: '25000 messages', runbook_url: 'https://runbooks.example.org/queues/backlog', consumerGroup: 'order-writers' },
};

describe('alert payloads in the assistant prompt', () => {
  it('shows a payload when the question asks about something only the payload names', () => {
    expect(payloadsAskedAbout('Which cluster did the backlog alert fire in?')(alert)).toBe(true);
    expect(payloadsAskedAbout('what was the threshold?')(alert)).toBe(true);
    expect(payloadsAskedAbout('Where is the runbook for the backlog alert?')(alert)).toBe(true);
    expect(payloadsAskedAbout('which consumer group was behind')(alert)).toBe(true);
  });

  it('leaves payloads out for questions their summary lines answer', () => {
    expect(payloadsAskedAbout('Who restarted the database?')(alert)).toBe(false);
    expect(payloadsAskedAbout('When did the incident start?')(alert)).toBe(false);
    expect(payloadsAskedAbout('?')(alert)).toBe(false);
  });

  it('puts the asked-about payload in the prompt sent to the model, and only that one', () => {
    const incident = sampleIncidents[0]!;
    const withCluster = incident.alerts.filter((candidate) => 'cluster' in candidate.body);
    const withoutCluster = incident.alerts.filter((candidate) => !('cluster' in candidate.body));
    expect(withCluster.length).toBeGreaterThan(0);
    const promptFor = (question: string): string =>
      assistantFeature.buildPrompt({ principal, input: { question, conversationId: 'c1', priorTurns: [] }, incident, job: null, execution: null }, testSpotlight).at(-1)!.content;
    const asked = promptFor('In which cluster did it happen?');
    for (const shown of withCluster) expect(asked).toContain(`cluster=${String(shown.body.cluster)}`);
    for (const hidden of withoutCluster) expect(asked).not.toMatch(new RegExp(`${hidden.id} [^\\n]*\\n  details:`));
    const notAsked = promptFor('Who declared the incident?');
    expect(notAsked).not.toContain('details:');
  });
});
