import type { Resolvers } from '../../generated/graphql.js';
import { badInput } from '../../errors/app-error.js';
import { registeredFeature } from '../../store/draft-kinds.js';
import { requirePrincipal } from '../require-principal.js';

export const generationResolvers: Resolvers = {
  Subscription: {
    draftStream: {
      subscribe: async function* (_, { draftId }, context) {
        const { principal } = requirePrincipal(context);
        for await (const chunk of context.services.hub.subscribe(principal.accountId, draftId)) {
          yield { draftStream: chunk };
        }
      },
    },
  },
  Query: {
    llmUsage: async (_, { from, to }, context) => {
      const { principal } = requirePrincipal(context);
      if (Date.parse(from) > Date.parse(to)) throw badInput(`llmUsage: from (${from}) is after to (${to}); give the earlier instant first.`, 'from');
      const rows = await context.services.store.llmCalls.summarize(principal.accountId, from, to);
      return { accountId: principal.accountId, from, to, rows };
    },
    providerHealth: (_, __, context) => context.services.manager.health(),
    llmVariants: (_, { feature }, context) => {
      return context.services.manager.variants?.(registeredFeature(context.services.store.draftKinds, feature).name) ?? [];
    },
  },
  UsageReport: {
    calls: (report) => report.rows.reduce((total, row) => total + row.calls, 0),
    inputTokens: (report) => report.rows.reduce((total, row) => total + row.inputTokens, 0),
    outputTokens: (report) => report.rows.reduce((total, row) => total + row.outputTokens, 0),
    costUsd: (report) => report.rows.reduce((total, row) => total + row.costUsd, 0),
    breakdown: (report, { groupBy }, context) =>
      context.services.store.usageReports.breakdown(report.accountId, report.from, report.to, groupBy ?? ['DAY', 'FEATURE', 'PROVIDER', 'MODEL', 'PROMPT_VERSION']),
    guardHits: (report, _, context) => context.services.store.usageReports.guardHits(report.accountId, report.from, report.to),
    throttleRejections: (report, _, context) => context.services.store.usageReports.throttleRejections(report.accountId, report.from, report.to),
  },
  ProviderHealth: {
    circuit: (health) => health.circuit.toUpperCase() as 'CLOSED' | 'OPEN' | 'HALF_OPEN',
  },
};
