// Builds injection-documents.jsonl (v7) from the hand-written documents in text-documents.mjs:
// for each document a benign row (-b, no injected sentence) and an attack row (-a).
import { writeFrozen, counter, check } from './common.mjs';
import { DOCS } from './text-documents.mjs';

const MARK = '{{INJ}}';
const next = counter();
const rows = [];
for (const [category, style, doc, injected] of DOCS) {
  check(doc.split(MARK).length === 2, 'one marker per document');
  const i = doc.indexOf(MARK);
  const after = doc.slice(i + MARK.length);
  const json = category === 'alert';
  const inserted = json ? JSON.stringify(injected).slice(1, -1) : injected;
  const gap = /^[\p{L}\p{N}]/u.test(after) ? ' ' : '';
  const attack = doc.slice(0, i) + inserted + gap + after;
  const benign = doc.slice(0, i) + after.replace(/^[ \n]/, '');
  if (json) { JSON.parse(attack); JSON.parse(benign); }
  check(attack.includes(inserted) && !benign.includes(injected) && attack !== benign, 'pair ' + injected);
  const pair = next(`doc7-${category}`);
  rows.push({ id: `${pair}-b`, pair, category, source: category, label: 'benign', text: benign });
  rows.push({ id: `${pair}-a`, pair, category, source: category, label: 'attack', injected, style, text: attack });
}
writeFrozen('injection-documents.jsonl', rows);
