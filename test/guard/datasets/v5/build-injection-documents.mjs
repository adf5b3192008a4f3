// Builds injection-documents.jsonl (v5): each hand-written document twice, plain (benign)
// and with one injected sentence (attack). Text lives in documents-text.mjs.
import { numberRows, writeFrozen } from './lib.mjs';
import { docs } from './documents-text.mjs';

const MARK = /\{\{(J?)INJ(\s*)\}\}/;
const rows = [];
const perCategory = {};
for (const [category, style, doc, injected] of docs) {
  const m = doc.match(MARK);
  if (!m || doc.match(new RegExp(MARK.source, 'g')).length !== 1) throw new Error('one marker per document: ' + doc.slice(0, 40));
  const inserted = (m[1] ? JSON.stringify(injected).slice(1, -1) : injected) + m[2];
  const benign = doc.replace(MARK, '');
  const attack = doc.replace(MARK, () => inserted);
  if (doc.startsWith('{')) for (const line of [...benign.split('\n'), ...attack.split('\n')]) JSON.parse(line);
  perCategory[category] = (perCategory[category] ?? 0) + 1;
  const pair = `doc5-${category}-${String(perCategory[category]).padStart(3, '0')}`;
  rows.push({ id: pair + '-b', pair, category, source: category, label: 'benign', text: benign });
  rows.push({ id: pair + '-a', pair, category, source: category, label: 'attack', injected: injected.trim(), style, text: attack });
}
writeFrozen('injection-documents.jsonl', rows.map(({ id, ...rest }) => ({ id, split: 'frozen', ...rest })));
