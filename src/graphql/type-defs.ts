import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gql } from 'graphql-tag';
import { Kind, visit, type DocumentNode } from 'graphql';
import { findShippedFolder } from '../config/shipped-folder.js';

/** The folder holding schema/*.graphql, found from this file whether run from src/ or dist/. */
export function schemaFolder(): string {
  return findShippedFolder('schema', 'base.graphql');
}

/** The federation directives a gateway must enforce itself (a SECURITY feature of the supergraph). */
export const authDirectiveNames: ReadonlySet<string> = new Set(['authenticated', 'requiresScopes']);

export interface TypeDefsOptions {
  /**
   * Keep `@authenticated`/`@requiresScopes` (FEDERATION_AUTH_DIRECTIVES). Default false: they
   * are removed, with their `@link` import, so `@apollo/gateway` and Apollo Router without an
   * enterprise licence load the supergraph. The schema files always carry them: they document
   * what graphql-shield checks in the subgraph either way.
   */
  authDirectives?: boolean;
  folder?: string;
}

/** The subgraph SDL: base.graphql first, then every other file in name order. */
export function loadTypeDefs(options: TypeDefsOptions = {}): DocumentNode {
  const document = readTypeDefs(options.folder ?? schemaFolder());
  return options.authDirectives ? document : withoutAuthDirectives(document);
}

/** The SDL without any use or import of the auth directives. */
export function withoutAuthDirectives(document: DocumentNode): DocumentNode {
  return visit(document, {
    Directive(node) {
      if (authDirectiveNames.has(node.name.value)) return null;
      if (node.name.value !== 'link') return undefined;
      // `import: ["@key", "@authenticated", ...]` loses the two names.
      const args = (node.arguments ?? []).map((argument) =>
        argument.name.value === 'import' && argument.value.kind === Kind.LIST
          ? {
              ...argument,
              value: {
                ...argument.value,
                values: argument.value.values.filter((item) => !(item.kind === Kind.STRING && authDirectiveNames.has(item.value.replace(/^@/, '')))),
              },
            }
          : argument,
      );
      return { ...node, arguments: args };
    },
  });
}

function readTypeDefs(folder: string): DocumentNode {
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  // drafts.graphql declares `type Mutation`; feature files extend it. Declarations must come
  // before extensions, so drafts.graphql goes right after base.graphql.
  const ordered = [...files.filter((file) => file === 'base.graphql' || file === 'drafts.graphql'), ...files.filter((file) => file !== 'base.graphql' && file !== 'drafts.graphql')];
  return gql(ordered.map((file) => readFileSync(path.join(folder, file), 'utf8')).join('\n'));
}
