/**
 * Reading a draft's stored output back. The draft generator stores the validated output with
 * an `unverified` flag on every object that has `citations` (common/citation-check.ts), plus
 * `unverifiedCount` and `quarantined` beside it; under zero retention only
 * `{ retained: false, unverifiedCount }`. A reader parses the row with a schema derived from the
 * feature's output schema that declares those flags, so nothing is cast and nothing is lost.
 */
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { formatZodIssues } from '../../errors/zod-issues.js';
import type { DraftRecord } from '../../store/types.js';
import { sourceTypes } from './citation.js';

/** An output as stored: every object with `citations` also carries the citation check's flag. */
export type Marked<T> = T extends readonly (infer Item)[]
  ? Marked<Item>[]
  : T extends object
    ? { [Key in keyof T]: Marked<T[Key]> } & (T extends { citations: unknown } ? { unverified?: boolean } : unknown)
    : T;

/**
 * The stored-output schema of an output schema: the same schema (checks, enums, defaults
 * kept) where every object with a `citations` field also accepts `unverified: boolean`.
 */
export function storedOutputSchemaOf<Output>(outputSchema: z.ZodType<Output>): z.ZodType<Marked<Output>> {
  // The walk rebuilds the schema node by node; its static type is what Marked<Output> says.
  return withCitationFlags(outputSchema) as z.ZodType<Marked<Output>>;
}

function withCitationFlags(schema: z.core.$ZodType): z.core.$ZodType {
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.core.$ZodType> = {};
    for (const [key, field] of Object.entries(schema.shape)) shape[key] = withCitationFlags(field);
    if ('citations' in shape) shape.unverified = z.boolean().optional();
    return schema.clone({ ...schema._zod.def, shape });
  }
  if (schema instanceof z.ZodArray) return schema.clone({ ...schema._zod.def, element: withCitationFlags(schema.element) });
  // A wrapper's clone keeps its own settings (a default's value) around the walked inner type.
  if (schema instanceof z.ZodNullable) return schema.clone({ ...schema._zod.def, innerType: withCitationFlags(schema.unwrap()) });
  if (schema instanceof z.ZodOptional) return schema.clone({ ...schema._zod.def, innerType: withCitationFlags(schema.unwrap()) });
  if (schema instanceof z.ZodDefault) return schema.clone({ ...schema._zod.def, innerType: withCitationFlags(schema.unwrap()) });
  return schema;
}

/** What a stored-output reader needs of a feature: its name and its stored-output schema. */
export interface StoredOutputSource<Output> {
  name: string;
  storedOutputSchema: z.ZodType<Marked<Output>>;
}

/** A stored draft whose output does not parse with its feature's schema. */
export class StoredOutputError extends AppError {
  constructor(draftId: string, feature: string, problems: readonly string[]) {
    super(ErrorCode.STORED_OUTPUT_INVALID, `The stored output of draft "${draftId}" does not match the ${feature} schema.`, {
      extensions: { draftId },
      cause: problems.join('; '),
    });
    this.name = 'StoredOutputError';
  }
}

/** Reads one feature's stored outputs; see {@link storedOutputReader}. */
export type StoredOutputReader<Output> = (draft: Pick<DraftRecord, 'id' | 'output'>) => Marked<Output> | null;

/**
 * A reader of the feature's stored outputs: the draft's output parsed with the feature's
 * stored-output schema; null while the draft is STREAMING or FAILED, and when the account's
 * data policy kept no text. Each record is parsed once (every GraphQL field of a draft reads
 * it). Throws {@link StoredOutputError} when the row does not parse.
 */
export function storedOutputReader<Output>(source: StoredOutputSource<Output>): StoredOutputReader<Output> {
  const parsed = new WeakMap<Pick<DraftRecord, 'id' | 'output'>, Marked<Output>>();
  return (draft) => {
    if (!draft.output || draft.output.retained === false) return null;
    const known = parsed.get(draft);
    if (known !== undefined) return known;
    const result = source.storedOutputSchema.safeParse(draft.output);
    if (!result.success) throw new StoredOutputError(draft.id, source.name, formatZodIssues(result.error.issues));
    parsed.set(draft, result.data);
    return result.data;
  };
}

/** A stored statement (or other cited object) as GraphQL shows it: `unverified` always set. */
export function withUnverifiedFlag<T extends { unverified?: boolean }>(item: T): T & { unverified: boolean };
export function withUnverifiedFlag<T extends { unverified?: boolean }>(item: T | null | undefined): (T & { unverified: boolean }) | null;
export function withUnverifiedFlag<T extends { unverified?: boolean }>(item: T | null | undefined): (T & { unverified: boolean }) | null {
  return item ? { ...item, unverified: item.unverified ?? false } : null;
}

/** What the draft generator stores beside every output (and alone under zero retention). */
const storedEnvelopeSchema = z.object({
  unverifiedCount: z.number().int().min(0).catch(0),
  quarantined: z.array(z.object({ sourceType: z.enum(sourceTypes), sourceId: z.string(), reason: z.string() })).catch([]),
});
export type StoredEnvelope = z.infer<typeof storedEnvelopeSchema>;

const emptyEnvelope: StoredEnvelope = { unverifiedCount: 0, quarantined: [] };

/** The draft's unverified count and quarantined inputs; zero and none until it is COMPLETE. */
export function readStoredEnvelope(draft: DraftRecord): StoredEnvelope {
  return draft.output ? storedEnvelopeSchema.parse(draft.output) : emptyEnvelope;
}
