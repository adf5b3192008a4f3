/**
 * Prompt versions that exist only for evaluation. `status-update/v0-bad` is a deliberately
 * worse prompt: no citation rules, no audience rules, no warning that the incident data is
 * data. It is the known-bad variant the regression gate must catch; never route traffic to it.
 */
import type { ChatMessage } from '../../../llm/types.js';
import type { FeatureContext } from '../../common/feature.js';
import { incidentPromptData } from '../../common/incident-prompt-json.js';
import type { StatusUpdateInput } from '../prompt.js';

/** Eval-only prompt builders by version. */
export const evalOnlyStatusUpdatePrompts = {
  'status-update/v0-bad': (context: FeatureContext<StatusUpdateInput>): ChatMessage[] => {
    const { input, incident } = context;
    if (!incident) throw new Error('status update prompt needs an incident');
    return [
      { role: 'system', content: 'Write a short status update about this incident. Answer with a single JSON value that follows the given schema.' },
      {
        role: 'user',
        content: [`Audience: ${input.audience}`, input.guidance ? `Guidance: ${input.guidance}` : '', `Incident: ${JSON.stringify(incidentPromptData(incident))}`]
          .filter(Boolean)
          .join('\n\n'),
      },
    ];
  },
} as const;
