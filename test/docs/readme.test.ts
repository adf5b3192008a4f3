/**
 * The README a new user reads first: it lists every sample id the service answers for, and
 * its links and those of docs/ stay inside the repository and resolve.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleExecutions, sampleIncidents, sampleJobs } from '../../src/incidents/sample/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The README's sample table: one row per id, "| `ID` | what |". */
const sampleRows = new Map([...readme.matchAll(/^\| `([A-Z]+\d+)` \| (.+) \|$/gm)].map((match) => [match[1]!, match[2]!]));

describe('README', () => {
  it('lists every sample incident, job and execution with one line each', () => {
    const ids = [...sampleIncidents.map((incident) => incident.id), ...sampleJobs.map((job) => job.id), ...sampleExecutions.map((execution) => execution.id)];
    expect(ids).toHaveLength(9);
    expect([...sampleRows.keys()].sort()).toEqual([...ids].sort());
    for (const execution of sampleExecutions) expect(sampleRows.get(execution.id)).toContain(execution.status === 'failed' ? 'failed' : 'succeeded');
  });

  it.each(['README.md', ...readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)])(
    '%s links only inside the repository, to files that exist',
    (file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const resolved = path.resolve(path.dirname(path.join(root, file)), target!.split('#')[0]!);
        expect(resolved.startsWith(root + path.sep), `${file} links outside the repository: ${target}`).toBe(true);
        expect(existsSync(resolved), `${file} links a missing file: ${target}`).toBe(true);
      }
    },
  );
});
