import type { Incident } from '../types.js';
import { samplePeople as people } from './people.js';

/**
 * P2: a rate-limit config change meant for the sandbox overlay landed in the base config
 * and cut the per-partner limit of the Orders API from 200 to 20 requests per second.
 * Partners got 429s for 22 minutes until the config was rolled back. Resolved.
 */
export const pdemo03RateLimitConfigPush: Incident = {
  id: 'PDEMO03',
  accountId: 'demo',
  number: 4903,
  title: 'Partner Orders API returning 429s after rate-limit config push',
  description:
    'Partners receive HTTP 429 Too Many Requests from the Orders API. A rate-limit configuration change rolled out through the config service at 16:31 UTC set the per-client limit far below normal partner traffic.',
  status: 'resolved',
  urgency: 'high',
  priority: 'P2',
  services: [
    { id: 'PSVORDA', name: 'Orders API' },
    { id: 'PSVPRTI', name: 'Partner Integrations' },
    { id: 'PSVCFGS', name: 'Config Service' },
  ],
  createdAt: '2025-04-02T16:37:02Z',
  resolvedAt: '2025-04-02T17:19:30Z',
  assignees: [people.kenjiWatanabe, people.hannahLindqvist, people.jonasBecker],
  private: false,
  logEntries: [
    {
      id: 'PDEMO03-LOG-01',
      type: 'trigger',
      at: '2025-04-02T16:37:02Z',
      agent: 'Prometheus Alertmanager',
      summary: 'Triggered through the Events API v2: [FIRING:1] OrdersAPIThrottlingHigh orders-api (critical)',
    },
    {
      id: 'PDEMO03-LOG-02',
      type: 'notify',
      at: '2025-04-02T16:37:04Z',
      agent: 'PagerDuty',
      summary: 'Notified Kenji Watanabe by push notification.',
    },
    {
      id: 'PDEMO03-LOG-03',
      type: 'acknowledge',
      at: '2025-04-02T16:39:15Z',
      agent: 'Kenji Watanabe',
      summary: 'Acknowledged by Kenji Watanabe.',
    },
    {
      id: 'PDEMO03-LOG-04',
      type: 'annotate',
      at: '2025-04-02T16:41:30Z',
      agent: 'Kenji Watanabe',
      summary: 'Note added: 429 ratio 64%, all from the Envoy ratelimit filter; config push at 16:31 is the prime suspect.',
    },
    {
      id: 'PDEMO03-LOG-05',
      type: 'assign',
      at: '2025-04-02T16:44:00Z',
      agent: 'Kenji Watanabe',
      summary: 'Assigned to Hannah Lindqvist (incident commander) by Kenji Watanabe.',
    },
    {
      id: 'PDEMO03-LOG-06',
      type: 'notify',
      at: '2025-04-02T16:44:02Z',
      agent: 'PagerDuty',
      summary: 'Notified Hannah Lindqvist by push notification.',
    },
    {
      id: 'PDEMO03-LOG-07',
      type: 'priority_change',
      at: '2025-04-02T16:45:10Z',
      agent: 'Hannah Lindqvist',
      summary: 'Priority changed from P3 to P2 by Hannah Lindqvist.',
    },
    {
      id: 'PDEMO03-LOG-08',
      type: 'status_update',
      at: '2025-04-02T16:46:20Z',
      agent: 'Hannah Lindqvist',
      summary:
        'Status update: Partners calling the Orders API are being rate limited and some orders cannot be submitted. We are investigating a recent configuration change.',
    },
    {
      id: 'PDEMO03-LOG-09',
      type: 'escalate',
      at: '2025-04-02T16:47:00Z',
      agent: 'Hannah Lindqvist',
      summary: 'Escalated to level 1 of Platform Config - Primary by Hannah Lindqvist.',
    },
    {
      id: 'PDEMO03-LOG-10',
      type: 'notify',
      at: '2025-04-02T16:47:02Z',
      agent: 'PagerDuty',
      summary: 'Notified Jonas Becker by phone call.',
    },
    {
      id: 'PDEMO03-LOG-11',
      type: 'acknowledge',
      at: '2025-04-02T16:48:05Z',
      agent: 'Jonas Becker',
      summary: 'Acknowledged by Jonas Becker.',
    },
    {
      id: 'PDEMO03-LOG-12',
      type: 'annotate',
      at: '2025-04-02T16:49:40Z',
      agent: 'Kenji Watanabe',
      summary: 'Note added: root cause identified, partner_default.per_client_rps is 20 instead of 200.',
    },
    {
      id: 'PDEMO03-LOG-13',
      type: 'annotate',
      at: '2025-04-02T16:52:10Z',
      agent: 'Jonas Becker',
      summary: 'Note added: orders-api/ratelimit.yaml rolled back to revision 1841 on all sidecars.',
    },
    {
      id: 'PDEMO03-LOG-14',
      type: 'status_update',
      at: '2025-04-02T16:53:30Z',
      agent: 'Hannah Lindqvist',
      summary:
        'Status update: We have rolled back the configuration change and partner requests are succeeding again. We are monitoring while partners retry queued orders.',
    },
    {
      id: 'PDEMO03-LOG-15',
      type: 'annotate',
      at: '2025-04-02T17:02:45Z',
      agent: 'Kenji Watanabe',
      summary: 'Note added: 429s back to 0.2%; partners replayed queued orders, none lost.',
    },
    {
      id: 'PDEMO03-LOG-16',
      type: 'resolve',
      at: '2025-04-02T17:19:30Z',
      agent: 'Kenji Watanabe',
      summary: 'Resolved by Kenji Watanabe.',
    },
  ],
  notes: [
    {
      id: 'PDEMO03-NOTE-1',
      at: '2025-04-02T16:41:10Z',
      author: people.kenjiWatanabe,
      content:
        'orders-api 429 ratio 64% (normally <0.5%). Every 429 carries `x-ratelimit-policy: partner_default` from the Envoy ratelimit filter, so upstream is not rejecting anything. Config service audit log: push cfg-7f3e21 to orders-api/ratelimit.yaml at 16:31:04 by config-bot, from PR config-repo#2290. Top throttled clients: partner_id 1017 (ShopLane), 1044, 2210.',
    },
    {
      id: 'PDEMO03-NOTE-2',
      at: '2025-04-02T16:49:20Z',
      author: people.kenjiWatanabe,
      content:
        "Root cause identified: config-repo#2290 changed `partner_default.per_client_rps` from 200 to 20. The PR says 'lower burst for sandbox' and was meant for overlays/sandbox, but it edited base/ratelimit.yaml. Schema validation passed because 20 is within bounds. Diff: https://git.corp.northwind.io/platform/config-repo/pull/2290/files",
    },
    {
      id: 'PDEMO03-NOTE-3',
      at: '2025-04-02T16:52:00Z',
      author: people.jonasBecker,
      content:
        'Rolled back with `cfgctl rollback orders-api/ratelimit.yaml --to 1841 --reason INC-4903`. Propagated to all 36 Envoy sidecars in 41 s; checked `curl -s localhost:15000/config_dump | jq` on orders-api-5b7c9d8f6-2lq4t (10.0.38.201). 429 ratio dropping fast.',
    },
    {
      id: 'PDEMO03-NOTE-4',
      at: '2025-04-02T17:02:30Z',
      author: people.kenjiWatanabe,
      content:
        "429s back to 0.2%. ShopLane and two other partners replayed their queued orders; 1,306 orders were delayed between 16:31 and 16:53 and none were lost (checked with `select count(*) from orders where partner_id in (1017,1044,2210) and created_at >= '2025-04-02 16:31'` on orders-db-replica-2). Follow-up ORD-774: require approval for base/ changes and canary rate-limit changes on one sidecar group.",
    },
  ],
  alerts: [
    {
      id: 'PDEMO03-ALERT-1',
      at: '2025-04-02T16:37:02Z',
      severity: 'critical',
      status: 'resolved',
      source: 'prometheus',
      summary: 'OrdersAPIThrottlingHigh: orders-api 429 ratio 64% over 5m (threshold 5%)',
      body: {
        alertname: 'OrdersAPIThrottlingHigh',
        severity: 'critical',
        cluster: 'prod-use1',
        namespace: 'orders',
        service: 'orders-api',
        value: '0.641',
        expr: 'sum(rate(envoy_http_downstream_rq_xx{envoy_response_code_class="4",envoy_http_conn_manager_prefix="orders_api",code="429"}[5m])) / sum(rate(envoy_http_downstream_rq_total{envoy_http_conn_manager_prefix="orders_api"}[5m])) > 0.05',
        runbook_url: 'https://runbooks.corp.northwind.io/orders/throttling',
      },
    },
    {
      id: 'PDEMO03-ALERT-2',
      at: '2025-04-02T16:38:10Z',
      severity: 'error',
      status: 'resolved',
      source: 'datadog',
      summary: '[partner-gateway] HTTP 429 responses above 1000/min for partner_id:1017',
      body: {
        monitor_id: 50877120,
        monitor_name: '[partner-gateway] 429s per partner',
        query: 'sum(last_5m):sum:partner_gateway.responses{status:429} by {partner_id}.as_count() > 5000',
        value: 18412,
        group: 'partner_id:1017',
        tags: ['env:prod', 'team:orders'],
      },
    },
    {
      id: 'PDEMO03-ALERT-3',
      at: '2025-04-02T16:40:00Z',
      severity: 'warning',
      status: 'resolved',
      source: 'prometheus',
      summary: 'EnvoyRatelimitOverLimitSpike: orders-api over_limit 4.1k/s',
      body: {
        alertname: 'EnvoyRatelimitOverLimitSpike',
        severity: 'warning',
        cluster: 'prod-use1',
        namespace: 'orders',
        domain: 'orders_api',
        descriptor: 'partner_default',
        value: '4108',
      },
    },
  ],
};
