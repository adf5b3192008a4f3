// Shared by the console pages: the token, GraphQL over HTTP (POST /graphql, JSON), draftStream
// over graphql-ws and typed errors (those from page-client.js, shared with the playground), and
// small DOM helpers. Model output is untrusted: it reaches the page only through render-draft.js
// (sanitized) or textContent.
import { createClient } from '/console/vendor/graphql-ws.mjs';
import { PageError as ConsoleError, createPageClient, followFeatureSelect } from './page-client.js';

const tokenStorageKey = 'incident-ai.console.token';

/** An error to show: a GraphQL `extensions.code` (or a local one) with its message. */
export { ConsoleError };

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

// --- token and transport (page-client.js, shared with the playground) ---------------------

const client = createPageClient({ createClient, tokenStorageKey });

/** Wires the page's token field: kept in this tab (sessionStorage), pre-filled with the demo token in development. */
export const setUpToken = (input, showButton) => client.setUpToken(input, showButton);
export const { graphql, followStream, setUpGenerationForm, setUpFeedback } = client;
export { followFeatureSelect };

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
