// The playground page: runs the AI mutations over HTTP (POST /graphql, JSON, which passes the
// server's CSRF prevention) and follows streamed drafts over graphql-ws (draftStream, same path).
// Model output is untrusted: it is only ever written with textContent, never as HTML.
import { createClient } from '/playground/vendor/graphql-ws.mjs';
import { PageError, createPageClient, followFeatureSelect } from './page-client.js';

const { setUpToken, graphql, setUpGenerationForm, setUpFeedback } = createPageClient({ createClient, tokenStorageKey: 'incident-ai.playground.token' });

const draftFields = /* GraphQL */ `
  fragment PlaygroundDraft on Draft {
    __typename id kind state incidentId text unverifiedCount createdAt
    generation { provider model promptVersion variant degraded attempts inputTokens outputTokens costUsd latencyMs traceId }
    error { code message }
    quarantinedInputs { sourceType sourceId reason }
    ... on StatusUpdateDraft { audience }
    ... on PostmortemDraft { preliminary }
    ... on RunbookJobDraft { name requiresApproval approvalReasons rundeckYaml }
    ... on AssistantAnswer { conversationId answered }
    ... on AutomationDigest { outcome }
  }
`;

/** Per feature: the mutation field, its input type and how the form becomes the input. */
const features = {
  statusUpdate: {
    field: 'draftStatusUpdate',
    inputType: 'DraftStatusUpdateInput',
    input: (values) => ({ incidentId: values.incidentId, audience: values.audience, ...(values.guidance && { guidance: values.guidance }) }),
  },
  postmortem: {
    field: 'generatePostmortem',
    inputType: 'GeneratePostmortemInput',
    input: (values) => ({ incidentId: values.incidentId }),
  },
  runbook: {
    field: 'generateRunbookJob',
    inputType: 'GenerateRunbookJobInput',
    input: (values) => ({ description: values.description, ...(values.incidentId && { incidentId: values.incidentId }) }),
  },
  assistant: {
    field: 'askAssistant',
    inputType: 'AskAssistantInput',
    input: (values) => ({
      question: values.question,
      ...(values.incidentId && { incidentId: values.incidentId }),
      ...(values.conversationId && { conversationId: values.conversationId }),
    }),
  },
  automationDigest: {
    field: 'digestJobExecution',
    inputType: 'DigestJobExecutionInput',
    input: (values) => ({ jobId: values.jobId, executionId: values.executionId }),
  },
};

const publishMutation = /* GraphQL */ `
  mutation PlaygroundPublish($input: PublishStatusUpdateInput!) {
    publishStatusUpdate(input: $input) { id publication { target publishedAt externalId sequence } }
  }
`;


const element = (id) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found;
};

const ui = {
  token: element('token'),
  tokenShow: element('token-show'),
  tokenDemo: element('token-demo'),
  form: element('request-form'),
  feature: element('feature'),
  stream: element('stream'),
  generate: element('generate'),
  conversation: element('assistant-conversation'),
  newConversation: element('assistant-new-conversation'),
  status: element('status'),
  error: element('error'),
  errorCode: element('error-code'),
  errorMessage: element('error-message'),
  errorDetail: element('error-detail'),
  draftText: element('draft-text'),
  metadataSection: element('metadata-section'),
  metadata: element('metadata'),
  quarantineSection: element('quarantine-section'),
  quarantined: element('quarantined'),
  approvalSection: element('approval-section'),
  approvalReasons: element('approval-reasons'),
  yamlSection: element('yaml-section'),
  yaml: element('rundeck-yaml'),
  feedbackSection: element('feedback-section'),
  feedbackComment: element('feedback-comment'),
  feedbackButtons: [element('feedback-up'), element('feedback-down')],
  feedbackStatus: element('feedback-status'),
  publishSection: element('publish-section'),
  publishText: element('publish-text'),
  publishButton: element('publish-button'),
  publishForce: element('publish-force'),
  publishStatus: element('publish-status'),
};

setUpToken(ui.token, ui.tokenShow, ui.tokenDemo);

// --- the form ----------------------------------------------------------------------------

function showFeature(feature) {
  for (const fieldset of ui.form.querySelectorAll('fieldset[data-feature]')) {
    const active = fieldset.dataset.feature === feature;
    fieldset.hidden = !active;
    fieldset.disabled = !active;
  }
}
const selectedFeature = followFeatureSelect(ui.feature, features, showFeature);

ui.newConversation.addEventListener('click', () => {
  ui.conversation.value = '';
  ui.conversation.focus();
});

/** The visible fieldset's values by name, trimmed; null (and focus) when a required one is empty. */
function formValues(feature) {
  const fieldset = ui.form.querySelector(`fieldset[data-feature="${feature}"]`);
  const values = {};
  for (const control of fieldset.querySelectorAll('input[name], select[name], textarea[name]')) {
    const value = control.value.trim();
    if (control.required && !value) {
      const label = fieldset.querySelector(`label[for="${control.id}"]`)?.textContent ?? control.name;
      control.focus();
      throw new PageError('BAD_USER_INPUT', `${label} is required.`);
    }
    values[control.name] = value;
  }
  return values;
}

let currentDraft = null;

setUpGenerationForm({
  form: ui.form,
  button: ui.generate,
  busy: ui.draftText,
  features,
  selectedFeature,
  formValues,
  stream: () => ui.stream.checked,
  operationName: 'PlaygroundGenerate',
  draftFragment: draftFields,
  reset: resetResult,
  setStatus,
  onCreated: (draft) => {
    if (draft.conversationId) ui.conversation.value = draft.conversationId;
  },
  onText: (text) => (ui.draftText.textContent = text),
  onDraft: showDraft,
  onError: showError,
});

// --- output ------------------------------------------------------------------------------

function setStatus(text) {
  ui.status.textContent = text;
}

function resetResult() {
  currentDraft = null;
  ui.error.hidden = true;
  ui.draftText.textContent = '';
  ui.metadataSection.hidden = true;
  ui.metadata.replaceChildren();
  ui.feedbackSection.hidden = true;
  ui.feedbackStatus.textContent = '';
  delete ui.feedbackStatus.dataset.feedbackId;
  for (const button of ui.feedbackButtons) button.disabled = false;
  ui.publishSection.hidden = true;
  ui.publishStatus.textContent = '';
  ui.publishForce.checked = false;
}

function showError(error) {
  const problem = error instanceof PageError ? error : new PageError('CLIENT_ERROR', error instanceof Error ? error.message : String(error));
  ui.errorCode.textContent = problem.code;
  ui.errorMessage.textContent = problem.message;
  const details = [];
  if (typeof problem.extensions.retryAfter === 'number') details.push(`Retry after ${problem.extensions.retryAfter} s.`);
  if (problem.extensions.httpStatus) details.push(`HTTP ${problem.extensions.httpStatus}.`);
  for (const [key, value] of Object.entries(problem.extensions)) {
    if (['code', 'retryAfter', 'httpStatus', 'stacktrace'].includes(key)) continue;
    details.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  for (const other of problem.more) details.push(`Also ${other.extensions?.code ?? 'ERROR'}: ${other.message}`);
  ui.errorDetail.textContent = details.join(' ');
  ui.errorDetail.hidden = details.length === 0;
  ui.error.dataset.code = problem.code;
  ui.error.hidden = false;
}

function showDraft(draft) {
  currentDraft = draft;
  ui.draftText.textContent = draft.text;
  const generation = draft.generation;
  const rows = [
    ['state', 'State', draft.state],
    ['id', 'Draft id', draft.id],
    ['kind', 'Kind', draft.kind],
    ['incidentId', 'Incident', draft.incidentId],
    ['provider', 'Provider', generation?.provider],
    ['model', 'Model', generation?.model],
    ['promptVersion', 'Prompt version', generation?.promptVersion],
    ['variant', 'Variant', generation?.variant],
    ['degraded', 'Degraded', generation ? yesNo(generation.degraded) : undefined],
    ['attempts', 'Attempts', generation?.attempts],
    ['tokens', 'Tokens (in / out)', generation ? `${generation.inputTokens} / ${generation.outputTokens}` : undefined],
    ['costUsd', 'Cost', generation ? `$${generation.costUsd.toFixed(6)}` : undefined],
    ['latencyMs', 'Latency', generation ? `${generation.latencyMs} ms` : undefined],
    ['traceId', 'Trace id', generation?.traceId],
    ['unverifiedCount', 'Unverified statements', draft.unverifiedCount],
    ['quarantinedCount', 'Quarantined inputs', draft.quarantinedInputs.length],
    ['audience', 'Audience', draft.audience],
    ['preliminary', 'Preliminary', typeof draft.preliminary === 'boolean' ? yesNo(draft.preliminary) : undefined],
    ['name', 'Job name', draft.name],
    ['requiresApproval', 'Requires approval', typeof draft.requiresApproval === 'boolean' ? yesNo(draft.requiresApproval) : undefined],
    ['conversationId', 'Conversation id', draft.conversationId],
    ['answered', 'Answered', typeof draft.answered === 'boolean' ? yesNo(draft.answered) : undefined],
    ['outcome', 'Outcome', draft.outcome],
  ];
  const items = [];
  for (const [key, label, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    const term = document.createElement('dt');
    term.textContent = label;
    const description = document.createElement('dd');
    description.dataset.key = key;
    description.textContent = String(value);
    items.push(term, description);
  }
  ui.metadata.replaceChildren(...items);

  ui.quarantined.replaceChildren(
    ...draft.quarantinedInputs.map((item) => listItem(`${item.sourceType} ${item.sourceId}: ${item.reason}`)),
  );
  ui.quarantineSection.hidden = draft.quarantinedInputs.length === 0;
  const reasons = draft.approvalReasons ?? [];
  ui.approvalReasons.replaceChildren(...reasons.map((reason) => listItem(reason)));
  ui.approvalSection.hidden = reasons.length === 0;
  ui.yaml.textContent = draft.rundeckYaml ?? '';
  ui.yamlSection.hidden = !draft.rundeckYaml;
  ui.metadataSection.hidden = false;
  ui.feedbackSection.hidden = draft.state !== 'COMPLETE';
  ui.publishSection.hidden = draft.state !== 'COMPLETE' || draft.kind !== 'STATUS_UPDATE';
  if (!ui.publishSection.hidden) ui.publishText.value = draft.text;
}

function listItem(text) {
  const item = document.createElement('li');
  item.textContent = text;
  return item;
}

function yesNo(value) {
  return value ? 'yes' : 'no';
}

// --- feedback ----------------------------------------------------------------------------

setUpFeedback({ buttons: ui.feedbackButtons, comment: ui.feedbackComment, status: ui.feedbackStatus, currentDraft: () => currentDraft });

// --- publish -----------------------------------------------------------------------------

ui.publishButton.addEventListener('click', () => void publishDraft());

async function publishDraft() {
  const draft = currentDraft;
  if (!draft) return;
  ui.publishButton.disabled = true;
  ui.publishStatus.textContent = 'Publishing…';
  try {
    const input = { draftId: draft.id, text: ui.publishText.value, force: ui.publishForce.checked };
    const { publishStatusUpdate: published } = await graphql(publishMutation, { input });
    if (currentDraft !== draft) return;
    const publication = published.publication;
    ui.publishStatus.dataset.target = publication.target;
    ui.publishStatus.textContent =
      publication.target === 'NONE'
        ? 'Recorded, published nowhere: this is a sample incident.'
        : `Published to ${publication.target === 'PAGERDUTY' ? 'PagerDuty' : publication.target} (id ${publication.externalId}).`;
  } catch (error) {
    const problem = error instanceof PageError ? error : new PageError('CLIENT_ERROR', String(error));
    ui.publishStatus.textContent = `Not published: ${problem.code}: ${problem.message}`;
  } finally {
    ui.publishButton.disabled = false;
  }
}
