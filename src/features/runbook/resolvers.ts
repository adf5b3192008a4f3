import type { CommandClass as GraphQLCommandClass, Resolvers, RunbookStep as GraphQLRunbookStep } from '../../generated/graphql.js';
import type { CommandClass } from '../../guard/command-policy.js';
import { requirePrincipal } from '../../graphql/require-principal.js';
import type { DraftRecord } from '../../store/types.js';
import type { FeatureResolverParts } from '../common/feature-module.js';
import type { StoredOutputReader } from '../common/stored-output.js';
import type { RunbookOutput } from './output-schema.js';
import { toRundeckJobYaml } from './rundeck-yaml.js';
import { reviewRunbook, type RunbookReview } from './safety-review.js';
import type { RunbookService } from './service.js';

/** A stored runbook draft with its safety review, computed once per record. */
interface RunbookView {
  output: RunbookOutput;
  review: RunbookReview;
}

/**
 * The stored runbook with its safety review, once per record. The review is derived, not
 * stored: it always reflects the current command policy.
 */
function runbookViews(readOutput: StoredOutputReader<RunbookOutput>): (draft: DraftRecord) => RunbookView | null {
  const views = new WeakMap<DraftRecord, RunbookView | null>();
  return (draft) => {
    const known = views.get(draft);
    if (known !== undefined) return known;
    const output = readOutput(draft);
    const view = output ? { output, review: reviewRunbook(output, requestOf(draft)) } : null;
    views.set(draft, view);
    return view;
  };
}

const requestOf = (draft: DraftRecord): string => (typeof draft.input.description === 'string' ? draft.input.description : '');

const graphQLClass: Record<CommandClass, GraphQLCommandClass> = {
  'read-only': 'READ_ONLY',
  'changes-state': 'CHANGES_STATE',
  destructive: 'DESTRUCTIVE',
};

function stepsOf(view: RunbookView): GraphQLRunbookStep[] {
  return view.output.steps.map((step, index) => {
    const review = view.review.steps[index]!;
    return {
      order: review.order,
      description: step.description,
      kind: step.kind === 'script' ? 'SCRIPT' : 'COMMAND',
      command: step.command,
      safety: { class: graphQLClass[review.safety.class], reasons: review.safety.reasons },
      beyondRequest: review.beyondRequest,
    };
  });
}

/** `generateRunbookJob`, `publishRunbookJob`, and the RunbookJobDraft fields read from the stored output. */
export function runbookResolvers({ service, readOutput }: FeatureResolverParts<RunbookOutput, RunbookService>): Resolvers {
  const viewOf = runbookViews(readOutput);
  return {
    Mutation: {
      generateRunbookJob: (_, { input }, context) => service.run(requirePrincipal(context).principal, input, context.trace),
      publishRunbookJob: (_, { input }, context) => context.services.runbookPublish.run(requirePrincipal(context).principal, input),
    },
    RunbookJobDraft: {
      request: (draft) => requestOf(draft),
      name: (draft) => viewOf(draft)?.output.name ?? null,
      jobDescription: (draft) => viewOf(draft)?.output.description ?? null,
      options: (draft) => viewOf(draft)?.output.options ?? null,
      steps: (draft) => {
        const view = viewOf(draft);
        return view ? stepsOf(view) : null;
      },
      nodeFilter: (draft) => viewOf(draft)?.output.nodeFilter ?? null,
      keepGoing: (draft) => viewOf(draft)?.output.keepGoing ?? null,
      requestedClass: (draft) => {
        const view = viewOf(draft);
        return view ? graphQLClass[view.review.requested.limit] : null;
      },
      rundeckYaml: (draft) => {
        const view = viewOf(draft);
        return view ? toRundeckJobYaml(view.output, { uuid: draft.id, request: requestOf(draft), review: view.review }) : null;
      },
      matched: (draft) => viewOf(draft)?.review.match.matched ?? false,
      requiresApproval: (draft) => viewOf(draft)?.review.requiresApproval ?? null,
      approvalReasons: (draft) => viewOf(draft)?.review.approvalReasons ?? null,
      rundeckJob: (draft, _, context) => context.services.runbookPublish.publishedJobOf(draft),
    },
  };
}
