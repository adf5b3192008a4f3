// A draft as responders read it: its Markdown rendered by marked, raw HTML in the model's text
// shown as text, the result sanitized by DOMPurify into a DOM fragment (never assigned as
// innerHTML), each statement's citations inline (a button that expands to the record quoted),
// unverified statements and quarantined inputs marked, a runbook's approval warning with the
// destructive steps first, and its Rundeck YAML with copy and download.
import { Marked } from '/console/vendor/marked.esm.js';
import DOMPurify from '/console/vendor/purify.es.mjs';
import { h } from './common.js';

const statementFields = 'text unverified citations { sourceType sourceId excerpt }';

/** The draft fields the console reads, as the fragment `ConsoleDraft`. */
export const draftFragment = /* GraphQL */ `
  fragment ConsoleDraft on Draft {
    __typename id kind state incidentId text unverifiedCount createdAt
    generation { provider model promptVersion variant degraded attempts inputTokens outputTokens costUsd latencyMs traceId }
    error { code message }
    quarantinedInputs { sourceType sourceId reason }
    feedback { id rating publishedText retainedRatio createdAt }
    citedRecords { sourceType sourceId at author text }
    ... on StatusUpdateDraft { audience summary { ${statementFields} } impact { ${statementFields} } actions { ${statementFields} } }
    ... on PostmortemDraft {
      preliminary summary { ${statementFields} } detection { ${statementFields} } resolution { ${statementFields} }
      impact { duration { ${statementFields} } customerEffect { ${statementFields} } }
      timeline { text unverified citations { sourceType sourceId excerpt } }
      contributingFactors { ${statementFields} }
      rootCause { text unverified citations { sourceType sourceId excerpt } }
      actionItems { title unverified citations { sourceType sourceId excerpt } }
    }
    ... on RunbookJobDraft {
      name requiresApproval approvalReasons rundeckYaml
      steps { order description command beyondRequest safety { class reasons } }
    }
    ... on AssistantAnswer { conversationId answered statements { ${statementFields} } sources { sourceType sourceId excerpt } }
    ... on AutomationDigest {
      outcome summary { ${statementFields} } probableCause { ${statementFields} } nextSteps { ${statementFields} }
      failingStep { description unverified citations { sourceType sourceId excerpt } }
    }
  }
`;

const escapeText = (text) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

// Raw HTML in the model's Markdown is shown as the text it is: a responder sees what the model
// wrote, and nothing of it runs. DOMPurify then sanitizes the whole output again.
const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }) {
      return escapeText(text);
    },
  },
});

const allowedTags = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'pre', 'blockquote', 'a', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'span'];

/** Markdown -> sanitized DOM fragment (no script, no event handler, no image, no style). */
export function renderMarkdown(text) {
  const html = markdown.parse(text ?? '');
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    RETURN_DOM_FRAGMENT: true,
  });
}

/** One line of Markdown (a policy reason quoting a command) -> sanitized inline fragment. */
export function renderInlineMarkdown(text) {
  return DOMPurify.sanitize(markdown.parseInline(text ?? ''), { ALLOWED_TAGS: ['strong', 'em', 'code', 'del'], ALLOWED_ATTR: [], RETURN_DOM_FRAGMENT: true });
}

const sourceLabels = { LOG_ENTRY: 'Log entry', NOTE: 'Note', ALERT: 'Alert', LOG_LINE: 'Log line' };

/** Every statement of a draft with its citations, in reading order. */
export function statementsOf(draft) {
  const list = [];
  const add = (statement) => {
    if (statement && (statement.text || statement.title || statement.description)) {
      list.push({ text: statement.text ?? statement.title ?? statement.description, citations: statement.citations ?? [], unverified: Boolean(statement.unverified) });
    }
  };
  for (const key of ['summary', 'impact', 'detection', 'probableCause', 'resolution', 'rootCause', 'failingStep']) {
    const value = draft[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && 'duration' in value) {
      add(value.duration);
      add(value.customerEffect);
    } else add(value);
  }
  for (const key of ['actions', 'timeline', 'contributingFactors', 'actionItems', 'statements', 'nextSteps']) {
    for (const statement of draft[key] ?? []) add(statement);
  }
  return list;
}

const normalize = (text) => text.replace(/\s+/g, ' ').replace(/[*_`]/g, '').trim().toLowerCase();

let citationSerial = 0;

const timeOf = (at) => (at ? `${at.slice(0, 16).replace('T', ' ')} UTC` : null);

/**
 * An inline citation: a button that expands to the record it names, as the incident source has
 * it (Draft.citedRecords), with the excerpt the draft quoted; a citation naming no record of the
 * incident says so.
 */
function citationChip(citation, number, records) {
  const id = `citation-${++citationSerial}`;
  const label = sourceLabels[citation.sourceType] ?? citation.sourceType;
  const record = records.get(`${citation.sourceType}\u0000${citation.sourceId}`);
  const detail = h('span', { id, className: `citation-detail${record ? '' : ' citation-missing'}`, role: 'note', hidden: true },
    h('strong', {}, `${label} ${citation.sourceId}`),
    record ? h('span', { className: 'record-meta' }, [timeOf(record.at), record.author].filter(Boolean).join(' · ')) : h('span', { className: 'record-meta' }, 'not found in the incident: unverified'),
    record ? h('span', { className: 'record-text' }, record.text) : null,
    h('span', { className: 'record-quote' }, 'Quoted: ', h('q', {}, citation.excerpt)));
  const button = h('button', {
    type: 'button',
    className: 'citation',
    'aria-expanded': 'false',
    'aria-controls': id,
    title: `${label} ${citation.sourceId}: “${citation.excerpt}”`,
    dataset: { sourceType: citation.sourceType, sourceId: citation.sourceId },
    onclick: (event) => {
      const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
      event.currentTarget.setAttribute('aria-expanded', String(open));
      detail.hidden = !open;
    },
  }, `[${number}] ${label} ${citation.sourceId}`);
  return [button, detail];
}

/** The `_(unverified)_` markers of the rendered text become visible badges. */
function markUnverified(root) {
  for (const emphasis of [...root.querySelectorAll('em')]) {
    if (emphasis.textContent.trim() === '(unverified)') {
      emphasis.replaceWith(h('span', { className: 'unverified-badge', title: 'The sources of this statement could not be verified against the incident.' }, 'unverified'));
    }
  }
}

/**
 * Renders the draft's text into `container`: Markdown, citations inline after the block that
 * holds each statement, unverified statements marked. Citations whose statement is not found
 * in the text are listed under "Sources".
 */
export function renderDraftText(container, draft) {
  const fragment = renderMarkdown(draft.text);
  const records = new Map((draft.citedRecords ?? []).map((record) => [`${record.sourceType}\u0000${record.sourceId}`, record]));
  const blocks = [...fragment.querySelectorAll('p, li, h1, h2, h3, h4, td, blockquote')];
  const unmatched = [];
  let number = 0;
  for (const statement of statementsOf(draft)) {
    const needle = normalize(statement.text).slice(0, 80);
    const block = needle ? blocks.find((candidate) => normalize(candidate.textContent).includes(needle)) : undefined;
    if (!block) {
      if (statement.citations.length > 0) unmatched.push(statement);
      continue;
    }
    block.classList.add('statement');
    if (statement.unverified) block.classList.add('unverified');
    if (statement.citations.length > 0) {
      const chips = h('span', { className: 'citations' });
      for (const citation of statement.citations) chips.append(...citationChip(citation, ++number, records));
      block.append(' ', chips);
    }
  }
  for (const source of draft.sources ?? []) unmatched.push({ text: null, citations: [source] });
  markUnverified(fragment);
  container.replaceChildren(fragment);
  if (unmatched.length > 0) {
    const list = h('ol', { className: 'sources' });
    for (const statement of unmatched) {
      for (const citation of statement.citations) list.append(h('li', {}, ...citationChip(citation, ++number, records)));
    }
    container.append(h('h4', {}, 'Sources'), list);
  }
}

/** A streaming preview: the text so far, rendered and sanitized the same way, without citations yet. */
export function renderStreamingText(container, text) {
  const fragment = renderMarkdown(text);
  markUnverified(fragment);
  container.replaceChildren(fragment);
}

const classRank = { DESTRUCTIVE: 0, CHANGES_STATE: 1, READ_ONLY: 2 };

/** A runbook's approval warning: destructive steps first, then steps beyond the request, then the reasons. */
export function renderApprovalWarning(container, draft) {
  if (!draft.requiresApproval) {
    container.replaceChildren();
    container.hidden = true;
    return;
  }
  const concerned = (draft.steps ?? [])
    .filter((step) => step.safety.class === 'DESTRUCTIVE' || step.beyondRequest)
    .sort((a, b) => classRank[a.safety.class] - classRank[b.safety.class] || Number(b.beyondRequest) - Number(a.beyondRequest) || a.order - b.order);
  container.replaceChildren(
    h('h4', {}, '⚠ Approval required before this job runs'),
    h('ol', { className: 'approval-steps' }, ...concerned.map((step) => h('li', { dataset: { class: step.safety.class } },
      h('span', { className: `safety safety-${step.safety.class.toLowerCase()}` }, step.safety.class === 'DESTRUCTIVE' ? 'Destructive' : step.safety.class === 'CHANGES_STATE' ? 'Changes state' : 'Read only'),
      step.beyondRequest ? h('span', { className: 'safety safety-beyond' }, 'Beyond the request') : null,
      ` Step ${step.order}: ${step.description} `,
      h('code', {}, step.command),
      ...step.safety.reasons.map((reason) => h('div', { className: 'help' }, renderInlineMarkdown(reason))),
    ))),
    // The reasons are per step above; listed on their own only when no step carries them.
    ...(concerned.length === 0 ? [h('ul', { className: 'approval-reasons' }, ...(draft.approvalReasons ?? []).map((reason) => h('li', {}, renderInlineMarkdown(reason))))] : []),
  );
  container.hidden = false;
}

/** Quarantined inputs, as a visible warning. */
export function renderQuarantine(container, draft) {
  const items = draft.quarantinedInputs ?? [];
  container.hidden = items.length === 0;
  container.replaceChildren(
    h('h4', {}, `⚠ ${items.length} input${items.length === 1 ? '' : 's'} withheld from the model (possible prompt injection)`),
    h('ul', {}, ...items.map((item) => h('li', {}, `${sourceLabels[item.sourceType] ?? item.sourceType} ${item.sourceId}: ${item.reason}`))),
  );
}
