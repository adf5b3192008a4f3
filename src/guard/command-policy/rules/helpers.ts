/** Small helpers every rule file uses to state its findings the same way. */
import { shown } from '../arguments.js';
import type { Call, Rule } from '../call.js';
import { untilReviewed } from '../verdict.js';

export const readOnly = (call: Call, what: string): void => call.analyzer.add('read-only', `${shown(call.display)} ${what}`);
export const changesState = (call: Call, what: string): void => call.analyzer.add('changes-state', `${shown(call.display)} ${what}`);
export const destructive = (call: Call, what: string): void => call.analyzer.add('destructive', `${shown(call.display)} ${what}`);
/** Fail closed: the policy cannot tell what the command does. */
export const unreviewable = (call: Call, what: string): void => call.analyzer.add('destructive', `${shown(call.display)} ${what}; ${untilReviewed}`);

/** A rule for programs that only read. */
export const readOnlyRule =
  (what = 'only reads state'): Rule =>
  (call) =>
    readOnly(call, what);

/** A rule for programs that always change state. */
export const changesStateRule =
  (what: string): Rule =>
  (call) =>
    changesState(call, what);

/** A rule for programs that are always destructive. */
export const destructiveRule =
  (what: string): Rule =>
  (call) =>
    destructive(call, what);

/** Lower-cased positional words, for matching subcommands. */
export const words = (values: readonly { text: string }[]): string[] => values.map((value) => value.text.toLowerCase());
