/**
 * The map stage of a long incident's postmortem runs its requests in parallel, never more at
 * once than the account may run generations: the fake answers each request after a delay and
 * counts the requests it holds when it answers one. Shape only, no time is asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostmortemOutput } from '../../../src/features/postmortem/output-schema.js';
import { extractPostmortem } from '../../../src/features/postmortem/extractor.js';
import { startPostmortemHarness, type PostmortemHarness } from './postmortem-harness.js';
import { syntheticIncident } from './synthetic-incident.js';

const long = syntheticIncident({ id: 'PSYNTH11' });
const accountLimit = 3;
// Long enough that requests started together are all held before the first is answered.
const answerDelayMs = 150;

let harness: PostmortemHarness;
const limitAskedFor: string[] = [];
beforeAll(async () => {
  harness = await startPostmortemHarness({
    incidents: [long],
    concurrencyOf: (accountId) => {
      limitAskedFor.push(accountId);
      return accountLimit;
    },
  });
});
afterAll(() => harness?.close());

describe('the map stage of a 5,000-entry postmortem', () => {
  it('runs more than one request at once and at most the account concurrency limit', async () => {
    let answered = 0;
    const heldWhenAnswering: number[] = [];
    const chatRequests = (): number => harness.fake.requests.filter((request) => request.path === '/v1/chat/completions').length;
    const offline = extractPostmortem({ incident: long, input: {} }) as PostmortemOutput;
    harness.fake.setDefault({
      kind: 'delay',
      ms: answerDelayMs,
      then: {
        kind: 'ok',
        reply: (_messages, schema) => {
          heldWhenAnswering.push(chatRequests() - answered);
          answered += 1;
          // A map request (its schema asks for `events`) gets no events: the service then reads
          // the chunk without a model, which keeps the test about scheduling only.
          const isMapRequest = (schema?.properties as Record<string, unknown> | undefined)?.events !== undefined;
          return isMapRequest ? { events: [] } : offline;
        },
      },
    });

    const draft = await harness.service.run(harness.principal, { incidentId: long.id });

    expect(draft.state).not.toBe('STREAMING');
    expect(limitAskedFor).toContain(harness.principal.accountId);
    const mapRequests = heldWhenAnswering.length - 1;
    expect(mapRequests).toBeGreaterThan(accountLimit);
    expect(Math.max(...heldWhenAnswering)).toBeGreaterThan(1);
    expect(Math.max(...heldWhenAnswering)).toBeLessThanOrEqual(accountLimit);
  });
});
