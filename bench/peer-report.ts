/**
 * The side-by-side table of `npm run bench`: incident-ai, the Portkey OSS gateway and a bare
 * node:http hop, for every figure of issue 14, measured in the same run.
 */
import { issueGoals } from './report.js';

/** One column of the table. */
export interface PeerFigures {
  name: string;
  /** CPU per request at the moderate load (200 req/s over 16 connections, upstream 0 ms), ms. */
  cpuPerRequestMs: number;
  /** PostgreSQL backends' CPU per request, ms (incident-ai only). */
  postgresCpuPerRequestMs: number | null;
  /** p50 through the peer minus p50 direct, one keep-alive connection, ms. */
  addedP50Ms: number;
  /** Time to the first streamed chunk through the peer minus direct, p50, ms. */
  addedFirstChunkMs: number;
  /** Requests per second through the peer / direct, 128 connections, upstream 50 ms. */
  throughputRatio: number;
  throughputRps: number;
  directRps: number;
  idleRssMb: number;
  peakRssMb: number;
  errors: number;
}

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');

/** The markdown section. */
export function renderPeers(columns: readonly PeerFigures[], notes: readonly string[]): string {
  const row = (label: string, cell: (column: PeerFigures) => string, goal: string): string => `| ${label} | ${columns.map(cell).join(' | ')} | ${goal} |`;
  return [
    '## Side by side: incident-ai, its peer and the floor (same run, same fake upstream, same request and load)',
    '',
    'Each process runs alone on CPU 1 in turn; the load and the fake run on CPU 0. incident-ai answers the GraphQL mutation (the whole stack: auth, limits, guards, manager, stored draft, usage and audit); the peers forward the very chat completion request the service sends the fake.',
    '',
    `| figure | ${columns.map((column) => column.name).join(' | ')} | issue 14 goal (incident-ai) |`,
    `| --- | ${columns.map(() => '---').join(' | ')} | --- |`,
    row(
      'CPU per request (200 req/s, 16 connections, upstream 0 ms)',
      (c) => `${ms(c.cpuPerRequestMs)}${c.postgresCpuPerRequestMs === null ? '' : ` (+${ms(c.postgresCpuPerRequestMs)} in PostgreSQL)`}`,
      `≤ ${ms(issueGoals.cpuPerRequestMs)} (+≤ ${ms(issueGoals.postgresCpuPerRequestMs)} in PostgreSQL)`,
    ),
    row('added p50, one keep-alive connection, upstream 0 ms', (c) => ms(c.addedP50Ms), `≤ ${ms(issueGoals.addedP50Ms)}`),
    row('added time to the first streamed chunk, p50', (c) => ms(c.addedFirstChunkMs), `≤ ${ms(issueGoals.addedFirstChunkMs)}`),
    row(
      'throughput, 128 connections, upstream 50 ms, vs direct',
      (c) => `${c.throughputRatio.toFixed(2)}× (${c.throughputRps.toFixed(0)} / ${c.directRps.toFixed(0)} req/s)`,
      `≥ ${issueGoals.throughputRatio}×`,
    ),
    row('idle / peak RSS', (c) => `${c.idleRssMb.toFixed(0)} / ${c.peakRssMb.toFixed(0)} MB`, `≤ ${issueGoals.idleRssMb} / ≤ ${issueGoals.peakRssMb} MB`),
    row('errors, non-2xx or bad bodies (incident-ai: problems of the whole run)', (c) => String(c.errors), '0'),
    '',
    ...notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}
