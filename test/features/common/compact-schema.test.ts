import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compactJsonSchema } from '../../../src/features/common/compact-schema.js';
import { citationSchema, statementSchema } from '../../../src/features/common/citation.js';
import { automationDigestCompactOutputSpec, automationDigestOutputSpec } from '../../../src/features/automation-digest/output-schema.js';
import { postmortemCompactOutputSpec, postmortemOutputSpec } from '../../../src/features/postmortem/output-schema.js';
import { runbookCompactOutputSpec, runbookOutputSpec } from '../../../src/features/runbook/output-schema.js';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema with every local `$ref` replaced by its definition and `$defs` removed. */
function inlined(node: unknown, root: Node): unknown {
  if (Array.isArray(node)) return node.map((item) => inlined(item, root));
  if (!isNode(node)) return node;
  if (typeof node.$ref === 'string') return inlined((root.$defs as Node)[node.$ref.replace('#/$defs/', '')], root);
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== '$defs').map(([key, value]) => [key, inlined(value, root)]));
}

/** The full schema without what the compact one leaves out (descriptions, defaults, `minLength: 1`). */
function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (!isNode(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => key !== 'description' && key !== 'default' && !(key === 'minLength' && value === 1))
      .map(([key, value]) => [key, key === 'properties' && isNode(value) ? Object.fromEntries(Object.entries(value).map(([name, property]) => [name, withoutAnnotations(property)])) : withoutAnnotations(value)]),
  );
}

/** Every schema node, with the keys it sits under. */
function* nodes(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const item of node) yield* nodes(item);
  if (!isNode(node)) return;
  yield node;
  for (const value of Object.values(node)) yield* nodes(value);
}

const pairs = [
  ['runbook', runbookOutputSpec, runbookCompactOutputSpec],
  ['automation digest', automationDigestOutputSpec, automationDigestCompactOutputSpec],
  ['postmortem', postmortemOutputSpec, postmortemCompactOutputSpec],
] as const;

describe('compact output schemas (the */v3 prompts)', () => {
  it.each(pairs)('%s: the same shape as the full schema, without descriptions', (_name, full, compact) => {
    expect(inlined(compact.jsonSchema, compact.jsonSchema)).toEqual(withoutAnnotations(full.jsonSchema));
    // A field may be named description (the runbook's); no node carries one.
    expect(JSON.stringify(compact.jsonSchema)).not.toMatch(/"description":"/);
    expect(compact.name).toBe(full.name);
    expect(JSON.stringify(compact.jsonSchema).length).toBeLessThan(JSON.stringify(full.jsonSchema).length * 0.6);
  });

  it.each(pairs)('%s: follows OpenAI strict mode (closed objects, every property required, a bare $ref, $defs at the root)', (_name, _full, compact) => {
    const schema = compact.jsonSchema;
    expect(schema.type).toBe('object');
    for (const node of nodes(schema)) {
      if (node.type === 'object') {
        expect(node.additionalProperties).toBe(false);
        expect(node.required).toEqual(Object.keys(node.properties as Node));
      }
      if ('$ref' in node) expect(Object.keys(node)).toEqual(['$ref']);
      if (node !== schema) expect(node).not.toHaveProperty('$defs');
    }
  });

  it('writes a repeated sub-schema once, a statement holding a reference to the citation', () => {
    const schema = postmortemCompactOutputSpec.jsonSchema as Node & { $defs: Node; properties: Node };
    expect(Object.keys(schema.$defs).sort()).toEqual(['citation', 'statement']);
    expect(schema.properties.summary).toEqual({ $ref: '#/$defs/statement' });
    expect(JSON.stringify(schema.$defs.statement)).toContain('{"$ref":"#/$defs/citation"}');
    expect(JSON.stringify(schema).match(/"sourceType":/g)).toHaveLength(1);
  });

  it('leaves a sub-schema used once where it is, and keeps the descriptions it is told to', () => {
    const schema = z.object({
      headline: statementSchema.describe('dropped'),
      kind: z.enum(['a', 'b']).describe('a: one thing; b: another'),
      sources: z.array(citationSchema).describe('dropped too'),
    });
    const compact = compactJsonSchema(schema, { descriptions: { kind: 'a or b' }, definitions: { citation: citationSchema, statement: statementSchema } }) as Node & { properties: Node };
    // The citation appears twice (in the statement and in sources); the statement once.
    expect(Object.keys(compact.$defs as Node)).toEqual(['citation']);
    expect(compact.properties.kind).toEqual({ type: 'string', enum: ['a', 'b'], description: 'a or b' });
    expect(compact.properties.sources).toEqual({ type: 'array', items: { $ref: '#/$defs/citation' } });
    expect(JSON.stringify(compact)).not.toContain('dropped');
  });
});
