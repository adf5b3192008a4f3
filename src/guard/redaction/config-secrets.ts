/**
 * Secrets recognized by where they sit in a configuration file or a command line rather than
 * by their shape: the patterns and the judgement that tells a value from a setting.
 *
 * Kinds covered: `key = value` / `key: value` / `KEY=value` with a secret-like key (any key
 * naming a password, secret, token, API key, credential or private key, e.g. `DB_PASSWORD`,
 * `aws_session_token`, `_authToken`), `.netrc` lines, `.pgpass` lines, PHP `define()` of
 * WordPress passwords, keys and salts, and secrets passed to commands in shell history
 * (`mysql -pX`, `curl -u user:X`, `--password X`, `sshpass -p X`).
 */

/** The words a configuration key contains when its value is a secret. */
const secretWords = 'pass(?:word|wd|wort|phrase|code)?|pwd|pw|creds|key|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?|auth|sas[_-]?key|account[_-]?key|conn(?:ection)?[_-]?string|dsn';

/**
 * A configuration key naming a secret: the secret word, with any `prefix_`/`-`/`.` words before
 * and after it (`DB_PASSWORD`, `spring.datasource.password`, `_authToken`, `aws_session_token`).
 */
export const secretKey = `(?:[A-Za-z0-9]{1,30}[_.-]){0,4}[A-Za-z0-9]{0,20}?(?:${secretWords})(?:[_.-]?[A-Za-z0-9]{1,30}){0,3}`;

/**
 * Keys built on a secret word that name something else: a count, a file, a name, a type, a
 * setting. `secret_name: db-creds` and `token_ttl = 3600` hold no secret.
 */
const notSecretKey =
  /(?:^|[_.-])(?:names?|files?|paths?|dirs?|ref|refs|ids?|count|len|length|ttl|expiry|expires(?:[_.-]?(?:at|in))?|expiration|type|kind|size|limit|used|usage|policy|version|provider|url|uri|endpoint|header|method|mode|enabled|required|min|max|timeout|interval|lifetime|age|format|algorithm|alg|hint|prompt|label|field|param|strength|source|store|manager|rotation|chars?|regex|pattern|bytes|budget|rate|window|cost|input|output|total|bucket|env|var|variable|scopes?|audience|issuer)$|^(?:max|min|num|total|input|output|prompt|completion|cached|reasoning)[_.-]|^(?:auth(?:or|ors|ored|ority|orities|entication|enticated|enticate|orization|orized|orize|z|n))$|^tokeniz|^passthrough|^passive|^bypass|^compass|^password[_.-]?(?:reset|change|changed|policy|expired|age|history|complexity|min|max)/i;

/** Words that make a key a secret's name when they are one of its parts (`db_password`, `authToken`). */
const secretParts = new Set(['password', 'passwords', 'passwd', 'passwort', 'pass', 'pwd', 'pw', 'passphrase', 'passcode', 'secret', 'secrets', 'token', 'apikey', 'credential', 'credentials', 'creds', 'dsn']);
/** Pairs of parts that name a secret together (`api_key`, `private-key`, `client secret`). */
const secretPairs = /(?:^|_)(?:api|access|private|signing|encryption|master|secret|account|sas|routing|integration|service|webhook|license|subscription|storage|shared|app|client|auth|session|refresh|bearer|conn|connection)_(?:key|secret|token|string)(?:_|$)/;

/** The parts of a key: `spring.datasource.password` → spring, datasource, password; `authToken` → auth, token. */
const partsOf = (key: string): string[] =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part.length > 0);

/** Whether a matched key names a secret value rather than a setting about one. */
export function isSecretKey(key: string): boolean {
  const bare = key.replace(/^["'$-]+|["']+$/g, '');
  if (notSecretKey.test(bare.replace(/^_+/, ''))) return false;
  const parts = partsOf(bare);
  // `_auth` (.npmrc) is a secret; `auth`, `oauth_scopes` and `authorization` are not.
  if (/^_auth$/i.test(bare)) return true;
  // Run-together names (PGPASSWORD, MYSQLPWD, DBSECRET) hold the word inside one part.
  return parts.some((part) => secretParts.has(part) || /password|passwd|passphrase|secret|token|apikey|credential/.test(part)) || secretPairs.test(parts.join('_'));
}

/**
 * The whole assignment: key, separator (`=`, `:`, `=>`, `:=`, optional quotes and spaces,
 * JSON-escaped quotes) and the value, quoted or up to a delimiter. The key starts after no
 * letter, so `my_password` and `DB_PASSWORD` match from their start.
 */
export const keyValueAssignment = new RegExp(
  `(?<![A-Za-z0-9])(["']?)(_?${secretKey})\\1((?:\\\\?["'])?\\s{0,8}(?:[:=]|=>|:=)\\s{0,8}(?:\\\\?["'])?)((?!\\[REDACTED:)(?:(?<=["'])[^"'\\n\\\\]{1,512}(?=\\\\?["'])|[^\\s'",;&}<>\\]\\\\)]{1,512}))`,
  'gi',
);

/** `.netrc`: `machine host login user password value` (on one line or on its own line). */
export const netrcPassword = /(?<![A-Za-z0-9_-])((?:machine|default)\s+\S+.{0,200}?\s(?:password|passwd|account)\s+|^\s*(?:password|passwd)\s+)(\S{1,256})(?=\s*$)/gim;

/** `.pgpass`: `hostname:port:database:username:password`, a whole line. */
export const pgpassLine = /^(\s*[A-Za-z0-9_.*\-[\]]{1,253}:(?:\d{1,5}|\*):[^:\s]{1,128}:[^:\s]{1,128}:)([^\s]{1,256})\s*$/gm;

/** PHP `define('DB_PASSWORD', 'value')` and the WordPress keys and salts. */
export const phpDefine = /(define\s{0,4}\(\s{0,40}(["'])[A-Z0-9_]{0,40}(?:PASSWORD|PASS|PWD|SECRET|TOKEN|KEY|SALT|NONCE)[A-Z0-9_]{0,40}\2\s{0,40},\s{0,40}(["']))((?:(?!\3)[^\n\\]|\\.){1,512})\3/g;

/**
 * Secrets passed on a command line, as shell history keeps them: `mysql -pX`, `-p X` after a
 * MySQL client, `--password X`, `--token X`, `curl -u user:X`, `sshpass -p X`,
 * `htpasswd -b file user X`, `docker login -p X`.
 */
export const commandLineSecrets: readonly RegExp[] = [
  /((?:^|[\s;|&(`])(?:mysql|mysqldump|mysqladmin|mysqlimport|mariadb|mariadb-dump|mysqlsh)\b[^\n;|&]{0,200}?\s-p)(?!\s)(["']?)([^\s'"]{1,256})\2/g,
  /((?:^|[\s;|&(`])(?:sshpass|docker\s+login|podman\s+login|helm\s+registry\s+login|nerdctl\s+login)\b[^\n;|&]{0,200}?\s-p\s+)(["']?)([^\s'"]{1,256})\2/g,
  /((?:^|\s)--(?:password|passwd|pass|token|secret|api-key|apikey|auth-token|access-token|client-secret|secret-key|private-key-password|db-password)(?:\s+|=))(["']?)((?!-)[^\s'"]{1,512})\2/gi,
  /((?:^|[\s;|&(`])curl\b[^\n;|&]{0,300}?\s(?:-u|--user|--proxy-user|-U)\s*)(["']?)([^\s:'"]{1,128}:)([^\s'"]{1,256})\2/g,
  /((?:^|[\s;|&(`])htpasswd\s+(?:-\w+\s+)*-\w*b\w*\s+(?:-\w+\s+)*\S+\s+\S+\s+)(["']?)([^\s'"]{1,256})\2/g,
];

/** npm, PyPI and similar registry tokens recognized by their prefix. */
export const registryToken = /(?<![A-Za-z0-9_])(?:npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_-]{50,}|glpat-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|dop_v1_[a-f0-9]{64}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_])/g;

/**
 * A password given in a sentence: "the password for the break-glass account is maple3337",
 * "root pw for db-3: P@ss…". The value must hold a digit or a symbol, so "the password
 * policy is strict" and "password rotation is complete" are left alone.
 */
export const prosePassword = /(?<![A-Za-z_[:])((?:password|passphrase|passcode|passwort|pwd|pw)\b(?!\])[^.\n:=\[\]]{0,48}?(?:\s(?:is|was|ist|est|es)\s+|:\s*)["'`]?)([^\s'"`,;]{4,128})/gi;

/** A token glued to a credential word in a URL path: `/bot<token>/sendMessage`, `/token/<token>`. */
export const urlPathToken = /(?<=\/)(?:bot|token|tokens|key|keys|apikey|secret|hooks?)(?:[:=_/-])?([A-Za-z0-9:_-]{24,256})(?=[/?#"'\s]|$)/gi;
