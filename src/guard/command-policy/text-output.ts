/**
 * The output of the few programs whose result the policy computes statically, because hidden
 * commands are built with them: echo, printf (escapes), base64 and hex decoding, rev, tr.
 */

/** Decodes backslash escapes as `printf` (format) or `echo -e` / `%b` do; `stopped` after `\c`. */
export function decodeEscapes(text: string, style: 'printf' | 'echo'): { text: string; stopped: boolean; encoded: boolean } {
  const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };
  let result = '';
  let encoded = false;
  for (let index = 0; index < text.length; index += 1) {
    const ch = text[index]!;
    if (ch !== '\\' || index + 1 >= text.length) {
      result += ch;
      continue;
    }
    const next = text[index + 1]!;
    if (next === 'c') return { text: result, stopped: true, encoded };
    if (next in simple) {
      result += simple[next];
      index += 1;
      continue;
    }
    const octal = style === 'echo' ? /^0([0-7]{0,3})/.exec(text.slice(index + 1)) : /^([0-7]{1,3})/.exec(text.slice(index + 1));
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(index + 1));
    const unicode = /^(?:u([0-9a-fA-F]{1,4})|U([0-9a-fA-F]{1,8}))/.exec(text.slice(index + 1));
    if (octal) {
      result += String.fromCharCode(parseInt(octal[1] || '0', 8) & 0xff);
      index += octal[0].length;
      encoded = true;
    } else if (hex) {
      result += String.fromCharCode(parseInt(hex[1]!, 16));
      index += hex[0].length;
      encoded = true;
    } else if (unicode) {
      const code = parseInt(unicode[1] ?? unicode[2]!, 16);
      result += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      index += unicode[0].length;
      encoded = true;
    } else {
      result += ch;
    }
  }
  return { text: result, stopped: false, encoded };
}

/** `printf FORMAT ARGS...` for the conversions scripts use; the format repeats for extra arguments. */
export function printfOutput(format: string, args: readonly string[]): { text: string; encoded: boolean } {
  let output = '';
  let encoded = false;
  let argIndex = 0;
  for (let round = 0; round < 64; round += 1) {
    let consumed = false;
    for (let index = 0; index < format.length; index += 1) {
      const ch = format[index]!;
      if (ch === '\\') {
        const end = escapeEnd(format, index);
        const decoded = decodeEscapes(format.slice(index, end), 'printf');
        encoded ||= decoded.encoded;
        output += decoded.text;
        if (decoded.stopped) return { text: output, encoded };
        index = end - 1;
        continue;
      }
      if (ch !== '%') {
        output += ch;
        continue;
      }
      const spec = /^%([-+ #0]*)(\d+)?(?:\.(\d+))?([sbdiouxXcfeEgGq%])/.exec(format.slice(index));
      if (!spec) {
        output += ch;
        continue;
      }
      index += spec[0].length - 1;
      const conversion = spec[4]!;
      if (conversion === '%') {
        output += '%';
        continue;
      }
      const arg = args[argIndex] ?? '';
      argIndex += 1;
      consumed = true;
      let value: string;
      switch (conversion) {
        case 'b': {
          const decoded = decodeEscapes(arg, 'echo');
          encoded ||= decoded.encoded;
          value = decoded.text;
          break;
        }
        case 'c':
          value = arg.slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u':
          value = String(Math.trunc(numberOf(arg)));
          break;
        case 'o':
          value = Math.trunc(numberOf(arg)).toString(8);
          break;
        case 'x':
          value = Math.trunc(numberOf(arg)).toString(16);
          break;
        case 'X':
          value = Math.trunc(numberOf(arg)).toString(16).toUpperCase();
          break;
        case 'f':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
          value = String(numberOf(arg));
          break;
        default:
          value = arg;
      }
      const width = Number(spec[2] ?? 0);
      output += spec[1]?.includes('-') ? value.padEnd(width) : value.padStart(width);
    }
    if (!consumed || argIndex >= args.length) break;
  }
  return { text: output, encoded };
}

function escapeEnd(format: string, index: number): number {
  const match = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|.)/.exec(format.slice(index));
  return index + (match ? match[0].length : 1);
}

function numberOf(text: string): number {
  if (/^'./.test(text) || /^"./.test(text)) return text.codePointAt(1) ?? 0;
  const value = Number(text);
  return Number.isFinite(value) ? value : 0;
}

/** Decodes base64 (standard or URL alphabet, whitespace ignored); null when it is not base64. */
export function decodeBase64(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** Decodes a plain hex dump (`xxd -p` format); null when it is not hex. */
export function decodeHex(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(compact)) return null;
  return Buffer.from(compact, 'hex').toString('utf8');
}

/** `tr SET1 SET2` and `tr -d SET` over character ranges such as `a-z`. */
export function translate(text: string, set1: string, set2: string | null, deleting: boolean): string {
  const from = expandSet(set1);
  if (deleting) return Array.from(text).filter((ch) => !from.includes(ch)).join('');
  const to = expandSet(set2 ?? '');
  if (to.length === 0) return text;
  return Array.from(text, (ch) => {
    const index = from.indexOf(ch);
    return index === -1 ? ch : (to[Math.min(index, to.length - 1)] ?? ch);
  }).join('');
}

function expandSet(set: string): string[] {
  const decoded = decodeEscapes(set, 'printf').text;
  const characters: string[] = [];
  for (let index = 0; index < decoded.length; index += 1) {
    const from = decoded[index]!;
    if (decoded[index + 1] === '-' && index + 2 < decoded.length) {
      const to = decoded[index + 2]!;
      for (let code = from.charCodeAt(0); code <= to.charCodeAt(0) && characters.length < 4096; code += 1) characters.push(String.fromCharCode(code));
      index += 2;
    } else characters.push(from);
  }
  return characters;
}
