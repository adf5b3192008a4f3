/**
 * The store: every repository behind one handle. Apart from the record types (types.ts), so
 * the repositories can import the records without an import cycle through this aggregate.
 */
import type { ApiKeyRepository } from './api-key-repository.js';
import type { AuditEventRepository } from './audit-repository.js';
import type { ConversationRepository } from './conversation-repository.js';
import type { DraftKinds } from './draft-kinds.js';
import type { EvaluationRepository } from './eval-repository.js';
import type { PublicationRepository } from './publication-repository.js';
import type { UsageReportRepository } from './usage-report-repository.js';
import type { DraftChunkRepository, DraftRepository, FeedbackRepository, LlmCallRepository } from './types.js';

/** Every repository of one database, and its lifecycle. */
export interface Store {
  readonly driver: 'pglite' | 'postgres';
  /** The registered features' names and draft kinds; inserting another kind is refused. */
  readonly draftKinds: DraftKinds;
  readonly drafts: DraftRepository;
  readonly chunks: DraftChunkRepository;
  readonly llmCalls: LlmCallRepository;
  readonly feedback: FeedbackRepository;
  /** Where drafts were published (PagerDuty status updates, Rundeck job imports). */
  readonly publications: PublicationRepository;
  /** Assistant conversations and the Slack channels linked to incidents. */
  readonly conversations: ConversationRepository;
  /** Offline evaluation runs and the feedback read for evaluation (src/eval). */
  readonly evaluations: EvaluationRepository;
  /** API keys of services (hashes, never secrets); see src/guard/auth/api-keys.ts. */
  readonly apiKeys: ApiKeyRepository;
  /** The append-only security audit trail. */
  readonly auditEvents: AuditEventRepository;
  /** The usage dashboard's grouped reads (llmUsage.breakdown, guard hits, feedback per day). */
  readonly usageReports: UsageReportRepository;
  /** Cheap liveness probe for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
