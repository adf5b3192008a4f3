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

import { isMessageAfterKey } from './program-messages.js';

/** The words a configuration key contains when its value is a secret. */
const secretWords = 'pass(?:word|wd|wort|phrase|code)?|pwd|pw|creds|key|psk|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?|auth|sas[_-]?key|account[_-]?key|conn(?:ection)?[_-]?string|dsn';

/**
 * A configuration key naming a secret: the secret word, with any `prefix_`/`-`/`.` words before
 * and after it (`DB_PASSWORD`, `spring.datasource.password`, `_authToken`, `aws_session_token`).
 */
export const secretKey = `(?:[A-Za-z0-9]{1,30}[_.-]){0,4}[A-Za-z0-9]{0,20}?(?:${secretWords})(?:[_.-]?[A-Za-z0-9]{1,30}){0,3}`;

/**
 * Keys built on a secret word that name something else: a count, a file, a name, a type, a
 * setting. `secret_name: db-creds` and `token_ttl = 3600` hold no secret; nor do a key naming where
 * secrets are kept (`secrets_backend`, `secret_region`), a digest of one (`token_hash`,
 * `password_sha256`: a one-way hash is stored to compare, it does not log anyone in) or a
 * feature without one (`passwordlessLogin`, `tokenless_upload`).
 */
const notSecretKey =
  /(?:^|[_.-])(?:names?|files?|paths?|dirs?|ref|refs|ids?|count|len|length|ttl|expiry|expires(?:[_.-]?(?:at|in))?|expiration|type|kind|size|limit|used|usage|policy|version|provider|url|uri|endpoint|header|method|mode|enabled|required|min|max|timeout|interval|lifetime|age|format|algorithm|alg|hint|prompt|label|field|param|strength|source|store|manager|rotation|chars?|regex|pattern|bytes|budget|rate|window|cost|input|output|total|bucket|env|var|variable|scopes?|audience|issuer|arn|schedule|cron|selector|namespace|encryption|hashing|hasher|scheme|cipher|helpers?|backends?|region|zone|location|hash|hashed|digest|checksum|fingerprint|sha\d{0,3}|md5|duration|period|days|hours|minutes|seconds|delay|retention|retries|retry|attempts|backoff|grace|prefix|suffix|filters?|command|cmd|storage|typ)$|^(?:max|min|num|total|input|output|prompt|completion|cached|reasoning|existing|rotate|rotation|hashed)[_.-]|^(?:password|token|key|secret)less|^(?:auth(?:or|ors|ored|ority|orities|entication|enticated|enticate|orization|orized|orize|z|n))$|^tokeniz|^passthrough|^passive|^bypass|^compass|^password[_.-]?(?:reset|change|changed|policy|expired|age|history|complexity|min|max)/i;

/** Words that make a key a secret's name when they are one of its parts (`db_password`, `authToken`); `psk`, a pre-shared key (TLS resumption, WPA, IPsec), lets whoever holds it in. */
const secretParts = new Set(['password', 'passwords', 'passwd', 'passwort', 'pass', 'pwd', 'pw', 'passphrase', 'passcode', 'secret', 'secrets', 'token', 'apikey', 'credential', 'credentials', 'creds', 'dsn', 'psk']);
/** Pairs of parts that name a secret together (`api_key`, `private-key`, `client secret`). */
const secretPairs = /(?:^|_)(?:api|access|private|signing|encryption|master|secret|account|sas|routing|integration|service|webhook|license|subscription|storage|shared|app|client|auth|session|refresh|bearer|conn|connection)_(?:key|secret|token|string)(?:_|$)/;

/** The parts of a key: `spring.datasource.password` → spring, datasource, password; `authToken` → auth, token. */
const partsOf = (key: string): string[] =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part.length > 0);

/** A key that is a file name: a dotted name ending in a configuration file's extension. */
const fileNameKey = /[A-Za-z0-9]\.(?:properties|ya?ml|json|conf|cfg|ini|toml|xml|txt|env|jks|p12)$/i;

/** Whether a matched key names a secret value rather than a setting about one. */
export function isSecretKey(key: string): boolean {
  const bare = key.replace(/^["'$-]+|["']+$/g, '');
  const parts = partsOf(bare);
  // Judged on the parts too, so camelCase keys (`secretName`, `existingSecret`, `secretId`) read like snake_case ones.
  if (notSecretKey.test(bare.replace(/^_+/, '')) || notSecretKey.test(parts.join('_'))) return false;
  // `_auth` (.npmrc) is a secret; `auth`, `oauth_scopes` and `authorization` are not.
  if (/^_auth$/i.test(bare)) return true;
  // Run-together names (PGPASSWORD, MYSQLPWD, DBSECRET) hold the word inside one part.
  const isSecretPart = (part: string): boolean => secretParts.has(part) || /password|passwd|passphrase|secret|token|apikey|credential/.test(part);
  // A setting of the thing named right after the secret word: `SECRET_STORE_PROJECT`, `token_backend_url`.
  const last = parts.findLastIndex(isSecretPart);
  if (last !== -1 && last < parts.length - 1 && notSecretKey.test(`_${parts[last + 1]}`)) return false;
  // `adminPasswordKey: postgres-password` (Helm's `secretKeys`) names the field of a Secret that holds the password.
  if (last !== -1 && parts[last + 1] === 'key' && /^(?:pass(?:word|wd|phrase)?|pwd)$/.test(parts[last]!)) return false;
  // `apiKeyExistingSecret`, `existing_secret_name` (Helm): the name of a Secret object made elsewhere, not its value.
  if (parts.includes('existing')) return false;
  // A file name (`secrets.properties`, `tokens.yaml`) is not a key: `${file:/etc/kafka/secrets.properties:jaas}`.
  if (fileNameKey.test(bare)) return false;
  return parts.some(isSecretPart) || secretPairs.test(parts.join('_'));
}

/**
 * Values that point at a secret kept elsewhere instead of holding it: shell and template
 * expansions (`${DB_PASS:?must be set}`, `${{ secrets.X }}`), environment lookups in code
 * (`os.environ['X']`, `process.env.X`, `ENV.fetch`), cloud resource names (`arn:aws:…`),
 * SOPS ciphertext (`ENC[…]`) and YAML tags that fetch or decrypt (`!vault`, `!Ref`, `!secret`).
 */
export const referenceValue = /^(?:\$\{|\$\(|\{\{|\$[A-Za-z_]|%[A-Za-z_]+%|os\.(?:environ|getenv)|process\.env|ENV(?:\[|\.fetch)|env\(|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable|secrets\.|vault:|ref\+|arn:|\{cipher\}|projects\/[^/]+\/secrets\/|ENC\[|!(?:vault|Ref|Sub|GetAtt|ImportValue|FindInMap|Join|secret|env_var|include|reference)$)/i;

/** Words that only describe a secret or an option: `--password via the CLI`, `secret "db-creds"`. */
const describingWord = /^(?:via|option|options|flag|argument|parameter|instead|is|are|was|were|the|and|or|for|with|in|on|of|to|from|when|if|not|secret|secrets|password|passwords|token|tokens|credentials?|key|keys)$/i;

/**
 * Whether a value found after a secret-named key is a secret rather than a reference to one,
 * a describing word, or the first word of a sentence (`aws_secret.db: Creation complete after 1s`).
 * `after` is the text that follows the value on its line.
 */
/** A value that opens a call: `client.refresh(`, `Controller::revoke(`, `env(`. */
const codeCall = /^:{0,2}[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*\(/;

export function isSecretValue(key: string, value: string, after: string): boolean {
  if (referenceValue.test(value) || describingWord.test(value) || isTokenPrefix(key, value)) return false;
  // `tests/test_tokens.py::test_rotation[es256]`, `Token::refresh`: a doubled colon joins a scope and a name, it assigns nothing.
  if (value.startsWith(':')) return false;
  // `PWD=/home/deploy` in sudo logs and env dumps is the working directory.
  if (/^(?:OLD)?PWD$/i.test(key) && /^[/~]/.test(value)) return false;
  // A bare word followed by more words is prose, not an assignment ("secrets: reloaded 4 secrets from …").
  if (/^[A-Za-z]+$/.test(value) && /^ +[A-Za-z0-9]/.test(after)) return false;
  // An HCL index cut at its quote (`data.vault_generic_secret.db.data["password"]` is read up to `[`).
  // A prompt and the program's next message on one line (`Password: su: Authentication failure`), or `can't`.
  if (isMessageAfterKey(value, after)) return false;
  if (progressWord.test(value) || hclReference.test(value) || hclReference.test(`${value}${/^[^\s,;]*/.exec(after)?.[0] ?? ''}`)) return false;
  // A URL with no user information under a DSN or connection-string key (`SENTRY_DSN=https://host/api/1/`):
  // nothing in it logs anyone in; a DSN with `user:password@` or `key@` keeps its credential position.
  if (isUrlWithoutCredential(key, value)) return false;
  if (isConnectionStringWithoutCredential(key, value)) return false;
  // Source code, not a value (redfp4): a call (`client.refresh(`, `env('AUTH_SECRET')`, `::revoke(`)
  // or an exception class's message (`…KeyNotFoundException: IDX10503:`).
  // A generic type in an annotation (`tokens: Array<number>`, `token?: Promise<string>`) names a type.
  if (/^[A-Z][A-Za-z0-9]*$/.test(value) && after.startsWith('<')) return false;
  if (codeCall.test(value) || (/^:{0,2}[A-Za-z_$][\w$.]*$/.test(value) && after.startsWith('(')) || /(?:Exception|Error)$/.test(key)) return false;
  return !settingValue.test(value) && !isMasked(value) && !filePath.test(value) && !secretStorePath.test(value);
}

/** A URL value without userinfo or a secret query parameter, under a key naming a DSN or a connection string. */
function isUrlWithoutCredential(key: string, value: string): boolean {
  const parts = partsOf(key.replace(/^["'$-]+|["']+$/g, ''));
  const last = parts.at(-1);
  if (!(last === 'dsn' || last === 'url' || last === 'uri' || (last === 'string' && /^conn(?:ection)?$/.test(parts.at(-2) ?? '')))) return false;
  const url = /^[a-z][a-z0-9+.-]{1,20}:\/\/([^/?#\s]*)([^\s]*)$/i.exec(value);
  if (!url) return false;
  return !url[1]!.includes('@') && !/[?&;](?:[a-z0-9_-]*(?:pass|pwd|secret|token|key|sig|auth|cred)[a-z0-9_-]*)=/i.test(url[2]!);
}

/**
 * An ADO.NET/ODBC connection string (`Data Source=sql;Initial Catalog=orders;Integrated Security=SSPI`)
 * under a connection-string key: `name=value` fields joined by `;`. With no field naming a password,
 * key, token or secret it logs in as the process's own identity (Windows, managed identity) and
 * holds nothing to steal; with `Password=`/`Pwd=`/`AccountKey=` it is still redacted.
 */
function isConnectionStringWithoutCredential(key: string, value: string): boolean {
  const parts = partsOf(key.replace(/^["'$-]+|["']+$/g, ''));
  if (!(parts.at(-1) === 'string' && /^conn(?:ection)?$/.test(parts.at(-2) ?? '')) && !/^connectionstring$/.test(parts.at(-1) ?? '')) return false;
  const fields = value.split(';').filter((field) => field.trim() !== '');
  if (fields.length < 2 || !fields.every((field) => /^[A-Za-z][A-Za-z_ ]{0,40}=[^=]*$/.test(field.trim()))) return false;
  return !fields.some((field) => /pass|pwd|secret|token|key|sig|auth(?!entication)|cred/i.test(field.split('=')[0]!));
}

/**
 * Under a key naming a token (`token=`, `job_token:`), letters and digits shorter than 12
 * characters are not a whole token: generated tokens have 20 or more (GitLab Runner prints the
 * first 8 characters of a job token on purpose). Passwords, secrets and keys may be short and
 * are not judged by length.
 */
function isTokenPrefix(key: string, value: string): boolean {
  const parts = partsOf(key.replace(/^["'$-]+|["']+$/g, ''));
  return parts.length > 0 && /^tokens?$/.test(parts.at(-1)!) && !parts.some((part) => /pass|pwd|secret|key|auth/.test(part)) && /^[A-Za-z0-9]{1,11}$/.test(value);
}

/** A value a tool printed with most of it masked (`****49b22`, `•••••`): what is left identifies, it does not authenticate. */
// Also a value that says in words it was hidden (CloudTrail's `HIDDEN_DUE_TO_SECURITY_REASONS`, `<redacted by policy>`).
export const isMasked = (value: string): boolean =>
  /\*{3,}|•{3,}/.test(value) || /^[<([]?(?:[A-Za-z]+[_ -])*(?:hidden|redacted|masked|filtered|omitted|scrubbed|obfuscated|censored|withheld|elided|no[_ -]?log)(?:[_ -][A-Za-z]+)*[>)\]]?$/i.test(value);

/**
 * A Terraform/HCL reference to another resource's attribute (`random_password.db.result`,
 * `var.db_password`, `module.rds.master_password`): lower-case identifiers joined by dots, the
 * first a language keyword or a resource type (which has an underscore). A password of dotted
 * words (`correct.horse.battery`) has neither.
 */
const hclReference = /^(?:(?:var|local|data|module|each|self)|[a-z][a-z0-9]*_[a-z0-9_]+)(?:\.[a-z_][a-z0-9_-]*(?:\[[0-9"a-z_-]{1,40}\])?){1,4}$/;

/** A status word with an ellipsis, as progress lines print it (Terraform's `random_password.db: Creating...`). */
const progressWord = /^[A-Za-z]+(?:\.{3}|…)$/;

/**
 * The name of a stored secret as a path of lower-case words (`prod/orders/db`, `kv/data/payments`):
 * Vault, AWS Secrets Manager and SOPS name secrets this way. A generated secret has upper case or
 * symbols, so it never has this shape. A `:field` after it names the field read (`kv/data/api:token`).
 */
const secretStorePath = /^[a-z][a-z0-9_.-]{0,63}(?:\/[a-z0-9][a-z0-9_.-]{0,63}){1,8}\/?(?::[a-z0-9_.-]{1,64})?$/;

/**
 * Values that are settings or names, never a secret: a duration (`15m`, `1h30m`, ISO 8601 `PT15M`),
 * an algorithm (`scram-sha-256`, `argon2id`), a version (`9.0.2`, `^1.4`), a placeholder in
 * parentheses (Terraform's `(sensitive value)`), a date.
 */
const settingValue =
  /^(?:(?:\d{1,6}(?:\.\d{1,3})?(?:ns|us|µs|ms|s|m|h|d|w)){1,4}|P(?=[\dT])(?:\d{1,4}[YMWD]){0,4}(?:T(?:\d{1,4}[HMS]){1,3})?|(?:scram-)?sha-?\d{1,3}|md5|bcrypt|scrypt|argon2(?:id|i|d)?|pbkdf2(?:[-_]sha\d{1,3})?|yescrypt|crypt|plain(?:text)?|aes-?\d{3}(?:-[a-z]{3})?|hmac-sha\d{3}(?::[0-9a-f]{32,})?|[hrep]s\d{3}|[\^~v]?(?:>=?|<=?|=)?\d{1,4}(?:\.\d{1,6}){1,3}(?:[-+][A-Za-z0-9.]{1,30})?|\([a-z][a-z -]{0,30}\)?|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)$/i;

/**
 * A path on disk, alone or after an id (systemd's `LoadCredential=db-password:/etc/credstore/db-password`):
 * it says where a secret is kept. Segments are lower-case names, so base64 with slashes is not one.
 */
const filePath = /^(?:[a-z0-9_.-]{1,64}:)?(?:~|\.{1,2})?(?:\/[a-z0-9_.@-]{1,64}){2,}\/?$/;

/**
 * A key named after a vendor or a purpose and ending in `key` (`STRIPE_KEY`, `MAPS_KEY`) holds a
 * secret only when its value looks like a credential: letters and digits, mixed case or a symbol,
 * no path or dotted name. `CACHE_KEY: user-profile` and `SSH_KEY: ~/.ssh/id_rsa` are settings.
 * A key ending in `login` (`SONAR_LOGIN`, `registry.login`) names a user, unless its value is a
 * token: 32+ hex digits or a generated string of 20+ characters, which no user name is.
 */
export function isCredentialUnderKeyKey(key: string, value: string): boolean {
  const parts = partsOf(key.replace(/^["'$-]+|["']+$/g, ''));
  if (parts.length < 2 || notSecretKey.test(parts.join('_'))) return false;
  if (parts.at(-1) === 'login') return /^[0-9a-f]{32,}$/i.test(value) || (value.length >= 20 && looksGenerated(value));
  return parts.at(-1) === 'key' && looksGenerated(value);
}

/**
 * Whether a value has the shape of a generated credential: 8+ characters, letters and digits,
 * mixed case or a symbol, and no path or file name. Words, names and paths fail.
 */
export function looksGenerated(value: string): boolean {
  if (value.length < 8 || /[/\\]|^~|\.[a-z]{2,4}$/.test(value)) return false;
  return /[A-Za-z]/.test(value) && /\d/.test(value) && ((/[A-Z]/.test(value) && /[a-z]/.test(value)) || /[^A-Za-z0-9._:-]/.test(value));
}

/** Keys ending in `key` or `login` (the candidates of {@link isCredentialUnderKeyKey}). */
export const keyNamedAssignment = /(?<![A-Za-z0-9])(["']?)((?:[A-Za-z0-9]{1,30}[_.-]){1,4}(?:key|login)|[a-z][a-z0-9]{1,30}(?:Key|Login))\1((?:\\?["'])?[ \t]{0,8}(?:[:=]|=>|:=)[ \t]{0,8}(?:\\?["'])?)((?!\[REDACTED:)(?:(?<=["'])[^"'\n\\]{1,512}(?=\\?["'])|[^\s'",;&}<>\]\\)]{1,512}))/gi;

/**
 * A secret given as a name/value pair, as Kubernetes `env`, Ansible and CI options write it:
 * `- name: DB_PASSWORD` then `value: "…"` (next line or same object); Postman and HAR headers write
 * `{"key": "X-Api-Token", "value": "…"}`. Group 3 is the name, 4 the value.
 */
export const nameValuePair = /((?:^|[\s{,-])["']?(?:name|key)["']?[ \t]*[:=][ \t]*(["']?)([A-Za-z0-9_.-]{1,80})\2[ \t]*(?:,[ \t]*|\r?\n[ \t-]*)["']?value["']?[ \t]*[:=][ \t]*["']?)((?!\[REDACTED:)(?:(?<=["'])[^"'\n\\]{1,512}(?=["'])|[^\s'",;&}<>\]\\)]{1,512}))/g;

/**
 * The whole assignment: key, separator (`=`, `:`, `=>`, `:=`, optional quotes and spaces,
 * JSON-escaped quotes) and the value, quoted or up to a delimiter. The key starts after no
 * letter, so `my_password` and `DB_PASSWORD` match from their start.
 */
// A key may follow a terminal colour code (ESC `[22m` in CI output), whose digits and `m` are not part of it.
export const keyValueAssignment = new RegExp(
  `(?:(?<![A-Za-z0-9/])(?<!\\u001b\\[[0-9;]*)|(?<=\\u001b\\[[0-9;]*m))(["']?)(_?${secretKey})\\1((?:\\\\?["'])?[ \\t]{0,8}(?:[:=]|=>|:=)[ \\t]{0,8}(?:\\\\?["'])?)((?!\\[REDACTED:)(?:(?<=["'])[^"'\\n\\\\]{1,512}(?=\\\\?["'])|[^\\s'",;&}<>\\]\\\\)\\u001b]{1,512}))`,
  'gi',
);

/**
 * An XML element named after a secret, holding it as its text: Maven's `settings.xml`
 * `<password>…</password>`, `<apiToken>…</apiToken>`, `<ns:secret>…</ns:secret>`. Group 2 is the
 * element's name (judged by the rule as a key), 3 the value.
 */
export const xmlElementSecret = /(<((?:[A-Za-z][A-Za-z0-9_.-]{0,30}:)?[A-Za-z_][A-Za-z0-9_.-]{0,80})(?:[ \t][^<>\n]{0,200})?>)([^<>\n]{1,512})(?=<\/\2>)/g;

/**
 * A secret-named key whose value is an object holding it under `value`: Spring Boot actuator's
 * `/env` (`"spring.datasource.password": {"value": "…", "origin": …}`), Terraform's output JSON.
 * Group 2 is the key, 3 the value.
 */
export const objectValueSecret = /(["']([A-Za-z0-9_.-]{1,80})["'][ \t]*:[ \t]*\{[ \t]*["']value["'][ \t]*:[ \t]*["'])([^"'\n\\]{1,512})(?=["'])/g;

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
  /((?:^|[\s;|&(`"'])(?:mysql|mysqldump|mysqladmin|mysqlimport|mariadb|mariadb-dump|mysqlsh)\b[^\n;|&]{0,200}?\s-p)(?!\s)(["']?)([^\s'"]{1,256})\2/g,
  /((?:^|[\s;|&(`"'])(?:redis-cli|valkey-cli|keydb-cli)\b[^\n;|&]{0,200}?\s-a\s+)(["']?)([^\s'"]{1,256})\2/g,
  /((?:^|[\s;|&(`"'])(?:sshpass|docker\s+login|podman\s+login|helm\s+registry\s+login|nerdctl\s+login)\b[^\n;|&]{0,200}?\s-p\s+)(["']?)([^\s'"]{1,256})\2/g,
  // A flag naming a secret, with any words before it (`--requirepass`, `-db_password`, `--admin-token`),
  // also as two items of a JSON/YAML argument list (`"--requirepass", "X"`).
  /((?:^|[\s"'[,])--?(?:[a-z0-9]{1,20}[-_]){0,3}(?:password|passwd|pass|requirepass|masterauth|passphrase|token|secret|api-?key|apikey|secret-key)(?:\s+|=|["'],[ \t]*["']))(["']?)((?!-)[^\s'"]{1,512})\2/gi,
  // A secret piped into a login's `--password-stdin`: `echo 'X' | docker login … --password-stdin`.
  /((?:^|[\s;&(`])(?:echo|printf)(?:\s+-[neE]{1,3})?\s+)(["']?)([^\s'"|]{1,256})\2(?=[ \t]*\|[^\n|]{0,200}--password-stdin)/g,
  /((?:^|[\s;|&(`"'])curl\b[^\n;|&]{0,300}?\s(?:-u|--user|--proxy-user|-U)\s*)(["']?)([^\s:'"]{1,128}:)([^\s'"]{1,256})\2/g,
  /((?:^|[\s;|&(`"'])htpasswd\s+(?:-\w+\s+)*-\w*b\w*\s+(?:-\w+\s+)*\S+\s+\S+\s+)(["']?)([^\s'"]{1,256})\2/g,
];

/** npm, PyPI and similar registry tokens recognized by their prefix; Shopify (`shpat_`) and Grafana service-account (`glsa_`) tokens too. */
export const registryToken = /(?<![A-Za-z0-9_])(?:npm_[A-Za-z0-9]{36}|shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}|glsa_[A-Za-z0-9]{32}_[a-fA-F0-9]{8}|pypi-[A-Za-z0-9_-]{50,}|glpat-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|dop_v1_[a-f0-9]{64}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_])/g;

/**
 * A password given in a sentence: "the password for the break-glass account is maple3337",
 * "root pw for db-3: P@ss…". The value must hold a digit or a symbol, so "the password
 * policy is strict" and "password rotation is complete" are left alone.
 */
export const prosePassword = /(?<![A-Za-z_[:])((?:password|passphrase|passcode|passwort|pwd|pw)\b(?!\])(?:(?!["'],)[^.\n:=\[\]]){0,48}?(?:\s(?:is|was|ist|est|es)\s+|:[ \t]*)["'`]?)([^\s'"`,;]{4,128})/gi;

/**
 * A credential named by a word and given right after it without "is" or ":": "pw Qx7!…",
 * "one-time code CfV…", "recovery code …". The value must look generated (checked by the rule).
 */
export const proseCredential = /(?<![A-Za-z_[:-])((?:password|passphrase|passcode|pass|pwd|pw|(?:one[- ]time|recovery|backup|access|login|verification|temporary|temp|mfa|2fa)[ -](?:code|password|pass|token|pin))[ \t]+["'`]?)([^\s'"`,;]{8,128})/gi;

/**
 * An API or application key named in a sentence and given after it (redfp5): "Datadog app key for the
 * webhook: <hex>", "the API key is …", "access token 9f…". Group 2 is the words between the name and
 * the value (judged by the rule: "API key id …", "access token expired …" name no value), 3 the value.
 */
export const proseKey =
  /(?<![A-Za-z_[:-])((?:api|app|application|access|secret|private|signing|license|integration|webhook|client|service|admin|master)[ -]?(?:key|token|secret)s?\b((?:(?![,.;!?]\s)[^\n:=[\]"'`]){0,40}?)(?:\s(?:is|was)\s+|[ \t]*:[ \t]*|[ \t]+)["'`]?)([^\s'"`,;]{16,128})/gi;

/** Words between a key's name and a value that say the value is about the key, not the key. */
export const aboutTheKey = /\b(?:ids?|fingerprints?|hash(?:ed)?|digest|sha\d{0,3}|md5|names?|prefix|suffix|ending|last|first|request|trace|version|hint|rotat\w*|expir\w*|revok\w*|length|created|count|header|path|file|url|policy|scopes?|labels?|alias|arn|ref(?:erence)?)\b/i;

/** A signature or token in a URL query (`sig=`, `X-Amz-Signature=`, `access_token=`), percent-encoding included. */
export const urlQuerySecret = /([?&](?:sig|signature|x-amz-signature|x-goog-signature|x-amz-security-token|x-amz-credential|access_token|id_token|refresh_token|client_secret|api_key|apikey|token|auth|password|secret)=)([^&\s#"'<>]{8,2048})/gi;

/** A token glued to a credential word in a URL path: `/bot<token>/sendMessage`, `/token/<token>`. */
export const urlPathToken = /(?<=\/)(?:bot|token|tokens|key|keys|apikey|secret|hooks?)(?:[:=_/-])?([A-Za-z0-9:_-]{24,256})(?=[/?#"'\s]|$)/gi;
