/**
 * One rule per kind of secret. Rules run in order, each in one pass over the text: specific
 * formats first (a GitHub token must be reported as a GitHub token, not as a high-entropy
 * string), generic ones last.
 *
 * Linearity: every pattern starts behind a lookbehind that allows one start per token, uses
 * bounded or disjoint repetitions only, and leaves judgement (Luhn, entropy, placeholders) to
 * code. No pattern can backtrack catastrophically; bench/guard-eval.ts checks 1 MB vs 4 MB.
 */
import { looksLikeRandomSecret, passesLuhn } from './checks.js';
import { hasSecretEvidence } from './evidence.js';
import {
  aboutTheKey,
  commandLineSecrets,
  isCredentialUnderKeyKey,
  isMasked,
  isSecretKey,
  isSecretValue,
  keyNamedAssignment,
  keyValueAssignment,
  looksGenerated,
  nameValuePair,
  objectValueSecret,
  netrcPassword,
  pgpassLine,
  phpDefine,
  proseCredential,
  proseKey,
  prosePassword,
  referenceValue,
  registryToken,
  urlPathToken,
  urlQuerySecret,
  xmlElementSecret,
} from './config-secrets.js';
import { isAmongNumericColumns, isIssuableSsn, isNinoMatch, isValidIban, ninoPattern, ssnContext } from './national-ids.js';
import { findPhoneNumbers, isIdentifierField } from './phone-numbers.js';
import { kubernetesCredentialSpans } from './kubernetes-secrets.js';
import { printedSecretSpans } from './printed-secrets.js';
import { isMeasuredQuantity } from './quantities.js';
import { privateKeyDumpSpans } from './private-key-dumps.js';
import { isArchitecture, isFileNotAddress, isHmacValue, isLogShapeNotSecret, isPaginationKey } from './log-shapes.js';
import { hasUnescapedColon, isHexByteDump, isPamTag, isSshProtocolName } from './program-messages.js';
import { placeholder, type RedactionType } from './types.js';

export interface RedactionRule {
  type: RedactionType;
  /** Replaces what the rule finds; calls `found` once per replacement. */
  apply(text: string, found: () => void): string;
}

const isPlaceholder = (value: string): boolean => value.startsWith('[REDACTED:');

// Values that stand for a secret without being one: templates, masks, variables, states, and
// permission levels (`id-token: write` in a GitHub Actions `permissions:` block).
const notAValue =
  /^(?:\*+|x{3,}|\.{3}|…|<[^>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{[^}]*\}\}|%\([a-z_]+\)s|%s|\[(?:redacted|filtered|masked|hidden|removed|scrubbed|sensitive)[^\]]*\]?|\[[a-z][a-z _-]{1,30}\]?|your[_-][a-z0-9_-]{1,40}|redacted|filtered|masked|hidden|inherit|(?:replace|change|set)[_-]?me|todo|tbd|fixme|placeholder|null|none|nil|true|false|undefined|empty|unset|required|optional|string|str|int|bool|boolean|number|bigint|unknown|never|void|expired|invalid|missing|rotated|revoked|refreshed|present|absent|ok|yes|no|on|off|enabled|disabled|reset|set|valid|changed|wrong|incorrect|updated|needed|read|write|read-?only|read-?write|write-?only|read-all|write-all|\?+)$/i;

/** A value in words telling the reader what to put there (`put your unique phrase here`, `enter your key`). */
const isInstructionText = (value: string): boolean => /^(?:[A-Za-z]+ ){2,10}[A-Za-z]+$/.test(value) && /\b(?:your|here)\b/i.test(value);

/** Not a secret's value: a template, mask, variable or state word, or a value a tool printed masked. */
const isNonValue = (value: string): boolean => notAValue.test(value) || isMasked(value);

/** A rule from a global pattern; `group` is the capture holding the secret (0: the whole match). */
function patternRule(type: RedactionType, pattern: RegExp, options: { group?: number; accept?: (secret: string, match: RegExpExecArray) => boolean } = {}): RedactionRule {
  const group = options.group ?? 0;
  return {
    type,
    apply(text, found) {
      pattern.lastIndex = 0;
      return text.replace(pattern, (...args: unknown[]) => {
        // Callback arguments: the match, one per capture group, the offset, the whole input.
        const offset = args[args.length - 2] as number;
        const groups = args.slice(0, -2) as (string | undefined)[];
        const whole = groups[0] ?? '';
        const secret = groups[group];
        if (secret === undefined || secret.length === 0 || isPlaceholder(secret)) return whole;
        const match = Object.assign([...groups], { index: offset, input: text }) as unknown as RegExpExecArray;
        if (options.accept && !options.accept(secret, match)) return whole;
        found();
        if (group === 0) return placeholder(type);
        // Nested groups make the sum of the earlier groups overshoot; the secret is then the last copy.
        let start = whole.indexOf(secret, groups.slice(1, group).reduce((length, value) => length + (value?.length ?? 0), 0));
        if (start === -1) start = whole.lastIndexOf(secret);
        return `${whole.slice(0, start)}${placeholder(type)}${whole.slice(start + secret.length)}`;
      });
    },
  };
}

/** A rule from a finder of spans (sorted, disjoint): each span is replaced by one placeholder. */
function spanRule(type: RedactionType, find: (text: string) => readonly { start: number; end: number }[]): RedactionRule {
  return {
    type,
    apply(text, found) {
      const spans = find(text);
      if (spans.length === 0) return text;
      let result = '';
      let last = 0;
      for (const span of spans) {
        result += text.slice(last, span.start) + placeholder(type);
        last = span.end;
        found();
      }
      return result + text.slice(last);
    },
  };
}

/**
 * PEM private keys, multi-line or with escaped `\n`, found by scanning rather than by a
 * pattern: from BEGIN to the matching END, or to the end of the base64 body when a log cut
 * the key short.
 */
const privateKeyRule: RedactionRule = {
  type: 'private_key',
  apply(text, found) {
    const begin = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-----/g;
    let result = '';
    let last = 0;
    for (let match = begin.exec(text); match !== null; match = begin.exec(text)) {
      if (match.index < last) continue;
      const end = `-----END ${match[1] ?? ''}PRIVATE KEY${match[2] ?? ''}-----`;
      const endIndex = text.indexOf(end, match.index + match[0].length);
      let stop: number;
      if (endIndex !== -1) {
        stop = endIndex + end.length;
      } else {
        stop = match.index + match[0].length;
        // Truncated key: consume the base64 body, headers and (escaped) line breaks.
        while (stop < text.length) {
          const rest = /^(?:[A-Za-z0-9+/=]|\s|\\n|\\r|Proc-Type:[^\n]*|DEK-Info:[^\n]*)/.exec(text.slice(stop, stop + 200));
          if (!rest) break;
          stop += rest[0].length;
        }
      }
      result += text.slice(last, match.index) + placeholder('private_key');
      last = stop;
      begin.lastIndex = stop;
      found();
    }
    return last === 0 ? text : result + text.slice(last);
  },
};


/** The rest of the line after a match, to tell an assignment from the first word of a sentence. */
const lineAfter = (match: RegExpExecArray): string => {
  const end = match.index + (match[0] ?? '').length;
  const newline = match.input.indexOf('\n', end);
  return match.input.slice(end, newline === -1 ? Math.min(match.input.length, end + 200) : Math.min(newline, end + 200));
};

/** Where a matched value starts: the value is the match's last characters. */
const valueStart = (match: RegExpExecArray, value: string): number => match.index + (match[0] ?? '').length - value.length;

/** "password policy", "password reset", "password rotation": prose about a setting, not a password. */
const passwordSetting = /^(?:password|passphrase|passcode|passwort|pwd|pw)[\s_-]+(?:policy|policies|reset|resets|change|changes|rotation|length|expiry|expiration|age|history|complexity|requirements?|rules?|manager|hint|field|prompt|strength|min|max|minimum|maximum|settings?)\b/i;

/**
 * Assignments whose key names a secret without the value being one: a digest of it
 * (`checksum/secret: <sha256>`, a Helm annotation), an IAM action inside one string
 * (`"secretsmanager:GetSecretValue"`), and ciphertext meant to be committed (SealedSecret
 * `encryptedData:`, SOPS `sops:` files).
 */
function namesNotHoldsSecret(match: RegExpExecArray): boolean {
  const before = match.input.slice(Math.max(0, match.index - 400), match.index);
  if (/(?:checksum|hash|digest|sha\d{0,3}|md5)[/._-]$/i.test(before)) return true;
  if (/["']$/.test(before) && match[3] === ':' && /^(?:[A-Z][A-Za-z]{2,60}\*?|\*)$/.test(match[4] ?? '')) return true;
  return inCommittedCiphertext(before);
}

/** Text under a SealedSecret's `encryptedData:` block: ciphertext only its cluster's controller can open. */
const inCommittedCiphertext = (before: string): boolean =>
  // Only within the same YAML document: a plain Secret after `---` is judged as usual.
  /(?:^|\n)[ \t]*(?:encryptedData|encrypted_data):[ \t]*\n|kind:[ \t]*SealedSecret/.test(before.slice(before.lastIndexOf('\n---') + 1));

/**
 * Keys naming an identifier: any key whose last word is `id`, `uuid` or `guid` (`request_id=`,
 * `"UserId": "`, `elasticsearch.node.id`, `lease_id=`, a bare `id =`), a JWKS `kid`, an OAuth
 * `state`, a `nonce`, an HTTP `ETag`, a `correlation`/`traceparent` header: a random-looking value
 * there is an id, not a secret. A session id and Vault's
 * `secret_id` are credentials, so keys naming a session or a secret are left out.
 */
// The key before a value, quotes (JSON-escaped too) and a weak ETag's `W/` allowed between.
const keyBefore = /([A-Za-z0-9_.-]{1,60})["']?[ \t]*[:=][ \t]*(?:\\?["'])?(?:W\/)?(?:\\?["'])?$/;
function isIdentifierKey(before: string): boolean {
  const key = keyBefore.exec(before)?.[1];
  if (key === undefined || /(?:session|sess|secret)[_.-]?id$|^sid$/i.test(key)) return false;
  return /(?:^|[_.-])(?:id|ids|uuid|guid|amz-id(?:-\d)?|nonce|kid|state|etag|correlation|traceparent|tracestate)$/i.test(key) || /[a-z0-9](?:Id|ID|Uuid|UUID|Guid)$/.test(key);
}

/** Role and no-reply mailboxes (`noreply@…`, `ci-bot@users.noreply.github.com`) name a function, not a person. */
// A cloud workload identity (`etl-sa@acme.iam.gserviceaccount.com`, GKE's `…@proj.svc.id.goog`) names a program's account, not a person.
const roleMailbox = /^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|hostmaster|webmaster|abuse|security|releases?|notifications?|alerts?|[a-z0-9-]*-bot|[a-z0-9-]*\[bot\])@|@users\.noreply\.|@noreply\.|@(?:[a-z0-9-]+\.)*gserviceaccount\.com$|\.svc\.id\.goog$/i;

/** An Erlang node's name (`rabbit@rmq-2`, `ejabberd@host`) is written `name@host` and named a node by the words before it. */
const erlangNodeLead = /\bnodes?[ \t]*[:=]?[ \t]*['"]?$/i;

/** OpenSSH public keys (`ssh-ed25519 AAAA…`) are published on purpose. */
const publicKeyPrefix = /(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d{3}|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+$/;

/**
 * Random-looking tokens that are public or name something, judged by what surrounds them: key
 * fingerprints (`SHA256:Bc8z…` in sshd logs), Go module sums (`h1:…=`), public keys, a value under
 * an id key, committed ciphertext, the body of a certificate or public key, a JWK's public
 * members, and a column of a tab-separated log record.
 */
function isPublicOrIdentifier(secret: string, match: RegExpExecArray): boolean {
  const before = match.input.slice(Math.max(0, match.index - 48), match.index);
  return (
    /(?:SHA(?:1|256|384|512)|MD5|h1):$/i.test(before) ||
    publicKeyPrefix.test(before) ||
    isIdentifierKey(before) ||
    (publicJwkMember.test(before) && /"kty"\s*:/.test(match.input.slice(Math.max(0, match.index - 600), match.index + secret.length + 600))) ||
    inPublicPemBlock(match.input, match.index) ||
    isLogColumn(match.input, match.index, secret.length) ||
    isBracketedField(match.input, match.index, secret.length) ||
    operationNoun.test(before) ||
    inCommittedCiphertext(match.input.slice(Math.max(0, match.index - 400), match.index))
  );
}

/**
 * The public members of a JSON Web Key (`x`, `y` of an EC key, `n`, `e` of an RSA key, the `x5t`
 * thumbprints). The private members (`d`, `p`, `q`, `dp`, `dq`, `qi`, `k`) are not listed and stay secrets.
 */
const publicJwkMember = /"(?:x|y|n|e|x5t|x5t#S256)"\s*:\s*"$/;

/**
 * Inside a PEM block that is not a private key (`BEGIN CERTIFICATE`, `BEGIN PUBLIC KEY`, a CSR,
 * a CRL): published on purpose. Private keys are removed whole by the first rule before this runs.
 */
function inPublicPemBlock(text: string, index: number): boolean {
  // The ranges are sorted and disjoint: a binary search keeps a text of many blocks linear.
  const ranges = publicPemRanges(text);
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle]!;
    if (index <= start) high = middle - 1;
    else if (index >= end) low = middle + 1;
    else return true;
  }
  return false;
}

// The ranges of the last text scanned: every token of one text asks, and the scan is linear.
let pemCache: { text: string; ranges: [number, number][] } = { text: '', ranges: [] };
function publicPemRanges(text: string): [number, number][] {
  if (pemCache.text === text) return pemCache.ranges;
  const ranges: [number, number][] = [];
  const begin = /-----BEGIN ([A-Z0-9 ]{1,40})-----/g;
  let endless = false; // once no END follows, none follows a later BEGIN either: not searched again
  for (let match = begin.exec(text); match !== null; match = begin.exec(text)) {
    const end: number = endless ? -1 : text.indexOf('-----END ', begin.lastIndex);
    endless = end === -1;
    // A block a log cut short ends with its base64 body.
    const stop = end === -1 ? begin.lastIndex + (/^(?:[ \t]*\r?\n[ \t]*[A-Za-z0-9+/=]{1,100}(?=[ \t]*(?:\r?\n|$)))*/.exec(text.slice(begin.lastIndex, begin.lastIndex + 65536))?.[0].length ?? 0) : end;
    if (!/PRIVATE|SECRET/.test(match[1]!)) ranges.push([match.index, stop]);
    if (end === -1) continue;
    begin.lastIndex = end;
  }
  pemCache = { text, ranges };
  return ranges;
}

/**
 * A whole column of a tab-separated log record with eight or more columns (CloudFront, ELB, W3C
 * extended logs): such formats write request ids and hashes in their columns, and a credential in
 * one would sit in a URL query or a header, which the labeled rules judge. Looks at most 4 KB
 * either side, so a long line costs no more than a short one.
 */
function isLogColumn(text: string, index: number, length: number): boolean {
  if (text[index - 1] !== '\t' || !['\t', '\n', '\r', undefined].includes(text[index + length])) return false;
  let tabs = 0;
  for (let at = index - 1; tabs < 7 && at >= Math.max(0, index - 4096) && text[at] !== '\n'; at -= 1) if (text[at] === '\t') tabs += 1;
  for (let at = index + length; tabs < 7 && at < Math.min(text.length, index + length + 4096) && text[at] !== '\n'; at += 1) if (text[at] === '\t') tabs += 1;
  return tabs >= 7;
}

/**
 * A noun naming a run of work right before the token (`multipart upload <id> completed`, `job <id>`,
 * `execution <id>`): logs name an operation by its id this way; a credential follows a key or a
 * credential word, never one of these.
 */
const operationNoun = /(?<![A-Za-z])(?:upload|job|build|execution|run|task|deployment|operation|workflow|pipeline)[ \t]+$/i;

/**
 * A whole field of a run of bracketed or braced fields (`[<node id>][es-data-2][/usr/share/…]`,
 * `{os-4}{<node id>}{10.2.0.14}`): Elasticsearch, log4j and Java loggers print node ids, thread
 * names and indices this way; a credential is written after a key, not as a field next to another.
 */
function isBracketedField(text: string, index: number, length: number): boolean {
  const open = text[index - 1];
  const close = open === '[' ? ']' : open === '{' ? '}' : undefined;
  if (close === undefined || text[index + length] !== close) return false;
  return text[index - 2] === close || text[index + length + 1] === open;
}

const awsContext = /aws|amazon|akia|asia|secret|\[REDACTED:aws_access_key\]/i;

export const redactionRules: readonly RedactionRule[] = [
  privateKeyRule,
  // A private key printed by `openssl rsa|pkey|ec -text`: hex lines under its secret members.
  spanRule('private_key', privateKeyDumpSpans),
  patternRule('jwt', /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g),
  patternRule('aws_access_key', /(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g),
  patternRule(
    'aws_secret_key',
    /(?<![A-Za-z0-9])((?:aws)?_?secret_?(?:access)?_?key(?:_?id)?|SecretAccessKey|aws_secret)(["']?\s*(?:[:=]|=>)\s*["']?|\s+)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    { group: 3 },
  ),
  patternRule('aws_secret_key', /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, {
    // A bare 40-character base64 token is an AWS secret key only next to AWS words or a key id.
    accept: (secret, match) => /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /\d/.test(secret) && awsContext.test(match.input.slice(Math.max(0, match.index - 300), match.index)),
  }),
  patternRule('github_token', /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])/g),
  patternRule('slack_webhook', /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{8,300}/g, {
    // A URL whose path after `services/` is only placeholders (`services/REDACTED`, `services/XXX/XXX`) holds nothing.
    accept: (secret) => !secret.split('/').slice(4).filter((segment) => segment.length > 0).every((segment) => isNonValue(segment)),
  }),
  patternRule('slack_token', /(?<![A-Za-z0-9-])(?:xox[abposre]|xapp)-[A-Za-z0-9-]{10,250}/g),
  patternRule('stripe_key', /(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9]{20,100})(?![A-Za-z0-9])/g),
  patternRule('anthropic_key', /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,400}(?![A-Za-z0-9_-])/g),
  patternRule('openai_key', /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,400}(?![A-Za-z0-9_-])/g, {
    accept: (secret) => /\d/.test(secret) && /[A-Za-z]/.test(secret) && !/^sk-[a-z]+(?:-[a-z]+)+$/.test(secret),
  }),
  patternRule('google_api_key', /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g),
  patternRule('bearer_token', /(?<![A-Za-z0-9])((?:authorization|proxy-authorization)\s*["']?\s*[:=]\s*["']?\s*(?:bearer|token|basic)\s+|bearer\s+)([A-Za-z0-9._~+/-]{12,4096}=*)/gi, {
    group: 2,
    accept: (secret) => /\d/.test(secret) || secret.length >= 24,
  }),
  patternRule('url_password', /(?<![A-Za-z0-9+.-])([a-z][a-z0-9+.-]{1,20}:\/\/)([^\s:/@'"<>]{0,128}):([^\s@/'"<>]{1,256})@/gi, {
    group: 3,
    accept: (secret) => !isNonValue(secret),
  }),
  spanRule('password', (text) => kubernetesCredentialSpans(text, (value) => isNonValue(value) || referenceValue.test(value))),
  patternRule('password', xmlElementSecret, {
    group: 3,
    accept: (secret, match) => isSecretKey(match[2] ?? '') && !isNonValue(secret) && secret.length >= 3 && isSecretValue(match[2] ?? '', secret, ''),
  }),
  // WordPress ships `'put your unique phrase here'`: an instruction in words, not a key or a salt.
  patternRule('password', phpDefine, { group: 4, accept: (secret) => !isNonValue(secret) && !isInstructionText(secret) }),
  patternRule('password', keyValueAssignment, {
    group: 4,
    accept: (secret, match) => {
      const key = match[2] ?? '';
      // A closing backtick or parenthesis after a placeholder is prose around it (`export API_TOKEN=...`).
      if (!isSecretKey(key) || notAValue.test(secret) || notAValue.test(secret.replace(/[`)]+$/, '')) || secret.length < 3) return false;
      // `"secrets:check": "…"`: the "value" closes a quoted name that is itself a key (npm scripts, Make-style targets).
      if (/^["']\s*:/.test(lineAfter(match)) && /["']$/.test(match.input.slice(Math.max(0, match.index - 1), match.index + (match[1] ?? '').length))) return false;
      if (isPaginationKey(key) || isArchitecture(secret) || isHmacValue(secret)) return false; // log-shapes.ts (redfp3)
      if (!isSecretValue(key, secret, lineAfter(match))) return false;
      // A logfmt record after a program's name and a colon (`external-secrets: level=info msg=…`): the "key" was the program.
      if (!(match[3] ?? '').includes('=') && /^[a-z][a-z0-9_]*=/.test(secret) && /^[ \t]+[a-z][a-z0-9_.]*=/.test(lineAfter(match))) return false;
      if (namesNotHoldsSecret(match)) return false;
      // `pam_unix(chpasswd:chauthtok)`: PAM's tag names a service and a management group.
      if (isPamTag(secret, match.input.slice(Math.max(0, match.index - 80), valueStart(match, secret)), lineAfter(match))) return false;
      // `arn:aws:secretsmanager:…:secret:prod/db` names a secret inside a resource name.
      if (/\barn:[\w-]+:[^\s"'\]]*$/.test(match.input.slice(Math.max(0, match.index - 200), match.index))) return false;
      // A number is a password only under a password key ("token_count=5", "auth=1" are settings).
      if (/^\d+$/.test(secret) && !(/pass|pwd|pin/i.test(key) && secret.length >= 4)) return false;
      // "secret: payments-db-credentials" names a Kubernetes Secret object, it is not one.
      return !(/^["']?secrets?["']?$/i.test(key) && /^[a-z]+(?:-[a-z0-9]+)+$/.test(secret));
    },
  }),
  patternRule('password', keyNamedAssignment, {
    group: 4,
    // A reference (`$__env{GF_SECRET_KEY}`, `${VAR}`, `secrets.X`) points at the secret; it is not one.
    accept: (secret, match) => isCredentialUnderKeyKey(match[2] ?? '', secret) && !isNonValue(secret) && !referenceValue.test(secret),
  }),
  patternRule('password', nameValuePair, {
    group: 4,
    accept: (secret, match) => isSecretKey(match[3] ?? '') && !isNonValue(secret) && secret.length >= 3 && isSecretValue(match[3] ?? '', secret, lineAfter(match)),
  }),
  patternRule('password', objectValueSecret, {
    group: 3,
    accept: (secret, match) => isSecretKey(match[2] ?? '') && !isNonValue(secret) && isSecretValue(match[2] ?? '', secret, lineAfter(match)),
  }),
  patternRule('url_token', urlQuerySecret, { group: 2, accept: (secret) => !isNonValue(secret) && /\d/.test(secret) && /[A-Za-z]/.test(secret) }),
  // `password =` with nothing after it (an INI key left empty) is no `.netrc` line: its "value" is the separator.
  patternRule('password', netrcPassword, { group: 2, accept: (secret) => !isNonValue(secret) && !/^[=:]/.test(secret) }),
  // A `.pgpass` password escapes `:` as `\:`; a line of colon-separated hex pairs is a byte dump (openssl -text).
  patternRule('password', pgpassLine, { group: 2, accept: (secret, match) => !isNonValue(secret) && !hasUnescapedColon(secret) && !isHexByteDump(match[0] ?? '') }),
  ...commandLineSecrets.map((pattern) =>
    patternRule('password', pattern, {
      group: pattern.source.includes('curl') ? 4 : 3,
      // `gcloud secrets versions access latest --secret=stripe-api-key`: a flag named only `secret`
      // taking a kebab-case name of words names the stored secret, as `secret: payments-db-credentials` does.
      accept: (secret, match) =>
        !isNonValue(secret) && isSecretValue('', secret, lineAfter(match)) && !(/--?secrets?(?:\s+|=|["'],[ \t]*["'])$/i.test(match[1] ?? '') && /^[a-z]+(?:-[a-z0-9]+)+$/.test(secret)),
    }),
  ),
  // A value printed under a trace line that reads a secret (`+ terraform output -raw db_password`).
  spanRule('password', (text) => printedSecretSpans(text, isNonValue)),
  patternRule('api_token', registryToken),
  patternRule('password', prosePassword, {
    group: 2,
    // Prose: "the password is hunter2!" but not "the password is rotated".
    accept: (secret, match) =>
      !notAValue.test(secret.replace(/[.)]+$/, '')) &&
      /[\d!@#$%^&*+=?_~]/.test(secret) &&
      !/^\d{1,4}$/.test(secret) &&
      // "password policy: min_length 10" is about a setting; a snake_case name is not a password.
      !passwordSetting.test(match[1] ?? '') &&
      !namesNotHoldsSecret(match) &&
      isSecretValue('', secret, '') &&
      // "succeeded in 00:00:42": a time or a duration, read after a job named "rotate-db-password".
      !/^\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?$/.test(secret) &&
      !/^[a-z]+(?:_[a-z]+)+$/.test(secret),
  }),
  // A value opening a bracket is an option list (PAM's `password [success=1 default=ignore] pam_unix.so`).
  patternRule('password', proseCredential, { group: 2, accept: (secret) => !/^[[({]/.test(secret) && looksGenerated(secret.replace(/[.)]+$/, '')) }),
  // "app key for the webhook: <hex>": a key named in prose; hex counts here, as the name says what it is.
  patternRule('password', proseKey, {
    group: 3,
    accept: (secret, match) => {
      // A terminal colour code (ESC `[32m`) ends the word before it: captured test or CLI output.
      const value = secret.split('\u001b')[0]!.replace(/[.)]+$/, '');
      // `(key_id=kid_…` opens a parenthetical or an assignment: the next words describe the key.
      // `deploy-bot-2026Q4-prod`: three or more dashed or dotted parts make a name, not a key.
      if (/^[([{<]/.test(value) || /=[^=]/.test(value) || /^[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+){2,}$/.test(value)) return false;
      return !aboutTheKey.test(match[2] ?? '') && !isNonValue(value) && (/^[0-9a-f]{32,}$/i.test(value) || looksGenerated(value)) && isSecretValue('', value, lineAfter(match));
    },
  }),
  patternRule('url_token', urlPathToken, {
    group: 1,
    // A hex or UUID segment under a `keys/` or `tokens/` collection names a key or a token (GCP
    // service-account and KMS key ids, `/api/tokens/<uuid>/metadata`); the material never sits in a URL path. Tokens glued to `bot`, `token/`, `hooks/` stay.
    accept: (secret, match) =>
      /\d/.test(secret) && /[A-Za-z]/.test(secret) && !/^[a-z]+(?:-[a-z]+)*$/.test(secret) && !(/^(?:keys?|tokens)\/$/i.test((match[0] ?? '').slice(0, -secret.length)) && /^[0-9a-f-]+$/i.test(secret)),
  }),
  patternRule('iban', /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g, {
    accept: (secret) => /^[A-Z]{2}/.test(secret) && isValidIban(secret),
  }),
  patternRule('ssn', /(?<![\w.-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w]|[.-]\d)/g, {
    accept: (_secret, match) => {
      if (!isIssuableSsn(match[1]!, match[3]!, match[4]!)) return false;
      if (ssnContext.test(match.input.slice(Math.max(0, match.index - 40), match.index))) return true;
      const end = match.index + match[0].length;
      // Blank-separated, it may be three counters of an access log (national-ids.ts); a unit after
      // it or a counter's name before it makes it a measurement (quantities.ts). redfp6.
      return !(match[2] === ' ' && isAmongNumericColumns(match.input, match.index, end)) && !isMeasuredQuantity(match.input, match.index, end);
    },
  }),
  patternRule('ssn', /(?<![\w.-])(\d{3})(\d{2})(\d{4})(?![\w]|[.-]\d)/g, {
    // Nine bare digits are an id or a counter unless the words before them say SSN.
    accept: (_secret, match) => isIssuableSsn(match[1]!, match[2]!, match[3]!) && ssnContext.test(match.input.slice(Math.max(0, match.index - 40), match.index)),
  }),
  patternRule('uk_nino', ninoPattern, { accept: (_secret, match) => isNinoMatch(match) }),
  patternRule('card_number', /(?<![0-9A-Za-z.-])(?:\d[ -]?){12,18}\d(?![0-9A-Za-z-]|\.\d)/g, {
    accept: (secret, match) => {
      // Digits under a field named as an id (`id=`, `accountId`) number a record (phone-numbers.ts).
      if (isIdentifierField(match.input.slice(Math.max(0, match.index - 48), match.index))) return false;
      const digits = secret.replace(/[ -]/g, '');
      if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
      // Cards starting with 2 are Mir (2200-2204) or Mastercard (2221-2720); `2026…` is a timestamp or a migration version.
      if (digits.startsWith('2') && !(/^220[0-4]/.test(digits) || (Number(digits.slice(0, 4)) >= 2221 && Number(digits.slice(0, 4)) <= 2720))) return false;
      const separators = secret.match(/[ -]/g) ?? [];
      // Separated numbers use one kind of separator, in groups of at least three digits, or in
      // fours with a shorter last group (a 13-digit Visa printed as 4-4-4-1, a 19-digit card as 4-4-4-4-3).
      const groups = secret.split(/[ -]/);
      const inFours = groups.slice(0, -1).every((part) => part.length === 4) && groups.length >= 4;
      // Issuers print cards in groups of four to six digits (4-4-4-4, Amex 4-6-5); `2699 412510936940` is two numbers.
      if (groups.length > 1 && groups.some((part) => part.length > 6)) return false;
      if (separators.length > 0 && (new Set(separators).size > 1 || (!inFours && groups.some((part) => part.length < 3)))) return false;
      return passesLuhn(digits);
    },
  }),
  // An address may follow a terminal colour code (ESC `[32m`), whose digits and `m` are not its local part.
  patternRule('email', /(?:(?<![A-Za-z0-9._%+-])(?<!\u001b\[[0-9;]*)|(?<=\u001b\[[0-9;]*m))[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g, {
    accept: (secret, match) => {
      if (/\.(?:png|jpe?g|gif|svg|webp|css|js|ts|map|ico)$/i.test(secret) || roleMailbox.test(secret)) return false;
      if (isFileNotAddress(secret, match)) return false; // log-shapes.ts (redfp3)
      if (isSshProtocolName(match)) return false; // program-messages.ts (redfp7)
      if (erlangNodeLead.test(match.input.slice(Math.max(0, match.index - 12), match.index))) return false;
      // A systemd instance unit (`postgresql@16-main.service`, `getty@tty1.service`) is not an address.
      if (/\.(?:service|socket|timer|mount|automount|target|path|slice|scope|device|swap)$/i.test(secret)) return false;
      // `postgres://app@db-1.internal:5432/app`: a URL's user on its host, not a mailbox.
      if (match.input.slice(Math.max(0, match.index - 3), match.index) === '://') return false;
      // git@github.com:org/repo is an SSH remote, not a person.
      return !(/^(?:git|hg|ssh)@/i.test(secret) && match.input[match.index + secret.length] === ':');
    },
  }),
  spanRule('phone_number', findPhoneNumbers),
  // `=` only as base64 padding at the end: `KEY=value` is judged on its value, not as one token.
  patternRule('high_entropy_secret', /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}(?![A-Za-z0-9+/_-])/g, {
    accept: (secret, match) => looksLikeRandomSecret(secret) && !isPublicOrIdentifier(secret, match) && !isLogShapeNotSecret(secret, match) && hasSecretEvidence(secret, match),
  }),
];
