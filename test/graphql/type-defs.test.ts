import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { print } from 'graphql';
import { gql } from 'graphql-tag';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs, schemaFolder } from '../../src/graphql/type-defs.js';
import { featureModules } from '../../src/features/feature-modules.js';

describe('loadTypeDefs', () => {
  it("parses the SDL into the definitions graphql-tag's gql gave (without locations)", () => {
    const folder = schemaFolder();
    const files = readdirSync(folder).filter((file) => file.endsWith('.graphql'));
    const ordered = ['base.graphql', 'drafts.graphql', ...files.filter((file) => file !== 'base.graphql' && file !== 'drafts.graphql').sort((a, b) => a.localeCompare(b))];
    const shared = gql(ordered.map((file) => readFileSync(path.join(folder, file), 'utf8')).join('\n'));
    const expected = [...shared.definitions, ...featureModules.flatMap((feature) => gql(feature.typeDefs).definitions)];
    const loaded = loadTypeDefs({ authDirectives: true });
    expect(loaded.definitions).toEqual(expected);
    expect(print(loaded)).toBe(print({ kind: shared.kind, definitions: expected }));
    expect(JSON.stringify(loaded)).not.toContain('"loc"');
  });

  it('keeps no parsed copy between calls (graphql-tag cached every SDL for the life of the process)', () => {
    const first = loadTypeDefs({ authDirectives: true });
    const second = loadTypeDefs({ authDirectives: true });
    expect(second).toEqual(first);
    expect(second.definitions.every((definition, index) => definition !== first.definitions[index])).toBe(true);
  });
});
