/**
 * A value as a fenced data block of a prompt: JSON inside `<tag>…</tag>`, with the
 * characters that could open or close a tag escaped (still valid JSON, the same value), so
 * no text in the incident can end its block and pose as instructions.
 */
export function dataBlock(tag: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<${tag}>\n${json}\n</${tag}>`;
}
