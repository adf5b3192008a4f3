import { badInput } from '../../errors/app-error.js';
import type { DraftKind, DraftRecord } from '../../store/types.js';
import type { Resolvers } from '../../generated/graphql.js';
import { readStoredEnvelope } from '../../features/common/stored-output.js';
import { citedRecords } from '../cited-records.js';
import { requirePrincipal } from '../require-principal.js';

/** Fields every draft type shares (the Draft interface). */
const draftFields = {
  unverifiedCount: (draft: DraftRecord) => readStoredEnvelope(draft).unverifiedCount,
  quarantinedInputs: (draft: DraftRecord) => readStoredEnvelope(draft).quarantined,
  feedback: (draft: DraftRecord, _: unknown, context: Parameters<typeof requirePrincipal>[0]) =>
    requirePrincipal(context).loaders.feedbackByDraft.load(draft.id),
  citedRecords: (draft: DraftRecord, _: unknown, context: Parameters<typeof requirePrincipal>[0]) =>
    citedRecords(draft, requirePrincipal(context).principal.accountId, context.services.incidents, context.trace?.context),
};

/** What the draft resolvers know of a feature: which GraphQL type its drafts are. */
export interface DraftTypeOfKind {
  kind: DraftKind;
  draftType: string;
}

/**
 * The `Draft` interface's type resolution and shared fields, for the draft type of every given
 * feature. A feature's own fields are in its resolvers.
 */
export function draftTypeResolvers(features: readonly DraftTypeOfKind[]): Record<string, object> {
  const typeOfKind = new Map(features.map((feature) => [feature.kind, feature.draftType]));
  return {
    Draft: { __resolveType: (draft: DraftRecord) => typeOfKind.get(draft.kind) ?? null },
    ...Object.fromEntries(features.map((feature) => [feature.draftType, draftFields])),
  };
}

/** Drafts by id and by entity, and the types every feature shares. */
export const draftResolvers: Resolvers = {
  Statement: {
    unverified: (statement) => Boolean(statement.unverified),
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
