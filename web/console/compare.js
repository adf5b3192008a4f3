// /console/compare: one feature, the same input, two routing variants (llmVariants), generated at
// once with `variant` (admin only) and streamed side by side; each column ends with its
// provider, model, prompt version, tokens, cost and latency.
import { ConsoleError, element, followStream, formatUsd, graphql, h, setUpToken, showError } from './common.js';
import { draftFragment, renderApprovalWarning, renderDraftText, renderStreamingText } from './render-draft.js';

const features = {
  statusUpdate: { field: 'draftStatusUpdate', inputType: 'DraftStatusUpdateInput', input: () => ({ incidentId: value('incident'), audience: element('audience').value }) },
  postmortem: { field: 'generatePostmortem', inputType: 'GeneratePostmortemInput', input: () => ({ incidentId: value('incident') }) },
  runbook: { field: 'generateRunbookJob', inputType: 'GenerateRunbookJobInput', input: () => ({ description: value('description'), ...(value('incident') && { incidentId: value('incident') }) }) },
  automationDigest: { field: 'digestJobExecution', inputType: 'DigestJobExecutionInput', input: () => ({ jobId: value('job'), executionId: value('execution') }) },
};

const value = (id) => element(id).value.trim();
const ui = { form: element('compare-form'), feature: element('feature'), a: element('variant-a'), b: element('variant-b'), run: element('run'), status: element('status'), error: element('error') };
const columns = ['column-a', 'column-b'].map((id) => {
  const root = element(id);
  return { root, heading: root.querySelector('h3'), figures: root.querySelector('.figures'), status: root.querySelector('.column-status'), draft: root.querySelector('.draft') };
});

setUpToken(element('token'), element('token-show'));

function showFeature() {
  for (const node of ui.form.querySelectorAll('[data-for]')) node.hidden = !node.dataset.for.split(' ').includes(ui.feature.value);
}

async function loadVariants() {
  showFeature();
  ui.error.hidden = true;
  try {
    const { llmVariants } = await graphql('query ConsoleVariants($feature: String!) { llmVariants(feature: $feature) }', { feature: ui.feature.value });
    for (const [select, preferred] of [[ui.a, 0], [ui.b, llmVariants.length - 1]]) {
      select.replaceChildren(...llmVariants.map((variant) => h('option', { value: variant }, variant)));
      select.selectedIndex = Math.max(0, preferred);
    }
  } catch (error) {
    showError(ui.error, error);
  }
}

ui.feature.addEventListener('change', () => void loadVariants());
void loadVariants();

let currentRun = 0;
ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  void compare();
});

async function compare() {
  const run = ++currentRun;
  const feature = features[ui.feature.value] ?? features.statusUpdate;
  ui.error.hidden = true;
  ui.run.disabled = true;
  ui.status.textContent = 'Generating both…';
  const started = performance.now();
  const variants = [ui.a.value, ui.b.value];
  const outcomes = await Promise.allSettled(variants.map((variant, index) => generateInto(columns[index], feature, variant, run)));
  if (run !== currentRun) return;
  ui.run.disabled = false;
  const failed = outcomes.filter((outcome) => outcome.status === 'rejected').length;
  ui.status.textContent = failed === 0 ? `Both drafts complete in ${((performance.now() - started) / 1000).toFixed(1)} s.` : `${failed} of 2 failed.`;
}

async function generateInto(column, feature, variant, run) {
  column.heading.textContent = variant;
  column.figures.replaceChildren();
  column.draft.replaceChildren();
  column.status.textContent = 'Starting…';
  column.draft.setAttribute('aria-busy', 'true');
  try {
    const mutation = `mutation ConsoleCompare($input: ${feature.inputType}!) { draft: ${feature.field}(input: $input) { ...ConsoleDraft } } ${draftFragment}`;
    let draft = (await graphql(mutation, { input: { ...feature.input(), stream: true, variant } })).draft;
    if (draft.state === 'STREAMING') {
      column.status.textContent = 'Streaming…';
      draft = await followStream(draft.id, draftFragment, (text) => renderStreamingText(column.draft, text), () => run === currentRun);
      if (!draft) return;
    }
    renderDraftText(column.draft, draft);
    if (draft.requiresApproval) {
      const warning = h('div', { className: 'warning' });
      renderApprovalWarning(warning, draft);
      column.draft.prepend(warning);
    }
    const g = draft.generation;
    column.figures.replaceChildren(
      ...[
        ['Provider', g?.provider], ['Model', g?.model], ['Prompt', g?.promptVersion],
        ['Tokens in', g?.inputTokens], ['Tokens out', g?.outputTokens], ['Cost', g ? formatUsd(g.costUsd) : ''],
        ['Latency', g ? `${g.latencyMs} ms` : ''], ['Degraded', g?.degraded ? 'yes' : 'no'], ['Unverified', draft.unverifiedCount],
      ].map(([label, figure]) => h('div', { dataset: { figure: label.toLowerCase().replace(/\s+/g, '-') } }, label, h('strong', {}, String(figure ?? '')))),
    );
    column.status.textContent = draft.state === 'COMPLETE' ? (g && g.variant !== variant ? `Complete, answered by the fallback ${g.variant}.` : 'Complete.') : `${draft.state}: ${draft.error?.message ?? ''}`;
  } catch (error) {
    const problem = error instanceof ConsoleError ? error : new ConsoleError('CLIENT_ERROR', String(error));
    column.status.textContent = `${problem.code}: ${problem.message}`;
    throw problem;
  } finally {
    column.draft.setAttribute('aria-busy', 'false');
  }
}
