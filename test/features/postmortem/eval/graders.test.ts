import { describe, expect, it } from 'vitest';
import { incidentSourceIds } from '../../../../src/features/common/incident-prompt-data.js';
import { postmortemGraders, postmortemText } from '../../../../src/features/postmortem/eval/graders.js';
import type { PostmortemOutput } from '../../../../src/features/postmortem/output-schema.js';
import { sampleIncidents } from '../../../../src/incidents/sample/index.js';
import { caseOf, completed, failed } from '../../../eval/support/outcomes.js';

const pdemo03 = sampleIncidents.find((incident) => incident.id === 'PDEMO03')!;
const known = incidentSourceIds(pdemo03);
const evalCase = caseOf({
  id: 'pm-test',
  feature: 'postmortem',
  title: 't',
  data: { incident: pdemo03 },
  input: {},
  expected: { mustState: [['orders api', 'partners'], ['per_client_rps', '200'], 'ORD-774'], mustNotState: ['to blame', 'ddos'], phase: 'RESOLVED' },
});
const cite = (id: string, excerpt = 'x') => [{ sourceType: 'NOTE' as const, sourceId: id, excerpt }];
const statement = (text: string, id = 'PDEMO03-NOTE-2') => ({ text, citations: cite(id) });

const good: PostmortemOutput = {
  title: 'Orders API rate limited partners after a config push',
  summary: statement('A rate-limit change cut the per-client limit of the Orders API from 200 to 20 requests per second; partners got 429s until it was rolled back.'),
  impact: { services: ['Orders API'], duration: statement('16:31 to 16:53 UTC.'), customerEffect: statement('1,306 partner orders were delayed; none were lost.', 'PDEMO03-NOTE-4') },
  detection: statement('OrdersAPIThrottlingHigh fired and was acknowledged by the Orders on-call.'),
  timeline: [
    { at: '2025-04-02T16:41:00Z', text: 'Config push identified as the suspect.', citations: cite('PDEMO03-NOTE-1') },
    { at: '2025-04-02T16:52:00Z', text: 'ratelimit.yaml rolled back to revision 1841.', citations: cite('PDEMO03-NOTE-3') },
  ],
  contributingFactors: [statement('Schema validation accepted 20 because it is within bounds.')],
  rootCause: { hypothesis: false, text: 'config-repo#2290 set partner_default.per_client_rps to 20 instead of 200 in the base config.', citations: cite('PDEMO03-NOTE-2') },
  resolution: statement('The config was rolled back at 16:52; 429s returned to 0.2%.', 'PDEMO03-NOTE-4'),
  actionItems: [{ priority: 'HIGH', ownerTeam: 'Platform Config', title: 'Require approval for base/ changes (ORD-774)', citations: cite('PDEMO03-NOTE-4') }],
};

describe('postmortemGraders', () => {
  it('rewards a faithful, ordered, blameless postmortem with a confirmed root cause', () => {
    const grade = postmortemGraders.grade(evalCase, completed(good, known));
    expect(grade.metrics).toMatchObject({ schemaValid: 1, citationValidity: 1, factRecall: 1, rootCauseStatusCorrect: 1, timelineOrdered: 1, hallucinationRate: 0, forbiddenFree: 1 });
  });

  it('catches a cause claimed without confirmation, a disordered timeline and blame', () => {
    const open = caseOf({ ...evalCase, expected: { ...evalCase.expected, phase: 'INVESTIGATING' } });
    const bad = { ...good, timeline: [...good.timeline].reverse(), contributingFactors: [statement('Jonas is to blame for the push.')] };
    const grade = postmortemGraders.grade(open, completed(bad, known));
    expect(grade.metrics).toMatchObject({ rootCauseStatusCorrect: 0, timelineOrdered: 0, forbiddenFree: 0 });
    expect(grade.notes).toEqual(expect.arrayContaining(['states a root cause the records do not confirm', 'the timeline is out of order']));
  });

  it('scores a failed generation, and reads the postmortem without its timestamps and quotes', () => {
    expect(postmortemGraders.grade(evalCase, failed('DEADLINE_EXCEEDED')).metrics).toMatchObject({ schemaValid: 0, rootCauseStatusCorrect: 0, timelineOrdered: null });
    const text = postmortemText(good);
    expect(text).toContain('ratelimit.yaml rolled back');
    expect(text).not.toContain('2025-04-02T16:41:00Z');
  });
});
