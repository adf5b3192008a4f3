/**
 * The benchmark's model answer: a status update of PDEMO01 that is valid against
 * src/features/status-update/output-schema.ts and cites only real records of the incident, so
 * the draft generator accepts it at once (one upstream call per mutation, no repair).
 * `npm run bench` checks it against the schema and the citation check before it starts.
 */
export const benchIncidentId = 'PDEMO01';

export const statusUpdateAnswer = {
  title: 'Card payments at checkout restored after database failover',
  phase: 'RESOLVED',
  summary: {
    text: 'Card payments at checkout failed for about 45 minutes after the payments database failed over; payments are succeeding again.',
    citations: [
      { sourceType: 'LOG_ENTRY', sourceId: 'PDEMO01-LOG-11', excerpt: 'Card payments at checkout are failing for a large share of customers.' },
      { sourceType: 'LOG_ENTRY', sourceId: 'PDEMO01-LOG-17', excerpt: 'card payments are succeeding again' },
    ],
  },
  impact: {
    text: 'A large share of customers could not pay by card at checkout, and checkout conversion dropped well below its baseline.',
    citations: [
      { sourceType: 'ALERT', sourceId: 'PDEMO01-ALERT-1', excerpt: 'payments-api 5xx ratio 38.2% (threshold 5%)' },
      { sourceType: 'ALERT', sourceId: 'PDEMO01-ALERT-5', excerpt: 'Conversion rate 58% below weekly baseline' },
    ],
  },
  actions: [
    {
      text: 'The payment services were pointed at the new database primary and restarted.',
      citations: [{ sourceType: 'LOG_ENTRY', sourceId: 'PDEMO01-LOG-16', excerpt: 'PgBouncer repointed to the Patroni leader and reloaded' }],
    },
    {
      text: 'The failed database server is being rebuilt as a replica.',
      citations: [{ sourceType: 'LOG_ENTRY', sourceId: 'PDEMO01-LOG-18', excerpt: 'pg-payments-01 being rebuilt as a replica' }],
    },
  ],
  nextUpdateMinutes: null,
} as const;
