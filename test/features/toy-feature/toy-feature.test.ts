/**
 * A sixth feature built the way docs/features.md says: the files of this folder plus one
 * registration line (`[...featureModules, toyModule]` given to the app), nothing else: no
 * vocabulary file, no migration, no mock. End to end: the offline engine answers it through
 * its extractor, the draft is stored, read back through the stored-output reader, and queried
 * over GraphQL with the SDL of its folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureModules } from '../../../src/features/feature-modules.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { toyModule } from './module.js';
import { toyOutputSchema } from './output-schema.js';

const incident = sampleIncidents.find((candidate) => candidate.id === 'PDEMO01')!;

const toyDraftFields = `id kind state headline text unverifiedCount facts { text unverified citations { sourceType sourceId } } generation { provider degraded }`;

interface ToyDraftData {
  id: string;
  kind: string;
  state: string;
  headline: string | null;
  text: string;
  unverifiedCount: number;
  facts: { text: string; unverified: boolean; citations: { sourceType: string; sourceId: string }[] }[] | null;
  generation: { provider: string; degraded: boolean } | null;
}

describe('a toy sixth feature, registered with one line', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({}, { features: [...featureModules, toyModule] });
  }, 60_000);
  afterAll(async () => app?.close());

  it('is answered offline by its extractor, stored, read back and queried over GraphQL', async () => {
    const drafted = await app.graphql<{ draftToy: ToyDraftData }>(`mutation ($id: ID!) { draftToy(incidentId: $id) { ${toyDraftFields} } }`, { id: incident.id });
    expect(drafted.errors).toBeUndefined();
    const draft = drafted.data!.draftToy;
    expect(draft).toMatchObject({ kind: 'TOY', state: 'COMPLETE', headline: incident.title, unverifiedCount: 0, generation: { provider: 'extractive', degraded: true } });
    expect(draft.facts).toHaveLength(incident.notes.length);
    expect(draft.facts!.map((fact) => fact.citations[0]!.sourceId)).toEqual(incident.notes.map((note) => note.id));
    expect(draft.facts!.every((fact) => fact.unverified === false)).toBe(true);
    expect(draft.text).toContain(`## ${incident.title}`);

    // The stored row, read back through the module's stored-output reader: the flags survive.
    const [row] = await app.sql<{ output: Record<string, unknown>; kind: string }>('select output, kind from drafts where id = $1', [draft.id]);
    expect(row!.kind).toBe('TOY');
    const stored = toyModule.readOutput({ id: draft.id, output: row!.output });
    expect(stored?.facts.map((fact) => fact.unverified)).toEqual(incident.notes.map(() => false));
    expect(toyOutputSchema.parse(row!.output).facts.every((fact) => !('unverified' in fact))).toBe(true);

    const read = await app.graphql<{ draft: ToyDraftData }>(`query ($id: ID!) { draft(id: $id) { ... on ToyDraft { ${toyDraftFields} } } }`, { id: draft.id });
    expect(read.errors).toBeUndefined();
    expect(read.data!.draft).toEqual(draft);
  });

  it('answers a stored row that no longer parses with STORED_OUTPUT_INVALID', async () => {
    const drafted = await app.graphql<{ draftToy: { id: string } }>(`mutation ($id: ID!) { draftToy(incidentId: $id) { id } }`, { id: incident.id });
    const id = drafted.data!.draftToy.id;
    await app.sql(`update drafts set output = jsonb_set(output, '{facts}', '"not a list"') where id = $1`, [id]);
    const read = await app.graphql(`query ($id: ID!) { draft(id: $id) { ... on ToyDraft { headline } } }`, { id });
    expect(read.errors?.[0]?.extensions?.code).toBe('STORED_OUTPUT_INVALID');
  });

  it('keeps its root field behind the permission its module declares', async () => {
    const token = await app.tokenFor('demo', ['ai:read']);
    const refused = await app.graphql(`mutation ($id: ID!) { draftToy(incidentId: $id) { id } }`, { id: incident.id }, { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
