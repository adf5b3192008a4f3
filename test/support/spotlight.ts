/** A fixed spotlight for prompt tests, and readers of what it fenced. */
import { spotlightFor, type Spotlight } from '../../src/guard/injection/spotlight.js';

export const testSpotlight: Spotlight = spotlightFor('UNTRUSTED_0123456789abcdef');

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fencePattern(marker: string): RegExp {
  return new RegExp(`<<${escapeRegExp(marker)}>>\\n([\\s\\S]*?)\\n<</${escapeRegExp(marker)}>>`, 'g');
}

/** The texts between the marker's fences of `content`, in order. */
export function fencedTexts(content: string, marker = testSpotlight.marker): string[] {
  return [...content.matchAll(fencePattern(marker))].map((match) => match[1]!);
}

/** `content` with every fenced block removed: what the model reads as instructions and headings. */
export function unfencedText(content: string, marker = testSpotlight.marker): string {
  return content.replace(fencePattern(marker), '');
}

/** The JSON value of the fenced block that follows `heading` in `content`. */
export function fencedJsonAfter(content: string, heading: string, marker = testSpotlight.marker): unknown {
  const at = content.indexOf(heading);
  if (at < 0) throw new Error(`no "${heading}" in the prompt`);
  const [first] = fencedTexts(content.slice(at), marker);
  if (first === undefined) throw new Error(`no fenced block after "${heading}"`);
  return JSON.parse(first);
}

/**
 * The marker of a request as a provider received it: the one the system prompt declares
 * (`Text between <<UNTRUSTED_…>> and …`).
 */
export function markerOf(messages: readonly { role: string; content: string }[]): string {
  const system = messages.find((message) => message.role === 'system')?.content ?? '';
  const match = /Text between <<(UNTRUSTED_[0-9a-f]{16})>>/.exec(system);
  if (!match) throw new Error('the system prompt declares no fence marker');
  return match[1]!;
}
