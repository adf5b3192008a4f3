/**
 * A shorter JSON Schema for the same output: what a prompt version sends to the model when its
 * system prompt says once what the schema's descriptions said field by field. The shape (types,
 * properties, required fields, enums, bounds, patterns) is the zod schema's, unchanged; only
 * descriptions go (but the ones a version keeps), and a sub-schema the output repeats (a
 * citation, a statement) is written once under `$defs` and referred to with a bare `$ref`, which
 * OpenAI's strict mode accepts ("definitions are supported"; no keyword beside `$ref`).
 * `default` and `minLength: 1` go too: no strict-mode provider applies a default, and the zod
 * schema, which validates every answer (structured-generation.ts), still refuses an empty
 * string, which the repair then asks again for.
 */
import type { z } from 'zod';
import { toProviderJsonSchema } from '../../llm/json-schema.js';
import type { StructuredOutputSpec } from '../../llm/types.js';

type JsonNode = Record<string, unknown>;

export interface CompactSchemaOptions {
  /**
   * Descriptions kept, by property path (property names joined with `.`, arrays and nullable
   * wrappers skipped: `steps.kind`, `rootCause.hypothesis`), with the text to send; every
   * other description is dropped.
   */
  descriptions?: Readonly<Record<string, string>>;
  /**
   * Sub-schemas written once under `$defs` by name, when the output uses them more than once
   * (compared after their descriptions are dropped, so a described use matches too).
   */
  definitions?: Readonly<Record<string, z.ZodType>>;
}

const isNode = (value: unknown): value is JsonNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The node with descriptions dropped (but `keep`'s, by path) at every depth. */
function withoutDescriptions(node: unknown, keep: Readonly<Record<string, string>>, path: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutDescriptions(item, keep, path));
  if (!isNode(node)) return node;
  const result: JsonNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'default' || (key === 'minLength' && value === 1)) continue;
    if (key === 'properties' && isNode(value)) {
      result.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, withoutDescriptions(property, keep, [...path, name])]));
    } else {
      result[key] = withoutDescriptions(value, keep, path);
    }
  }
  const kept = keep[path.join('.')];
  // Only on the property's own node (the one `properties` holds), not on its items or variants.
  if (kept !== undefined && isNode(node) && 'description' in node) result.description = kept;
  return result;
}

/** Replaces every node equal to `target` (serialized) with `replacement`; returns how many. */
function replaceEqual(node: unknown, target: string, replacement: JsonNode): { node: unknown; count: number } {
  if (Array.isArray(node)) {
    let count = 0;
    const items = node.map((item) => {
      const replaced = replaceEqual(item, target, replacement);
      count += replaced.count;
      return replaced.node;
    });
    return { node: items, count };
  }
  if (!isNode(node)) return { node, count: 0 };
  if (JSON.stringify(node) === target) return { node: replacement, count: 1 };
  let count = 0;
  const result: JsonNode = {};
  for (const [key, value] of Object.entries(node)) {
    const replaced = replaceEqual(value, target, replacement);
    count += replaced.count;
    result[key] = replaced.node;
  }
  return { node: result, count };
}

/** The schema with each repeated definition hoisted into `$defs` (largest first, so a statement's citation is hoisted inside it). */
function hoisted(schema: JsonNode, definitions: Readonly<Record<string, z.ZodType>>): JsonNode {
  const candidates = Object.entries(definitions)
    .map(([name, definition]) => ({ name, json: JSON.stringify(withoutDescriptions(toProviderJsonSchema(definition), {}, [])) }))
    .sort((a, b) => b.json.length - a.json.length);
  let root: unknown = schema;
  const defs: Record<string, unknown> = {};
  for (const { name, json } of candidates) {
    const reference = { $ref: `#/$defs/${name}` };
    const replaced = replaceEqual(root, json, reference);
    // A sub-schema used once stays where it is.
    if (replaced.count < 2) continue;
    root = replaced.node;
    defs[name] = JSON.parse(json) as unknown;
    for (const [other, body] of Object.entries(defs)) if (other !== name) defs[other] = replaceEqual(body, json, reference).node;
  }
  return Object.keys(defs).length === 0 ? (root as JsonNode) : { ...(root as JsonNode), $defs: defs };
}

/** The compact JSON Schema of `schema` (see the module comment). */
export function compactJsonSchema(schema: z.ZodType, options: CompactSchemaOptions = {}): JsonNode {
  const bare = withoutDescriptions(toProviderJsonSchema(schema), options.descriptions ?? {}, []) as JsonNode;
  return options.definitions ? hoisted(bare, options.definitions) : bare;
}

/** The structured-output spec with the compact schema (see output-spec.ts for the full one). */
export function compactOutputSpec(schema: z.ZodType, name: string, description: string, options: CompactSchemaOptions = {}): StructuredOutputSpec {
  return { name, description, jsonSchema: compactJsonSchema(schema, options) };
}
