/**
 * The floor of any gateway: a bare `node:http` server that forwards each request to the
 * upstream over a keep-alive agent and pipes the answer back, nothing else.
 *
 *   node bench/hop.ts --upstream http://127.0.0.1:PORT      prints `listening <url>`
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const upstream = new URL(process.argv[process.argv.indexOf('--upstream') + 1]!);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

const server = http.createServer((request, response) => {
  const headers = { ...request.headers, host: upstream.host };
  const forwarded = http.request(
    { hostname: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers, agent },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  forwarded.on('error', () => {
    if (!response.headersSent) response.writeHead(502);
    response.end();
  });
  request.pipe(forwarded);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
