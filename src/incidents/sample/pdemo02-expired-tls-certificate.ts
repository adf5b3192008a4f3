import type { Incident } from '../types.js';
import { samplePeople as people } from './people.js';

/**
 * P1: the public API certificate expired at midnight UTC because cert-manager's DNS-01
 * renewals had been denied by a narrowed IAM policy for a month. Partners, mobile apps and
 * webhooks failed TLS for 45 minutes. Resolved.
 */
export const pdemo02ExpiredTlsCertificate: Incident = {
  id: 'PDEMO02',
  accountId: 'demo',
  number: 4867,
  title: 'api.northwind.io TLS certificate expired: public API handshakes failing',
  description:
    'The certificate served by the edge gateway for api.northwind.io expired at 00:00 UTC. Partner integrations, the mobile apps and webhook deliveries that validate TLS fail with certificate errors.',
  status: 'resolved',
  urgency: 'high',
  priority: 'P1',
  services: [
    { id: 'PSVAPGW', name: 'Public API Gateway' },
    { id: 'PSVMOBA', name: 'Mobile API' },
    { id: 'PSVWHOK', name: 'Partner Webhooks' },
  ],
  createdAt: '2025-03-18T00:04:37Z',
  resolvedAt: '2025-03-18T01:22:05Z',
  assignees: [people.tomaszWrobel, people.liamOConnor, people.nadiaOkafor],
  private: false,
  logEntries: [
    {
      id: 'PDEMO02-LOG-01',
      type: 'trigger',
      at: '2025-03-18T00:04:37Z',
      agent: 'Datadog',
      summary: 'Triggered through the Events API v2: [Synthetics] api.northwind.io TLS handshake failing from 6/6 locations',
    },
    {
      id: 'PDEMO02-LOG-02',
      type: 'notify',
      at: '2025-03-18T00:04:39Z',
      agent: 'PagerDuty',
      summary: 'Notified Tomasz Wrobel by phone call.',
    },
    {
      id: 'PDEMO02-LOG-03',
      type: 'escalate',
      at: '2025-03-18T00:09:39Z',
      agent: 'PagerDuty',
      summary: 'Escalated to level 2 of Edge Platform - Primary: not acknowledged after 5 minutes.',
    },
    {
      id: 'PDEMO02-LOG-04',
      type: 'notify',
      at: '2025-03-18T00:09:41Z',
      agent: 'PagerDuty',
      summary: "Notified Liam O'Connor by phone call.",
    },
    {
      id: 'PDEMO02-LOG-05',
      type: 'acknowledge',
      at: '2025-03-18T00:11:02Z',
      agent: "Liam O'Connor",
      summary: "Acknowledged by Liam O'Connor.",
    },
    {
      id: 'PDEMO02-LOG-06',
      type: 'acknowledge',
      at: '2025-03-18T00:12:30Z',
      agent: 'Tomasz Wrobel',
      summary: 'Acknowledged by Tomasz Wrobel.',
    },
    {
      id: 'PDEMO02-LOG-07',
      type: 'annotate',
      at: '2025-03-18T00:16:45Z',
      agent: "Liam O'Connor",
      summary: 'Note added: served certificate notAfter is Mar 18 00:00:00 2025 GMT; cert-manager renewal has been failing.',
    },
    {
      id: 'PDEMO02-LOG-08',
      type: 'priority_change',
      at: '2025-03-18T00:18:00Z',
      agent: "Liam O'Connor",
      summary: "Priority changed from P2 to P1 by Liam O'Connor.",
    },
    {
      id: 'PDEMO02-LOG-09',
      type: 'status_update',
      at: '2025-03-18T00:19:10Z',
      agent: "Liam O'Connor",
      summary:
        'Status update: Requests to the public API are failing with certificate errors. An expired certificate is the likely cause; we are working on a renewal.',
    },
    {
      id: 'PDEMO02-LOG-10',
      type: 'annotate',
      at: '2025-03-18T00:31:40Z',
      agent: 'Tomasz Wrobel',
      summary: 'Note added: root cause identified, DNS-01 challenges denied by the narrowed cert-manager IAM policy since mid-February.',
    },
    {
      id: 'PDEMO02-LOG-11',
      type: 'annotate',
      at: '2025-03-18T00:44:15Z',
      agent: 'Tomasz Wrobel',
      summary: 'Note added: IAM policy restored, new certificate issued at 00:42:51 (valid until 2025-06-16).',
    },
    {
      id: 'PDEMO02-LOG-12',
      type: 'annotate',
      at: '2025-03-18T00:47:30Z',
      agent: "Liam O'Connor",
      summary: 'Note added: Envoy restarted across the edge gateway pool; synthetics green from all locations.',
    },
    {
      id: 'PDEMO02-LOG-13',
      type: 'status_update',
      at: '2025-03-18T00:49:00Z',
      agent: "Liam O'Connor",
      summary:
        'Status update: A renewed certificate has been deployed and the public API is accepting connections again. We are monitoring for errors from clients that cached the failure.',
    },
    {
      id: 'PDEMO02-LOG-14',
      type: 'annotate',
      at: '2025-03-18T01:05:20Z',
      agent: 'Tomasz Wrobel',
      summary: 'Note added: webhook retry queue drained; mobile clients recovered without an app release.',
    },
    {
      id: 'PDEMO02-LOG-15',
      type: 'assign',
      at: '2025-03-18T01:12:00Z',
      agent: "Liam O'Connor",
      summary: "Assigned to Nadia Okafor (partner communications) by Liam O'Connor.",
    },
    {
      id: 'PDEMO02-LOG-16',
      type: 'notify',
      at: '2025-03-18T01:12:02Z',
      agent: 'PagerDuty',
      summary: 'Notified Nadia Okafor by email.',
    },
    {
      id: 'PDEMO02-LOG-17',
      type: 'resolve',
      at: '2025-03-18T01:22:05Z',
      agent: 'Tomasz Wrobel',
      summary: 'Resolved by Tomasz Wrobel.',
    },
  ],
  notes: [
    {
      id: 'PDEMO02-NOTE-1',
      at: '2025-03-18T00:16:30Z',
      author: people.liamOConnor,
      content:
        '`echo | openssl s_client -connect api.northwind.io:443 -servername api.northwind.io 2>/dev/null | openssl x509 -noout -dates -serial` -> notAfter=Mar 18 00:00:00 2025 GMT. Same cert on all four gateways (edge-gw-01..04.prod.internal, 10.20.0.14-17). `kubectl -n edge get certificate api-northwind-io` shows READY=False since 2025-02-16, so renewal has been failing for a month and nobody got paged.',
    },
    {
      id: 'PDEMO02-NOTE-2',
      at: '2025-03-18T00:31:20Z',
      author: people.tomaszWrobel,
      content:
        'Root cause identified: the ACME Order for api-northwind-io is stuck pending; the DNS-01 challenge fails with `AccessDenied: User: arn:aws:sts::482913557201:assumed-role/cert-manager-prod/1742256000 is not authorized to perform: route53:ChangeResourceRecordSets on resource: hostedzone/Z08412742QW7XY`. The IAM policy was narrowed to one hosted zone in infra-live PR #3318 (2025-02-14) and the api zone was left out. Expiry warnings went to certs@northwind.io, which nobody reads since the team alias changed.',
    },
    {
      id: 'PDEMO02-NOTE-3',
      at: '2025-03-18T00:44:00Z',
      author: people.tomaszWrobel,
      content:
        'Re-added hostedzone/Z08412742QW7XY to the cert-manager-prod policy (`terraform apply -target=aws_iam_policy.cert_manager` from infra-live main), then `cmctl renew -n edge api-northwind-io`. New certificate issued 00:42:51, notAfter 2025-06-16. Secret edge/api-northwind-io-tls updated.',
    },
    {
      id: 'PDEMO02-NOTE-4',
      at: '2025-03-18T00:47:10Z',
      author: people.liamOConnor,
      content:
        'This gateway pool still reads certs from disk (no SDS), so it did not pick up the new secret: rolling `systemctl restart envoy` on edge-gw-01..04. `curl -sv https://api.northwind.io/healthz` OK from outside the VPC; Datadog synthetics green from 6/6 locations at 00:48.',
    },
    {
      id: 'PDEMO02-NOTE-5',
      at: '2025-03-18T01:05:00Z',
      author: people.tomaszWrobel,
      content:
        'Partner Webhooks retry queue peaked at 184k deliveries and drained by 01:03. Mobile clients that pin the intermediate are fine (same R11 chain). Follow-up EDGE-912: page on Certificate READY=False for more than 24h, and send expiry mail to #edge-alerts instead of the dead alias.',
    },
  ],
  alerts: [
    {
      id: 'PDEMO02-ALERT-1',
      at: '2025-03-18T00:04:37Z',
      severity: 'critical',
      status: 'resolved',
      source: 'datadog',
      summary: '[Synthetics] api.northwind.io TLS handshake failing from 6/6 locations',
      body: {
        test_public_id: 'xk3-9pq-m2w',
        test_name: 'api.northwind.io /healthz (TLS)',
        locations: ['aws:us-east-1', 'aws:us-west-2', 'aws:eu-west-1', 'aws:eu-central-1', 'aws:ap-southeast-1', 'aws:sa-east-1'],
        failure_code: 'CERTIFICATE_EXPIRED',
        failure_message: 'Error: certificate has expired',
        cert_not_after: '2025-03-18T00:00:00Z',
        link: 'https://app.datadoghq.com/synthetics/details/xk3-9pq-m2w',
      },
    },
    {
      id: 'PDEMO02-ALERT-2',
      at: '2025-03-18T00:05:50Z',
      severity: 'error',
      status: 'resolved',
      source: 'datadog',
      summary: 'Public API Gateway: successful request volume down 93% vs 1h ago',
      body: {
        monitor_id: 51002941,
        monitor_name: '[edge] public API 2xx volume drop',
        query: 'pct_change(avg(last_5m),last_1h):sum:envoy.http.downstream_rq_2xx{env:prod,service:edge-gw}.as_count() < -50',
        value: -93.4,
        tags: ['env:prod', 'team:edge-platform'],
      },
    },
    {
      id: 'PDEMO02-ALERT-3',
      at: '2025-03-18T00:06:31Z',
      severity: 'error',
      status: 'resolved',
      source: 'cloudwatch',
      summary: 'ALARM: "partner-webhooks-delivery-failures" in US East (N. Virginia)',
      body: {
        AlarmName: 'partner-webhooks-delivery-failures',
        AWSAccountId: '482913557201',
        NewStateValue: 'ALARM',
        NewStateReason:
          'Threshold Crossed: 3 datapoints [18234.0 (18/03/25 00:05:00), 17902.0 (18/03/25 00:04:00), 16455.0 (18/03/25 00:03:00)] were greater than the threshold (500.0).',
        Region: 'US East (N. Virginia)',
        Trigger: { MetricName: 'DeliveryFailures', Namespace: 'Northwind/Webhooks', Statistic: 'Sum', Period: 60, Threshold: 500 },
      },
    },
    {
      id: 'PDEMO02-ALERT-4',
      at: '2025-03-18T00:13:00Z',
      severity: 'warning',
      status: 'resolved',
      source: 'prometheus',
      summary: 'CertManagerCertExpired: edge/api-northwind-io has expired',
      body: {
        alertname: 'CertManagerCertExpired',
        severity: 'warning',
        cluster: 'prod-use1',
        namespace: 'edge',
        name: 'api-northwind-io',
        issuer_name: 'letsencrypt-prod',
        expiration_timestamp_seconds: 1742256000,
      },
    },
  ],
};
