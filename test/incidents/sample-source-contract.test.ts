import { createSampleIncidentSource } from '../../src/incidents/sample-source.js';
import { sampleAccountId } from '../../src/incidents/sample/index.js';
import { describeIncidentSourceContract } from './source-contract.js';

describeIncidentSourceContract('sample', async () => ({
  source: createSampleIncidentSource(),
  accountId: sampleAccountId,
  otherAccountId: 'acme',
  incidentIds: ['PDEMO01', 'PDEMO02', 'PDEMO03', 'PDEMO04', 'PDEMO05', 'PDEMO06'],
  job: { jobId: 'RJDEMO01', executionId: 'EXDEMO02' },
}));
