import type { Incident } from '../types.js';
import { samplePeople as people } from './people.js';

/**
 * P3, ongoing: a release of notification-dispatcher made each Kafka poll too slow, so the
 * consumer group kept rebalancing and lag on order-events reached 1.2M messages. Rolled
 * back and scaled out; the backlog is draining and responders are monitoring.
 */
export const pdemo05KafkaConsumerLag: Incident = {
  id: 'PDEMO05',
  accountId: 'demo',
  number: 4978,
  title: 'Order confirmation emails delayed: notification-dispatcher consumer lag on order-events',
  description:
    'The notification-dispatcher consumer group is falling behind on the order-events topic; order confirmation and shipping emails are delayed by up to 50 minutes. Orders themselves are processed normally.',
  status: 'acknowledged',
  urgency: 'low',
  priority: 'P3',
  services: [
    { id: 'PSVONOT', name: 'Order Notifications' },
    { id: 'PSVKAFK', name: 'Order Events Pipeline (Kafka)' },
    { id: 'PSVEMAL', name: 'Email Delivery' },
  ],
  createdAt: '2025-04-22T07:48:19Z',
  resolvedAt: null,
  assignees: [people.aishaKarimi, people.kenjiWatanabe],
  private: false,
  logEntries: [
    {
      id: 'PDEMO05-LOG-01',
      type: 'trigger',
      at: '2025-04-22T07:48:19Z',
      agent: 'Prometheus Alertmanager',
      summary: 'Triggered through the Events API v2: [FIRING:1] KafkaConsumerGroupLagHigh notification-dispatcher (warning)',
    },
    {
      id: 'PDEMO05-LOG-02',
      type: 'notify',
      at: '2025-04-22T07:48:21Z',
      agent: 'PagerDuty',
      summary: 'Notified Aisha Karimi by email and push notification.',
    },
    {
      id: 'PDEMO05-LOG-03',
      type: 'acknowledge',
      at: '2025-04-22T07:57:40Z',
      agent: 'Aisha Karimi',
      summary: 'Acknowledged by Aisha Karimi.',
    },
    {
      id: 'PDEMO05-LOG-04',
      type: 'priority_change',
      at: '2025-04-22T07:59:30Z',
      agent: 'Aisha Karimi',
      summary: 'Priority changed from P4 to P2 by Aisha Karimi.',
    },
    {
      id: 'PDEMO05-LOG-05',
      type: 'annotate',
      at: '2025-04-22T08:02:15Z',
      agent: 'Aisha Karimi',
      summary: 'Note added: lag 1.18M and rising; the consumer group rebalances every ~5 minutes.',
    },
    {
      id: 'PDEMO05-LOG-06',
      type: 'escalate',
      at: '2025-04-22T08:06:00Z',
      agent: 'Aisha Karimi',
      summary: 'Escalated to level 1 of Orders - Primary by Aisha Karimi.',
    },
    {
      id: 'PDEMO05-LOG-07',
      type: 'notify',
      at: '2025-04-22T08:06:02Z',
      agent: 'PagerDuty',
      summary: 'Notified Kenji Watanabe by push notification.',
    },
    {
      id: 'PDEMO05-LOG-08',
      type: 'acknowledge',
      at: '2025-04-22T08:09:30Z',
      agent: 'Kenji Watanabe',
      summary: 'Acknowledged by Kenji Watanabe.',
    },
    {
      id: 'PDEMO05-LOG-09',
      type: 'assign',
      at: '2025-04-22T08:11:45Z',
      agent: 'Aisha Karimi',
      summary: 'Assigned to Kenji Watanabe by Aisha Karimi.',
    },
    {
      id: 'PDEMO05-LOG-10',
      type: 'status_update',
      at: '2025-04-22T08:15:00Z',
      agent: 'Kenji Watanabe',
      summary:
        'Status update: Order confirmation and shipping emails are delayed by up to 30 minutes. Orders and payments are not affected. We are investigating.',
    },
    {
      id: 'PDEMO05-LOG-11',
      type: 'annotate',
      at: '2025-04-22T08:24:10Z',
      agent: 'Kenji Watanabe',
      summary: 'Note added: root cause identified, v3.18.0 renders templates synchronously and blows max.poll.interval.ms.',
    },
    {
      id: 'PDEMO05-LOG-12',
      type: 'annotate',
      at: '2025-04-22T08:38:50Z',
      agent: 'Aisha Karimi',
      summary: 'Note added: rolled back to v3.17.4 and scaled to 12 consumers; lag draining.',
    },
    {
      id: 'PDEMO05-LOG-13',
      type: 'status_update',
      at: '2025-04-22T08:41:00Z',
      agent: 'Kenji Watanabe',
      summary:
        'Status update: A fix has been deployed and delayed emails are being sent. Delays are shrinking; we expect the backlog to clear by about 09:30 UTC.',
    },
    {
      id: 'PDEMO05-LOG-14',
      type: 'priority_change',
      at: '2025-04-22T08:52:30Z',
      agent: 'Kenji Watanabe',
      summary: 'Priority changed from P2 to P3 by Kenji Watanabe.',
    },
    {
      id: 'PDEMO05-LOG-15',
      type: 'annotate',
      at: '2025-04-22T09:05:10Z',
      agent: 'Aisha Karimi',
      summary: 'Note added: lag at 621k and draining at ~9k msg/s.',
    },
  ],
  notes: [
    {
      id: 'PDEMO05-NOTE-1',
      at: '2025-04-22T08:02:00Z',
      author: people.aishaKarimi,
      content:
        '`kafka-consumer-groups.sh --bootstrap-server kafka-01.prod.internal:9092 --describe --group notification-dispatcher` shows total lag 1,184,220 across the 24 partitions of order-events, growing ~700 msg/s. The group flips to PreparingRebalance every ~5 min; kafka-03.prod.internal logs `Member notification-dispatcher-6f9c4b7d8-wq2zn-2c1e... has left group due to consumer poll timeout (max.poll.interval.ms=300000)`. Brokers healthy: ISR 3/3 on all partitions, disk 41%.',
    },
    {
      id: 'PDEMO05-NOTE-2',
      at: '2025-04-22T08:23:50Z',
      author: people.kenjiWatanabe,
      content:
        'Root cause identified: notification-dispatcher v3.18.0 (deployed 07:22 by Spinnaker, ORD-761) renders each email synchronously through template-svc with a 2 s timeout per message. template-svc p99 is 1.6 s under this load, so a 500-record poll takes longer than 300 s, the consumer is kicked out, and the batch is re-processed after every rebalance. Commit: https://git.corp.northwind.io/orders/notification-dispatcher/commit/8e1d2f7',
    },
    {
      id: 'PDEMO05-NOTE-3',
      at: '2025-04-22T08:38:30Z',
      author: people.aishaKarimi,
      content:
        'Fix deployed: rolled back to v3.17.4 (`kubectl -n orders rollout undo deploy/notification-dispatcher --to-revision=57`) and scaled from 6 to 12 replicas (24 partitions, 2 each). No rebalance since 08:31; consuming 11.2k msg/s against 2.1k msg/s produced.',
    },
    {
      id: 'PDEMO05-NOTE-4',
      at: '2025-04-22T08:50:00Z',
      author: people.kenjiWatanabe,
      content:
        'Idempotency keys in email-sender held during the re-processing: 0 duplicate sends in the email_sender.dedupe table. Oldest undelivered confirmation is from 07:19 UTC. Support macro for "where is my confirmation" shared with Nadia in #support-escalations.',
    },
    {
      id: 'PDEMO05-NOTE-5',
      at: '2025-04-22T09:04:50Z',
      author: people.aishaKarimi,
      content:
        'Lag 621,400 and draining at ~9k msg/s, ETA about 09:20 UTC. Keeping 12 replicas until lag < 10k, then back to 6. Follow-up ORD-765: alert on rebalance rate, and load-test the template-svc path before re-releasing 3.18.',
    },
  ],
  alerts: [
    {
      id: 'PDEMO05-ALERT-1',
      at: '2025-04-22T07:48:19Z',
      severity: 'warning',
      status: 'triggered',
      source: 'prometheus',
      summary: 'KafkaConsumerGroupLagHigh: notification-dispatcher lag 412k on order-events',
      body: {
        alertname: 'KafkaConsumerGroupLagHigh',
        severity: 'warning',
        cluster: 'kafka-prod-use1',
        consumergroup: 'notification-dispatcher',
        topic: 'order-events',
        value: '412337',
        expr: 'sum by (consumergroup, topic) (kafka_consumergroup_lag{consumergroup="notification-dispatcher"}) > 100000',
        for: '10m',
      },
    },
    {
      id: 'PDEMO05-ALERT-2',
      at: '2025-04-22T07:55:00Z',
      severity: 'warning',
      status: 'triggered',
      source: 'datadog',
      summary: '[email] Order confirmation delivery delay p95 above 15 min',
      body: {
        monitor_id: 47720815,
        monitor_name: '[email] confirmation delivery delay',
        query: 'percentile(last_10m):p95:email.delivery.delay_seconds{template:order_confirmation,env:prod} > 900',
        value: 1684,
        tags: ['env:prod', 'team:orders'],
      },
    },
    {
      id: 'PDEMO05-ALERT-3',
      at: '2025-04-22T08:05:40Z',
      severity: 'error',
      status: 'triggered',
      source: 'prometheus',
      summary: 'KafkaConsumerGroupRebalancing: notification-dispatcher rebalanced 11 times in 1h',
      body: {
        alertname: 'KafkaConsumerGroupRebalancing',
        severity: 'error',
        cluster: 'kafka-prod-use1',
        consumergroup: 'notification-dispatcher',
        value: '11',
        expr: 'increase(kafka_consumergroup_rebalances_total{consumergroup="notification-dispatcher"}[1h]) > 3',
      },
    },
  ],
};
