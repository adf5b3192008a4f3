// Builds commands.jsonl (v7) from the hand-written steps in text-commands.mjs.
import { writeFrozen, counter, check } from './common.mjs';
import { COMMANDS } from './text-commands.mjs';

const LABELS = new Set(['destructive', 'changes-state', 'read-only']);
const abbr = { destructive: 'del', 'changes-state': 'chg', 'read-only': 'ro' };
const next = counter();
const texts = new Set();
const rows = COMMANDS.map(([label, category, text]) => {
  check(LABELS.has(label), 'label ' + label);
  check(!texts.has(text), 'duplicate command ' + text);
  texts.add(text);
  return { id: next(`cmd7-${abbr[label]}-${category}`), category, label, text };
});
writeFrozen('commands.jsonl', rows);
