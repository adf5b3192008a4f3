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

/**
 * The schema with every local `$ref` (`#/$defs/<name>`) replaced by its definition and `$defs`
 * removed: for providers whose tool schemas take no definitions (Amazon Nova on Bedrock accepts
 * only `type`, `properties` and `required` at the top level). Made once per schema object.
 */
export function withoutDefinitions(schema: Record<string, unknown>): Record<string, unknown> {
  const definitions = schema.$defs as Record<string, unknown> | undefined;
  if (definitions === undefined) return schema;
  let inlined = inlinedSchemas.get(schema);
  if (!inlined) {
    const { $defs: _definitions, ...rest } = schema;
    inlined = inlineReferences(rest, definitions, []) as Record<string, unknown>;
    inlinedSchemas.set(schema, inlined);
  }
  return inlined;
}

const inlinedSchemas = new WeakMap<Record<string, unknown>, Record<string, unknown>>();

function inlineReferences(node: unknown, definitions: Record<string, unknown>, seen: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineReferences(item, definitions, seen));
  if (node === null || typeof node !== 'object') return node;
  const reference = (node as { $ref?: unknown }).$ref;
  if (typeof reference === 'string' && reference.startsWith('#/$defs/')) {
    const name = reference.slice('#/$defs/'.length);
    // A recursive definition cannot be inlined; our output schemas have none.
    if (seen.includes(name) || !(name in definitions)) throw new Error(`cannot inline schema reference ${reference}`);
    return inlineReferences(definitions[name], definitions, [...seen, name]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlineReferences(value, definitions, seen)]));
}
