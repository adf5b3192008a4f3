import { describeStoreContract } from './support/store-contract.js';
import { createPostgresTestDatabase } from './support/postgres-test-database.js';

describeStoreContract('postgres', () => createPostgresTestDatabase('contract'));
