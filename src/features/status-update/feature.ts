import type { Feature } from '../common/feature.js';
import { incidentSourceIds } from '../common/incident-prompt-data.js';
import { statusUpdateOutputSchema, statusUpdateOutputSpec, type StatusUpdateOutput } from './output-schema.js';
import { currentStatusUpdatePrompt, statusUpdatePrompts, type StatusUpdateInput } from './prompt.js';
import { renderStatusUpdate } from './render.js';

/** The status update feature: an incident and an audience in, a cited update out. */
export const statusUpdateFeature: Feature<StatusUpdateInput, StatusUpdateOutput> = {
  name: 'statusUpdate',
  kind: 'STATUS_UPDATE',
  promptVersion: currentStatusUpdatePrompt,
  outputSchema: statusUpdateOutputSchema,
  outputSpec: statusUpdateOutputSpec,
  maxOutputTokens: 1_200,
  temperature: 0.2,
  buildPrompt: (context) => statusUpdatePrompts[currentStatusUpdatePrompt](context),
  grounding: (context) => ({
    ...(context.incident && { incident: context.incident }),
    input: { audience: context.input.audience, guidance: context.input.guidance },
  }),
  sourceIds: (context) => (context.incident ? incidentSourceIds(context.incident) : new Map()),
  render: (output) => renderStatusUpdate(output),
};
