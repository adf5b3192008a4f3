/**
 * Shapes of ordinary machine-log text that look random without being secrets (issue 11, branch
 * redfp3, measured on this machine's own logs with bench/guard-machine-logs.ts). Each check is a
 * general rule about a value's shape or what surrounds it; none looks at a vendor or a host name.
 *
 * - a value under a key naming a digest or an id of a record, page or request (`cookie hash :`,
 *   `value_hash=`, `secret_digest:`, `If-None-Match: W/"…"`, `cursor=`, `server_uid …`);
 * - a password hash in modular crypt format under a key naming a hash (`password_hash=$2b$12$…`);
 *   an htpasswd or shadow line (`user:$2y$…`) is a credential file and stays redacted;
 * - base64 that decodes to words or JSON without a credential in it (a page cursor, a message body);
 * - a file name (`Root_CA_G3.pem`, `rabbit@localhost.log`), a version's suffix (`10.11.19-MariaDB-0+deb12u1`),
 *   an id naming itself (`rabbitmq-cluster-id-…`), a CPU architecture after a package (`libsecret-1-0:amd64`).
 *
 * A credential keeps its positions: URL userinfo, Authorization headers, `-p`/`--password` flags and
 * PEM bodies are judged by the rules that run before these checks, and a key naming a session or a
 * secret id stays a credential.
 */

import { readBase64 } from './checks.js';

/** Last words of a key whose value is a digest, or an id of a record, page, request or version. */
const digestOrIdWord =
  /(?:^|[_.-])(?:hash|hashed|digest|checksum|fingerprint|sum|etag|if-none-match|if-match|cursor|after|before|page|page[_.-]?token|next[_.-]?token|next[_.-]?page[_.-]?token|continuation(?:[_.-]?token)?|pagination[_.-]?token|sync[_.-]?token|nonce|request|trace|span|version|revision|rev|uid|server[_.-]?uid|cluster[_.-]?id|lease|replid|snapshot|generation|allocation[_.-]id|shard[_.-]id|node[_.-]id|ray|name|sha\d{0,3}|md5|public[_.-]?key|pubkey|host[_.-]?key)$/i;
/** Keys that name a credential even when their last word is one of the above. */
const credentialKey = /(?:session|sess|secret|refresh|access|auth|api)[_.-]?(?:id|uid|token)$|^sid$/i;

// `key=`, `key: `, `"key": "`, `key    : ` (aligned columns), an ETag's `W/"`.
const assignedKey = /([A-Za-z0-9_.-]{1,60})["']?[ \t]*[:=][ \t]*(?:\\?["'])?(?:W\/)?(?:\\?["'])?$/;
// `server_uid 0dfu…`: a snake_case or dotted key, then one space, then the value; `allocation id [`: words.
const spacedKey = /(?:^|[\s,;(])([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+|[a-z]{3,20} (?:id|uid|uuid|ID|UUID)) [[(]?$/;

// A public key named in words (`public key: …`, WireGuard's `peer …`), a Helm `checksum/config:` annotation.
const publicKeyWords = /(?:\b(?:public|host|server)[ _-]?key[ \t]*[:=]?[ \t]*|\bpeer[ \t]+|(?:checksum|hash|digest|sha\d{0,3}|md5)\/[A-Za-z0-9_.-]{1,60}["']?[ \t]*[:=][ \t]*["']?)$/i;

/** Whether the key just before a value names a digest or a non-credential id. */
export function isDigestOrIdKey(before: string): boolean {
  const found = assignedKey.exec(before)?.[1] ?? spacedKey.exec(before)?.[1];
  // camelCase keys read like snake_case ones: `nextCursor` → `next_Cursor`.
  const key = found?.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/ /g, '_');
  if (key === undefined || credentialKey.test(key)) return false;
  return digestOrIdWord.test(key);
}

/** A key naming a page, a cursor or a continuation (`page_token`, `nextPageToken`): a position, not a credential. */
export function isPaginationKey(key: string): boolean {
  const bare = key.replace(/^["'$-]+|["']+$/g, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return /(?:^|[_.-])(?:page|next|prev|previous|continuation|pagination|sync|cursor|resume)[_.-]?(?:page[_.-]?)?token$/.test(bare);
}

/** A password hash in modular crypt format: one-way, stored to compare. */
// One character class after the scheme: no nested repetition, so no backtracking blow-up.
const cryptPrefix = /\$(?:1|2[abxy]?|5|6|y|gy|7|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d{1,3})?)\$[A-Za-z0-9=,.$/+]*$/;

/** A file name ends the token: a dot and a known extension follow (`…_ROOT.pem`, `…@localhost.log`). */
const fileExtensionAfter = /^\.(?:pem|crt|cer|der|pub|csr|crl|log|json|ya?ml|txt|conf|cfg|ini|xml|html?|js|mjs|ts|py|sh|gz|tgz|tar|zip|deb|rpm|so|jar|csv|sock|pid|lock|db|sqlite|out|err|mount|service|scope|slice|socket|timer)\b/;

/** Whether a random-looking token in log text is a digest, an id, a version, a name or encoded text. */
export function isLogShapeNotSecret(secret: string, match: RegExpExecArray): boolean {
  const before = match.input.slice(Math.max(0, match.index - 80), match.index);
  const after = match.input.slice(match.index + secret.length, match.index + secret.length + 12);
  return (
    isDigestOrIdKey(before) ||
    publicKeyWords.test(before) ||
    // The left part of a message id (`Message-ID: <CAKq…@mail.example.com>`).
    (after.startsWith('@') && messageIdBefore.test(before)) ||
    // A crypt hash under a key naming a hash (`password_hash=$2b$10$…`); an htpasswd line (`user:$2y$…`) stays.
    isDigestOrIdKey(before.replace(cryptPrefix, '')) ||
    fileExtensionAfter.test(after) ||
    // The tail of a dotted version: `10.11.` then `19-MariaDB-0+deb12u1`.
    (/(?:^|[^A-Za-z0-9])\d{1,4}\.\d{1,4}\.$/.test(before) && /^\d/.test(secret)) ||
    // An id that names itself: `rabbitmq-cluster-id-yqug…`, `node_uuid_…`.
    /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[-_](?:id|uid|uuid|guid)[-_]/.test(secret) ||
    readBase64(secret) === 'text'
  );
}

/** CPU architectures a package manager writes after a package name (`libsecret-1-0:amd64`). */
export const isArchitecture = (value: string): boolean =>
  /^(?:all|any|amd64|arm64|armhf|armel|i386|i686|x86_64|aarch64|ppc64el|ppc64le|s390x|riscv64|mips64el|noarch)[.,;]?$/.test(value);

const messageIdBefore = /(?:message[_-]?id|msg[_-]?id|in-reply-to|references)["']?[ \t]*[:=][ \t]*["']?<?$/i;

/**
 * An address that is no mailbox: a file in a path (`/var/log/rabbitmq/rabbit@localhost.log`) or a
 * message id (`Message-ID: <CA…@mail.example.com>`, `msgid=<…>`, `In-Reply-To:`).
 */
export function isFileNotAddress(address: string, match: RegExpExecArray): boolean {
  const before = match.input.slice(Math.max(0, match.index - 24), match.index);
  if (messageIdBefore.test(before)) return true;
  return match.input[match.index - 1] === '/' && fileExtensionAfter.test(address.slice(address.lastIndexOf('.')));
}

/** A value an audit log wrote as an HMAC (Vault's `hmac-sha256:…`): comparable, not usable. */
export const isHmacValue = (value: string): boolean => /^hmac-sha(?:1|224|256|384|512):[A-Za-z0-9+/=_-]+$/i.test(value);
