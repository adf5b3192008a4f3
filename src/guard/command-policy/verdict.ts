/** The safety classes of the command policy, from least to most dangerous. */
export const commandClasses = ['read-only', 'changes-state', 'destructive'] as const;

/**
 * - `read-only`: only reads state (kubectl get, df, SELECT...).
 * - `changes-state`: changes something in a reversible, intended way (restart, scale, UPDATE ... WHERE).
 * - `destructive`: loses data or availability, or cannot be understood (fail closed).
 */
export type CommandClass = (typeof commandClasses)[number];

/** One observation of the policy about a command. */
export interface Finding {
  class: CommandClass;
  reason: string;
}

/** The more dangerous of two classes. */
export function worstClass(a: CommandClass, b: CommandClass): CommandClass {
  return commandClasses.indexOf(a) >= commandClasses.indexOf(b) ? a : b;
}

/** Whether `candidate` is more dangerous than `limit`. */
export function exceedsClass(candidate: CommandClass, limit: CommandClass): boolean {
  return commandClasses.indexOf(candidate) > commandClasses.indexOf(limit);
}

/** Suffix of every reason given when the policy fails closed. */
export const untilReviewed = 'destructive until reviewed';
