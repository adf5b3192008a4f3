import type { Logger } from 'pino';
import type { IncidentSource } from '../../incidents/types.js';
import type { Store } from '../../store/types.js';
import type { DraftGenerator } from './draft-generator.js';

/** What every feature service is built from (see src/app.ts). */
export interface FeatureDependencies {
  incidents: IncidentSource;
  generator: DraftGenerator;
  store: Store;
  logger: Logger;
}
