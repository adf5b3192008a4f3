// What the browser pages (the playground and the console) share, served beside each page's own
// scripts (/playground/page-client.js, /console/page-client.js): the bearer token field, GraphQL
// over HTTP (POST /graphql, JSON, which passes the server's CSRF prevention), draftStream over
// graphql-ws on the same path, typed errors, a generation run, the feedback buttons and the
// feature picker. Each page passes the graphql-ws `createClient` it imports from its own vendor
// folder. No imports here; text reaches the page only through textContent.

const graphqlPath = '/graphql';

/** An error to show: a GraphQL `extensions.code` (or a local one) with its message. */
export class PageError extends Error {
  constructor(code, message, extensions = {}, more = []) {
    super(message);
    this.code = code;
    this.extensions = extensions;
    /** The errors after the first one of a GraphQL result. */
    this.more = more;
  }
}

/** The demo token of the page's `<meta name="demo-token">` (development only), or ''. */
const demoToken = (() => {
  const value = document.querySelector('meta[name="demo-token"]')?.getAttribute('content') ?? '';
  return value.includes('{{') ? '' : value.trim();
})();

/**
 * Keeps a feature `<select>` and the URL's `#fragment` in step and calls `show(feature)` on each
 * change (and once now); returns a function giving the selected feature (a key of `features`).
 */
export function followFeatureSelect(select, features, show, fallback = 'statusUpdate') {
  const selected = () => (select.value in features ? select.value : fallback);
  select.addEventListener('change', () => {
    show(selected());
    history.replaceState(null, '', `#${selected()}`);
  });
  const fromHash = location.hash.slice(1);
  if (fromHash in features) select.value = fromHash;
  show(selected());
  return selected;
}

function fromGraphQLErrors(errors, httpStatus) {
  const [first, ...more] = errors;
  const extensions = { ...(first?.extensions ?? {}) };
  if (httpStatus && httpStatus !== 200) extensions.httpStatus = httpStatus;
  return new PageError(String(extensions.code ?? 'GRAPHQL_ERROR'), String(first?.message ?? 'Unknown error.'), extensions, more);
}

function fromStreamError(error) {
  if (error instanceof PageError) return error;
  if (Array.isArray(error)) return fromGraphQLErrors(error);
  if (error && typeof error === 'object' && 'code' in error && 'reason' in error) {
    return new PageError('WEBSOCKET_CLOSED', `The subscription connection closed (${error.code}${error.reason ? `: ${error.reason}` : ''}).`);
  }
  return new PageError('WEBSOCKET_ERROR', error instanceof Error ? error.message : 'The subscription connection failed.');
}

/**
 * A client for one page. `tokenStorageKey`: where the token field's value is kept for this tab
 * (sessionStorage), so each page family keeps its own.
 */
export function createPageClient({ createClient, tokenStorageKey }) {
  let tokenInput = null;
  let wsClient = null;
  let wsClientToken = null;

  const currentToken = () => tokenInput?.value.trim() ?? '';
  const authorizationHeaders = () => {
    const token = currentToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  };

  /**
   * Wires the page's token field: kept in this tab, pre-filled with the demo token in
   * development; `showButton` toggles its visibility, `demoButton` (optional) puts the demo token back.
   */
  function setUpToken(input, showButton, demoButton = null) {
    tokenInput = input;
    input.value = sessionStorage.getItem(tokenStorageKey) ?? demoToken;
    input.addEventListener('input', () => sessionStorage.setItem(tokenStorageKey, currentToken()));
    showButton?.addEventListener('click', () => {
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      showButton.textContent = show ? 'Hide' : 'Show';
      showButton.setAttribute('aria-pressed', String(show));
    });
    if (demoButton && demoToken) {
      demoButton.hidden = false;
      demoButton.addEventListener('click', () => {
        input.value = demoToken;
        sessionStorage.setItem(tokenStorageKey, demoToken);
      });
    }
  }

  /** POST /graphql as JSON; resolves with `data`, throws a PageError for GraphQL or HTTP errors. */
  async function graphql(query, variables = {}) {
    let response;
    try {
      response = await fetch(graphqlPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...authorizationHeaders() },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new PageError('NETWORK_ERROR', `The service did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new PageError(`HTTP_${response.status}`, `The service answered HTTP ${response.status} without a GraphQL result.`);
    }
    if (Array.isArray(body?.errors) && body.errors.length > 0) throw fromGraphQLErrors(body.errors, response.status);
    if (!body?.data) throw new PageError(`HTTP_${response.status}`, 'The service answered without data.');
    return body.data;
  }

  /** One graphql-ws client per token; it connects when a subscription starts (lazy). */
  function subscriptionClient() {
    const token = currentToken();
    if (wsClient && wsClientToken === token) return wsClient;
    wsClient?.dispose();
    wsClientToken = token;
    wsClient = createClient({
      url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${graphqlPath}`,
      connectionParams: () => authorizationHeaders(),
      lazy: true,
      lazyCloseTimeout: 30_000,
      retryAttempts: 2,
    });
    return wsClient;
  }

  /**
   * Follows draftStream until its last chunk, calling onText with the text so far after each
   * chunk; resolves with the final draft, queried with `draftFragment` (a named fragment on
   * Draft). `isCurrent()` false stops following (a newer request replaced this one): resolves null.
   */
  async function followStream(draftId, draftFragment, onText, isCurrent = () => true) {
    const fragmentName = /fragment\s+(\w+)/.exec(draftFragment)?.[1];
    const query = `subscription ${fragmentName}Stream($draftId: ID!) {
      draftStream(draftId: $draftId) { sequence delta replace done error { code message } draft { ...${fragmentName} } }
    } ${draftFragment}`;
    let lastSequence = 0;
    let text = '';
    try {
      for await (const result of subscriptionClient().iterate({ query, variables: { draftId } })) {
        if (!isCurrent()) return null;
        if (result.errors?.length) throw fromGraphQLErrors(result.errors);
        const chunk = result.data?.draftStream;
        // A resubscription replays stored chunks: keep each sequence once.
        if (!chunk || chunk.sequence <= lastSequence) continue;
        lastSequence = chunk.sequence;
        text = chunk.replace ? chunk.delta : text + chunk.delta;
        onText(text);
        if (chunk.done) {
          if (chunk.error) throw new PageError(chunk.error.code, chunk.error.message);
          if (!chunk.draft) throw new PageError('STREAM_ENDED', 'The stream ended without a draft.');
          return chunk.draft;
        }
      }
    } catch (error) {
      throw fromStreamError(error);
    }
    throw new PageError('STREAM_ENDED', 'The stream ended before its last chunk.');
  }

  /**
   * Wires a generation form. On submit: the selected feature's input (`features[feature]` has
   * `field`, `inputType` and `input(formValues)`), its mutation selecting `draftFragment` (a
   * named fragment on Draft), then for a streamed draft its stream to the end. Reports through
   * the page's callbacks: `reset` (before a run), `setStatus` (a line for the user), `onCreated`
   * (the draft as first returned, optional), `onText` (the streamed text so far), `onDraft` (the
   * final draft), `onError`. A new submit replaces the run in progress, whose results are dropped.
   */
  function setUpGenerationForm(page) {
    const { form, button, busy, features, selectedFeature, formValues, stream = () => true, operationName, draftFragment } = page;
    const fragmentName = /fragment\s+(\w+)/.exec(draftFragment)?.[1];
    let currentRun = 0;

    async function generate() {
      const run = ++currentRun;
      const isCurrent = () => run === currentRun;
      const feature = selectedFeature();
      const { field, inputType, input } = features[feature];
      const streamed = stream();
      page.reset();
      let variables;
      try {
        variables = { input: { ...input(formValues(feature)), stream: streamed } };
      } catch (error) {
        page.onError(error);
        return;
      }
      button.disabled = true;
      busy.setAttribute('aria-busy', 'true');
      try {
        const mutation = `mutation ${operationName}($input: ${inputType}!) { draft: ${field}(input: $input) { ...${fragmentName} } } ${draftFragment}`;
        await runGeneration(mutation, variables, isCurrent, page);
      } finally {
        if (isCurrent()) {
          button.disabled = false;
          busy.setAttribute('aria-busy', 'false');
        }
      }
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void generate();
    });
  }

  async function runGeneration(mutation, variables, isCurrent, { draftFragment, setStatus, onCreated = () => {}, onText, onDraft, onError }) {
    setStatus(variables.input.stream ? 'Starting the generation…' : 'Generating…');
    const started = performance.now();
    try {
      let draft = (await graphql(mutation, variables)).draft;
      if (!isCurrent()) return;
      onCreated(draft);
      if (draft.state === 'STREAMING') {
        setStatus('Streaming the draft…');
        const final = await followStream(draft.id, draftFragment, onText, isCurrent);
        if (!final) return;
        draft = final;
      }
      if (!isCurrent()) return;
      onDraft(draft);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (draft.state === 'FAILED') {
        setStatus(`The generation failed after ${seconds} s.`);
        onError(new PageError(draft.error?.code ?? 'FAILED', draft.error?.message ?? 'The generation failed.'));
      } else {
        setStatus(`Draft ${draft.state === 'COMPLETE' ? 'complete' : draft.state.toLowerCase()} in ${seconds} s.`);
      }
    } catch (error) {
      if (!isCurrent()) return;
      setStatus('The request failed.');
      onError(error);
    }
  }

  /**
   * Wires thumbs up/down buttons: each sends the rating (and the comment, if any) for the draft
   * `currentDraft()` returns, and writes the outcome into `status` (its `data-feedback-id` is the
   * stored feedback's id).
   */
  function setUpFeedback({ buttons, comment, status, currentDraft }) {
    const send = async (rating) => {
      const draft = currentDraft();
      if (!draft) return;
      for (const button of buttons) button.disabled = true;
      status.textContent = 'Sending…';
      const text = comment.value.trim();
      try {
        const { submitDraftFeedback: stored } = await graphql(
          `mutation PageFeedback($input: DraftFeedbackInput!) { submitDraftFeedback(input: $input) { id rating } }`,
          { input: { draftId: draft.id, rating, ...(text && { comment: text }) } },
        );
        if (currentDraft() !== draft) return;
        status.dataset.feedbackId = stored.id;
        status.textContent = `Thanks: ${stored.rating === 'UP' ? 'thumbs up' : 'thumbs down'} recorded.`;
      } catch (error) {
        const problem = error instanceof PageError ? error : new PageError('CLIENT_ERROR', String(error));
        status.textContent = `Feedback not recorded: ${problem.code}: ${problem.message}`;
      } finally {
        for (const button of buttons) button.disabled = false;
      }
    };
    for (const button of buttons) button.addEventListener('click', () => void send(button.dataset.rating));
  }

  return { setUpToken, graphql, followStream, setUpGenerationForm, setUpFeedback };
}
