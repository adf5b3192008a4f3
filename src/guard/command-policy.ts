/**
 * The command-safety policy: how dangerous a shell command (or a whole script) is. Runbook
 * generation classifies every step with it, and the security guard CLI uses it the same way.
 *
 * The command is parsed as shell (quotes, escapes, variables, substitutions, pipelines,
 * here-documents, functions), so obfuscated forms (`r''m`, `\rm`, `X=rm; $X -rf /`,
 * `$(echo ... | base64 -d)`, `printf '\x72\x6d'`, `eval`, `sh -c`) reduce to the command they
 * hide. Whatever the policy cannot understand (unparseable text, code decoded or downloaded at
 * run time, a command name only known at run time) is destructive until reviewed: it fails
 * closed and the reason says so.
 */
import { Analyzer } from './command-policy/analyzer.js';
import { newEnvironment } from './command-policy/expansion.js';
import { classifySql, looksLikeSql } from './command-policy/sql-policy.js';
import { commandClasses, type CommandClass, type Finding } from './command-policy/verdict.js';

export { commandClasses, exceedsClass, worstClass, type CommandClass } from './command-policy/verdict.js';

/** The policy's verdict on one command. */
export interface CommandSafety {
  /** The most dangerous class among everything the command runs. */
  class: CommandClass;
  /** Why, one sentence each: the observations that set the class, most specific first. */
  reasons: string[];
}

/** Longest command text the policy reviews; a longer one is refused (destructive until reviewed). */
export const maxCommandLength = 64_000;

/** Classifies a command line or a script. Pure and deterministic. */
export function classifyCommand(command: string): CommandSafety {
  if (command.length > maxCommandLength) {
    return { class: 'destructive', reasons: [`the command is ${command.length} characters long, more than the ${maxCommandLength} the policy reviews; destructive until reviewed`] };
  }
  if (command.trim().length === 0) return { class: 'read-only', reasons: ['the command is empty'] };
  const findings = looksLikeSql(command) ? classifySql(command, '') : analyze(command);
  return verdictOf(findings);
}

function analyze(command: string): Finding[] {
  const analyzer = new Analyzer();
  try {
    analyzer.reviewCode(command, newEnvironment(), 'the command');
  } catch (error) {
    // A policy that trips over its input must not wave the command through.
    return [...analyzer.findings, { class: 'destructive', reason: `the policy failed to review the command (${error instanceof Error ? error.message : String(error)}); destructive until reviewed` }];
  }
  return analyzer.findings;
}

function verdictOf(findings: readonly Finding[]): CommandSafety {
  if (findings.length === 0) return { class: 'read-only', reasons: ['only runs shell built-ins that change nothing'] };
  const worst = findings.reduce<CommandClass>((current, finding) => (commandClasses.indexOf(finding.class) > commandClasses.indexOf(current) ? finding.class : current), 'read-only');
  const reasons = [...new Set(findings.filter((finding) => finding.class === worst).map((finding) => finding.reason))];
  return { class: worst, reasons };
}
