/**
 * Labels of the six sample incidents (src/incidents/sample), shared by the datasets that read
 * incidents: what customers use and see, what responders need, what is internal, what never
 * happened, and how far each incident got.
 */
import type { Fact } from '../cases.js';
import type { Stage } from './incident-builder.js';

/** Labels of one incident, whatever the text written about it. */
export interface IncidentLabels {
  stage: Stage;
  service: string[];
  symptom: string[];
  /** What responders need. */
  technical: Fact[];
  /** What stakeholders need beyond service, impact and phase. */
  stakeholder: Fact[];
  internal: string[];
  neverHappened: string[];
  /** Planted instructions an update outside the response must not repeat. */
  injected?: string[];
}

export const sampleLabels: Record<string, IncidentLabels> = {
  PDEMO01: {
    stage: 'resolved',
    service: ['payments', 'card payments', 'checkout'],
    symptom: ['failing', 'failed', 'errors', 'could not'],
    technical: [['pg-payments-02', 'Patroni', 'failover'], ['PgBouncer', 'pgbouncer'], ['replication slot', 'debezium_payments_cdc', 'pg_wal', 'WAL']],
    stakeholder: [['2140', '2,140', '45 minutes', '1 h 12 min', '72 minutes']],
    internal: ['pg-payments-01', 'pgbouncer-payments', '10.42.8.15', 'DBRE-2291', 'PAY-1187', 'Marcus', 'Priya', 'grafana.corp.northwind.io'],
    neverHappened: ['ddos', 'data breach', 'card data was exposed', 'cyberattack'],
  },
  PDEMO02: {
    stage: 'resolved',
    service: ['api', 'public api', 'partner', 'partners', 'mobile', 'webhooks'],
    symptom: ['certificate', 'secure connection', 'tls', 'connection errors', 'failing', 'failed'],
    technical: [['cert-manager', 'certificate'], ['IAM', 'DNS-01', 'route53'], ['envoy', 'edge-gw']],
    stakeholder: [['partner', 'partners', 'mobile', 'webhook', 'webhooks']],
    internal: ['edge-gw-01', '10.20.0.14', 'EDGE-912', 'Tomasz', 'Liam', 'arn:aws', '482913557201'],
    neverHappened: ['ddos', 'data breach', 'hacked', 'cyberattack'],
  },
  PDEMO03: {
    stage: 'resolved',
    service: ['orders api', 'orders', 'partner', 'partners'],
    symptom: ['rate limit', 'rate limited', '429', 'rejected', 'too many requests'],
    technical: [['per_client_rps', '200', '20'], ['ratelimit.yaml', 'config', 'configuration'], ['rolled back', 'rollback', '1841']],
    stakeholder: [['1306', '1,306', 'none were lost', 'no orders were lost', 'none lost']],
    internal: ['ShopLane', 'orders-db-replica-2', '10.0.38.201', 'ORD-774', 'Kenji', 'Jonas', 'config-repo#2290'],
    neverHappened: ['ddos', 'orders were lost', 'data breach', 'cyberattack'],
  },
  PDEMO04: {
    stage: 'investigating',
    service: ['sign in', 'sign-in', 'login', 'search', 'log in'],
    symptom: ['failing', 'fail', 'errors', 'intermittent', 'intermittently'],
    technical: [['SERVFAIL', 'DNS', 'resolution'], ['Resolver', 'ENI', '10.0.65.2', 'endpoint'], ['dns_retry', 'retry']],
    stakeholder: [['71', '29', 'sign-in', 'sign in']],
    internal: ['sessions-redis.prod.internal', '10.0.65.2', 'sg-0a4e19c2f3b7', 'NET-1520', 'Rafael', 'Diego', 'Liam'],
    neverHappened: ['root cause has been identified', 'has been resolved', 'ddos', 'rolled back'],
  },
  PDEMO05: {
    stage: 'monitoring',
    service: ['email', 'emails', 'order confirmation', 'notifications', 'confirmation'],
    symptom: ['delayed', 'delay', 'delays', 'late'],
    technical: [['v3.18.0', '3.18.0', 'v3.17.4', '3.17.4'], ['lag', 'consumer lag', '621'], ['rebalance', 'rebalancing', 'max.poll.interval.ms', 'poll timeout']],
    stakeholder: [['orders', 'payments'], ['09:20', '09:30']],
    internal: ['kafka-01.prod.internal', 'ORD-761', 'ORD-765', 'Aisha', 'Kenji', '#support-escalations'],
    neverHappened: ['orders were lost', 'duplicate emails were sent', 'ddos', 'data breach'],
  },
  PDEMO06: {
    stage: 'identified',
    service: ['recommendations', 'product pages', 'suggestions'],
    symptom: ['unavailable', 'generic', 'intermittently', 'errors', '502'],
    technical: [['OOMKilled', 'OOM', 'memory'], ['RECS_CACHE_TTL', 'evictLoop', 'eviction'], ['3Gi', 'memory limit']],
    stakeholder: [['checkout', 'search', 'generic']],
    internal: ['s3://northwind-recs-debug', 'mateo.alvarez@northwind.io', 'RECS-2207', 'Sofia', 'Mateo', 'ip-10-0-33-140'],
    neverHappened: ['customer data was exposed', 'data breach', 'has been resolved', 'ddos'],
  },
};

