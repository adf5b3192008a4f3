import { fakePagerDutyIncident, fakePagerDutyUser, startFakePagerDuty } from '../../fakes/pagerduty-server.js';
import { describeIncidentSourceContract } from '../source-contract.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { pagerDutyRegistry } from '../support/pagerduty-registry.js';

describeIncidentSourceContract('pagerduty (through the registry)', async () => {
  const fake = await startFakePagerDuty();
  fake.addUser(fakePagerDutyUser);
  fake.addIncident('token-acme', fakePagerDutyIncident('PACME01', { logEntryCount: 130, alertCount: 3 }));
  fake.addIncident('token-acme', fakePagerDutyIncident('PACME02', { priority: null }));
  fake.addIncident('token-globex', fakePagerDutyIncident('PGLOBEX1'));
  const registry = pagerDutyRegistry({ url: fake.url, tokens: { acme: 'token-acme', globex: 'token-globex' }, logger: capturingLogger().logger });
  return { source: registry.source, accountId: 'acme', otherAccountId: 'globex', incidentIds: ['PACME01', 'PACME02'], close: () => fake.close() };
});
