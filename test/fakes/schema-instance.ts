/**
 * Builds a small value that is valid against a JSON Schema, so the fake providers can answer
 * a structured-output request like a real model that follows the schema. Handles the subset
 * our output schemas use: object, array, string (enum, minLength), number/integer (bounds),
 * boolean, null, anyOf/oneOf, type arrays, const and local $ref.
 */
type Schema = Record<string, unknown>;

export function schemaInstance(schema: Schema, root: Schema = schema, path = 'value'): unknown {
  if ('const' in schema) return schema.const;
  if (typeof schema.$ref === 'string') return schemaInstance(resolveRef(root, schema.$ref), root, path);
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants) {
    const preferred = variants.find((variant) => variant.type !== 'null') ?? variants[0]!;
    return schemaInstance(preferred, root, path);
  }
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(properties)) {
        result[key] = schemaInstance(property, root, `${path}.${key}`);
      }
      return result;
    }
    case 'array': {
      const count = Math.max(1, Number(schema.minItems ?? 1));
      const items = (schema.items ?? {}) as Schema;
      return Array.from({ length: count }, (_, index) => schemaInstance(items, root, `${path}[${index}]`));
    }
    case 'string': {
      const text = `fake ${path}`;
      const minLength = Number(schema.minLength ?? 0);
      return text.length >= minLength ? text : text.padEnd(minLength, '.');
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return null;
  }
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`schema-instance: only local refs are supported, got ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  return node as Schema;
}
