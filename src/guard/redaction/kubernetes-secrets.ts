/**
 * Kubernetes objects whose fields are credentials by declaration (issue 11, branch redfp5): the
 * values under `data:` and `stringData:` of a `kind: Secret` (YAML, or JSON as `kubectl get -o json`
 * prints it), and the client certificate and key of a kubeconfig user. Their keys are free names
 * (`.dockerconfigjson`, `tls.key`, `STRIPE`), so the key rules cannot judge them, and their base64
 * may decode to anything; the object's kind is the evidence.
 *
 * Every value of a Secret's data goes, a user name or a `tls.crt` too: the author declared them
 * secret, and a certificate's base64 begins like its key's (`LS0tLS1CRUdJTi…`, `-----BEGIN `). Kept:
 * values that hold nothing (empty, a template, a mask, a reference). A kubeconfig's
 * `certificate-authority-data` (the cluster's CA, published) is kept; the user's
 * `client-certificate-data` goes with its key: it names who the key logs in as.
 */

/** A `kind: Secret` line (top level or inside a List's items); not SealedSecret or ExternalSecret. */
const secretKindYaml = /^[ \t]*(?:-[ \t]+)?kind:[ \t]*["']?Secret["']?[ \t]*$/m;
const secretKindJson = /"kind"\s*:\s*"Secret"/;

/** Where one redacted value sits in the text. */
export interface FieldSpan {
  start: number;
  end: number;
}

/** Spans of the values under `data:`/`stringData:` of every YAML document that is a Secret. */
function yamlSecretDataSpans(text: string, holdsNothing: (value: string) => boolean): FieldSpan[] {
  const spans: FieldSpan[] = [];
  let documentStart = 0;
  for (const document of text.split(/(?<=\n)(?=---[ \t]*(?:\r?\n|$))/)) {
    if (secretKindYaml.test(document)) collectYamlData(document, documentStart, spans, holdsNothing);
    documentStart += document.length;
  }
  return spans;
}

function collectYamlData(document: string, offset: number, spans: FieldSpan[], holdsNothing: (value: string) => boolean): void {
  let blockIndent = -1; // indent of the `data:` line while inside its block
  let scalarIndent = -1; // indent of a field whose value is a block scalar (`|`, `>-`), while inside it
  let at = offset;
  for (const line of document.split('\n')) {
    const lineStart = at;
    at += line.length + 1;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (line.trim().length === 0) continue;
    if (scalarIndent !== -1) {
      if (indent > scalarIndent) {
        const content = line.slice(indent).replace(/\r$/, '');
        if (!content.startsWith('[REDACTED:')) spans.push({ start: lineStart + indent, end: lineStart + indent + content.length });
        continue;
      }
      scalarIndent = -1;
    }
    if (blockIndent !== -1 && indent <= blockIndent) blockIndent = -1;
    const opener = /^([ \t]*(?:-[ \t]+)?)(?:data|stringData):[ \t]*$/.exec(line.replace(/\r$/, ''));
    if (opener) {
      blockIndent = opener[1]!.length;
      continue;
    }
    if (blockIndent === -1) continue;
    const field = /^([ \t]*)(["']?)([^"'\s:#][^:\n]{0,252}?)\2:[ \t]+(["']?)(.*?)\4[ \t]*\r?$/.exec(line);
    if (!field) continue;
    const value = field[5];
    if (/^[|>][+-]?\d?$/.test(value!)) {
      scalarIndent = indent;
      continue;
    }
    if (value!.length === 0 || value!.startsWith('[REDACTED:') || holdsNothing(value!)) continue;
    const valueStart = lineStart + line.lastIndexOf(value!);
    spans.push({ start: valueStart, end: valueStart + value!.length });
  }
}

/** Spans of the string values inside `"data": {…}` / `"stringData": {…}` of a JSON Secret. */
function jsonSecretDataSpans(text: string, holdsNothing: (value: string) => boolean): FieldSpan[] {
  if (!secretKindJson.test(text)) return [];
  const spans: FieldSpan[] = [];
  const block = /"(?:data|stringData)"\s*:\s*\{([^{}]{0,65536})\}/g;
  for (let match = block.exec(text); match !== null; match = block.exec(text)) {
    const bodyStart = match.index + match[0].indexOf('{') + 1;
    const member = /"([^"\n]{1,253})"\s*:\s*"([^"\n]*)"/g;
    for (let entry = member.exec(match[1]!); entry !== null; entry = member.exec(match[1]!)) {
      const value = entry[2];
      if (value!.length === 0 || value!.startsWith('[REDACTED:') || holdsNothing(value!)) continue;
      const valueStart = bodyStart + entry.index + entry[0].length - value!.length - 1;
      spans.push({ start: valueStart, end: valueStart + value!.length });
    }
  }
  return spans;
}

/** A kubeconfig user's client certificate and key (`client-certificate-data:`, `client-key-data:`), YAML or JSON. */
function kubeconfigClientSpans(text: string): FieldSpan[] {
  const spans: FieldSpan[] = [];
  const field = /(["']?)client-(?:certificate|key)-data\1[ \t]*:[ \t]*["']?([A-Za-z0-9+/=]{16,})/g;
  for (let match = field.exec(text); match !== null; match = field.exec(text)) {
    const valueStart = match.index + match[0].length - match[2]!.length;
    spans.push({ start: valueStart, end: valueStart + match[2]!.length });
  }
  return spans;
}

/** Every span this module redacts in `text`, sorted and without overlaps. */
export function kubernetesCredentialSpans(text: string, holdsNothing: (value: string) => boolean): FieldSpan[] {
  if (!/kind|client-(?:certificate|key)-data/.test(text)) return [];
  const spans = [...yamlSecretDataSpans(text, holdsNothing), ...jsonSecretDataSpans(text, holdsNothing), ...kubeconfigClientSpans(text)].sort((a, b) => a.start - b.start);
  const kept: FieldSpan[] = [];
  for (const span of spans) if (kept.length === 0 || span.start >= kept.at(-1)!.end) kept.push(span);
  return kept;
}
