/**
 * Round trip of a one-row insert committed with `synchronous_commit` on vs off for its own
 * transaction (`set_config('synchronous_commit', ..., true)` inside the statement, as the STREAMING
 * placeholder of a streamed draft is written, src/store/draft-repository.ts), one connection,
 * the two settings in alternating turns:
 *
 *   npx tsx bench/async-commit-insert.ts [--n 2000]
 *
 * Uses a scratch table `bench_async_commit` in BENCH_DATABASE_URL (default the test database),
 * dropped at the end.
 */
import pg from 'pg';
import { numberArgument } from './bench-service.js';

const count = numberArgument('--n', 2000);
const client = new pg.Client(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
await client.connect();
try {
  await client.query('create table if not exists bench_async_commit (id serial primary key, value text not null)');
  const insert = (setting: 'on' | 'off'): Promise<unknown> =>
    client.query({
      name: 'bench-async-commit',
      text: 'insert into bench_async_commit (value) select $1 from (select set_config($2, $3, true)) as setting returning id',
      values: ['x'.repeat(200), 'synchronous_commit', setting],
    });
  const times: Record<'on' | 'off', number[]> = { on: [], off: [] };
  for (let round = 0; round < count + 200; round += 1) {
    for (const setting of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      const start = process.hrtime.bigint();
      await insert(setting);
      if (round >= 200) times[setting].push(Number(process.hrtime.bigint() - start) / 1e3);
    }
  }
  const quantile = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)]!;
  for (const setting of ['on', 'off'] as const) {
    process.stdout.write(`synchronous_commit ${setting}: p50 ${quantile(times[setting], 0.5).toFixed(0)} µs, p90 ${quantile(times[setting], 0.9).toFixed(0)} µs (${count} inserts)\n`);
  }
} finally {
  await client.query('drop table if exists bench_async_commit').catch(() => undefined);
  await client.end();
}
