// Reports on stderr the npm packages a process loads (`PACKAGE <name>`): started with
// `node --import ./test/support/package-load-hook.mjs`, for tests of what start-up loads.
// Two doors: the ESM resolve hook (it runs on the loader's thread) sees `import`s, and
// `Module._resolveFilename` (this thread) sees `require`s, which the ESM hook does not on Node 20:
// a CommonJS package's own dependencies, and `createRequire`. A package may be reported once by each.
import Module, { register } from 'node:module';

const packageOf = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//;

const hooks = `
const seen = new Set();
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const match = ${packageOf}.exec(resolved.url);
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
  const match = packageOf.exec(filename);
  if (match && !required.has(match[1])) {
    required.add(match[1]);
    process.stderr.write(`PACKAGE ${match[1]}\n`);
  }
  return filename;
};
