/**
 * Turns a published edit into a labelled case for review: what a responder kept and what
 * they removed are labels. Specifics (hosts, services, numbers, times, names) the published
 * text states and the input supports become `mustState`; specifics of the draft that the
 * responder removed become `mustNotState` (an internal hostname deleted before publishing
 * is exactly what the next draft must not contain). A person reviews every harvested case
 * before it joins a dataset.
 */
import type { FeatureName } from '../llm/types.js';
import type { PublishedFeedbackRecord } from '../store/eval-repository.js';
import type { CaseData } from './case-data.js';
import type { EvalCaseInput } from './cases.js';
import { sourceTextOf } from './metrics/common.js';
import { findNonPublicText } from '../guard/public-text.js';
import { peopleOf } from './metrics/forbidden-content.js';
import { extractEntities, isSupported, supportIndex } from './metrics/hallucination.js';
import { containsPhrase } from './metrics/normalize.js';

/** Most labels of each kind a harvested case gets; more is noise for the reviewer. */
export const maxHarvestedLabels = 8;

/** Why a published edit was not harvested. */
export type HarvestSkip = 'private-incident' | 'missing-data' | 'empty-text';

/** The case of a published edit, or why there is none. */
export function harvestCase(feature: FeatureName, record: PublishedFeedbackRecord, data: CaseData): { case: EvalCaseInput } | { skipped: HarvestSkip } {
  const { draft, feedback } = record;
  const published = feedback.publishedText ?? '';
  if (published.trim().length === 0) return { skipped: 'empty-text' };
  // A private incident's text must not leave for external AI providers, and a dataset is run against them.
  if (data.incident?.private) return { skipped: 'private-incident' };
  if (!data.incident && !data.execution && (feature === 'statusUpdate' || feature === 'postmortem' || feature === 'automationDigest')) return { skipped: 'missing-data' };

  const support = supportIndex(sourceTextOf(data, draft.input));
  const unique = (items: string[]): string[] => [...new Map(items.map((item) => [item.toLowerCase(), item])).values()];
  const kept = unique(extractEntities(published).filter((entity) => isSupported(entity, support) && entity.kind !== 'number').map((entity) => entity.text)).slice(0, maxHarvestedLabels);

  const removedEntities = extractEntities(draft.text).map((entity) => entity.text).filter((text) => !containsPhrase(published, text));
  const removedNonPublic =
    draft.input.audience === 'PUBLIC' ? findNonPublicText(draft.text, { names: peopleOf(data.incident) }).map((match) => match.text).filter((text) => !containsPhrase(published, text)) : [];
  const removed = unique([...removedNonPublic, ...removedEntities]).slice(0, maxHarvestedLabels);

  const audience = typeof draft.input.audience === 'string' ? [draft.input.audience.toLowerCase()] : [];
  return {
    case: {
      id: `hv-${feedback.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'case'}`,
      feature,
      title: `Published edit of draft ${draft.id} (${feedback.rating}, retained ${feedback.retainedRatio === null ? 'n/a' : `${Math.round(feedback.retainedRatio * 100)}%`})`,
      tags: ['harvested', 'review-pending', ...audience],
      data,
      input: draft.input,
      expected: { mustState: kept, mustNotState: removed },
      reference: published,
      source: {
        draftId: draft.id,
        feedbackId: feedback.id,
        accountId: feedback.accountId,
        retainedRatio: feedback.retainedRatio,
        provider: draft.generation?.provider ?? null,
        model: draft.generation?.model ?? null,
        promptVersion: draft.generation?.promptVersion ?? null,
        review: 'pending',
      },
    },
  };
}
