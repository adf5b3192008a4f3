/**
 * The prompt-version part of an evaluation suite: the versions a variant may name and the
 * builder of each, with a clear error for a version that does not exist.
 */
import type { FeatureContext } from '../features/common/feature.js';
import type { Spotlight } from '../guard/injection/spotlight.js';
import type { ChatMessage } from '../llm/types.js';

/** A prompt builder of one version. */
export type PromptBuilder<Input> = (context: FeatureContext<Input>, spotlight: Spotlight) => ChatMessage[];

/** `promptVersions` and `buildPrompt` of a suite whose builders take the context and the spotlight. */
export function versionedPrompts<Input>(
  feature: string,
  builders: Readonly<Record<string, PromptBuilder<Input>>>,
): { promptVersions: readonly string[]; buildPrompt(version: string, context: FeatureContext<Input>, spotlight: Spotlight): ChatMessage[] } {
  return {
    promptVersions: Object.keys(builders),
    buildPrompt(version, context, spotlight) {
      const builder = builders[version];
      if (!builder) throw new Error(`${feature} has no prompt version "${version}" (known: ${Object.keys(builders).join(', ')})`);
      return builder(context, spotlight);
    },
  };
}
