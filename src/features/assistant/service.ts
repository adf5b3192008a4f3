import { sourceCallerOf } from '../../guard/auth/caller-authorization.js';
import type { RequestTrace } from '../../telemetry/request-trace.js';
import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../errors/app-error.js';
import type { Principal } from '../../guard/auth/principal.js';
import type { Incident } from '../../incidents/types.js';
import type { ConversationRecord } from '../../store/conversation-repository.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureDependencies } from '../common/dependencies.js';
import { maxPriorTurns, selectPriorTurns } from './conversation-history.js';
import { assistantFeature } from './feature.js';

/** The fields of the `askAssistant` input this service reads (the GraphQL input fits it). */
export interface AskAssistantInput {
  question: string;
  incidentId?: string | null;
  conversationId?: string | null;
  stream?: boolean | null;
  /** Admin only: the routing variant to generate with (see DraftGenerator GenerateOptions). */
  variant?: string | null;
}

/** Longest question accepted, in characters. */
export const maxQuestionLength = 2_000;

/** Longest incident or conversation id accepted, in characters. */
export const maxIdLength = 200;

/** The assistant feature's use case. */
export interface AssistantService {
  /**
   * Answers one question about an incident, as a turn of a conversation: the given one
   * (`NOT_FOUND` when it is not the caller's account's) or a new one. The incident is the
   * given one or the conversation's; the conversation's earlier turns go into the prompt.
   */
  run(principal: Principal, input: AskAssistantInput, trace?: RequestTrace | null): Promise<DraftRecord>;
}

/** Test seams of {@link createAssistantService}. */
export interface AssistantServiceOptions {
  /** Id of a new conversation. Default: a random UUID. */
  newId?: () => string;
  now?: () => Date;
}

/** Creates the assistant service over the shared feature dependencies. */
export function createAssistantService(dependencies: FeatureDependencies, options: AssistantServiceOptions = {}): AssistantService {
  const { incidents, generator, store } = dependencies;
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? (() => new Date());

  async function loadIncident(principal: Principal, incidentId: string | null, trace: RequestTrace | null | undefined): Promise<Incident | null> {
    if (incidentId === null) return null;
    const [incident] = await incidents.loadIncidents(principal.accountId, [incidentId], sourceCallerOf(principal, trace?.context));
    if (!incident) throw notFound('Incident', incidentId);
    return incident;
  }

  return {
    async run(principal, input, trace) {
      const question = checkedQuestion(input.question);
      const requestedIncidentId = optionalId(input.incidentId, 'incidentId');
      const requestedConversationId = optionalId(input.conversationId, 'conversationId');

      let conversation: ConversationRecord | null = null;
      if (requestedConversationId !== null) {
        conversation = await store.conversations.get(principal.accountId, requestedConversationId);
        if (!conversation) throw notFound('Conversation', requestedConversationId);
        if (conversation.incidentId !== null && requestedIncidentId !== null && conversation.incidentId !== requestedIncidentId) {
          throw badInput(
            `Conversation "${conversation.id}" is about incident "${conversation.incidentId}"; start a new conversation to ask about "${requestedIncidentId}".`,
            'incidentId',
          );
        }
      }
      const incident = await loadIncident(principal, requestedIncidentId ?? conversation?.incidentId ?? null, trace);

      // The conversation is written only once the question is known to be answerable, so a
      // rejected question leaves nothing behind.
      if (conversation === null) {
        conversation = await store.conversations.create({
          id: newId(),
          accountId: principal.accountId,
          incidentId: incident?.id ?? null,
          source: 'graphql',
          channelId: null,
          threadTs: null,
          createdBy: principal.userId,
          createdAt: now().toISOString(),
        });
      } else if (conversation.incidentId === null && incident !== null) {
        conversation = (await store.conversations.attachIncident(principal.accountId, conversation.id, incident.id)) ?? conversation;
      }

      const turns = await store.conversations.listTurns(principal.accountId, conversation.id, maxPriorTurns);
      return generator.generate(
        assistantFeature,
        {
          principal,
          trace,
          input: { question, conversationId: conversation.id, priorTurns: selectPriorTurns(turns) },
          incident,
          job: null,
          execution: null,
        },
        { incidentId: incident?.id ?? null, jobId: null, executionId: null },
        { stream: input.stream ?? false, variant: input.variant ?? null },
      );
    },
  };
}

function checkedQuestion(value: string): string {
  const question = value.trim();
  if (question.length === 0) throw badInput('question must not be empty.', 'question');
  if (question.length > maxQuestionLength) {
    throw badInput(`question is ${question.length} characters long; the limit is ${maxQuestionLength}.`, 'question');
  }
  return question;
}

function optionalId(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const id = value.trim();
  if (id.length === 0) throw badInput(`${field} must not be empty; leave it out instead.`, field);
  if (id.length > maxIdLength) throw badInput(`${field} is ${id.length} characters long; the limit is ${maxIdLength}.`, field);
  return id;
}
