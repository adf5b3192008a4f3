/**
 * Folders shipped beside the code (`schema/`, `web/`), found from this module whether it runs
 * from src/ (tsx) or dist/src/ (the build copies them to dist/).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder `name` above this module that holds `marker`; throws when there is none. */
export function findShippedFolder(name: string, marker: string): string {
  const here = fileURLToPath(import.meta.url);
  let folder = path.dirname(here);
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = path.join(folder, name);
    if (existsSync(path.join(candidate, marker))) return candidate;
    folder = path.dirname(folder);
  }
  throw new Error(`${name}/${marker} not found above ${here}`);
}
