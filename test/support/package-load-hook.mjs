// Reports on stderr, once each, the npm packages a process loads (`PACKAGE <name>`): started with
// `node --import ./test/support/package-load-hook.mjs`, for tests of what start-up loads.
import { register } from 'node:module';

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
