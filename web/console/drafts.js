// /console: generate a draft (streamed), read it rendered with its citations, edit it in place,
// publish it (status update -> publishStatusUpdate, runbook -> publishRunbookJob, the others
// recorded as published text through submitDraftFeedback) and see how much of it was kept.
import { ConsoleError, element, followFeatureSelect, formatUsd, graphql, h, setUpFeedback, setUpGenerationForm, setUpToken, showError } from './common.js';
import { draftFragment, renderApprovalWarning, renderDraftText, renderQuarantine, renderStreamingText } from './render-draft.js';

/** Sample incidents of the embedded source: publishing them goes nowhere (publication target NONE), it is recorded as feedback only. */
const sampleIncidents = new Set(['PDEMO01', 'PDEMO02', 'PDEMO03', 'PDEMO04', 'PDEMO05', 'PDEMO06']);

/** Per feature: the mutation, its input type, the fields it reads. */
const features = {
  statusUpdate: { field: 'draftStatusUpdate', inputType: 'DraftStatusUpdateInput', input: (v) => ({ incidentId: v.incidentId, audience: v.audience, ...(v.guidance && { guidance: v.guidance }) }), required: ['incidentId'] },
  postmortem: { field: 'generatePostmortem', inputType: 'GeneratePostmortemInput', input: (v) => ({ incidentId: v.incidentId }), required: ['incidentId'] },
  runbook: { field: 'generateRunbookJob', inputType: 'GenerateRunbookJobInput', input: (v) => ({ description: v.description, ...(v.incidentId && { incidentId: v.incidentId }) }), required: ['description'] },
  assistant: { field: 'askAssistant', inputType: 'AskAssistantInput', input: (v) => ({ question: v.question, ...(v.incidentId && { incidentId: v.incidentId }) }), required: ['question'] },
  automationDigest: { field: 'digestJobExecution', inputType: 'DigestJobExecutionInput', input: (v) => ({ jobId: v.jobId, executionId: v.executionId }), required: ['jobId', 'executionId'] },
};

const ui = {
  form: element('request-form'),
  feature: element('feature'),
  generate: element('generate'),
  status: element('status'),
  error: element('error'),
  quarantine: element('quarantine'),
  approval: element('approval'),
  draft: element('draft'),
  editor: element('editor'),
  editorText: element('draft-editor'),
  yamlSection: element('yaml-section'),
  yaml: element('rundeck-yaml'),
  yamlCopy: element('yaml-copy'),
  yamlDownload: element('yaml-download'),
  yamlStatus: element('yaml-status'),
  publishSection: element('publish-section'),
  edit: element('edit'),
  approveField: element('approve-field'),
  approve: element('approve'),
  forceField: element('force-field'),
  force: element('force'),
  publish: element('publish'),
  publishHelp: element('publish-help'),
  publishStatus: element('publish-status'),
  metadataSection: element('metadata-section'),
  metadata: element('metadata'),
  feedbackSection: element('feedback-section'),
  feedbackComment: element('feedback-comment'),
  feedbackButtons: [element('feedback-up'), element('feedback-down')],
  feedbackStatus: element('feedback-status'),
};

setUpToken(element('token'), element('token-show'));

function showFeature(feature) {
  for (const node of ui.form.querySelectorAll('[data-for]')) {
    const active = node.dataset.for.split(' ').includes(feature);
    node.hidden = !active;
    for (const control of node.querySelectorAll('input, select, textarea')) control.disabled = !active;
  }
  ui.form.querySelector('label[for="incident"]').textContent = feature === 'statusUpdate' || feature === 'postmortem' ? 'Incident id' : 'Incident id (optional)';
}

const selectedFeature = followFeatureSelect(ui.feature, features, showFeature);

function formValues(feature) {
  const values = {};
  for (const control of ui.form.querySelectorAll('input[name], select[name], textarea[name]')) {
    if (!control.disabled) values[control.name] = control.value.trim();
  }
  for (const name of features[feature].required) {
    if (!values[name]) {
      const control = ui.form.querySelector(`[name="${name}"]`);
      control?.focus();
      throw new ConsoleError('BAD_USER_INPUT', `${ui.form.querySelector(`label[for="${control?.id}"]`)?.textContent ?? name} is required.`);
    }
  }
  return values;
}

let currentDraft = null;

setUpGenerationForm({
  form: ui.form,
  button: ui.generate,
  busy: ui.draft,
  features,
  selectedFeature,
  formValues,
  operationName: 'ConsoleGenerate',
  draftFragment,
  reset: resetResult,
  setStatus: (text) => (ui.status.textContent = text),
  onText: (text) => renderStreamingText(ui.draft, text),
  onDraft: showDraft,
  onError: (error) => showError(ui.error, error),
});

/** Clears everything a previous draft left: text, warnings, editor, publish state, feedback form. */
function resetResult() {
  currentDraft = null;
  ui.error.hidden = true;
  ui.draft.replaceChildren();
  ui.draft.hidden = false;
  for (const section of [ui.quarantine, ui.approval, ui.yamlSection, ui.publishSection, ui.metadataSection, ui.feedbackSection, ui.editor]) section.hidden = true;
  ui.editorText.value = '';
  ui.edit.setAttribute('aria-pressed', 'false');
  ui.edit.textContent = 'Edit text';
  ui.approve.checked = false;
  ui.force.checked = false;
  ui.forceField.hidden = true;
  ui.publish.disabled = false;
  ui.publishStatus.textContent = '';
  ui.yaml.textContent = '';
  ui.yamlStatus.textContent = '';
  ui.metadata.replaceChildren();
  ui.feedbackComment.value = '';
  ui.feedbackStatus.textContent = '';
  for (const button of ui.feedbackButtons) button.disabled = false;
}

function showDraft(draft) {
  currentDraft = draft;
  renderDraftText(ui.draft, draft);
  renderQuarantine(ui.quarantine, draft);
  renderApprovalWarning(ui.approval, draft);
  ui.yaml.textContent = draft.rundeckYaml ?? '';
  ui.yamlSection.hidden = !draft.rundeckYaml;
  showMetadata(draft);
  const complete = draft.state === 'COMPLETE';
  ui.feedbackSection.hidden = !complete;
  ui.publishSection.hidden = !complete;
  if (complete) setUpPublish(draft);
}

function showMetadata(draft) {
  const g = draft.generation;
  const rows = [
    ['state', 'State', draft.state],
    ['id', 'Draft id', draft.id],
    ['incidentId', 'Incident', draft.incidentId],
    ['provider', 'Provider', g?.provider],
    ['model', 'Model', g?.model],
    ['promptVersion', 'Prompt version', g?.promptVersion],
    ['variant', 'Variant', g?.variant],
    ['degraded', 'Degraded', g ? (g.degraded ? 'yes' : 'no') : undefined],
    ['tokens', 'Tokens (in / out)', g ? `${g.inputTokens} / ${g.outputTokens}` : undefined],
    ['costUsd', 'Cost', g ? formatUsd(g.costUsd) : undefined],
    ['latencyMs', 'Latency', g ? `${g.latencyMs} ms` : undefined],
    ['unverifiedCount', 'Unverified statements', draft.unverifiedCount],
  ];
  ui.metadata.replaceChildren(...rows.filter(([, , value]) => value !== undefined && value !== null && value !== '').flatMap(([key, label, value]) => [h('dt', {}, label), h('dd', { dataset: { key } }, String(value))]));
  ui.metadataSection.hidden = false;
}

// --- YAML --------------------------------------------------------------------------------

ui.yamlCopy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(ui.yaml.textContent);
    ui.yamlStatus.textContent = 'Copied.';
  } catch {
    // No clipboard permission: select the text so Ctrl+C copies it.
    getSelection()?.selectAllChildren(ui.yaml);
    ui.yamlStatus.textContent = 'Selected: press Ctrl+C to copy.';
  }
});

ui.yamlDownload.addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([ui.yaml.textContent], { type: 'application/yaml' }));
  const name = `${(currentDraft?.name ?? 'runbook-job').replace(/[^A-Za-z0-9._-]+/g, '-').toLowerCase()}.yaml`;
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  ui.yamlStatus.textContent = `Downloaded ${name}.`;
});

// --- edit and publish --------------------------------------------------------------------

function setUpPublish(draft) {
  const sample = draft.incidentId !== null && sampleIncidents.has(draft.incidentId);
  ui.edit.hidden = draft.kind === 'RUNBOOK_JOB';
  ui.approveField.hidden = draft.kind !== 'RUNBOOK_JOB';
  if (draft.kind === 'STATUS_UPDATE') {
    ui.publish.textContent = 'Publish status update';
    ui.publishHelp.textContent = sample
      ? `${draft.incidentId} is a sample incident: publishing posts nothing anywhere; the text is recorded as feedback only.`
      : 'Posts the text (as edited) as a status update where the incident lives (PagerDuty).';
  } else if (draft.kind === 'RUNBOOK_JOB') {
    ui.publish.textContent = 'Publish job to Rundeck';
    ui.publishHelp.textContent = draft.requiresApproval
      ? 'Imports the job into Rundeck, disabled. It needs your approval (the checkbox) because of the steps above.'
      : 'Imports the job into Rundeck, disabled, for review there.';
  } else {
    ui.publish.textContent = 'Record as published';
    ui.publishHelp.textContent = 'There is nowhere to post this kind of draft: the text (as edited) is recorded as what you published, as feedback.';
  }
}

ui.edit.addEventListener('click', () => {
  const editing = ui.edit.getAttribute('aria-pressed') !== 'true';
  ui.edit.setAttribute('aria-pressed', String(editing));
  ui.edit.textContent = editing ? 'Preview' : 'Edit text';
  if (editing) {
    if (!ui.editorText.value) ui.editorText.value = currentDraft?.text ?? '';
    ui.editor.hidden = false;
    ui.draft.hidden = true;
    ui.editorText.focus();
  } else {
    // The preview shows the edited text, rendered and sanitized like a draft.
    renderDraftText(ui.draft, { ...currentDraft, text: ui.editorText.value });
    ui.editor.hidden = true;
    ui.draft.hidden = false;
  }
});

const publishedFields = 'id feedback { id rating publishedText retainedRatio createdAt }';
const publicationFields = 'publication { target externalId sequence }';
const rundeckJobFields = 'rundeckJob { id project url approved }';

ui.publish.addEventListener('click', () => void publish());

async function publish() {
  const draft = currentDraft;
  if (!draft) return;
  const text = ui.editorText.value || draft.text;
  ui.publish.disabled = true;
  ui.publishStatus.textContent = 'Publishing…';
  try {
    let feedback;
    let outcome;
    if (draft.kind === 'STATUS_UPDATE') {
      const data = await graphql(
        `mutation ConsolePublishStatus($input: PublishStatusUpdateInput!) { publishStatusUpdate(input: $input) { ${publishedFields} ${publicationFields} } }`,
        { input: { draftId: draft.id, text, force: ui.force.checked } },
      );
      feedback = latest(data.publishStatusUpdate.feedback);
      const publication = data.publishStatusUpdate.publication;
      outcome = publication?.target === 'NONE'
        ? `Recorded as feedback only: ${draft.incidentId} is a sample incident, so nothing was posted anywhere.`
        : `Published to PagerDuty as status update ${publication?.externalId ?? ''}${publication?.sequence ? ` (re-publication ${publication.sequence})` : ''}.`;
    } else if (draft.kind === 'RUNBOOK_JOB') {
      const data = await graphql(
        `mutation ConsolePublishRunbook($input: PublishRunbookJobInput!) { publishRunbookJob(input: $input) { ${publishedFields} ${rundeckJobFields} } }`,
        { input: { draftId: draft.id, approve: ui.approve.checked } },
      );
      feedback = latest(data.publishRunbookJob.feedback);
      const job = data.publishRunbookJob.rundeckJob;
      outcome = `Imported into Rundeck project ${job?.project ?? '?'} as job ${job?.id ?? '?'}, disabled${job?.approved ? ', approved by you' : ''}.`;
    } else {
      const data = await graphql(`mutation ConsoleRecordPublished($input: DraftFeedbackInput!) { submitDraftFeedback(input: $input) { id rating publishedText retainedRatio createdAt } }`, { input: { draftId: draft.id, rating: 'UP', publishedText: text } });
      feedback = data.submitDraftFeedback;
      outcome = 'Recorded as published.';
    }
    if (currentDraft !== draft) return;
    const ratio = feedback?.retainedRatio;
    const kept = typeof ratio === 'number' ? `Retained ratio: ${ratio.toFixed(2)} (${Math.round(ratio * 100)}% of the draft kept).` : 'Retained ratio: not computed.';
    ui.publishStatus.dataset.retainedRatio = typeof ratio === 'number' ? String(ratio) : '';
    ui.publishStatus.textContent = `${outcome} ${kept}`;
    ui.forceField.hidden = true;
    ui.force.checked = false;
  } catch (error) {
    const problem = error instanceof ConsoleError ? error : new ConsoleError('CLIENT_ERROR', String(error));
    ui.publishStatus.textContent = `Not published: ${problem.code}: ${problem.message}`;
    // Published before: offer to publish again on purpose.
    if (problem.code === 'ALREADY_PUBLISHED') ui.forceField.hidden = false;
  } finally {
    ui.publish.disabled = false;
  }
}

const latest = (feedback) => [...(feedback ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0] ?? null;

// --- feedback ----------------------------------------------------------------------------

setUpFeedback({ buttons: ui.feedbackButtons, comment: ui.feedbackComment, status: ui.feedbackStatus, currentDraft: () => currentDraft });
