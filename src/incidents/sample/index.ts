/**
 * The embedded demo data served by the `sample` incident source: six incidents, one runbook
 * job and two of its executions, all owned by the `demo` account. Written to read like real
 * PagerDuty and Rundeck records (hosts, IPs, people, tickets) so that redaction and the
 * PUBLIC audience rules can be tested against them.
 */
import type { Incident, JobExecution, RunbookJob } from '../types.js';
import { pdemo01DatabaseFailover } from './pdemo01-database-failover.js';
import { pdemo02ExpiredTlsCertificate } from './pdemo02-expired-tls-certificate.js';
import { pdemo03RateLimitConfigPush } from './pdemo03-rate-limit-config-push.js';
import { pdemo04DnsResolutionFailures } from './pdemo04-dns-resolution-failures.js';
import { pdemo05KafkaConsumerLag } from './pdemo05-kafka-consumer-lag.js';
import { pdemo06MemoryLeakOom } from './pdemo06-memory-leak-oom.js';
import { exdemo01Succeeded, exdemo02Failed, rjdemo01RestartPaymentsApi } from './rjdemo01-restart-payments-api.js';

/** The account that owns every sample record. */
export const sampleAccountId = 'demo';

/** PDEMO01..PDEMO06, in id order. */
export const sampleIncidents: readonly Incident[] = [
  pdemo01DatabaseFailover,
  pdemo02ExpiredTlsCertificate,
  pdemo03RateLimitConfigPush,
  pdemo04DnsResolutionFailures,
  pdemo05KafkaConsumerLag,
  pdemo06MemoryLeakOom,
];

/** RJDEMO01, the payments-api rolling restart. */
export const sampleJobs: readonly RunbookJob[] = [rjdemo01RestartPaymentsApi];

/** EXDEMO01 (succeeded) and EXDEMO02 (failed at step 4, during PDEMO01). */
export const sampleExecutions: readonly JobExecution[] = [exdemo01Succeeded, exdemo02Failed];

export { samplePeople } from './people.js';
