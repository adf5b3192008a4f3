import { rememberAuthorization } from '../guard/auth/caller-authorization.js';
import type { ApiKeyAdmin } from '../guard/auth/api-key-admin.js';
import type { AppError } from '../errors/app-error.js';
import type { AssistantService } from '../features/assistant/service.js';
import type { DraftFeedbackService } from '../features/feedback/service.js';
import type { RunbookPublishService } from '../features/runbook/publish-service.js';
import type { PostmortemService } from '../features/postmortem/service.js';
import type { PublishStatusUpdateService } from '../features/status-update/publish-service.js';
import type { Authenticator } from '../guard/auth/authenticator.js';
import type { Principal } from '../guard/auth/principal.js';
import type { IncidentSource } from '../incidents/types.js';
import type { LlmManager } from '../llm/generation.js';
import type { Store } from '../store/store.js';
import type { DraftStreamHub } from '../streams/draft-stream-hub.js';
import type { RequestTrace } from '../telemetry/request-trace.js';
import { createLoaders, type Loaders } from './loaders.js';

/**
 * The long-lived components resolvers reach through the context. A feature's own service is
 * not here: its module builds it with its resolvers (features/common/feature-module.ts).
 */
export interface Services {
  store: Store;
  manager: LlmManager;
  hub: DraftStreamHub;
  incidents: IncidentSource;
  publishStatusUpdate: PublishStatusUpdateService;
  /** For the PagerDuty webhook (auto postmortems); GraphQL uses the feature's own service. */
  postmortem: PostmortemService;
  /** For the Slack assistant; GraphQL uses the feature's own service. */
  assistant: AssistantService;
  draftFeedback: DraftFeedbackService;
  runbookPublish: RunbookPublishService;
  /** API key administration (ai:admin). */
  apiKeys: ApiKeyAdmin;
}

/**
 * Per-operation context. Authentication happens when the context is built, but a failure
 * is kept, not thrown: the permission layer decides which fields need a principal (the
 * federation `_service` field does not).
 */
export interface GraphQLContext {
  principal: Principal | null;
  authError: AppError | null;
  services: Services;
  /** Null without a principal: nothing account-scoped can be loaded anonymously. */
  loaders: Loaders | null;
  /**
   * The request's span and trace-stamped logger (request-trace.ts), carried explicitly: no
   * context manager follows a request across its awaits. Null when the operation has no span of
   * its own (graphql-ws).
   */
  trace: RequestTrace | null;
}

export async function createContext(
  services: Services,
  authenticator: Authenticator,
  authorization: string | undefined | null,
  trace: RequestTrace | null = null,
): Promise<GraphQLContext> {
  try {
    const principal = await authenticator.authenticate(authorization);
    rememberAuthorization(principal, authorization);
    return new AuthenticatedContext(principal, services, trace);
  } catch (error) {
    return { principal: null, authError: error as AppError, services, loaders: null, trace };
  }
}

/**
 * A caller's context; its loaders are built on first use (a subscription never loads through
 * them, and holds its context for its whole life; a draft mutation does not either). The getter
 * lives on the prototype: Apollo Server copies every context (`Object.assign` onto an object of
 * the same prototype) before it executes, and an own getter would be called by that copy, so
 * every request would build every loader.
 */
class AuthenticatedContext implements GraphQLContext {
  readonly authError = null;
  /** The loaders once built (own data, so Apollo's copy starts without them). */
  private builtLoaders: Loaders | null = null;

  constructor(
    readonly principal: Principal,
    readonly services: Services,
    readonly trace: RequestTrace | null,
  ) {}

  get loaders(): Loaders {
    return (this.builtLoaders ??= createLoaders(this.services.store, this.principal.accountId));
  }
}
