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
