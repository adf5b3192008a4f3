import { describe, expect, expectTypeOf, it } from 'vitest';
import { recordOf, type RowOf } from '../../src/store/row-mapping.js';

interface Sample {
  id: string;
  accountId: string;
  promptVersion: string | null;
  retainedRatio: number | null;
  guards: string[];
}

describe('row mapping', () => {
  it('derives the row type with snake_case names', () => {
    expectTypeOf<RowOf<Sample>>().toEqualTypeOf<{
      id: string;
      account_id: string;
      prompt_version: string | null;
      retained_ratio: number | null;
      guards: string[];
    }>();
  });

  it('turns a row into its record, values kept as they are', () => {
    const guards = ['redaction'];
    const record = recordOf<Sample>({ id: 'a', account_id: 'acme', prompt_version: null, retained_ratio: 0.5, guards });
    expect(record).toEqual({ id: 'a', accountId: 'acme', promptVersion: null, retainedRatio: 0.5, guards });
    expect(record.guards).toBe(guards);
  });
});
