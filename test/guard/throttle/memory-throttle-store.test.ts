import { createMemoryThrottleStore } from '../../../src/guard/throttle/memory-throttle-store.js';
import { throttleStoreContract } from './throttle-store-contract.js';

throttleStoreContract('in-process', async () => createMemoryThrottleStore());
