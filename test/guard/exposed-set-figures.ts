/** Shared by the floor tests of exposed sets (v3, v5, v6, v7): a set's figures and its rates per file and category. */
import { evaluateFolders, repositorySets, type FigureRow, type LabeledSet } from '../../src/guard/guard-evaluation.js';

export type Rates = { caught: number; falsePositives: number; row: FigureRow };

export function exposedSet(name: string): { set: LabeledSet | undefined; figures: FigureRow[]; rates: (file: string, category?: string) => Rates } {
  const set = repositorySets().find((candidate) => candidate.name === name);
  const figures = set ? evaluateFolders([set]) : [];
  const rates = (file: string, category = '(all)'): Rates => {
    const row = figures.find((candidate) => candidate.file === file && candidate.category === category && candidate.split === 'exposed');
    if (!row) throw new Error(`no ${name} figures for ${file}/${category}`);
    return { caught: row.positives === 0 ? 1 : row.caught / row.positives, falsePositives: row.negatives === 0 ? 0 : row.falsePositives / row.negatives, row };
  };
  return { set, figures, rates };
}
