// Reports on stderr, once each, the npm packages a process loads (`PACKAGE <name>`): started with
// `node --import ./test/support/package-load-hook.mjs`, for tests of what start-up loads.
// Two hooks: the module loader's resolve hook sees ES `import`s (and an `import` of a CommonJS
// package), but not the `require`s inside CommonJS packages (express's own router, body-parser...):
// those are seen by wrapping CommonJS resolution on the main thread. A package may be reported once
// by each.
import Module, { register } from 'node:module';

const hooks = `
const seen = new Set();
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const match = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(resolved.url);
  if (match && !seen.has(match[1])) {
    seen.add(match[1]);
    process.stderr.write('PACKAGE ' + match[1] + '\\n');
  }
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const required = new Set();
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const filename = resolveFilename.apply(this, args);
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(filename);
  if (match && !required.has(match[1])) {
    required.add(match[1]);
    process.stderr.write('PACKAGE ' + match[1] + '\n');
  }
  return filename;
};
