/**
 * A synthetic, deterministic long incident: a day-long checkout degradation whose log holds
 * thousands of entries (bots posting readings, notifications, escalations, status updates),
 * with the finding that names the root cause deep inside it. The wording varies (different
 * words, not only numbers), so collapsing repeats alone cannot make the log fit a prompt.
 */
import type { Incident, LogEntry } from '../../../src/incidents/types.js';
import { samplePeople as people } from '../../../src/incidents/sample/people.js';

/** Options of {@link syntheticIncident}. */
export interface SyntheticIncidentOptions {
  id?: string;
  /** Log entries. Default 5,000. */
  entries?: number;
  /** Default `resolved`. */
  status?: Incident['status'];
}

/** The summary of the log entry that names the root cause. */
export const syntheticRootCause = 'Note added: root cause identified, the checkout-api connection pool was capped at 20 by the 2.14 config change.';

const start = Date.parse('2025-06-02T00:00:00Z');
const stepMs = 17_000;

const services = ['checkout-api', 'payments-gateway', 'cart-service', 'pricing-api', 'inventory-api', 'session-store'];
const readings = ['p99 latency', 'error ratio', 'queue depth', 'pool wait time', 'GC pause', 'retry rate', 'timeout count', 'CPU throttling'];
const places = ['in eu-west-1', 'in us-east-1', 'on canary pods', 'behind the edge', 'for mobile clients', 'for partner traffic', 'after the cache warm-up', 'during the batch window'];
const verbs = ['rose to', 'dropped to', 'held at', 'spiked to', 'settled at', 'crept up to'];
const bots = ['Datadog bot', 'Grafana OnCall', 'Statuspage bot', 'SLO watcher'];
const responders = [people.priyaRaman, people.kenjiWatanabe, people.hannahLindqvist];

/** mulberry32: the same log on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)]!;

/** The incident; its log entry ids are `<id>-LOG-00001` ... in time order. */
export function syntheticIncident(options: SyntheticIncidentOptions = {}): Incident {
  const id = options.id ?? 'PSYNTH01';
  const count = options.entries ?? 5_000;
  const status = options.status ?? 'resolved';
  const next = random(42);
  const at = (index: number): string => new Date(start + index * stepMs).toISOString().replace('.000Z', 'Z');
  const rootCauseIndex = Math.floor(count * 0.62);
  const logEntries: LogEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const entryId = `${id}-LOG-${String(index + 1).padStart(5, '0')}`;
    const base = { id: entryId, at: at(index) };
    if (index === 0) {
      logEntries.push({ ...base, type: 'trigger', agent: 'Datadog', summary: 'Triggered through the Events API v2: [checkout] error ratio above 5% for 10 minutes' });
    } else if (index === count - 1 && status === 'resolved') {
      logEntries.push({ ...base, type: 'resolve', agent: people.priyaRaman.name, summary: `Resolved by ${people.priyaRaman.name}.` });
    } else if (index === 2) {
      logEntries.push({ ...base, type: 'acknowledge', agent: people.priyaRaman.name, summary: `Acknowledged by ${people.priyaRaman.name}.` });
    } else if (index === rootCauseIndex) {
      logEntries.push({ ...base, type: 'annotate', agent: people.kenjiWatanabe.name, summary: syntheticRootCause });
    } else if (index % 400 === 7) {
      const who = pick(responders, next);
      logEntries.push({ ...base, type: 'escalate', agent: who.name, summary: `Escalated to level ${1 + (index % 3)} of Checkout - Primary by ${who.name}.` });
    } else if (index % 250 === 11) {
      const who = pick(responders, next);
      logEntries.push({
        ...base,
        type: 'status_update',
        agent: who.name,
        summary: `Status update: Checkout is still degraded for some customers (${pick(readings, next)} ${pick(places, next)}); engineers keep investigating.`,
      });
    } else if (next() < 0.18) {
      logEntries.push({ ...base, type: 'notify', agent: 'PagerDuty', summary: `Notified ${pick(responders, next).name} by ${pick(['push notification', 'SMS', 'phone call', 'email'], next)}.` });
    } else {
      const value = (next() * 900 + 10).toFixed(next() < 0.5 ? 0 : 1);
      logEntries.push({
        ...base,
        type: 'annotate',
        agent: pick(bots, next),
        summary: `Note added: ${pick(services, next)} ${pick(readings, next)} ${pick(verbs, next)} ${value} ${pick(places, next)}; shard ${Math.floor(next() * 64)} ${pick(['unchanged', 'recovering', 'worse', 'flapping', 'quiet'], next)}.`,
      });
    }
  }
  const last = logEntries[logEntries.length - 1]!;
  return {
    id,
    accountId: 'demo',
    number: 9001,
    title: 'Checkout degraded for a day: checkout-api connection pool exhausted',
    description: 'checkout-api requests time out waiting for a database connection; a share of checkouts fail or take minutes.',
    status,
    urgency: 'high',
    priority: 'P2',
    services: [
      { id: 'PSVCHKA', name: 'Checkout API' },
      { id: 'PSVPAYG', name: 'Payments Gateway' },
    ],
    createdAt: logEntries[0]!.at,
    resolvedAt: status === 'resolved' ? last.at : null,
    assignees: [people.priyaRaman, people.kenjiWatanabe, people.hannahLindqvist],
    private: false,
    logEntries,
    notes: [
      {
        id: `${id}-NOTE-1`,
        at: at(5),
        author: people.priyaRaman,
        content: 'checkout-api p99 at 9 s, 7% of checkouts failing with `pool timeout after 5000ms`. Database itself is idle.',
      },
      {
        id: `${id}-NOTE-2`,
        at: at(rootCauseIndex),
        author: people.kenjiWatanabe,
        content: 'Root cause identified: the 2.14 config change capped the checkout-api connection pool at 20 instead of 200. About 18,400 checkouts failed over the day.',
      },
      {
        id: `${id}-NOTE-3`,
        at: at(count - 2),
        author: people.priyaRaman,
        content: 'Fix deployed: pool size back to 200 on all pods. Follow-up ORD-990: validate pool sizes in config review.',
      },
    ],
    alerts: [
      {
        id: `${id}-ALERT-1`,
        at: logEntries[0]!.at,
        severity: 'critical',
        status: status === 'resolved' ? 'resolved' : 'triggered',
        source: 'datadog',
        summary: '[checkout] error ratio above 5% for 10 minutes',
        body: { monitor_id: 777, service: 'checkout-api' },
      },
    ],
  };
}
