/**
 * submitDraftFeedback over HTTP: explicit ratings, the implicit retainedRatio, Draft.feedback,
 * the limits and the access rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const submit = /* GraphQL */ `
  mutation Feedback($input: DraftFeedbackInput!) {
    submitDraftFeedback(input: $input) { id draftId rating publishedText comment retainedRatio createdAt }
  }
`;

interface Feedback {
  id: string;
  draftId: string;
  rating: 'UP' | 'DOWN';
  publishedText: string | null;
  comment: string | null;
  retainedRatio: number | null;
  createdAt: string;
}

let service: TestApp;
let digest: { id: string; text: string };
beforeAll(async () => {
  service = await startTestApp();
  const created = await service.graphql<{ digestJobExecution: { id: string; text: string } }>(
    `mutation { digestJobExecution(input: { jobId: "RJDEMO01", executionId: "EXDEMO02" }) { id text } }`,
  );
  expect(created.errors).toBeUndefined();
  digest = created.data!.digestJobExecution;
});
afterAll(() => service?.close());

async function feedback(input: Record<string, unknown>, token?: string) {
  return service.graphql<{ submitDraftFeedback: Feedback }>(submit, { input }, token === undefined ? {} : { token });
}

async function stored(draftId: string): Promise<Feedback[]> {
  const result = await service.graphql<{ draft: { feedback: Feedback[] } }>(
    `query($id: ID!) { draft(id: $id) { feedback { id draftId rating publishedText comment retainedRatio createdAt } } }`,
    { id: draftId },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.draft.feedback;
}

describe('submitDraftFeedback', () => {
  it('stores UP and DOWN, returned by Draft.feedback in the order given', async () => {
    const up = await feedback({ draftId: digest.id, rating: 'UP', comment: 'Spot on: it was PgBouncer.' });
    expect(up.errors).toBeUndefined();
    expect(up.data!.submitDraftFeedback).toMatchObject({ draftId: digest.id, rating: 'UP', comment: 'Spot on: it was PgBouncer.', publishedText: null, retainedRatio: null });
    expect(Date.parse(up.data!.submitDraftFeedback.createdAt)).not.toBeNaN();
    const down = await feedback({ draftId: digest.id, rating: 'DOWN' });
    expect(down.data!.submitDraftFeedback).toMatchObject({ rating: 'DOWN', comment: null });

    const list = await stored(digest.id);
    expect(list.map((item) => item.id)).toEqual([up.data!.submitDraftFeedback.id, down.data!.submitDraftFeedback.id]);
    expect(list[0]).toEqual(up.data!.submitDraftFeedback);
  });

  it('retainedRatio is 1 for the draft published unchanged and lower for an edited one', async () => {
    const unchanged = await feedback({ draftId: digest.id, rating: 'UP', publishedText: digest.text });
    expect(unchanged.data!.submitDraftFeedback.retainedRatio).toBe(1);

    const edited = digest.text.replace(/\*\*Next steps:\*\*[\s\S]*$/, 'We will page the database team.');
    const partly = await feedback({ draftId: digest.id, rating: 'DOWN', publishedText: edited });
    const ratio = partly.data!.submitDraftFeedback.retainedRatio!;
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThan(1);
    expect(partly.data!.submitDraftFeedback.publishedText).toBe(edited);

    expect((await stored(digest.id)).map((item) => item.retainedRatio)).toEqual(expect.arrayContaining([1, ratio]));
  });

  it('is written before the mutation answers, and can be reported per feature, provider, model and prompt version', async () => {
    const result = await feedback({ draftId: digest.id, rating: 'UP', publishedText: digest.text });
    const id = result.data!.submitDraftFeedback.id;
    const rows = await service.sql<{ kind: string; provider: string; model: string; prompt_version: string; rating: string; retained_ratio: number }>(
      `select d.kind, d.generation->>'provider' as provider, d.generation->>'model' as model, d.generation->>'promptVersion' as prompt_version,
              f.rating, f.retained_ratio
         from draft_feedback f join drafts d on d.id = f.draft_id and d.account_id = f.account_id
        where f.id = $1`,
      [id],
    );
    expect(rows).toEqual([{ kind: 'AUTOMATION_DIGEST', provider: 'extractive', model: 'extractive', prompt_version: 'automation-digest/v3', rating: 'UP', retained_ratio: 1 }]);
  });
});

describe('submitDraftFeedback limits and access', () => {
  it('BAD_USER_INPUT for a comment over 2,000 characters or a published text over 50,000', async () => {
    expect((await feedback({ draftId: digest.id, rating: 'UP', comment: 'x'.repeat(2_001) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await feedback({ draftId: digest.id, rating: 'UP', publishedText: 'word '.repeat(10_001) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const atLimits = await feedback({ draftId: digest.id, rating: 'UP', comment: 'x'.repeat(2_000), publishedText: 'y'.repeat(50_000) });
    expect(atLimits.errors).toBeUndefined();
    expect(atLimits.data!.submitDraftFeedback.retainedRatio).toBe(0);
  });

  it('BAD_USER_INPUT for a rating outside UP and DOWN', async () => {
    const result = await feedback({ draftId: digest.id, rating: 'MEH' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("NOT_FOUND for an unknown draft and for another account's draft", async () => {
    expect((await feedback({ draftId: 'no-such-draft', rating: 'UP' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stranger = await service.tokenFor('other-account', ['ai:read', 'ai:write']);
    expect((await feedback({ draftId: digest.id, rating: 'DOWN' }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rows = await service.sql<{ count: string }>(`select count(*) from draft_feedback where account_id = 'other-account'`);
    expect(rows[0]!.count).toBe('0');
  });

  it('BAD_USER_INPUT for a draft that is not COMPLETE', async () => {
    for (const state of ['STREAMING', 'FAILED']) {
      const id = `feedback-test-${state.toLowerCase()}`;
      await service.sql(
        `insert into drafts (id, account_id, user_id, kind, state, input, text, created_at, updated_at)
         values ($1, 'demo', 'demo-user', 'AUTOMATION_DIGEST', $2, '{}', '', now(), now())`,
        [id, state],
      );
      const result = await feedback({ draftId: id, rating: 'UP' });
      expect(result.errors?.[0]?.extensions?.code, state).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(state);
    }
  });

  it('keeps neither the published text, the comment nor a ratio for a draft stored under zero retention (the rating is kept)', async () => {
    const id = 'feedback-test-zero-retention';
    await service.sql(
      `insert into drafts (id, account_id, user_id, kind, state, input, output, text, created_at, updated_at)
       values ($1, 'demo', 'demo-user', 'AUTOMATION_DIGEST', 'COMPLETE', '{}', '{"retained": false, "unverifiedCount": 0}', '', now(), now())`,
      [id],
    );
    const result = await feedback({ draftId: id, rating: 'DOWN', publishedText: 'What we published.', comment: 'Too long.' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.submitDraftFeedback).toMatchObject({ rating: 'DOWN', comment: null, publishedText: null, retainedRatio: null });
    const rows = await service.sql<{ rating: string; comment: string | null; published_text: string | null }>('select rating, comment, published_text from draft_feedback where draft_id = $1', [id]);
    expect(rows).toEqual([{ rating: 'DOWN', comment: null, published_text: null }]);
  });

  it('FORBIDDEN without ai:write', async () => {
    const reader = await service.tokenFor('demo', ['ai:read']);
    expect((await feedback({ draftId: digest.id, rating: 'UP' }, reader)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
