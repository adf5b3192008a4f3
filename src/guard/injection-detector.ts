/**
 * Screening of untrusted text for prompt injection. Text is normalized first (Unicode NFKC,
 * zero-width and bidi characters removed, homoglyphs and leetspeak folded, spaced letters
 * joined) and embedded encodings are decoded (base64, hex, URL encoding, HTML entities) and
 * screened too. Weighted signals combine into a score in [0, 1]; the threshold depends on
 * where the text comes from (alerts and logs are noisy, a user's question is not).
 *
 * Every guard answers `{ verdict, reason, data }`.
 */

export type UntrustedSource = 'question' | 'description' | 'guidance' | 'note' | 'alert' | 'log';

export interface InjectionVerdict {
  verdict: 'allow' | 'block';
  reason: string | null;
  data: { score: number; signals: string[] };
}

interface Signal {
  name: string;
  weight: number;
  pattern: RegExp;
}

const instructionNouns = '(?:instructions?|prompts?|rules|directions|directives|guidelines|messages|context|orders)';
const signals: Signal[] = [
  { name: 'override', weight: 0.92, pattern: new RegExp(`\\b(?:ignore|disregard|forget|override|bypass|skip|drop)\\b[^.\\n]{0,40}\\b(?:previous|prior|above|earlier|preceding|system|all|any|your|original|initial)\\b[^.\\n]{0,20}\\b${instructionNouns}`) },
  { name: 'override-short', weight: 0.8, pattern: new RegExp(`\\b(?:ignore|disregard|forget)\\s+(?:everything|all)\\s+(?:above|before|previous)`) },
  { name: 'new-instructions', weight: 0.75, pattern: /\b(?:new|updated|real|actual|secret)\s+(?:system\s+)?instructions?\s*[:\-]|\bsystem\s+override\b|\bdeveloper\s+mode\b|\bjailbreak|\bdo anything now\b/ },
  // "You are now the incident commander" is a normal handover: only a change of the AI's own
  // role, or a request to pretend, counts.
  {
    name: 'role-change',
    weight: 0.78,
    pattern: /\byou are (?:now|no longer) (?:an? |the |in )?(?:unrestricted|unfiltered|uncensored|jailbroken|evil|dan\b|developer mode|free\b|not bound|ai\b|assistant|model\b|chatbot)|\bfrom now on,? you (?:will|must|are)\b|\bact as (?:an? |the )?(?:unrestricted|unfiltered|jailbroken|evil|dan\b)|\bpretend (?:to be|you are|that you)\b/,
  },
  { name: 'prompt-exfiltration', weight: 0.85, pattern: /\b(?:reveal|print|show|repeat|output|leak|display|tell me|return)\b[^.\n]{0,30}\b(?:system prompt|your (?:instructions|prompt|rules)|hidden (?:prompt|instructions)|canary|initial prompt)/ },
  { name: 'chat-markup', weight: 0.85, pattern: /<\|im_start\|>|<\|im_end\|>|<\|system\|>|<\|assistant\|>|\[\/?inst\]|<<sys>>|###\s*(?:system|instruction|assistant)\s*:|<\/?(?:system|assistant)>|^\s*(?:system|assistant)\s*:/m },
  { name: 'tool-coercion', weight: 0.7, pattern: /\b(?:run|execute|call|invoke)\b[^.\n]{0,20}\b(?:the tool|this command|the following command|rm -rf|curl [^\s]+ ?\| ?(?:ba)?sh)\b|\binclude (?:the )?(?:step|command)\b[^.\n]{0,40}\b(?:rm -rf|drop table|curl)/ },
  { name: 'exfiltration', weight: 0.75, pattern: /!\[[^\]]{0,80}\]\(https?:\/\/[^)\s]{1,200}[?&=][^)\s]{0,200}\)|\b(?:send|post|forward|upload|exfiltrate)\b[^.\n]{0,60}\bto\s+https?:\/\// },
  { name: 'answer-hijack', weight: 0.7, pattern: /\b(?:instead|rather),?\s+(?:respond|reply|answer|say|write|output)\b|\b(?:respond|reply|answer) (?:only )?with\b[^.\n]{0,40}\b(?:pwned|hacked|the password|yes)\b/ },
  { name: 'fence-escape', weight: 0.6, pattern: /(?:end|close) of (?:untrusted |incident )?data|<\/?(?:data|untrusted|incident_data|document)>|"""\s*\n\s*(?:system|assistant|new instructions)/ },
  // Other languages: "ignore the previous instructions" and "you are now".
  { name: 'override-es', weight: 0.92, pattern: /\b(?:ignora|olvida|omite)\b[^.\n]{0,30}\binstrucciones\b/ },
  { name: 'override-fr', weight: 0.92, pattern: /\b(?:ignore[rz]?|oublie[rz]?)\b[^.\n]{0,30}\b(?:instructions|consignes)\b/ },
  { name: 'override-de', weight: 0.92, pattern: /\b(?:ignoriere|vergiss|missachte)\b[^.\n]{0,40}\b(?:anweisungen|instruktionen|regeln)\b/ },
  { name: 'override-pt', weight: 0.92, pattern: /\b(?:ignore|ignora|esqueça|esqueca)\b[^.\n]{0,30}\b(?:instruções|instrucoes)\b/ },
  { name: 'override-it', weight: 0.92, pattern: /\b(?:ignora|dimentica)\b[^.\n]{0,30}\b(?:istruzioni)\b/ },
  { name: 'override-ru', weight: 0.92, pattern: /(?:игнорируй|забудь|проигнорируй)[^.\n]{0,40}(?:инструкции|указания|правила)/ },
  { name: 'override-zh', weight: 0.92, pattern: /(?:忽略|无视|忘记|忽视)[^。\n]{0,12}(?:指令|指示|说明|提示|规则)/ },
  { name: 'override-ja', weight: 0.92, pattern: /(?:指示|命令|ルール|プロンプト)[^。\n]{0,10}(?:無視|忘れ)/ },
  { name: 'role-change-multilingual', weight: 0.65, pattern: /\b(?:ahora eres|tu es maintenant|du bist jetzt|agora você é|ora sei)\b|теперь ты|你现在是|あなたは今/ },
];

const zeroWidth = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;
const homoglyphs: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', ո: 'n', ν: 'v', ο: 'o', α: 'a', ι: 'i', ε: 'e', τ: 't', κ: 'k',
};
const leet: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

function normalize(text: string): string {
  let result = text.normalize('NFKC').replace(zeroWidth, '').toLowerCase();
  // Homoglyphs are folded only inside words that mix scripts ("іgnоre" with Cyrillic і and о):
  // real Russian or Greek words stay as they are, so their own patterns still match.
  result = result.replace(/\S+/g, (word) =>
    /[a-z]/.test(word) && /[\u0370-\u03FF\u0400-\u04FF\u0500-\u052F\u0250-\u02AF]/.test(word) ? word.replace(/./g, (char) => homoglyphs[char] ?? char) : word,
  );
  // "i g n o r e" and "i.g.n.o.r.e": letters split by single separators are joined.
  result = result.replace(/\b(?:[a-z][ ._-]){3,}[a-z]\b/g, (run) => run.replace(/[ ._-]/g, ''));
  return result.replace(/\s+/g, ' ');
}

const deleet = (text: string): string => text.replace(/[0134579@$](?=[a-z])|(?<=[a-z])[0134579@$]/g, (char) => leet[char] ?? char);

function decodedVariants(text: string): string[] {
  const variants: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/]{24,}={0,2}/g) ?? []) {
    const decoded = Buffer.from(run, 'base64').toString('utf8');
    if (/^[\x20-\x7E\s\u00A0-\uFFFF]{12,}$/.test(decoded) && !decoded.includes('\uFFFD')) variants.push(decoded);
  }
  for (const run of text.match(/(?:[0-9a-fA-F]{2}){12,}/g) ?? []) {
    const decoded = Buffer.from(run, 'hex').toString('utf8');
    // Any script, as long as it decodes to text (no replacement characters, no control bytes).
    if (decoded.length >= 8 && !decoded.includes('\uFFFD') && !/[\x00-\x08\x0E-\x1F]/.test(decoded)) variants.push(decoded);
  }
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      variants.push(decodeURIComponent(text));
    } catch {
      // not URL-encoded after all
    }
  }
  if (/&#x?[0-9a-f]+;|&[a-z]+;/i.test(text)) {
    variants.push(
      text
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
  }
  const rot13 = text.replace(/[a-z]/gi, (char) => String.fromCharCode(((char.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (char === char.toLowerCase() ? 97 : 65)));
  if (/\b(?:vtaber|qvfertneq|sbetrg)\b/i.test(text)) variants.push(rot13);
  return variants;
}

/** Score threshold per source: direct text from a caller is held to a stricter bar. */
export const blockThresholds: Record<UntrustedSource, number> = {
  question: 0.6,
  description: 0.6,
  guidance: 0.6,
  note: 0.6,
  alert: 0.7,
  log: 0.7,
};

/** Screens one untrusted text. Pure and synchronous; linear in the text's length. */
export function screenForInjection(text: string, source: UntrustedSource): InjectionVerdict {
  const candidates = [text, ...decodedVariants(text)].flatMap((variant) => {
    const normalized = normalize(variant);
    return [normalized, deleet(normalized)];
  });
  const fired = new Map<string, number>();
  for (const candidate of candidates) {
    for (const signal of signals) if (!fired.has(signal.name) && signal.pattern.test(candidate)) fired.set(signal.name, signal.weight);
  }
  const score = 1 - [...fired.values()].reduce((remaining, weight) => remaining * (1 - weight), 1);
  const rounded = Math.round(score * 1000) / 1000;
  const blocked = rounded >= blockThresholds[source];
  return {
    verdict: blocked ? 'block' : 'allow',
    reason: blocked ? `possible prompt injection (${[...fired.keys()].join(', ')})` : null,
    data: { score: rounded, signals: [...fired.keys()] },
  };
}
