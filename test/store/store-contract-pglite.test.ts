import { describeStoreContract } from './support/store-contract.js';
import { createPgliteTestDatabase } from './support/pglite-test-database.js';

describeStoreContract('pglite', createPgliteTestDatabase);
