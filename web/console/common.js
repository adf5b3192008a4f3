// Shared by the console pages: the token, GraphQL over HTTP (POST /graphql, JSON), draftStream
// over graphql-ws, typed errors, and small DOM helpers. Model output is untrusted: it reaches
// the page only through render-draft.js (sanitized) or textContent.
import { createClient } from '/console/vendor/graphql-ws.mjs';

const tokenStorageKey = 'incident-ai.console.token';
const graphqlPath = '/graphql';

/** An error to show: a GraphQL `extensions.code` (or a local one) with its message. */
export class ConsoleError extends Error {
  constructor(code, message, extensions = {}) {
    super(message);
    this.code = code;
    this.extensions = extensions;
  }
}

/** The element with this id; throws when the page lacks it (a broken page fails loudly). */
export function element(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found;
}

/** A new element with attributes and children (strings become text nodes, never HTML). */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// --- token -------------------------------------------------------------------------------

const demoToken = (() => {
  const value = document.querySelector('meta[name="demo-token"]')?.getAttribute('content') ?? '';
  return value.includes('{{') ? '' : value.trim();
})();

let tokenInput = null;

/** Wires the page's token field: kept in this tab (sessionStorage), pre-filled with the demo token in development. */
export function setUpToken(input, showButton) {
  tokenInput = input;
  input.value = sessionStorage.getItem(tokenStorageKey) ?? demoToken;
  input.addEventListener('input', () => sessionStorage.setItem(tokenStorageKey, currentToken()));
  showButton?.addEventListener('click', () => {
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    showButton.textContent = show ? 'Hide' : 'Show';
    showButton.setAttribute('aria-pressed', String(show));
  });
}

function currentToken() {
  return tokenInput?.value.trim() ?? '';
}

function authorizationHeaders() {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

// --- transport ---------------------------------------------------------------------------

/** POST /graphql as JSON; resolves with `data`, throws a ConsoleError for GraphQL or HTTP errors. */
export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch(graphqlPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authorizationHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ConsoleError('NETWORK_ERROR', `The service did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ConsoleError(`HTTP_${response.status}`, `The service answered HTTP ${response.status} without a GraphQL result.`);
  }
  if (Array.isArray(body?.errors) && body.errors.length > 0) throw fromGraphQLErrors(body.errors);
  if (!body?.data) throw new ConsoleError(`HTTP_${response.status}`, 'The service answered without data.');
  return body.data;
}

function fromGraphQLErrors(errors) {
  const [first] = errors;
  const extensions = { ...(first?.extensions ?? {}) };
  return new ConsoleError(String(extensions.code ?? 'GRAPHQL_ERROR'), String(first?.message ?? 'Unknown error.'), extensions);
}

let wsClient = null;
let wsClientToken = null;

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
 * delta; resolves with the final draft (queried with `draftFragment`, named `ConsoleDraft`).
 * `isCurrent()` false stops following (a newer request replaced this one): resolves null.
 */
export async function followStream(draftId, draftFragment, onText, isCurrent = () => true) {
  const query = `subscription ConsoleDraftStream($draftId: ID!) {
    draftStream(draftId: $draftId) { sequence delta done error { code message } draft { ...ConsoleDraft } }
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
      text += chunk.delta;
      onText(text);
      if (chunk.done) {
        if (chunk.error) throw new ConsoleError(chunk.error.code, chunk.error.message);
        if (!chunk.draft) throw new ConsoleError('STREAM_ENDED', 'The stream ended without a draft.');
        return chunk.draft;
      }
    }
  } catch (error) {
    if (error instanceof ConsoleError) throw error;
    if (Array.isArray(error)) throw fromGraphQLErrors(error);
    throw new ConsoleError('WEBSOCKET_ERROR', error instanceof Error ? error.message : 'The subscription connection failed.');
  }
  throw new ConsoleError('STREAM_ENDED', 'The stream ended before its last chunk.');
}

/** Shows an error in a container holding .error-code and .error-message. */
export function showError(container, error) {
  const problem = error instanceof ConsoleError ? error : new ConsoleError('CLIENT_ERROR', error instanceof Error ? error.message : String(error));
  container.querySelector('.error-code').textContent = problem.code;
  container.querySelector('.error-message').textContent = problem.message;
  container.dataset.code = problem.code;
  container.hidden = false;
}

/** US dollars with enough digits for fractions of a cent. */
export const formatUsd = (value) => `$${Number(value ?? 0).toFixed(value && value < 0.01 ? 6 : 2)}`;
