import type { Logger } from 'pino';
import type { AuditLog } from '../../guard/audit-log.js';
import type { IncidentSource } from '../../incidents/types.js';
import type { LlmManager } from '../../llm/generation.js';
import type { Store } from '../../store/store.js';
import type { DraftGenerator } from './draft-generator.js';

/** What every feature service is built from (see src/app.ts). */
export interface FeatureDependencies {
  incidents: IncidentSource;
  generator: DraftGenerator;
  store: Store;
  logger: Logger;
  /** The LLM Manager, for features that call it beyond their draft's generation (postmortem's map stage). */
  manager?: LlmManager;
  /** The security audit trail, for actions recorded outside a generation (feedback); none = not audited. */
  audit?: AuditLog | null;
}
