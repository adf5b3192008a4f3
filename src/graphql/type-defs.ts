import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { findShippedFolder } from '../config/shipped-folder.js';
import { featureModules } from '../features/feature-modules.js';

/** What the SDL needs of a feature: the SDL its folder brings. */
export interface FeatureTypeDefs {
  typeDefs: string;
}

/** The folder holding the shared SDL (schema/*.graphql), found from this file whether run from src/ or dist/. */
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
  /** The features whose SDL follows the shared one; default the registered ones. */
  features?: readonly FeatureTypeDefs[];
}

/**
 * The subgraph SDL: the shared files of schema/ (base.graphql first, then every other file in
 * name order), then each feature's SDL in registration order.
 */
export function loadTypeDefs(options: TypeDefsOptions = {}): DocumentNode {
  const shared = readTypeDefs(options.folder ?? schemaFolder());
  const features = (options.features ?? featureModules).flatMap((feature) => parseTypeDefs(feature.typeDefs).definitions);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [...shared.definitions, ...features] };
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
  return parseTypeDefs(ordered.map((file) => readFileSync(path.join(folder, file), 'utf8')).join('\n'));
}

/**
 * graphql-tag's `gql` without its cache: the same definitions (no locations), but graphql-tag
 * kept every SDL parsed, keyed by a whitespace-collapsed copy of its text, for the process's
 * life (~300 KB at idle; docs/stack-notes.md item 44), though the schema is built once.
 */
function parseTypeDefs(sdl: string): DocumentNode {
  return parse(sdl, { noLocation: true });
}
