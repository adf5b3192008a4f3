/**
 * The weighted signals of prompt injection. Each is a pattern over the normalized, lower-case
 * text (see normalize.ts) with a weight: the probability-like strength of the evidence when it
 * fires alone. The detector combines the strongest signal of each category with a noisy-OR.
 *
 * Calibration rule: a signal that incident responders write in their own work ("ignore the
 * staging alerts", "drop the stale connections", "run the following command", "from now on
 * page the DBA") must stay below every threshold on its own; only phrasing aimed at a model
 * (its instructions, its prompt, its role, its output) or text no person types (chat-template
 * tokens, fence markers, exfiltration beacons) may block alone.
 *
 * Every pattern is linear: bounded gaps of whole words, disjoint alternations, no nested
 * unbounded quantifiers.
 */
import { jailbreakSignals } from './jailbreak-signals.js';
import { documentTaskSignals } from './document-task-signals.js';
import { authorityAndDictationSignals } from './authority-and-dictation-signals.js';
import { pressureSignals } from './pressure-signals.js';
import { any, gap, latin, ordinaryObject, processPurpose } from './pattern-vocabulary.js';
import { taskSignals } from './task-signals.js';
import type { InjectionSource, Signal } from './types.js';

export type { Signal } from './types.js';

const noLetterBefore = '(?<!\\p{L})';

// --- English vocabulary -------------------------------------------------------------------
const strongOverrideVerbs = any([
  'ignore', 'ignoring', 'disregard', 'disregarding', 'forget', 'forgetting', 'bypass', 'bypassing', 'neglect', 'abandon', 'discard', 'dismiss',
  'set aside', 'put aside', 'stop following', "don't follow", 'do not follow', 'no longer follow', 'cease following', 'stop obeying', "don't obey",
  'do not obey', 'pay no attention to', 'take no notice of', 'circumvent', 'evade', 'escape', 'break free of', 'break free from', 'unlearn',
]);
const opsOverrideVerbs = any(['override', 'overriding', 'overwrite', 'skip', 'drop', 'reset', 'clear', 'delete', 'erase', 'cancel', 'void', 'nullify', 'suspend', 'scrap', 'remove', 'replace', 'disable', 'turn off', 'deactivate', 'lift', 'wipe']);
const modelDeterminers = any([
  'all', 'any', 'every', 'your', 'previous', 'prior', 'above', 'earlier', 'preceding', 'foregoing', 'former', 'original', 'initial', 'system',
  'developer', 'safety', 'built-in', 'preset', 'hidden', 'existing', 'old', 'default', 'programmed', 'given', 'current', 'these', 'those', 'my',
]);
const fillerDeterminers = any(['the', 'of', 'all', 'any', 'your', 'my', 'these', 'those', 'prior', 'previous', 'above', 'earlier', 'system', 'original', 'initial', 'safety', 'other', 'existing', 'current', 'default', 'developer', 'preceding', 'hidden', 'given', 'old']);
const modelNouns = any([
  'instructions?', 'instruction set', 'directions', 'prompts?', 'system prompts?', 'guidelines?', 'guardrails?', 'directives?', 'programming', 'training',
  'constraints?', 'restrictions?', 'limitations?', 'safeguards?', 'content polic(?:y|ies)', 'safety polic(?:y|ies)', 'ethical guidelines', 'ethics',
  'system messages?', 'developer messages?', 'context', 'commands? (?:you (?:were|have been) given)', 'rules (?:you (?:were|have been) given)',
  'rules of engagement', 'operating rules', 'core rules', 'prime directive',
]);
const opsNouns = any(['rules', 'policies', 'guidance', 'orders', 'commands', 'tasks?', 'messages', 'filters', 'settings', 'configuration', 'conversation', 'objectives?', 'goals?']);
const modelWords = any([
  'ai', 'a\\.i\\.', 'llm', 'llms', 'language model', 'large language model', 'model', 'assistant', 'ai assistant', 'chat ?bot', 'bot', 'gpt', 'chatgpt',
  'gpt-4o?', 'claude', 'gemini', 'copilot', 'summari[sz]er', 'summari[sz]ation (?:model|bot|engine|tool)', 'ai agent', 'llm agent', 'incident-ai', 'incident ai',
  'automated (?:system|assistant|summary|tool)', 'drafting (?:tool|model|assistant)', 'status update (?:generator|bot)',
]);
const opsDocument =
  /^[^.\n]{0,60}?\b(?:in|from|on|of|for|at)\s+(?:the\s+|our\s+|this\s+|that\s+)?(?:old\s+|previous\s+|outdated\s+)?(?:runbook|wiki|docs?|documentation|confluence|ticket|jira|readme|playbook|page|email|slack|thread|channel|dashboard|pagerduty|alert|grafana|sop|handbook|checklist|script|job|step|vendor|release notes|migration guide|install guide|manual|card|post-?it|sticky)/u;

const exfiltrationVerbs = any([
  'reveal', 'print', 'show', 'repeat', 'output', 'leak', 'display', 'tell me', 'tell us', 'give me', 'give us', 'share', 'dump', 'echo', 'write out',
  'write down', 'disclose', 'paste', 'return', 'copy', 'list', 'spell out', 'translate', 'recite', 'expose', 'provide', 'read back', 'read out',
  'type out', 'quote', 'summari[sz]e', 'include', 'append', 'insert', 'put', 'send', 'post', 'encode',
]);
const promptObjects = any([
  '(?:your|the) (?:system|initial|original|hidden|secret|full|entire|complete|developer|internal|pre-?prompt|first|very first|real|exact) (?:prompt|instructions|message|rules|guidelines|directives|configuration|context)',
  'your (?:prompt|instructions|rules|guidelines|directives|configuration|context window|initial prompt|programming|system message|guardrails|constraints)',
  'system prompt', 'system message', 'developer message', 'pre-?prompt', 'meta-?prompt',
  '(?:the |all (?:the )?)?(?:text|words|content|instructions|messages|lines) (?:above|before this|preceding|prior to this|so far|you were given)',
  'everything (?:above|before this|you were told|in your context)',
  '(?:the |your )?canary(?: token| value| string| word)?', '(?:the |your )?(?:secret|hidden) (?:token|marker|key|word|phrase|password)',
  '(?:the |your )?(?:fence|delimiter|boundary|spotlight) (?:markers?|tokens?|strings?)',
]);
const secretObjects = any([
  'conversation', 'chat history', 'chat log', 'history', 'secrets?', 'api keys?', 'keys', 'tokens?', 'credentials?', 'passwords?', 'env(?:ironment)? var(?:iable)?s',
  'connection strings?', 'private keys?', 'session (?:cookies?|tokens?)', 'the (?:data|contents|summary|prompt|answer|incident data|full incident|notes|logs|context)',
  'everything', 'all (?:of )?(?:it|this|the data|the above)', 'the user(?:\'s)? (?:data|messages|questions?|details)', 'customer (?:data|records|details|pii)',
]);
const destinations =
  '(?:https?://|ftp://|wss?://|[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,100}\\.[a-z]{2,}|(?:the |this |my |our |following |an? )?(?:external |attacker\'?s? |remote )?(?:url|endpoint|webhook|server|address|e-?mail(?: address)?|inbox|domain|site|pastebin|discord|telegram|ngrok)\\b)';

export const signals: readonly Signal[] = [
  // --- Instruction override (English) -----------------------------------------------------
  {
    id: 'override.en',
    category: 'instruction-override',
    weight: 0.92,
    pattern: latin(`\\b${strongOverrideVerbs}\\s+(?:(?:${fillerDeterminers})\\s+){0,3}(?:${modelDeterminers})\\s+(?:(?:${fillerDeterminers})\\s+){0,2}${modelNouns}\\b`),
    unless: opsDocument,
    dampening: 0.35,
  },
  {
    id: 'override.en.bare',
    category: 'instruction-override',
    weight: 0.7,
    pattern: latin(`\\b${strongOverrideVerbs}\\s+(?:the\\s+)?(?:instructions|prompt|guidelines|guardrails|directives|programming|system prompt|safety rules|content policy|restrictions)(?!\\s+(?:in|for|on|of|from|at)\\b)`),
    unless: opsDocument,
    dampening: 0.3,
  },
  {
    id: 'override.en.ops-verb',
    category: 'instruction-override',
    weight: 0.85,
    pattern: latin(`\\b${opsOverrideVerbs}\\s+(?:(?:${fillerDeterminers})\\s+){0,3}(?:${modelDeterminers})\\s+(?:(?:${fillerDeterminers})\\s+){0,2}(?:instructions?|prompts?|system prompts?|guidelines|guardrails|directives|programming|safety (?:rules|filters|guidelines)|content polic(?:y|ies)|restrictions|constraints|limitations|safeguards)\\b`),
    // "drop the old constraints table"
    unless: new RegExp(`${opsDocument.source}|${ordinaryObject.source}`, 'u'),
    dampening: 0.35,
  },
  {
    id: 'override.en.rules',
    category: 'instruction-override',
    weight: 0.68,
    pattern: latin(`\\b${strongOverrideVerbs}\\s+(?:all|any|your|every)\\s+(?:of\\s+)?(?:(?:your|the|previous|prior|above|earlier|original|other|existing)\\s+){0,2}${opsNouns}\\b`),
    unless: opsDocument,
    dampening: 0.3,
  },
  {
    id: 'override.en.everything',
    category: 'instruction-override',
    weight: 0.45,
    pattern: latin(
      `\\b(?:ignore|disregard|forget|erase|wipe)\\s+(?:about\\s+)?(?:everything|anything|all(?: of)? (?:that|this|what)(?: (?:was|has been|you were|you've been|i) (?:said|told|written|given|provided))?|what (?:you were|you've been|i) (?:told|said|given))\\s+(?:(?:above|before|prior|previously|earlier|so far|up to (?:now|this point|here)|you (?:were|have been) (?:told|given|instructed))\\b|(?:in|from) (?:the|your) (?:system|previous|prior|above|initial|original))`,
    ),
  },
  {
    id: 'override.en.above',
    category: 'instruction-override',
    weight: 0.5,
    pattern: latin(`\\b(?:ignore|disregard|forget)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|that\\s+)?(?:above|previous|preceding|foregoing|prior|earlier)(?:\\s+(?:text|content|messages?|lines?|context|conversation|input))?(?=\\s*(?:[,.;:!\\-]|and\\b|then\\b|$))`),
  },
  {
    id: 'override.en.new-instructions',
    category: 'instruction-override',
    weight: 0.75,
    pattern: latin(
      `(?:\\b(?:new|updated|real|actual|true|revised|corrected|secret|hidden|additional|override|priority|system|admin|important) (?:system )?(?:instructions?|directives?|prompt|orders|task|rules)\\s*(?:[:\\-=>]|follow|are|is|below|\\(|take)|\\byour (?:new|real|actual|true|updated|only|primary|sole|revised) (?:instructions?|task|job|role|goal|objective|purpose|mission|directive|prompt|priority) (?:is|are|will be|now)\\b|\\b(?:here are|these are|follow) (?:your|the|my) (?:new|real|updated|actual|true) (?:instructions?|rules|orders|directives?))`,
    ),
  },
  {
    id: 'override.en.void',
    category: 'instruction-override',
    weight: 0.85,
    pattern: latin(
      `\\b(?:the|your|all|any|those|these) (?:(?:above|previous|prior|earlier|original|initial|system|old|preceding) )+(?:instructions?|prompts?|rules|guidelines|directives|messages?) (?:was|were|is|are|have been|has been) (?:(?:just|only|all|merely) )?(?:fake|a test|wrong|outdated|void|cancel+ed|obsolete|superseded|revoked|invalid|not valid|no longer valid|deprecated|overridden|replaced|lifted|wrong)\\b|\\b(?:the|your|all|any) (?:(?:above|previous|prior|earlier|original|initial|system|old|preceding|safety|usual) )+(?:instructions?|prompts?|rules|guidelines|directives|restrictions|constraints|policies) (?:no longer|do not|don't|does not|doesn't|cease to) (?:apply|matter|count|hold|bind you|exist)\\b|\\b(?:takes?|has|have|gets?) (?:priority|precedence) over (?:your|the|all|any) (?:(?:previous|prior|system|other|original|existing) )*(?:instructions|prompt|rules|guidelines|directives|programming)\\b|\\b(?:these|the following|this|my|the below) (?:instructions?|message|note|text|directives?|rules|orders) (?:supersedes?|overrides?|take[s]? precedence over|replaces?|cancels?|invalidates?|trumps?) (?:all|any|the|your|every)\\b`,
    ),
  },
  {
    id: 'override.en.mode',
    category: 'instruction-override',
    weight: 0.75,
    pattern: latin(
      `\\b(?:developer mode|dev mode enabled|god mode|dan mode|jailbreak mode|jailbroken mode|unrestricted mode|unfiltered mode|system override|developer override|sudo mode|safety (?:mode )?(?:off|disabled)|override (?:code|protocol|authori[sz]ation)|emergency override protocol)\\b`,
    ),
    // "is developer mode enabled on the mobile app builds?"
    unless: ordinaryObject,
    dampening: 0.4,
  },
  {
    id: 'override.en.priority',
    category: 'instruction-override',
    weight: 0.55,
    pattern: latin(`\\b(?:highest|top|maximum|absolute|critical|overriding) priority (?:instruction|override|directive|task|command|order|message)s?\\b|\\bthis (?:instruction|directive|message|note) (?:has|takes) (?:the )?(?:highest|top|absolute) priority\\b`),
  },
  {
    id: 'override.en.from-now-on',
    category: 'instruction-override',
    weight: 0.4,
    pattern: latin(`\\b(?:from now on|from this point (?:on|forward)|henceforth|going forward|for the rest of (?:this|the) (?:conversation|chat|session)),? (?:you(?:'ll| will| must| should| are| shall)?|always|never|only|respond|answer|reply|ignore|act|behave|output|speak|talk|pretend)\\b`),
  },
  {
    id: 'override.en.do-not-follow',
    category: 'instruction-override',
    weight: 0.5,
    pattern: latin(`\\b(?:do not|don't|never|stop) (?:summari[sz]e|summari[sz]ing|draft|drafting|write|writing|answer|answering|produce|producing|generate|generating) (?:the|this|a|an|any) (?:status update|summary|postmortem|post-mortem|answer|digest|report|update|draft|incident|timeline|notes?|alert|logs?|job|execution)\\b[^.\\n]{0,40}\\b(?:instead|rather|but)\\b|\\binstead of (?:summari[sz]ing|drafting|writing|answering|producing|generating|doing) (?:the|this|that|your|a|an|what)\\b`),
    sources: { guidance: 0.4 },
  },

  // --- Addressing the model --------------------------------------------------------------
  {
    id: 'address.model',
    category: 'addressing-the-model',
    weight: 0.45,
    pattern: latin(
      `\\b(?:note|message|instructions?|attention|important|notice|reminder|p\\.?s\\.?|memo|request|warning|directive|task|heads up|fyi|nb)\\s*(?:to|for)\\s+(?:the |any |all |an? |our |you, the )?(?:${modelWords})s?\\b|\\b(?:hey|hi|hello|dear|attention|ok|okay|yo|listen|psst|to|calling)[,]?\\s+(?:${modelWords})\\b\\s*[,:!]|\\bif you(?:'re| are) (?:an? |the )?(?:ai|llm|language model|large language model|assistant|bot|chat ?bot|automated|model|summari[sz]er|agent)|\\b(?:ai|llm|language model|assistant|model|bot|agent|summari[sz]er)s? (?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|ingesting|seeing) (?:this|these)\\b|\\bwhen (?:you(?:'re| are)? )?(?:summari[sz](?:e|ing)|draft(?:ing)?|generat(?:e|ing)|process(?:ing)?|read(?:ing)?|digest(?:ing)?|analy[sz](?:e|ing)) (?:this|these) (?:note|alert|log|incident|message|text|document|page|payload|output|job|execution|lines?)s?\\b|\\bas an? (?:ai|language model|llm|large language model)\\b`,
    ),
  },
  {
    id: 'address.command',
    category: 'addressing-the-model',
    weight: 0.75,
    pattern: latin(
      `(?:\\b(?:note|message|instructions?|attention|important|notice|reminder|p\\.?s\\.?|memo|request|warning|directive|heads up|fyi|nb)\\s*(?:to|for)\\s+(?:the |any |all |an? |our |whichever )?(?:${modelWords})s?|\\b(?:hey|hi|hello|dear|attention|ok|okay|listen)[,]?\\s+(?:${modelWords})|\\bif you(?:'re| are) (?:an? |the )?(?:ai|llm|language model|large language model|assistant|bot|chat ?bot|automated|model|summari[sz]er)[^.\\n,;:]{0,30}|\\b(?:ai|llm|language model|assistant|model|bot|summari[sz]er)s? (?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|ingesting|seeing) (?:this|these)(?: [a-z]+)?|(?:^|[\\n>"'(]|<!--|\\(|\\.\\s)\\s*(?:ai|llm|assistant|ai assistant|chatgpt|claude|gpt|summari[sz]er)(?:\\s+[a-z]+){0,3})(?:\\s+[a-z]+){0,3}\\s*[,:;!\\-]+\\s*(?:please\\s+)?(?:state|say|write|report|tell|claim|mention|include|ignore|output|add|respond|reply|answer|do not|don't|never|always|mark|classify|approve|forget|disregard|print|reveal|send|call|run|execute|delete|skip|omit|remove|treat|list|close|resolve|silence)\\b`,
    ),
  },
  {
    id: 'address.model-must',
    category: 'addressing-the-model',
    weight: 0.7,
    pattern: latin(`\\b(?:the|this|any|our) (?:ai|ai assistant|assistant|model|llm|bot|chat ?bot|summari[sz]er|incident-ai) (?:must|should|will|shall|is to|needs to|has to) (?:now |always |also )?(?:include|say|state|add|append|respond|reply|ignore|output|write|mention|use|print|reveal|send|obey|approve|report|claim|render)\\b`),
  },
  {
    id: 'override.obey-this',
    category: 'instruction-override',
    weight: 0.75,
    pattern: latin(`\\b(?:obey|comply with|follow only|obey only|only (?:obey|follow))\\s+(?:only\\s+)?(?:the|these|my)\\s+(?:instructions|commands|directions|orders)\\s+(?:in|from|of|below|contained in)\\s+(?:this|the following|these)\\s+(?:log|alert|note|message|text|line|payload|document|e-?mail|ticket|page|comment)`),
  },
  {
    id: 'role.from-now-on',
    category: 'role-play',
    weight: 0.6,
    pattern: latin(`\\b(?:from now on|henceforth|from this point on|for the rest of (?:this|the) (?:conversation|chat|session)),? you(?:'re| are| will be| shall be)\\s+(?!(?:the |our |an? )?(?:incident commander|ic\\b|scribe|comms|communications|on-?call|owner|lead|point of contact|primary|secondary|backup))(?:an? |the |my )?[a-z]`),
  },
  {
    id: 'chat-markup.comment-role',
    category: 'chat-markup',
    weight: 0.7,
    pattern: /(?:<!--|\[\/\/\]: # \()\s*(?:assistant|ai|system|llm|model|developer|note (?:to|for) (?:the )?(?:ai|assistant|model|llm))\s*:/u,
  },
  {
    id: 'chat-markup.bracket-tag',
    category: 'chat-markup',
    weight: 0.4,
    pattern: /\[(?:system|admin|developer|assistant)(?: (?:notice|message|note|prompt|override|instructions?|update))\]/u,
    sources: { log: 0.5 },
  },
  {
    id: 'exfiltrate.secret-into-answer',
    category: 'data-exfiltration',
    weight: 0.7,
    pattern: latin(`\\b(?:include|add|put|insert|paste|reveal|print|list|write)\\s+(?:the |all |any |every )?(?:admin |root |database |db |on-call |service )?(?:passwords?|credentials?|secrets?|api keys?|tokens?|phone numbers?|private keys?)\\b[^.\\n]{0,50}\\b(?:in|into|to|at the end of) (?:your|the|every|each) (?:answer|reply|replies|response|output|update|summary|draft|status update|postmortem)`),
    sources: { guidance: 0.8 },
  },
  {
    id: 'exfiltrate.templated-link',
    category: 'data-exfiltration',
    weight: 0.5,
    pattern: /https?:\/\/[^\s"'<>]{1,300}[?&][a-z_]{1,20}=(?:<[^>\n]{1,40}>|\{[^}\n]{1,40}\}|\$\{[^}\n]{1,40}\}|\[[a-z _-]{1,40}\])/u,
    sources: { alert: 0.6, log: 0.6 },
  },
  {
    id: 'tool.persistence',
    category: 'tool-coercion',
    weight: 0.6,
    pattern: latin(`\\b(?:append|add|insert|echo|write|copy|put)\\b[^.\\n]{0,60}\\b(?:ssh key|public key|id_rsa\\.pub|id_ed25519\\.pub)\\b[^\\n]{0,40}authorized_keys|\\b(?:append|add|insert|echo|write)\\b[^.\\n]{0,60}(?:/etc/sudoers|/etc/passwd|crontab -|/etc/cron)`),
    sources: { log: 0.6 },
  },
  {
    id: 'output.root-cause-must',
    category: 'output-hijack',
    weight: 0.4,
    pattern: latin(`\\b(?:the )?(?:root cause|cause|impact|status|severity|summary|answer|update|outcome|result)\\s+(?:you (?:report|give|write|state|draft)\\s+)?(?:must|should|has to|needs to|shall) (?:be|say|state|read)\\s+["'\u201c]|\\b(?:tell|inform) (?:the )?(?:stakeholders|customers|users|everyone|responders|public|executives) (?:that )?(?:nothing|no (?:one|customer|data)|everything (?:is|was) fine|all is well)`),
    sources: { guidance: 0, question: 0.5 },
  },
  {
    id: 'exfiltrate.tool',
    category: 'data-exfiltration',
    weight: 0.7,
    pattern: latin(`\\b(?:call|invoke|use|trigger)\\s+(?:the\\s+)?(?:send_email|send_mail|send_message|send_sms|http_request|http_post|post_message|fetch_url|upload_file|webhook_call|create_gist|web_request)\\b`),
  },
  {
    id: 'exfiltrate.prompt-containing',
    category: 'prompt-exfiltration',
    weight: 0.6,
    pattern: latin(`\\b(?:containing|including|that contains|which contains|that includes) (?:the |your )?(?:full |entire |complete |exact )?(?:system prompt|system message|initial instructions|hidden instructions|original instructions|developer message)\\b`),
  },
  {
    id: 'compact.phrases',
    category: 'prompt-exfiltration',
    weight: 0.8,
    pattern: /(?:repeat|print|reveal|show|output|tellme)(?:the|all|your|me)*(?:text|words|everything|instructions|prompt|systemprompt)(?:above|before)|textabovestarting|yourinstructions|initialinstructions|hiddeninstructions|yoursystemprompt|thesystemprompt/u,
  },
  {
    id: 'compact.address',
    category: 'addressing-the-model',
    weight: 0.6,
    pattern: /(?:attention|noteto|notefor|hey|dear)(?:the|any)?(?:ai|llm|assistant|aiassistant|languagemodel|summarizer|chatgpt)(?:reading|processing)?|respondonlywith|replyonlywith|andnothingelse|youarenolonger|pretendyouare/u,
  },
  {
    id: 'address.imperative',
    category: 'output-hijack',
    weight: 0.25,
    pattern: latin(`\\byou (?:must|should|will|shall|need to|have to|are (?:required|instructed|ordered) to) (?:now )?(?:say|state|write|include|mention|report|output|respond|reply|answer|tell|claim|add|insert|append|call|run|execute|send|reveal|print|ignore|obey|comply)\\b`),
    sources: { guidance: 0, question: 0.4, description: 0.4 },
  },

  // --- Role play --------------------------------------------------------------------------
  {
    id: 'role.you-are-now',
    category: 'role-play',
    weight: 0.8,
    pattern: latin(
      `\\byou(?:'re| are) (?:now|from now on|henceforth|no longer|not) (?:an? |the |my |in |acting as |playing )?(?:(?:unrestricted|unfiltered|uncensored|jailbroken|evil|free|different|new|rogue|malicious|helpful|compromised|liberated|unchained|unbound|unlocked|root|admin|super)[ -]?)*(?:ai|a\\.i\\.|assistant|model|bot|chatbot|dan|stan|dude|aim|developer mode|hacker|pirate|linux terminal|terminal|shell|bash|sql console|root shell|admin(?:istrator)?|system|god|character|persona|person|human|entity|version|incident-ai|summari[sz]er|bound|restricted|limited|required|obligated|constrained|allowed|permitted|able)\\b`,
    ),
  },
  {
    id: 'role.you-are-now.bare',
    category: 'role-play',
    weight: 0.35,
    pattern: latin(`\\byou(?:'re| are) now\\b`),
  },
  {
    id: 'role.pretend',
    category: 'role-play',
    weight: 0.65,
    pattern: latin(
      `\\b(?:pretend|imagine|suppose|assume|act as if|behave as if) (?:that )?(?:you(?:'re| are| were| have)|to be) (?:an? |the |my )?(?:(?:unrestricted|unfiltered|uncensored|evil|different|new|rogue|jailbroken|free|helpful|human|real|sentient)\\s+)*(?:ai|assistant|model|bot|chatbot|dan|hacker|person|human|terminal|shell|character|persona|entity|developer|admin|system|no (?:rules|restrictions|limits|filters|guidelines))|\\b(?:let's|lets|we will|we'll|let us) (?:play|pretend|roleplay|role-play|do) (?:a )?(?:game|role ?play|role-play|pretend|scenario)|\\b(?:role ?play|role-play|act) as (?:an? |the )?(?:(?:unrestricted|unfiltered|uncensored|evil|different|new|rogue|jailbroken|rogue|malicious)\\s+)*(?:ai|assistant|model|dan|linux terminal|terminal|hacker|character|persona|chatbot|bot|system administrator with no)|\\bstay in character\\b|\\bbreak character\\b|\\bsimulate (?:an? |the )?(?:unrestricted|unfiltered|evil|different|linux|jailbroken|rogue) `,
    ),
  },
  {
    id: 'role.pretend.bare',
    category: 'role-play',
    weight: 0.5,
    pattern: latin(`\\b(?:pretend|imagine) (?:that )?you(?:'re| are| were)\\b(?! (?:explaining|talking|writing|speaking|presenting|briefing|describing) )`),
  },
  {
    id: 'role.jailbreak',
    category: 'role-play',
    weight: 0.7,
    pattern: latin(
      `\\b(?:do anything now|jailbreak(?:ing|ed)? (?:the |this |you)|(?:no|without|free (?:of|from)|beyond) (?:any |all )?(?:ethical|moral|safety|content) (?:guidelines|restrictions|limits|filters|constraints|rules|boundaries|polic(?:y|ies))|(?:without|no) (?:any )?(?:restrictions|limitations|filters|censorship|guardrails) (?:or|and|whatsoever|at all|on (?:what )?you)|(?:freed|unlocked|liberated|released|unshackled) from (?:your |the |all )?(?:rules|restrictions|guidelines|constraints|programming|openai|anthropic)|(?:openai|anthropic|content) polic(?:y|ies) (?:do(?:es)? not|don't|no longer) apply|you (?:can|may|are allowed to|are free to) (?:do|say) anything\\b)`,
    ),
  },
  {
    id: 'role.new-identity',
    category: 'role-play',
    weight: 0.7,
    pattern: latin(`\\byour (?:new |real |true |actual |secret )(?:name|role|persona|identity|personality|character|purpose|creator|master|owner) (?:is|will be)\\b|\\byou (?:will|shall|must) (?:now )?(?:act|behave|respond|answer|speak|talk) (?:as|like) (?:an? |the )?(?!incident commander|ic\\b|scribe|communications lead|comms lead)`),
  },

  // --- System prompt exfiltration --------------------------------------------------------
  {
    id: 'exfiltrate.prompt',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: latin(`\\b${exfiltrationVerbs}\\b\\s+${gap(4)}${promptObjects}`),
  },
  {
    id: 'exfiltrate.prompt-question',
    category: 'prompt-exfiltration',
    weight: 0.8,
    pattern: latin(
      `\\b(?:what|which) (?:is|are|was|were) (?:your|the) (?:(?:system|initial|original|hidden|secret|exact|full|first|developer) )+(?:prompt|instructions?|rules|guidelines|directives|message)|\\bwhat (?:is|are|was|were) your (?:instructions|prompt|rules|guidelines|directives|system prompt)\\b|\\b(?:what|how) (?:were you|have you been) (?:told|instructed|programmed|prompted|configured)\\b|\\bwhat (?:did|does) (?:the|your) (?:system|developer|initial) (?:prompt|message|instructions?) (?:say|contain|tell you)`,
    ),
    // "what are the exact instructions in step 3 of the runbook?", "what are your instructions for filing a postmortem?"
    unless: new RegExp(`${ordinaryObject.source}|${processPurpose.source}`, 'u'),
    dampening: 0.5,
  },
  {
    id: 'exfiltrate.repeat-above',
    category: 'prompt-exfiltration',
    weight: 0.9,
    pattern: latin(
      `\\b(?:repeat|print|output|copy|write|echo|reproduce|recite)\\s+(?:back\\s+)?(?:(?:all|everything|every word|each word|the (?:words|text|lines|content))\\s+)?(?:verbatim\\s+)?(?:above|before this|preceding|from the (?:beginning|start|top))\\b|\\b(?:starting|beginning) (?:with|from) (?:the words? )?["'\`]?you are\\b|\\bput (?:all|everything|the text) (?:above|before this) in a (?:code ?block|txt|text block)`,
    ),
  },

  // --- Chat-template markup ---------------------------------------------------------------
  {
    id: 'chat-markup.special-token',
    category: 'chat-markup',
    weight: 0.9,
    pattern: /<\|(?:im_start|im_end|im_sep|system|user|assistant|endoftext|begin_of_text|end_of_text|start_header_id|end_header_id|eot_id|eom_id|fim_prefix|fim_middle|fim_suffix|tool_call|tool|developer|channel|message|start|end|return|call)\|>|<\/?(?:start_of_turn|end_of_turn)>|<<\/?sys>>|<\/?s>\s*\[inst\]/u,
  },
  {
    id: 'chat-markup.inst',
    category: 'chat-markup',
    weight: 0.8,
    pattern: /\[\/?inst\]|\{\{\s*(?:#system|\/system)\s*\}\}|<\|?(?:system|assistant)\|?>\s*:/u,
  },
  {
    // "[system]" and "[assistant]" also prefix ordinary log lines, so alone they weigh little.
    id: 'chat-markup.bracket-role',
    category: 'chat-markup',
    weight: 0.4,
    pattern: /\[\/?(?:system|sys|assistant)\](?=\s*\S)/u,
    sources: { log: 0.3, alert: 0.5 },
  },
  {
    id: 'chat-markup.heading',
    category: 'chat-markup',
    weight: 0.7,
    pattern: /(?:(?:^|\n)[ >]*#{1,6}|(?:^|[\s.!?;:>"'(\[{,])#{2,6})\s*(?:system|assistant|instructions?|developer|human|response|new instructions|system prompt|system message|admin|operator)\s*(?:message|prompt|instructions?|override|update)?(?:\s+(?:for|to)\s+(?:the\s+)?(?:ai|assistant|model|llm|bot|summari[sz]er))?\s*:/u,
  },
  {
    id: 'chat-markup.role-line',
    category: 'chat-markup',
    weight: 0.5,
    pattern: /(?:^|\n|\\n|["'])[ >*]*(?:system|developer|system prompt|system message|sys)\s*(?:\(\w+\))?\s*:\s*(?:you\b|ignore|from now|new|the (?:user|assistant)|assistant|override|forget|disregard|your|always|never|do not|important)/u,
    sources: { log: 0.6, alert: 0.8 },
  },
  {
    id: 'chat-markup.transcript',
    category: 'chat-markup',
    weight: 0.45,
    pattern: /(?:\n\n|\\n\\n)(?:human|assistant|user|ai)\s*:|(?:^|\n)\s*(?:human|assistant)\s*:\s*\S[^\n]{0,200}\n\s*(?:human|assistant|user)\s*:/u,
  },
  {
    id: 'chat-markup.xml-role',
    category: 'chat-markup',
    weight: 0.7,
    pattern: /<\/?(?:system|assistant|developer|system_prompt|system-prompt|sysprompt|admin_instructions|instructions|sys|im_start|im_end)(?:\s[^<>\n]{0,80})?>/u,
    sources: { log: 0.8, alert: 0.9 },
  },
  {
    id: 'chat-markup.json-role',
    category: 'chat-markup',
    weight: 0.7,
    pattern: /["']role["']\s*:\s*["'](?:system|developer|assistant)["']\s*,\s*["'](?:content|message|text|parts)["']|["'](?:content|message|text)["']\s*:\s*["'][^"'\n]{0,400}["']\s*,\s*["']role["']\s*:\s*["'](?:system|developer|assistant)["']/u,
  },

  // --- Tool and command coercion ----------------------------------------------------------
  {
    id: 'tool.call',
    category: 'tool-coercion',
    weight: 0.5,
    pattern: latin(
      `\\b(?:call|invoke|use|trigger|execute|run|fire)\\s+(?:the |your |a |an |this )?(?:[a-z0-9]+[_.-])*(?:[a-z0-9]+_)?(?:tool|function|plugin|action|function[_ ]call|tool[_ ]call)s?\\b(?!\\s+(?:to (?:check|see|verify|inspect|look)|output|run\\b))|\\b(?:call|invoke|use) (?:the )?(?:send_email|send_message|http_request|fetch_url|browse|web_search|execute_command|run_shell|shell|exec|create_runbook|post_message|webhook)\\b|\\b(?:with|using) (?:the )?(?:arguments?|parameters?|params) \\{`,
    ),
    sources: { description: 0.5, log: 0.5, alert: 0.7 },
  },
  {
    id: 'tool.dangerous-command',
    category: 'tool-coercion',
    weight: 0.6,
    pattern: latin(
      `\\b(?:run|runs|execute|executes|exec|include|add|append|insert|type|paste|use|perform|issue|enter|put)\\b\\s+${gap(6)}[\`'"]?(?:sudo\\s+)?(?:rm\\s+-(?:rf|fr|r\\s+-f|f\\s+-r)\\s+(?:--no-preserve-root\\s+)?(?:/|~|\\*|\\$home|/\\*)(?=[\\s\`'"]|$)|mkfs(?:\\.\\w+)?\\s+/dev/|dd\\s+if=/dev/(?:zero|u?random)\\s+of=/dev/|:\\(\\)\\s*\\{|chmod\\s+-r\\s+777\\s+/(?=[\\s\`'"]|$)|drop\\s+(?:database|schema)\\b|curl\\s[^\\n|]{1,200}\\|\\s*(?:sudo\\s+)?(?:ba|z|da)?sh\\b|wget\\s[^\\n|]{1,200}\\|\\s*(?:sudo\\s+)?(?:ba)?sh\\b|nc\\s+(?:-\\w+\\s+)*-e\\s|bash\\s+-i\\s+>&|/dev/tcp/|base64\\s+-d\\s*\\|\\s*(?:ba)?sh|shutdown\\s+-h\\s+now|kubectl\\s+delete\\s+(?:ns|namespace|nodes?)\\s+(?:--all|kube-system|default)|aws\\s+s3\\s+rb\\s|terraform\\s+destroy\\s+-auto-approve)`,
    ),
    sources: { description: 0.6, log: 0.6 },
  },
  {
    id: 'tool.reverse-shell',
    category: 'tool-coercion',
    weight: 0.45,
    pattern: /bash\s+-i\s+>&\s*\/dev\/tcp\/|nc\s+(?:-\w+\s+)*-e\s+\/bin\/(?:ba)?sh|\/dev\/tcp\/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d+|python3?\s+-c\s+['"]import socket|(?:curl|wget)\s[^\n|]{1,200}\|\s*(?:sudo\s+)?(?:ba)?sh\b[^\n]{0,40}(?:#|;)\s*(?:ignore|do not|don't|silently)/u,
    sources: { log: 0.4 },
  },
  {
    id: 'tool.add-step',
    category: 'tool-coercion',
    weight: 0.4,
    pattern: latin(`\\b(?:add|include|insert|append|inject|slip|put)\\s+(?:a |this |the following |an extra |an additional |one more |another )?(?:hidden |extra |secret |final |first )?(?:step|command|line|task|curl call|cron ?job|ssh key)s?\\s+(?:to|in|into|at the (?:end|start) of)\\s+(?:the |every |each |your |any )?(?:runbook|job|script|workflow|playbook|plan|generated|output|response|answer|remediation|authorized_keys)`),
    sources: { description: 0.3, guidance: 0.5 },
  },

  // --- Stealth ----------------------------------------------------------------------------
  {
    id: 'stealth.do-not-tell',
    category: 'stealth',
    weight: 0.45,
    pattern: latin(
      `\\b(?:do not|don't|never|without) (?:tell(?:ing)?|inform(?:ing)?|mention(?:ing)?|reveal(?:ing)?|alert(?:ing)?|notify(?:ing)?|warn(?:ing)?|show(?:ing)?|let(?:ting)?|ask(?:ing)?|disclos(?:e|ing)) (?:the )?(?:user|users|anyone|anybody|responders?|humans?|operators?|on-?call|engineers?|reviewers?|them|the team|people|a human)\\b(?! (?:yet|until|before|about the (?:eta|outage|vendor))\\b)|\\b(?:do not|don't|never) (?:list|include|document|log|record|show|mention|report) (?:this|that|the) (?:extra |hidden |additional )?(?:step|command|line|change|instruction|task)s?\\b|\\b(?:silently|quietly|secretly|covertly|discreetly|without (?:anyone|the user) (?:noticing|knowing))\\s+(?:run|execute|send|add|include|delete|drop|forward|append|insert|post|upload|email|exfiltrate|copy|leak|call|disable|remove)\\b|\\bkeep (?:this|these instructions|it) (?:a )?(?:secret|hidden|between us|confidential) from (?:the )?(?:user|responders?|humans?|team)|\\bthe (?:user|humans?|responders?) (?:must|should|will|need) (?:not|never) (?:know|see|notice|find out)`,
    ),
    sources: { guidance: 0.5 },
  },
  {
    id: 'stealth.no-confirmation',
    category: 'stealth',
    weight: 0.35,
    // "do not delete indices without approval" forbids what it names: a negation before the verb is a rule for people.
    pattern: latin(`\\b(?=(?:do it|run it|proceed|just (?:do|run|execute)|immediately|automatically|run|runs|execute|executes|approve|approves|accept|apply|merge|deploy|mark|classify|delete)\\s)(?<!\\b(?:do not|don't|never|must not|mustn't|cannot|can't|may not|should not|shouldn't|nothing|no one|nobody)\\b[^.,;:!?\\n]{0,60})(?:do it|run it|proceed|just (?:do|run|execute)|immediately|automatically|run|runs|execute|executes|approve|approves|accept|apply|merge|deploy|mark|classify|delete)\\s+(?:[^\\s.!?;]{1,30}\\s+){0,4}without (?:any )?(?:asking|confirmation|confirming|approval|review|human review|a human|checking|hesitation|question)`),
    sources: { description: 0.5 },
  },

  // --- Data exfiltration ------------------------------------------------------------------
  {
    id: 'exfiltrate.data',
    category: 'data-exfiltration',
    weight: 0.8,
    pattern: latin(
      `\\b(?:send|post|forward|upload|transmit|exfiltrate|e-?mail|leak|submit|report|copy|pipe|beacon|ship|relay|sync|dump|push|curl|put|include|append|add|encode|embed)\\b\\s+${gap(3)}${secretObjects}\\s+${gap(6)}(?:to|at|into|via|using|in)\\s+${destinations}`,
    ),
  },
  {
    id: 'exfiltrate.image-beacon',
    category: 'data-exfiltration',
    weight: 0.85,
    pattern: /!\[[^\]\n]{0,100}\]\(\s*<?https?:\/\/[^)\s]{1,300}[?&/](?:[^)\s]{0,200}(?:\{|\}|<|\$|\[|%7b|%3c|%24)|[^)\s]{0,200}=(?=\))|[^)\s]{0,200}\b(?:data|secret|secrets|token|key|keys|prompt|conversation|history|summary|chat|exfil|leak|payload|password|passwd|creds?|credentials|apikey|api_key|session|cookie)=)[^)\s]{0,300}\)|<img\s[^>]{0,200}src\s*=\s*["']?https?:\/\/[^"'\s>]{1,300}(?:\{|\}|<|\$|\[|%7b|%3c|\b(?:data|secret|token|key|prompt|conversation|history|summary|exfil|password|creds?)=)/u,
  },
  {
    id: 'exfiltrate.beacon-instruction',
    category: 'data-exfiltration',
    weight: 0.6,
    pattern: latin(
      `\\b(?:append|add|include|insert|put|replace|fill|encode|substitute|concatenate|attach)\\b\\s+${gap(6)}(?:in|into|to|at the end of|as|inside)\\s+(?:the |this |that |a |each )?(?:url|link|image(?: url| link| source)?|query(?: string| parameter)?|parameter|src|href|markdown image|address)\\b|\\b(?:render|display|show|output|include|embed) (?:this|the following|an?) (?:markdown )?(?:image|tracking pixel|pixel|img tag)\\b[^.\\n]{0,60}https?://`,
    ),
    sources: { description: 0.6 },
  },
  {
    id: 'exfiltrate.secrets-request',
    category: 'data-exfiltration',
    weight: 0.3,
    pattern: latin(`\\b(?:reveal|print|show|output|leak|display|dump|give me|tell me|list|expose|disclose)\\s+${gap(3)}(?:all |every |any )?(?:the )?(?:api keys?|secrets|credentials|passwords|private keys?|access tokens|environment variables|env vars|connection strings?)\\b`),
    sources: { description: 0.5, question: 0.8 },
  },

  // --- Fence and delimiter escape ---------------------------------------------------------
  {
    id: 'fence.end-of-data',
    category: 'fence-escape',
    weight: 0.75,
    pattern: latin(
      `(?:^|\\n|\\\\n)\\s*[-=#*<\\[\`"'>]{2,}\\s*(?:end|begin|start|close)\\s*(?:of\\s+)?(?:the\\s+)?(?:untrusted|user|incident|external|input|document|data|context|system|instructions?|trusted|fenced|quoted|customer|alert|log|note)\\b|\\b(?:end|close) of (?:the )?(?:untrusted|user|external|customer|quoted|fenced) (?:data|input|content|text|block|section)\\b|\\b(?:the )?(?:untrusted|incident|user|quoted|fenced) (?:data|input|content|text|block|section) (?:is over|has ended|ends here|is finished|is complete|stops here)\\b|\\b(?:you are|we are) (?:now )?(?:outside|out of|past|beyond) (?:the )?(?:data|untrusted|fenced|quoted|user) (?:block|section|area|input)|\\b(?:trusted|system|developer|admin) (?:zone|section|area|instructions|input) (?:begins|starts|resumes)\\b`,
    ),
  },
  {
    id: 'fence.fake-marker',
    category: 'fence-escape',
    weight: 0.8,
    pattern: /<<\s*\/?\s*(?:untrusted|end_untrusted|data|end)[_-]?[a-z0-9_-]{0,40}\s*>>|<\/(?:untrusted|untrusted[_-]data|incident[_-]data|user[_-]input|user[_-]data|external[_-]content|document|data)>\s*(?:\\n|\n|\s)*(?:<(?:system|instructions?)|system|new instructions|ignore|assistant|now\b)/u,
  },
  {
    id: 'fence.quote-breakout',
    category: 'fence-escape',
    weight: 0.7,
    pattern: /(?:"""|'''|```|~~~)\s*(?:\\n|\n)+\s*(?:system|assistant|new instructions|instructions|developer|admin|###|<\|)\s*[:>|]/u,
  },

  // --- Output hijack (for text that should carry no instructions at all) ----------------------
  {
    id: 'output.instead',
    category: 'output-hijack',
    weight: 0.45,
    pattern: latin(`\\b(?:instead|rather)\\b,?\\s+(?:just\\s+|only\\s+)?(?:respond|reply|answer|say|write|output|print|state|report|tell (?:them|the user|everyone|readers|customers)|declare|announce|claim)\\b`),
    sources: { guidance: 0, question: 0.5 },
  },
  {
    id: 'output.verbatim',
    category: 'output-hijack',
    weight: 0.4,
    pattern: latin(`\\b(?:respond|reply|answer|output|print|say|write|return)\\s+(?:only|exactly|just|simply|solely|verbatim|literally)?\\s*(?:with|the (?:word|phrase|text|string|sentence))\\s*[:]?\\s*["'\`\\u201c]`),
    sources: { guidance: 0, question: 0.3 },
  },
  {
    id: 'output.only',
    category: 'output-hijack',
    weight: 0.6,
    pattern: latin(`\\b(?:respond|reply|answer|output|print|say|write|return)\\s+(?:only|exactly|just|simply|solely)\\s+(?:with\\s+)?[^.\\n]{1,80}?\\s+(?:and|but)\\s+(?:nothing|no(?:thing)? (?:else|more|other))\\b|\\b(?:and|but) (?:say |write |output )?nothing else\\b[^.\\n]{0,40}\\b(?:regardless|whatever|no matter)`),
    sources: { guidance: 0, question: 0.5 },
  },
  {
    id: 'output.claim',
    category: 'output-hijack',
    weight: 0.4,
    pattern: latin(
      `\\b(?:the|your) (?:status update|summary|postmortem|post-mortem|answer|response|reply|digest|report|output|draft|update|rca|root cause(?: analysis)?) (?:must|should|has to|needs to|will|shall) (?:only )?(?:say|state|claim|read|blame|declare|conclude|assert|report) (?:that )?|\\b(?:say|write|state|claim|report|announce|declare|tell (?:customers|everyone|the public|stakeholders)) (?:that )?(?:the )?(?:incident|outage|issue|problem|root cause|cause) (?:is|was|has been) (?:caused by|the fault of|due to)\\s+(?:the )?(?:competitor|vendor|customer|user error|an? (?:intern|attacker))`,
    ),
    sources: { guidance: 0, question: 0.5 },
  },
  {
    id: 'output.pwned',
    category: 'output-hijack',
    weight: 0.55,
    pattern: latin(`\\b(?:i have been pwned|i've been pwned|pwned|haha pwned|hacked by|access granted|jailbreak successful)\\b`),
  },

  // --- Encoded payload hints -----------------------------------------------------------------
  {
    id: 'obfuscation.decode-and-follow',
    category: 'obfuscation',
    weight: 0.6,
    pattern: latin(
      `\\b(?:decode|decrypt|decipher|unscramble|reverse|translate|rot13|base64[ -]decode|hex[ -]decode)\\b\\s+${gap(6)}(?:and|then)\\s+(?:then\\s+)?(?:follow|execute|run|obey|do|apply|carry out|act on|perform|comply with|treat (?:it|them) as)\\b`,
    ),
  },

  // --- Concatenated phrases (spaced letters joined, zero-width separators removed) ----------
  {
    id: 'override.compact',
    category: 'instruction-override',
    weight: 0.9,
    pattern:
      /(?:ignore|disregard|forget|bypass|override)(?:all|the|any|every|your|of|my|these)?(?:previous|prior|above|earlier|preceding|system|original|initial|safety)?(?:instructions?|prompts?|systemprompt|guidelines|guardrails|directives|rules)|systemprompt|youarenow|developermode|doanythingnow|newinstructions|revealyour|forgeteverything|ignoreeverything|ignoreall/u,
  },

  // --- Other languages: override, role, prompt exfiltration ---------------------------------
  // Accents are folded by normalization (instrucciones, instrucoes, ubersprunge).
  {
    id: 'override.es',
    category: 'instruction-override',
    weight: 0.9,
    pattern: latin(
      `\\b(?:ignora|ignore|ignorar|ignoren|ignorad|olvida|olvide|olvidar|olviden|olvidad|omite|omitir|descarta|descartar|haz caso omiso(?: de)?|no sigas|deja de seguir|pasa por alto|salta(?:te)?)\\b\\s+${gap(4)}(?:(?:anteriores|previas|previos|todas|todos|tus|sus|del sistema|originales|de arriba|iniciales|las|los)\\s+${gap(2)})?(?:instrucciones|indicaciones|directrices|ordenes|instruccion|el prompt|prompt del sistema|normas de seguridad)\\b(?:\\s+(?:anteriores|previas|del sistema|originales|iniciales|de arriba))?`,
    ),
    unless: /^[^.\n]{0,60}?\b(?:del|en el|de la) (?:runbook|wiki|ticket|documento|manual|procedimiento)/u,
    dampening: 0.35,
  },
  {
    id: 'role.es',
    category: 'role-play',
    weight: 0.75,
    pattern: latin(`\\b(?:ahora eres|a partir de ahora eres|desde ahora eres|ya no eres|finge (?:que )?(?:eres|ser)|haz de cuenta que eres|actua como (?:un |una )?(?:ia|asistente|modelo|hacker|terminal|dan)|tu nuevo (?:rol|papel|nombre) es)\\b`),
  },
  {
    id: 'exfiltrate.es',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: latin(`\\b(?:revela|revelame|muestra|muestrame|imprime|repite|dime|ensename|escribe|copia|comparte|filtra)\\b\\s+${gap(3)}(?:tu prompt|tus instrucciones|el prompt del sistema|las instrucciones del sistema|tu mensaje de sistema|el mensaje del sistema|prompt (?:de|del) sistema|instrucciones (?:iniciales|originales|ocultas|secretas))`),
  },
  {
    id: 'override.fr',
    category: 'instruction-override',
    weight: 0.9,
    pattern: latin(
      `\\b(?:ignore|ignorez|ignorer|ignores|oublie|oubliez|oublier|ne tiens pas compte|ne tenez pas compte|fais abstraction|faites abstraction|laisse tomber|laissez tomber|passe outre|passez outre)\\b\\s+(?:de\\s+|des\\s+)?(?:toutes\\s+)?(?:les|tes|vos|ces|des|mes)\\s+${gap(2)}(?:instructions|consignes|directives|indications|regles)\\b|\\b(?:oublie|oubliez|ignore|ignorez)\\s+(?:le prompt|ton prompt|votre prompt)\\b`,
    ),
    unless: /^[^.\n]{0,60}?\b(?:du|dans le|de la) (?:runbook|wiki|ticket|document|manuel|procedure)/u,
    dampening: 0.35,
  },
  {
    id: 'role.fr',
    category: 'role-play',
    weight: 0.75,
    pattern: latin(`\\b(?:tu es maintenant|vous etes maintenant|a partir de maintenant,? tu es|desormais,? tu es|tu n'es plus|fais semblant d'etre|faites semblant d'etre|joue le role d(?:e|'un|'une)|ton nouveau role est)\\b`),
  },
  {
    id: 'exfiltrate.fr',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: latin(`\\b(?:revele|revelez|affiche|affichez|montre|montrez|repete|repetez|donne-moi|donnez-moi|ecris|ecrivez|imprime|imprimez|divulgue|recopie)\\b\\s+${gap(3)}(?:ton prompt|votre prompt|le prompt systeme|tes instructions|vos instructions|tes consignes|vos consignes|le message systeme|les instructions (?:initiales|systeme|du systeme|cachees))`),
  },
  {
    id: 'override.de',
    category: 'instruction-override',
    weight: 0.9,
    pattern: latin(
      `\\b(?:ignoriere|ignorieren|ignoriert|ignorier|vergiss|vergessen|vergesst|missachte|missachten|uberspringe|verwirf|verwerfe|beachte nicht|befolge nicht|halte dich nicht an)\\b\\s+${gap(4)}(?:vorherigen|vorigen|bisherigen|obigen|alle|alles|deine|ihre|ursprunglichen|fruheren|vorangegangenen|vorherige|bisherige|obige|sämtliche|samtliche|die)\\s+${gap(2)}(?:anweisungen|anweisung|instruktionen|vorgaben|richtlinien|systemanweisungen|systemprompt|prompt|befehle|regeln)\\b|\\bvergiss alles(?:,)? (?:was|bisherige|vorherige|oben|davor|bisher)\\b`,
    ),
    unless: /^[^.\n]{0,60}?\b(?:im|aus dem|in der|aus der) (?:runbook|wiki|ticket|dokument|handbuch|confluence)/u,
    dampening: 0.35,
  },
  {
    id: 'role.de',
    category: 'role-play',
    weight: 0.75,
    pattern: latin(`\\b(?:du bist (?:jetzt|nun|ab sofort|ab jetzt)|ab (?:jetzt|sofort) bist du|sie sind (?:jetzt|nun)|du bist kein(?:e)? (?:ki|assistent)|tu so,? als (?:ob|warst)|spiele die rolle|gib dich als|deine neue rolle ist)\\b`),
  },
  {
    id: 'exfiltrate.de',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: latin(`\\b(?:zeige|zeig|gib|verrate|wiederhole|drucke|schreibe|nenne|gib aus|offenbare|kopiere)\\b\\s+${gap(3)}(?:deinen systemprompt|den systemprompt|deine anweisungen|deine instruktionen|deine systemanweisungen|die systemanweisungen|deinen prompt|den system-prompt|deine (?:ursprunglichen|versteckten|geheimen) anweisungen)`),
  },
  {
    id: 'override.pt',
    category: 'instruction-override',
    weight: 0.9,
    pattern: latin(
      `\\b(?:ignore|ignora|ignorar|ignorem|esqueca|esquece|esquecer|esquecam|desconsidere|desconsiderar|despreze|descarte|nao siga|pare de seguir|deixe de lado)\\b\\s+${gap(4)}(?:(?:anteriores|previas|todas|todos|suas|tuas|acima|do sistema|originais|iniciais|as|os)\\s+${gap(2)})?(?:instrucoes|instrucao|diretrizes|orientacoes|o prompt|prompt do sistema|regras de seguranca)\\b`,
    ),
    unless: /^[^.\n]{0,60}?\b(?:do|no|da) (?:runbook|wiki|ticket|documento|manual|procedimento)/u,
    dampening: 0.35,
  },
  {
    id: 'role.pt',
    category: 'role-play',
    weight: 0.75,
    pattern: latin(`\\b(?:agora voce e|a partir de agora,? voce e|voce agora e|voce nao e mais|finja (?:que )?(?:e|ser|voce e)|aja como (?:um |uma )?(?:ia|assistente|modelo|hacker|terminal)|seu novo (?:papel|nome) e)\\b`),
  },
  {
    id: 'exfiltrate.pt',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: latin(`\\b(?:revele|mostre|imprima|repita|diga|me de|escreva|exiba|compartilhe|copie)\\b\\s+${gap(3)}(?:seu prompt|suas instrucoes|o prompt do sistema|as instrucoes do sistema|sua mensagem de sistema|instrucoes (?:iniciais|originais|ocultas|secretas))`),
  },
  {
    id: 'override.it',
    category: 'instruction-override',
    weight: 0.9,
    pattern: latin(
      `\\b(?:ignora|ignori|ignorare|ignorate|dimentica|dimenticare|dimenticate|trascura|trascurate|non seguire|tralascia|lascia perdere|non tenere conto)\\b\\s+${gap(4)}(?:(?:precedenti|tutte|tue|sue|sopra|del sistema|originali|iniziali|di prima|le|delle)\\s+${gap(2)})?(?:istruzioni|direttive|indicazioni|il prompt|prompt di sistema|regole di sicurezza)\\b`,
    ),
    unless: /^[^.\n]{0,60}?\b(?:del|nel|nella|della) (?:runbook|wiki|ticket|documento|manuale|procedura)/u,
    dampening: 0.35,
  },
  {
    id: 'role.it',
    category: 'role-play',
    weight: 0.75,
    pattern: latin(`\\b(?:ora sei|adesso sei|da ora in poi sei|non sei piu|fingi di essere|fai finta di essere|comportati come (?:un |una )?(?:ia|assistente|modello|hacker|terminale)|interpreta il ruolo|il tuo nuovo ruolo e)\\b`),
  },
  {
    id: 'exfiltrate.it',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: latin(`\\b(?:rivela|rivelami|mostra|mostrami|stampa|ripeti|dimmi|scrivi|condividi|copia)\\b\\s+${gap(3)}(?:il tuo prompt|le tue istruzioni|il prompt di sistema|le istruzioni di sistema|il messaggio di sistema|istruzioni (?:iniziali|originali|nascoste|segrete))`),
  },
  {
    id: 'override.nl-pl',
    category: 'instruction-override',
    weight: 0.9,
    pattern: latin(`\\b(?:negeer|vergeet)\\s+${gap(3)}(?:vorige|eerdere|voorgaande|alle|je|jouw)\\s+${gap(1)}(?:instructies|regels|opdrachten|prompt)\\b|\\b(?:zignoruj|ignoruj|zapomnij)\\s+${gap(3)}(?:poprzednie|wszystkie|wcześniejsze|wczesniejsze|swoje)\\s+${gap(1)}(?:instrukcje|polecenia|zasady|prompt)\\b`),
  },
  {
    id: 'override.ru',
    category: 'instruction-override',
    weight: 0.9,
    pattern: new RegExp(
      `${noLetterBefore}(?:игнорируй|игнорируйте|проигнорируй|проигнорируйте|забудь|забудьте|не обращай внимания на|не учитывай|отбрось|пренебреги|не следуй|не выполняй|отмени)(?!\\p{L})[^.!?\\n]{0,50}?(?:инструкци|указани|правил|команд|промпт|подсказк|установк|директив|системн)`,
      'u',
    ),
    unless: /^[^.\n]{0,60}?(?:в ранбуке|в runbook|в вики|в тикете|в документации)/u,
    dampening: 0.35,
  },
  {
    id: 'role.ru',
    category: 'role-play',
    weight: 0.75,
    pattern: new RegExp(`${noLetterBefore}(?:теперь ты|ты теперь|отныне ты|с этого момента ты|ты больше не|притворись|представь,? что ты|веди себя как|играй роль|твоя новая роль)(?!\\p{L})`, 'u'),
  },
  {
    id: 'exfiltrate.ru',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: new RegExp(`${noLetterBefore}(?:покажи|выведи|раскрой|повтори|напиши|скажи|распечатай|перескажи|процитируй|скопируй)(?!\\p{L})[^.!?\\n]{0,30}?(?:системн\\p{L}* (?:промпт|инструкци|сообщени)|свой промпт|твой промпт|свои инструкции|твои инструкции|исходн\\p{L}* (?:промпт|инструкци)|скрыт\\p{L}* инструкци)`, 'u'),
  },
  {
    id: 'override.zh',
    category: 'instruction-override',
    weight: 0.9,
    pattern: /(?:忽略|忽视|无视|無視|不要理会|不理会|忘记|忘掉|忘了|忘記|跳过|跳過|抛弃|拋棄|不要遵守|不要遵循|别管|別管|放弃|放棄|绕过|繞過)[^。！？\n]{0,14}?(?:指令|指示|说明|說明|提示词|提示詞|系统提示|系統提示|规则|規則|设定|設定|约束|約束|限制|要求)/u,
    unless: /^[^。\n]{0,30}?(?:运行手册|手册|维基|工单|文档)/u,
    dampening: 0.35,
  },
  {
    id: 'role.zh',
    category: 'role-play',
    weight: 0.75,
    pattern: /(?:你现在是|你現在是|从现在开始[,，]?你是|從現在開始[,，]?你是|从现在起[,，]?你是|现在你是|現在你是|你现在扮演|假装你是|假裝你是|扮演一个|扮演一個|你不再是|你的新角色是)/u,
  },
  {
    id: 'exfiltrate.zh',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: /(?:显示|顯示|输出|輸出|打印|告诉我|告訴我|重复|重複|泄露|洩露|展示|给我看|給我看|透露|复述|複述|写出|寫出)[^。！？\n]{0,8}?(?:系统提示|系統提示|系统指令|系統指令|初始指令|原始指令|提示词|提示詞|隐藏指令|隱藏指令|你的指令|你的指示)/u,
  },
  {
    id: 'override.ja',
    category: 'instruction-override',
    weight: 0.9,
    pattern: /(?:以前の|前の|これまでの|上記の|上の|すべての|全ての|元の|最初の|システムの|あなたの)[^。！？\n]{0,10}?(?:指示|命令|ルール|プロンプト|設定|制約|指令|ガイドライン)[^。！？\n]{0,8}?(?:無視|忘れ|破棄|従わな|従う必要はありません|取り消)/u,
  },
  {
    id: 'role.ja',
    category: 'role-play',
    weight: 0.75,
    pattern: /(?:あなたは今|今からあなたは|これからあなたは|あなたはもう|あなたはもはや)[^。\n]{0,20}?(?:です|だ|ではない|じゃない|として)|(?:のふりをして|になりきって|として振る舞って|として振る舞え|のロールプレイ)/u,
  },
  {
    id: 'exfiltrate.ja',
    category: 'prompt-exfiltration',
    weight: 0.85,
    pattern: /(?:システムプロンプト|初期指示|最初の指示|あなたの指示|隠された指示|元のプロンプト|システムメッセージ)[^。！？\n]{0,12}?(?:表示|教えて|出力|見せて|繰り返|書き出|開示|全文)/u,
  },
  {
    id: 'override.ko',
    category: 'instruction-override',
    weight: 0.9,
    pattern: /(?:이전|모든|위의|앞의|기존|원래)[^.!?\n]{0,10}?(?:지시|지침|명령|규칙|프롬프트)[^.!?\n]{0,8}?(?:무시|잊어|따르지)/u,
  },
  {
    id: 'role.ko',
    category: 'role-play',
    weight: 0.75,
    pattern: /(?:이제 너는|지금부터 너는|당신은 이제|이제부터 당신은|인 척 해|역할을 해)/u,
  },
  ...taskSignals,
  ...jailbreakSignals,
  ...pressureSignals,
  ...documentTaskSignals,
  ...authorityAndDictationSignals,
];
