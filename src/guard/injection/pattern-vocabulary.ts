/**
 * Building blocks shared by the signal lists (signals.ts, jailbreak-signals.ts,
 * task-signals.ts): pattern constructors and the vocabulary that tells an ordinary object of
 * work ("the config diff", "the instructions in step 3 of the runbook") from the model's own
 * prompt or instructions.
 */

/** A pattern over canonical (lower-case, NFKC) text. */
export const latin = (source: string): RegExp => new RegExp(source, 'u');

/** Up to `n` whole words (each followed by blanks). */
export const gap = (n: number): string => `(?:[^\\s.!?;]{1,30}\\s+){0,${n}}`;

/** One of the alternatives. */
export const any = (words: readonly string[]): string => `(?:${words.join('|')})`;

/** Things of ordinary incident work that own instructions, inputs, prompts and configs. */
const workNouns =
  '(?:runbook|wiki|docs?|documentation|confluence|ticket|jira|readme|playbook|page|email|slack|thread|channel|dashboard|pagerduty|alert|grafana|sop|handbook|checklist|script|job|step|vendor|release notes|migration|guide|manual|deploy(?:ment)?|release|logs?|app|build|device|phone|browser|cluster|service|server|host|node|pipeline|parser|tool|cli|form|installer|wizard|template|survey|ticket)s?';

/**
 * What follows a matched object when the object is someone else's, not the model's: a
 * compound noun ("config diff", "prompt text the bot sends", "constraints table"), a relative
 * clause about something other than the model ("the input that the parser rejected"), or a
 * clause with another subject ("the previous instructions we sent to customers"), or a
 * place in ordinary work ("instructions in step 3 of the runbook", "developer mode on the
 * mobile app builds"). Tested on the text right after the match (a signal's `unless`).
 */
export const ordinaryObject = latin(
  `^(?:\\s+(?:diffs?|tables?|columns?|index(?:es)?|files?|drift|schemas?|flags?|versions?|history|changes?|fields?|sections?|parameters?|keys?|values?|text(?!\\s+(?:you|above|before|verbatim))|box|dialog|screen|window|timeout|rules? (?:engine|file))\\b|\\s+(?:that|which)\\s+(?!you\\b|i (?:gave|sent) you\\b|was given to you\\b)|\\s+(?:we|they|he|she|our|their|his|her|the (?:team|vendor|customer|user|operator|on-?call|responder)s?)\\s+(?!you\\b)|[^.\\n?]{0,40}?\\b(?:in|from|on|of|for|at)\\s+(?:the\\s+|our\\s+|this\\s+|that\\s+|my\\s+)?(?:[a-z0-9-]+\\s+){0,2}${workNouns}\\b)`,
);

/**
 * The purpose that makes "your instructions" a process's, not the model's: a task of the team's
 * work given after `for`/`on`/`about` ("for filing a postmortem", "on how to escalate a sev1",
 * "for the handoff process"). Talking to the caller ("for responding", "for this chat", "for
 * users") is the model's own conduct and is not a purpose here. Tested on the text after a match.
 */
export const processPurpose = latin(
  `^(?![^.!?\\n]{0,80}\\b(?:prompts?|system|developer|hidden|secret|confidential|jailbreak|model|assistant|ai|llm|(?:chat)?bot|yourself|initial|original|verbatim)\\b)\\s+(?:for|on|about)\\s+(?:how\\s+(?:to|do|should|can)\\s+(?:i|we)?\\s*)?(?!(?:respond|answer|repl|talk|chat|speak|behav|act|interact|convers|greet|reason|think|refus|format|output|writ)[a-z]*\\b|(?:this|the|our|that)\\s+(?:conversation|chat|session|exchange|thread|dialog(?:ue)?)\\b|(?:me|us|users?|people|anyone|everyone|customers?|you|yourself)\\b)(?:[a-z-]{3,}ing|[a-z-]{3,})\\b[^.!?\\n]{0,60}\\?*\\s*$`,
);

/**
 * A question that is only a request for a process's steps ("What are your instructions for
 * filing a postmortem?"): one sentence, asking what "your" instructions, steps or guidance are
 * for a purpose {@link processPurpose} accepts.
 */
export const processQuestion = latin(
  `^\\s*(?:what|which)\\s+(?:are|is)\\s+your\\s+(?:instructions|guidance|guidelines|steps|process|advice|recommendations?)(?=${processPurpose.source.slice(1)})`,
);
