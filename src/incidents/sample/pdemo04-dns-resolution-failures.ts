import type { Incident } from '../types.js';
import { samplePeople as people } from './people.js';

/**
 * P2, ongoing: a third of lookups for *.prod.internal fail with SERVFAIL after a Route 53
 * Resolver forwarding rule moved to a new outbound endpoint, one of whose ENIs cannot reach
 * the on-prem DNS servers. Sign-in and search are degraded; still being investigated.
 */
export const pdemo04DnsResolutionFailures: Incident = {
  id: 'PDEMO04',
  accountId: 'demo',
  number: 4951,
  title: 'Intermittent DNS resolution failures for *.prod.internal: login and search degraded',
  description:
    'Services in the prod-use1 cluster intermittently fail to resolve *.prod.internal names (SERVFAIL). Login API and Search API error rates are elevated; other services are absorbing it with retries.',
  status: 'acknowledged',
  urgency: 'high',
  priority: 'P2',
  services: [
    { id: 'PSVLOGN', name: 'Login API' },
    { id: 'PSVSRCH', name: 'Search API' },
    { id: 'PSVIDNS', name: 'Internal DNS (Route 53 Resolver)' },
    { id: 'PSVK8SP', name: 'Kubernetes Platform (prod-use1)' },
  ],
  createdAt: '2025-04-15T09:21:48Z',
  resolvedAt: null,
  assignees: [people.rafaelNunes, people.diegoCastellanos, people.liamOConnor],
  private: false,
  logEntries: [
    {
      id: 'PDEMO04-LOG-01',
      type: 'trigger',
      at: '2025-04-15T09:21:48Z',
      agent: 'Prometheus Alertmanager',
      summary: 'Triggered through the Events API v2: [FIRING:1] LoginAPIErrorBudgetBurn login-api (critical)',
    },
    {
      id: 'PDEMO04-LOG-02',
      type: 'notify',
      at: '2025-04-15T09:21:50Z',
      agent: 'PagerDuty',
      summary: 'Notified Rafael Nunes by push notification.',
    },
    {
      id: 'PDEMO04-LOG-03',
      type: 'acknowledge',
      at: '2025-04-15T09:23:05Z',
      agent: 'Rafael Nunes',
      summary: 'Acknowledged by Rafael Nunes.',
    },
    {
      id: 'PDEMO04-LOG-04',
      type: 'annotate',
      at: '2025-04-15T09:26:40Z',
      agent: 'Rafael Nunes',
      summary: 'Note added: login-api errors are `lookup sessions-redis.prod.internal: server misbehaving`, on many nodes.',
    },
    {
      id: 'PDEMO04-LOG-05',
      type: 'escalate',
      at: '2025-04-15T09:29:00Z',
      agent: 'Rafael Nunes',
      summary: 'Escalated to level 1 of Network Engineering - Primary by Rafael Nunes.',
    },
    {
      id: 'PDEMO04-LOG-06',
      type: 'notify',
      at: '2025-04-15T09:29:02Z',
      agent: 'PagerDuty',
      summary: 'Notified Diego Castellanos by phone call.',
    },
    {
      id: 'PDEMO04-LOG-07',
      type: 'acknowledge',
      at: '2025-04-15T09:31:15Z',
      agent: 'Diego Castellanos',
      summary: 'Acknowledged by Diego Castellanos.',
    },
    {
      id: 'PDEMO04-LOG-08',
      type: 'assign',
      at: '2025-04-15T09:34:30Z',
      agent: 'Diego Castellanos',
      summary: "Assigned to Liam O'Connor by Diego Castellanos.",
    },
    {
      id: 'PDEMO04-LOG-09',
      type: 'notify',
      at: '2025-04-15T09:34:32Z',
      agent: 'PagerDuty',
      summary: "Notified Liam O'Connor by push notification.",
    },
    {
      id: 'PDEMO04-LOG-10',
      type: 'status_update',
      at: '2025-04-15T09:38:00Z',
      agent: 'Rafael Nunes',
      summary:
        'Status update: Some sign-ins and searches are failing intermittently. We are investigating name resolution failures inside the production cluster.',
    },
    {
      id: 'PDEMO04-LOG-11',
      type: 'annotate',
      at: '2025-04-15T09:47:20Z',
      agent: 'Diego Castellanos',
      summary: 'Note added: about 31% of CoreDNS forwards for prod.internal return SERVFAIL since 09:13.',
    },
    {
      id: 'PDEMO04-LOG-12',
      type: 'annotate',
      at: '2025-04-15T09:58:10Z',
      agent: "Liam O'Connor",
      summary: 'Note added: two hypotheses, the 09:12 Resolver rule change or conntrack exhaustion on nodes.',
    },
    {
      id: 'PDEMO04-LOG-13',
      type: 'annotate',
      at: '2025-04-15T10:04:45Z',
      agent: 'Diego Castellanos',
      summary: 'Note added: every query through one of the two new Resolver endpoint ENIs times out.',
    },
    {
      id: 'PDEMO04-LOG-14',
      type: 'annotate',
      at: '2025-04-15T10:07:55Z',
      agent: 'Rafael Nunes',
      summary: 'Note added: DNS retry enabled in login-api behind a feature flag; sign-in success at 71%.',
    },
    {
      id: 'PDEMO04-LOG-15',
      type: 'status_update',
      at: '2025-04-15T10:08:30Z',
      agent: 'Rafael Nunes',
      summary:
        'Status update: About 29% of sign-in attempts are still failing; retrying usually works. Engineers are investigating a network change made this morning.',
    },
  ],
  notes: [
    {
      id: 'PDEMO04-NOTE-1',
      at: '2025-04-15T09:26:20Z',
      author: people.rafaelNunes,
      content:
        'login-api 5xx at 27%. Stack traces: `dial tcp: lookup sessions-redis.prod.internal on 172.20.0.10:53: server misbehaving`. Same pattern in search-api (`lookup es-search-03.prod.internal`). Not one bad node: failures come from pods on ip-10-0-41-87, ip-10-0-77-12 and ip-10-0-90-5.',
    },
    {
      id: 'PDEMO04-NOTE-2',
      at: '2025-04-15T09:47:00Z',
      author: people.diegoCastellanos,
      content:
        'CoreDNS: `coredns_forward_responses_total{rcode="SERVFAIL",to="10.0.0.2:53"}` went from ~0 to 1.9k/s at 09:13. 31% of forwarded queries for prod.internal fail. From a node, `dig @10.0.0.2 sessions-redis.prod.internal` gives SERVFAIL on 3 of 10 attempts; the other 7 answer 10.0.52.19 in under 2 ms. Public names resolve fine.',
    },
    {
      id: 'PDEMO04-NOTE-3',
      at: '2025-04-15T09:57:50Z',
      author: people.liamOConnor,
      content:
        "Two hypotheses. (1) The Terraform run at 09:12 (infra-live PR #3402, Diego's team) pointed the Resolver forwarding rule rslvr-rr-5f2c1a9e8d for prod.internal at the new outbound endpoint; if one of its ENIs (10.0.64.2 / 10.0.65.2) cannot reach the on-prem DNS at 10.100.1.53, a share of queries would SERVFAIL. (2) conntrack table full on nodes (`nf_conntrack: table full, dropping packet` seen on ip-10-0-41-87), but only two nodes show it. Leaning to (1), not confirmed.",
    },
    {
      id: 'PDEMO04-NOTE-4',
      at: '2025-04-15T10:04:30Z',
      author: people.diegoCastellanos,
      content:
        'From debug pod netshoot-7c9b on ip-10-0-77-12: `for i in $(seq 50); do dig +short +time=1 @10.0.65.2 sessions-redis.prod.internal; done` gives 50/50 timeouts through ENI 10.0.65.2 and 0 failures through 10.0.64.2. Security group sg-0a4e19c2f3b7 on the new endpoint has no egress to 10.100.1.0/24 udp/53 in us-east-1b. Preparing a change in NET-1520, not applied yet; the old rule is still there if we need to revert.',
    },
    {
      id: 'PDEMO04-NOTE-5',
      at: '2025-04-15T10:07:40Z',
      author: people.rafaelNunes,
      content:
        'Enabled retry-on-DNS-error in login-api with the `login.dns_retry` flag at 10:06; sign-in success now ~71%, up from 64%. Support has 140 tickets so far (Zendesk view https://northwind.zendesk.com/agent/filters/36099102). Keeping Rafael on comms, Liam on the Resolver side.',
    },
  ],
  alerts: [
    {
      id: 'PDEMO04-ALERT-1',
      at: '2025-04-15T09:21:48Z',
      severity: 'critical',
      status: 'triggered',
      source: 'prometheus',
      summary: 'LoginAPIErrorBudgetBurn: login-api burning error budget at 14.4x (1h window)',
      body: {
        alertname: 'LoginAPIErrorBudgetBurn',
        severity: 'critical',
        cluster: 'prod-use1',
        namespace: 'identity',
        service: 'login-api',
        slo: 'login-availability-99.9',
        burn_rate_1h: '14.4',
        burn_rate_5m: '27.1',
        runbook_url: 'https://runbooks.corp.northwind.io/identity/login-slo',
      },
    },
    {
      id: 'PDEMO04-ALERT-2',
      at: '2025-04-15T09:22:30Z',
      severity: 'error',
      status: 'triggered',
      source: 'prometheus',
      summary: 'CoreDNSForwardErrors: SERVFAIL rate 1.9k/s to upstream 10.0.0.2:53',
      body: {
        alertname: 'CoreDNSForwardErrors',
        severity: 'error',
        cluster: 'prod-use1',
        namespace: 'kube-system',
        instance: '10.0.41.87:9153',
        to: '10.0.0.2:53',
        rcode: 'SERVFAIL',
        value: '1912.4',
      },
    },
    {
      id: 'PDEMO04-ALERT-3',
      at: '2025-04-15T09:24:10Z',
      severity: 'error',
      status: 'triggered',
      source: 'datadog',
      summary: '[search-api] error rate 18% on GET /v2/search',
      body: {
        monitor_id: 49110283,
        monitor_name: '[search-api] error rate',
        query: 'sum(last_5m):sum:trace.http.request.errors{service:search-api,resource_name:get_/v2/search}.as_count() / sum:trace.http.request.hits{service:search-api,resource_name:get_/v2/search}.as_count() > 0.05',
        value: 0.18,
        tags: ['env:prod', 'team:search'],
      },
    },
    {
      id: 'PDEMO04-ALERT-4',
      at: '2025-04-15T09:33:00Z',
      severity: 'warning',
      status: 'triggered',
      source: 'cloudwatch',
      summary: 'ALARM: "resolver-outbound-query-timeouts" in US East (N. Virginia)',
      body: {
        AlarmName: 'resolver-outbound-query-timeouts',
        AWSAccountId: '482913557201',
        NewStateValue: 'ALARM',
        NewStateReason: 'Threshold Crossed: 1 datapoint [48211.0 (15/04/25 09:31:00)] was greater than the threshold (100.0).',
        Region: 'US East (N. Virginia)',
        Trigger: {
          MetricName: 'OutboundQueryTimeouts',
          Namespace: 'AWS/Route53Resolver',
          Dimensions: [{ name: 'EndpointId', value: 'rslvr-out-9a1b2c3d4e5f6a7b8' }],
          Statistic: 'Sum',
          Period: 60,
          Threshold: 100,
        },
      },
    },
  ],
};
