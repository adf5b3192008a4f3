import { z } from 'zod';

const safeIntegerBound = Number.MAX_SAFE_INTEGER;

/**
 * The JSON Schema sent to providers for structured output, derived from a feature's zod
 * schema so the two never disagree. Shaped for OpenAI strict mode (every property
 * required, no additional properties; nullable fields instead of optional ones), which
 * Bedrock's tool input schemas accept as well.
 */
export function toProviderJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  delete jsonSchema.$schema;
  return stripSafeIntegerBounds(jsonSchema) as Record<string, unknown>;
}

// zod writes JavaScript's safe-integer range on every int; strict mode providers reject or
// choke on such bounds, and they say nothing useful.
function stripSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSafeIntegerBounds);
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'minimum' && value === -safeIntegerBound) || (key === 'maximum' && value === safeIntegerBound)) continue;
    result[key] = stripSafeIntegerBounds(value);
  }
  return result;
}
