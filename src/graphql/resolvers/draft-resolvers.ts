import { badInput } from '../../errors/app-error.js';
import type { DraftKind, DraftRecord } from '../../store/types.js';
import type { Resolvers } from '../../generated/graphql.js';
import { requirePrincipal } from '../require-principal.js';

const typeOfKind: Record<DraftKind, 'StatusUpdateDraft' | 'PostmortemDraft' | 'RunbookJobDraft' | 'AutomationDigest' | 'AssistantAnswer'> = {
  STATUS_UPDATE: 'StatusUpdateDraft',
  POSTMORTEM: 'PostmortemDraft',
  RUNBOOK_JOB: 'RunbookJobDraft',
  AUTOMATION_DIGEST: 'AutomationDigest',
  ASSISTANT_ANSWER: 'AssistantAnswer',
};

/** A field of the structured output; null while the draft is streaming or failed. */
// The output's shape is the feature's zod schema, checked before it was stored; GraphQL
// validates the returned value against the field's type again.
const fromOutput =
  <T>(field: string) =>
  (draft: DraftRecord): T | null =>
    (draft.output?.[field] as T | undefined) ?? null;

const fromInput =
  <T>(field: string) =>
  (draft: DraftRecord): T =>
    draft.input[field] as T;

/** Fields every draft type shares (the Draft interface). */
const draftFields = {
  unverifiedCount: (draft: DraftRecord) => Number(draft.output?.unverifiedCount ?? 0),
  quarantinedInputs: (draft: DraftRecord) => (draft.output?.quarantined as { sourceType: 'NOTE' | 'ALERT' | 'LOG_ENTRY' | 'LOG_LINE'; sourceId: string; reason: string }[] | undefined) ?? [],
  feedback: (draft: DraftRecord, _: unknown, context: Parameters<typeof requirePrincipal>[0]) =>
    requirePrincipal(context).loaders.feedbackByDraft.load(draft.id),
};

export const draftResolvers: Resolvers = {
  Draft: {
    __resolveType: (draft) => typeOfKind[draft.kind],
  },
  StatusUpdateDraft: {
    ...draftFields,
    audience: fromInput('audience'),
    title: fromOutput('title'),
    phase: fromOutput('phase'),
    summary: fromOutput('summary'),
    impact: fromOutput('impact'),
    actions: fromOutput('actions'),
    nextUpdateMinutes: fromOutput('nextUpdateMinutes'),
    publication: (draft, _, context) => requirePrincipal(context).loaders.publicationByDraft.load(draft.id),
  },
  PostmortemDraft: { ...draftFields },
  RunbookJobDraft: { ...draftFields },
  AutomationDigest: {
    ...draftFields,
    jobId: (draft) => draft.jobId ?? '',
    executionId: (draft) => draft.executionId ?? '',
  },
  AssistantAnswer: {
    ...draftFields,
    question: fromInput('question'),
    conversationId: fromInput('conversationId'),
  },
  Statement: {
    unverified: (statement) => Boolean((statement as { unverified?: boolean }).unverified),
  },
  Incident: {
    __resolveReference: (reference) => ({ id: reference.id }),
    aiDrafts: (incident, { kind, first }, context) =>
      requirePrincipal(context).loaders.draftsByIncident.load({ id: incident.id, kind: kind ?? null, limit: checkedFirst(first) }),
  },
  RunbookJob: {
    __resolveReference: (reference) => ({ id: reference.id }),
    automationDigests: (job, { first }, context) =>
      requirePrincipal(context).loaders.digestsByJob.load({ id: job.id, kind: 'AUTOMATION_DIGEST', limit: checkedFirst(first) }),
  },
  Query: {
    draft: (_, { id }, context) => requirePrincipal(context).loaders.draft.load(id),
  },
};

/** Largest page of drafts one entity field returns. */
export const maxDraftsPerPage = 100;

function checkedFirst(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > maxDraftsPerPage) {
    throw badInput(`first must be between 0 and ${maxDraftsPerPage}.`, 'first');
  }
  return first;
}
