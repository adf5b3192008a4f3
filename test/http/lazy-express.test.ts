/**
 * The express app of the routes besides /graphql and the probes is built on the first request
 * that needs it (src/http/lazy-express.ts): once, whatever arrives meanwhile; a failed build
 * answers 500 and is tried again on the next request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyExpressApp, type ExpressModule } from '../../src/http/lazy-express.js';
import { createLogger } from '../../src/telemetry/logger.js';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function serve(build: (expressModule: ExpressModule) => ReturnType<ExpressModule>): Promise<string> {
  const server = http.createServer(lazyExpressApp(build, createLogger('silent')));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('lazyExpressApp', () => {
  it('builds the app once, on the first request, and answers every request through it', async () => {
    let builds = 0;
    const url = await serve((express) => {
      builds += 1;
      const app = express();
      app.post('/echo', express.json(), (request, response) => response.json(request.body));
      return app;
    });
    expect(builds).toBe(0);
    const answers = await Promise.all(
      [1, 2, 3].map((n) => fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) }).then((response) => response.json())),
    );
    expect(answers).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
    expect(builds).toBe(1);
  });

  it('answers 500 when the build fails, and builds again on the next request', async () => {
    let builds = 0;
    const url = await serve((express) => {
      builds += 1;
      if (builds === 1) throw new Error('a route could not be mounted');
      const app = express();
      app.get('/', (_request, response) => response.send('ok'));
      return app;
    });
    const failed = await fetch(`${url}/`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('Internal Server Error');
    expect(await (await fetch(`${url}/`)).text()).toBe('ok');
    expect(builds).toBe(2);
  });
});
