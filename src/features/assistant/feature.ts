import type { Feature } from '../common/feature.js';
import { incidentSourceIds } from '../common/incident-prompt-data.js';
import { assistantOutputSchema, assistantOutputSpec, type AssistantOutput } from './output-schema.js';
import { assistantPrompts, currentAssistantPrompt, type AssistantInput } from './prompt.js';
import { renderAssistantAnswer } from './render.js';

/** The assistant feature: a question about an incident in, a cited answer (or "not in the data") out. */
export const assistantFeature: Feature<AssistantInput, AssistantOutput> = {
  name: 'assistant',
  kind: 'ASSISTANT_ANSWER',
  freeTextInput: ['question', 'priorTurns'],
  promptVersion: currentAssistantPrompt,
  outputSchema: assistantOutputSchema,
  outputSpec: assistantOutputSpec,
  maxOutputTokens: 1_000,
  temperature: 0.1,
  buildPrompt: (context, spotlight) => assistantPrompts[currentAssistantPrompt](context, spotlight),
  grounding: (context) => ({
    ...(context.incident && { incident: context.incident }),
    input: { question: context.input.question, priorQuestions: context.input.priorTurns.map((turn) => turn.question) },
  }),
  sourceIds: (context) => (context.incident ? incidentSourceIds(context.incident) : new Map()),
  check: (output) => answerProblems(output),
  render: (output) => renderAssistantAnswer(output),
};

/** What a schema-valid answer may still get wrong: an answer without statements, a refusal without its reason. */
export function answerProblems(output: AssistantOutput): string[] {
  const problems: string[] = [];
  if (output.answered && output.statements.length === 0) problems.push('answered is true but statements is empty: answer with cited statements, or set answered to false');
  if (!output.answered && !output.missing?.trim()) problems.push('answered is false but missing is empty: say what the incident data does not hold');
  return problems;
}
