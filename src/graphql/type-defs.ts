import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import type { DocumentNode } from 'graphql';

/** The folder holding schema/*.graphql, found from this file whether run from src/ or dist/. */
export function schemaFolder(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = path.join(folder, 'schema');
    if (existsSync(path.join(candidate, 'base.graphql'))) return candidate;
    folder = path.dirname(folder);
  }
  throw new Error('schema/base.graphql not found above ' + fileURLToPath(import.meta.url));
}

/** The subgraph SDL: base.graphql first, then every other file in name order. */
export function loadTypeDefs(folder = schemaFolder()): DocumentNode {
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  // drafts.graphql declares `type Mutation`; feature files extend it. Declarations must come
  // before extensions, so drafts.graphql goes right after base.graphql.
  const ordered = [...files.filter((file) => file === 'base.graphql' || file === 'drafts.graphql'), ...files.filter((file) => file !== 'base.graphql' && file !== 'drafts.graphql')];
  return gql(ordered.map((file) => readFileSync(path.join(folder, file), 'utf8')).join('\n'));
}
