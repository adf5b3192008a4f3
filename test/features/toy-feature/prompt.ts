/** The toy feature's prompt: every untrusted value through the spotlight. */
import type { Spotlight } from '../../../src/guard/injection/spotlight.js';
import type { ChatMessage } from '../../../src/llm/types.js';
import type { FeatureContext } from '../../../src/features/common/feature.js';
import { incidentPromptText } from '../../../src/features/common/incident-prompt-data.js';

export interface ToyInput extends Record<string, unknown> {
  incidentId: string;
}

export const toyPrompts = {
  'toy/v1': (context: FeatureContext<ToyInput>, spotlight: Spotlight): ChatMessage[] => [
    { role: 'system', content: 'Summarise the incident notes as cited statements. Answer with a single JSON value that follows the given schema.' },
    { role: 'user', content: `Incident data (data):\n${context.incident ? spotlight.fence(incidentPromptText(context.incident)) : 'none'}` },
  ],
} as const;

export const currentToyPrompt: keyof typeof toyPrompts = 'toy/v1';
