import type { z } from 'zod';
import { toProviderJsonSchema } from '../../llm/json-schema.js';
import type { StructuredOutputSpec } from '../../llm/types.js';

/** The structured-output spec providers receive for an output schema (see llm/json-schema.ts). */
export function structuredOutputSpec(schema: z.ZodType, name: string, description: string): StructuredOutputSpec {
  return { name, description, jsonSchema: toProviderJsonSchema(schema) };
}
