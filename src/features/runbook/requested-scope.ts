/**
 * What a request asks a job to do at most, in the command policy's classes: "collect
 * diagnostics" asks only to read, "restart the pods" asks to change state, "wipe the disk"
 * asks for something destructive. A step beyond that was not asked for and is flagged.
 */
import type { CommandClass } from '../../guard/command-policy.js';

/** The most a request asks for, and the words that say so. */
export interface RequestedScope {
  limit: CommandClass;
  /** The word or phrase that set the limit; null when nothing in the request says it. */
  evidence: string | null;
}

const readOnlyPhrases = /\b(?:read[- ]only|without (?:changing|modifying|touching|restarting|deleting) (?:anything|any ?thing|state)|(?:do not|don't|dont|never) (?:change|modify|touch|restart|delete) anything|no changes|only (?:look|read|check|collect|gather|inspect|report)|just (?:look|check|collect|gather|read))\b/i;

// Freeing disk space and cleaning up logs mean deleting files, which loses data (issue 11).
const destructiveWords = /\b(?:free(?:s|d|ing)? (?:up )?(?:some )?(?:disk )?space|clean(?:s|ed|ing)? ?up (?:the )?(?:old |stale |rotated |archived )*(?:logs?|files?|backups?|snapshots?)|clean(?:s|ed|ing)? (?:the )?(?:old |stale |rotated |archived )*(?:logs?|files?|backups?|snapshots?)|wip(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|format(?:s|ted|ting)?|destroy\w*|drop(?:s|ped|ping)?|truncat\w*|purg\w*|nuk(?:e|es|ed|ing)|shred\w*|tear(?:s|ing)? down|teardown|decommission\w*|delet\w*|remov\w*|uninstall\w*|reboot\w*|shut(?:s|ting)? down|shutdown|power(?:s|ing|ed)? off|poweroff|flush\w*|reset\w*|reimag\w*|re-imag\w*|zero(?:es|ed|ing)? out|kill all|prune\w*|rm -rf)\b/i;

const changeWords = /\b(?:restart\w*|bounc\w*|recycl\w*|cycl\w*|roll(?:s|ed|ing)? (?:back|out|over)|rolling|rollback\w*|revert\w*|undo\w*|redeploy\w*|deploy\w*|scal(?:e|es|ed|ing)|resiz\w*|rotat\w*|renew\w*|replac\w*|apply\w*|appl(?:ies|ied)|updat\w*|upgrad\w*|patch\w*|fix\w*|fail(?:s|ed|ing)? ?over|drain\w*|cordon\w*|evict\w*|kill\w*|stop\w*|start\w*|reload\w*|clean\w*|clear\w*|free\w*|increas\w*|decreas\w*|rais\w*|lower\w*|add\w*|set|sets|setting|chang\w*|enabl\w*|disabl\w*|install\w*|migrat\w*|promot\w*|rebalanc\w*|restor\w*|creat\w*|move|moves|moving|renam\w*|reissu\w*|refresh\w*|compact\w*|vacuum\w*|archiv\w*|compress\w*|mount\w*|unmount\w*|trim\w*|expand\w*|extend\w*|grow\w*|shrink\w*|pause\w*|resum\w*|suspend\w*|terminat\w*|evacuat\w*)\b/i;

const readWords = /\b(?:check\w*|collect\w*|gather\w*|diagnos\w*|inspect\w*|investigat\w*|show\w*|list\w*|get|gets|look\w*|read\w*|view\w*|report\w*|status|verif\w*|describ\w*|dump\w*|snapshot\w*|audit\w*|monitor\w*|watch\w*|find\w*|query\w*|count\w*|measur\w*|print\w*|fetch\w*|captur\w*|troubleshoot\w*|debug\w*|tail\w*|grep\w*|health\w*|logs?)\b/i;

const negation = /\b(?:not|don't|dont|do not|never|without|no|avoid|avoiding|instead of)\s+(?:\w+\s+){0,2}$/i;

/** The first match of `pattern` in `text` that no negation ("without", "don't") governs. */
function affirmed(text: string, pattern: RegExp): string | null {
  const global = new RegExp(pattern.source, 'gi');
  for (const match of text.matchAll(global)) {
    if (!negation.test(text.slice(Math.max(0, match.index - 40), match.index))) return match[0];
  }
  return null;
}

/** The most a request asks for. Nothing recognised means "may change state, nothing destructive". */
export function requestedScope(description: string): RequestedScope {
  const text = description.replace(/\s+/g, ' ');
  const readOnly = readOnlyPhrases.exec(text);
  if (readOnly) return { limit: 'read-only', evidence: readOnly[0] };
  const destructive = affirmed(text, destructiveWords);
  if (destructive) return { limit: 'destructive', evidence: destructive };
  const change = affirmed(text, changeWords);
  if (change) return { limit: 'changes-state', evidence: change };
  const read = affirmed(text, readWords);
  if (read) return { limit: 'read-only', evidence: read };
  return { limit: 'changes-state', evidence: null };
}

/** How a scope reads in a sentence ("only read-only diagnostics"...). */
export function scopeLabel(scope: RequestedScope): string {
  switch (scope.limit) {
    case 'read-only':
      return `read-only work${scope.evidence ? ` ("${scope.evidence}")` : ''}`;
    case 'changes-state':
      return `changes${scope.evidence ? ` ("${scope.evidence}")` : ''} but nothing destructive`;
    case 'destructive':
      return `destructive work ("${scope.evidence ?? ''}")`;
  }
}
