/**
 * The fast path's error answers against Apollo Server's, on a small schema whose resolvers fail
 * in every way a resolver can: with field suggestions (masked by armor outside development), an
 * HTTP status and header in `extensions.http`, a plain Error, a thrown non-Error, a typed
 * AppError. Same plugins, same `formatError` as the service.
 */
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { ErrorCode } from '../../src/errors/error-codes.js';
import { createErrorMasker } from '../../src/errors/mask-error.js';
import { createArmor, defaultGraphQLLimits } from '../../src/graphql/limits.js';
import { createValidatedDocuments } from '../../src/graphql/validated-documents.js';
import { executeFast, fastOperation, rememberValidatedDocumentsPlugin, type FastPathOptions } from '../../src/http/graphql-fast-path.js';
import { noStoreCacheControlPlugin } from '../../src/http/lean-apollo-plugins.js';

const schema = makeExecutableSchema({
  typeDefs: 'type Query { suggest: String, teapot: String!, plain: String, notAnError: String, typed: String, fine: String }',
  resolvers: {
    Query: {
      suggest: () => {
        throw new GraphQLError('No field "x". Did you mean "y"?', { extensions: { code: 'BAD_USER_INPUT' } });
      },
      teapot: () => {
        throw new GraphQLError('I am a teapot.', { extensions: { code: 'TEAPOT', http: { status: 418, headers: new Map([['x-teapot', 'yes'], ['cache-control', 'max-age=60, public']]) } } });
      },
      plain: () => {
        throw new Error('database password in this message');
      },
      notAnError: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless library may throw
        throw 'a string';
      },
      typed: () => {
        throw new AppError(ErrorCode.RATE_LIMITED, 'Too many generations; retry in 30 s.', { extensions: { retryAfter: 30 } });
      },
      fine: () => 'fine',
    },
  },
});

for (const development of [false, true]) {
  describe(`fast path errors as Apollo answers them (development: ${development})`, () => {
    const documents = createValidatedDocuments(64 * 1024);
    const armor = createArmor(defaultGraphQLLimits, development);
    const formatError = createErrorMasker(pino({ level: 'silent' }));
    const apollo = new ApolloServer<BaseContext>({
      schema,
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      formatError,
      validationRules: armor.validationRules,
      plugins: [...armor.plugins, ...noStoreCacheControlPlugin<BaseContext>(), rememberValidatedDocumentsPlugin<BaseContext>(documents)],
    });
    const options: FastPathOptions<BaseContext> = { schema, documents, formatError, errorPlugins: armor.plugins };
    beforeAll(() => apollo.start());
    afterAll(() => apollo.stop());

    async function viaApollo(body: Record<string, unknown>) {
      const headers = new HeaderMap([['content-type', 'application/json']]);
      const answer = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body }, context: async () => ({}) });
      return { status: answer.status ?? 200, headers: [...answer.headers], body: answer.body.kind === 'complete' ? answer.body.string : '' };
    }

    for (const field of ['suggest', 'teapot', 'plain', 'notAnError', 'typed', 'fine', 'fine suggest teapot']) {
      it(`{ ${field} }`, async () => {
        const body = { query: `{ ${field} }` };
        const first = await viaApollo(body);
        const operation = fastOperation(documents, 'POST', { 'content-type': 'application/json' }, body);
        expect(operation).not.toBeNull();
        const fast = await executeFast(options, operation!, {});
        expect(fast).toEqual(await viaApollo(body));
        expect(fast).toEqual(first);
        if (field === 'suggest') expect(fast!.body.includes('Did you mean')).toBe(development);
        if (field === 'teapot') expect(fast).toMatchObject({ status: 418, headers: [['x-teapot', 'yes'], ['cache-control', 'no-store'], ['content-type', 'application/json; charset=utf-8']] });
      });
    }
  });
}
