import { describe, expect, it } from 'vitest';
import type { DraftRecord, GenerationRecord } from '../../src/store/types.js';
import { answerMessage, escapeMrkdwn, noticeMessage } from '../../src/slack/answer-message.js';

const generation: GenerationRecord = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  promptVersion: 'assistant/v1',
  variant: 'openai:gpt-4o-mini',
  inputTokens: 1,
  outputTokens: 1,
  costUsd: 0,
  latencyMs: 1,
  degraded: false,
  traceId: null,
  attempts: 1,
};

function draft(output: Record<string, unknown> | null, overrides: Partial<DraftRecord> = {}): DraftRecord {
  return {
    id: 'd1',
    accountId: 'demo',
    userId: 'slack:U1',
    kind: 'ASSISTANT_ANSWER',
    state: output ? 'COMPLETE' : 'FAILED',
    incidentId: 'PDEMO01',
    jobId: null,
    executionId: null,
    input: { question: 'q', conversationId: 'c', priorTurns: [] },
    output,
    text: '',
    generation,
    error: null,
    createdAt: '2025-03-11T15:00:00.000Z',
    updatedAt: '2025-03-11T15:00:00.000Z',
    ...overrides,
  };
}

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };

describe('Slack answer message', () => {
  it('numbers the sources after each statement and lists them in a context block', () => {
    const note = { sourceType: 'NOTE', sourceId: 'PDEMO01-NOTE-4', excerpt: 'Root cause identified: slot <debezium>' };
    const entry = { sourceType: 'LOG_ENTRY', sourceId: 'PDEMO01-LOG-16', excerpt: 'PgBouncer repointed' };
    const message = answerMessage(
      draft({
        answered: true,
        statements: [
          { text: 'A slot filled pg_wal & the node died.', citations: [note], unverified: false },
          { text: 'PgBouncer was repointed.', citations: [entry, note], unverified: true },
        ],
        missing: null,
      }),
    );
    const blocks = message.blocks as Block[];
    expect(blocks[0]!.text!.text).toBe('A slot filled pg_wal &amp; the node died. [1]\n\nPgBouncer was repointed. [2][1] _(unverified)_');
    expect(blocks[1]!.elements!.map((element) => element.text)).toEqual([
      '*Sources*',
      '[1] Note `PDEMO01-NOTE-4`: “Root cause identified: slot &lt;debezium&gt;”',
      '[2] Log entry `PDEMO01-LOG-16`: “PgBouncer repointed”',
    ]);
    expect(message.text).toBe('A slot filled pg_wal & the node died. PgBouncer was repointed.');
    expect(blocks).toHaveLength(2);
  });

  it('says what the data does not hold, and marks an offline answer', () => {
    const message = answerMessage(draft({ answered: false, statements: [], missing: 'No CFO is named.' }, { generation: { ...generation, degraded: true } }));
    const blocks = message.blocks as Block[];
    expect(blocks[0]!.text!.text).toBe(':grey_question: *Not in the incident data:* No CFO is named.');
    expect(blocks.map((block) => block.type)).toEqual(['section', 'context']);
    expect(blocks[1]!.elements![0]!.text).toMatch(/offline/);
  });

  it('keeps to Slack limits: at most ten context elements', () => {
    const statements = Array.from({ length: 12 }, (_, index) => ({
      text: `Fact ${index}.`,
      citations: [{ sourceType: 'LOG_ENTRY', sourceId: `L-${index}`, excerpt: 'x' }],
    }));
    const blocks = answerMessage(draft({ answered: true, statements, missing: null })).blocks as Block[];
    const elements = blocks[1]!.elements!;
    expect(elements).toHaveLength(10);
    expect(elements.at(-1)!.text).toBe('…and 4 more');
  });

  it('explains a draft without an answer', () => {
    expect(answerMessage(draft(null, { error: { code: 'X', message: 'Model down.' } })).text).toBe('Model down.');
    expect(noticeMessage('a <b> & c').blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'a &lt;b&gt; &amp; c' } }]);
    expect(escapeMrkdwn('<@U1> & <!here>')).toBe('&lt;@U1&gt; &amp; &lt;!here&gt;');
  });
});
