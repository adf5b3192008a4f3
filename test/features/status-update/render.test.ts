import { describe, expect, it } from 'vitest';
import { renderStatusUpdate } from '../../../src/features/status-update/render.js';

describe('renderStatusUpdate', () => {
  it('renders every section of a complete update', () => {
    const text = renderStatusUpdate({
      title: 'Elevated API errors',
      phase: 'MONITORING',
      summary: { text: 'A fix is deployed.', citations: [] },
      impact: { text: 'Some requests failed.', citations: [] },
      actions: [{ text: 'Watching error rates.', citations: [] }, { text: 'Reviewing the deploy.', citations: [] }],
      nextUpdateMinutes: 60,
    });
    expect(text).toBe(
      [
        '## Elevated API errors',
        '',
        '**Status:** Monitoring',
        '',
        'A fix is deployed.',
        '',
        '**Impact:** Some requests failed.',
        '',
        '**What we are doing:**',
        '- Watching error rates.',
        '- Reviewing the deploy.',
        '',
        '**Next update:** within 60 minutes.',
        '',
      ].join('\n'),
    );
  });

  it('omits the next update once resolved and tolerates partial output', () => {
    expect(renderStatusUpdate({ title: 'Resolved', phase: 'RESOLVED', nextUpdateMinutes: null })).not.toContain('Next update');
    expect(renderStatusUpdate({})).toBe('');
    expect(renderStatusUpdate({ phase: 'INVEST' as never })).toContain('**Status:** Invest');
    expect(renderStatusUpdate({ actions: [{}, { text: 'x' }] })).toContain('- x');
  });
});
