/**
 * Finds every feature's evaluation suite: `src/features/<feature>/eval/suite.ts` (or `.js`
 * in a build) exporting `suite`. A feature plugs into the evaluation by adding that file;
 * nothing here names a feature.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyEvalSuite } from './types.js';

/** What discovery found. */
export interface Discovery {
  /** Suites by feature name (`statusUpdate`, ...). */
  suites: Map<string, AnyEvalSuite>;
  /** Feature folders whose suite failed to load, with the reason (a feature still being built). */
  failures: { folder: string; reason: string }[];
}

/** The features folder next to this module's parent (`src/features` or `dist/src/features`). */
export const defaultFeaturesDirectory = fileURLToPath(new URL('../features/', import.meta.url));

const isSuite = (value: unknown): value is AnyEvalSuite =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { feature?: { name?: unknown } }).feature?.name === 'string' &&
  typeof (value as { buildPrompt?: unknown }).buildPrompt === 'function' &&
  typeof (value as { casesFile?: unknown }).casesFile === 'string';

/** Imports every suite under `directory`. */
export async function discoverSuites(directory: string = defaultFeaturesDirectory): Promise<Discovery> {
  const suites = new Map<string, AnyEvalSuite>();
  const failures: Discovery['failures'] = [];
  const folders = (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  for (const folder of folders) {
    const file = ['suite.ts', 'suite.js'].map((name) => path.join(directory, folder, 'eval', name)).find((candidate) => existsSync(candidate));
    if (!file) continue;
    try {
      const module = (await import(pathToFileURL(file).href)) as { suite?: unknown };
      if (!isSuite(module.suite)) {
        failures.push({ folder, reason: `${path.relative(directory, file)} does not export a "suite"` });
        continue;
      }
      suites.set(module.suite.feature.name, module.suite);
    } catch (error) {
      failures.push({ folder, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { suites, failures };
}
