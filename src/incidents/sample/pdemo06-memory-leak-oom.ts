import type { Incident } from '../types.js';
import { samplePeople as people } from './people.js';

/**
 * P3, ongoing and private: since release v2.41.0 the recommendations-api cache never evicts,
 * so pods grow to their memory limit and are OOMKilled every ~40 minutes. Root cause found,
 * fix in review. Private because the heap dumps hold customer session data.
 */
export const pdemo06MemoryLeakOom: Incident = {
  id: 'PDEMO06',
  accountId: 'demo',
  number: 5014,
  title: 'recommendations-api pods OOMKilled every ~40 minutes since v2.41.0',
  description:
    'recommendations-api containers grow to their 2 GiB memory limit and are OOMKilled roughly every 40 minutes since the v2.41.0 release. Product pages fall back to the generic carousel while pods restart, with intermittent 502s on /v1/recommendations. Private: heap dumps taken for this incident contain customer session data.',
  status: 'acknowledged',
  urgency: 'low',
  priority: 'P3',
  services: [
    { id: 'PSVRECS', name: 'Recommendations API' },
    { id: 'PSVPROD', name: 'Product Pages' },
    { id: 'PSVSFST', name: 'Session Feature Store' },
  ],
  createdAt: '2025-05-06T11:15:27Z',
  resolvedAt: null,
  assignees: [people.sofiaMarchetti, people.mateoAlvarez],
  private: true,
  logEntries: [
    {
      id: 'PDEMO06-LOG-01',
      type: 'trigger',
      at: '2025-05-06T11:15:27Z',
      agent: 'Prometheus Alertmanager',
      summary: 'Triggered through the Events API v2: [FIRING:1] KubeContainerOOMKilled recommendations-api (warning)',
    },
    {
      id: 'PDEMO06-LOG-02',
      type: 'notify',
      at: '2025-05-06T11:15:29Z',
      agent: 'PagerDuty',
      summary: 'Notified Sofia Marchetti by email.',
    },
    {
      id: 'PDEMO06-LOG-03',
      type: 'acknowledge',
      at: '2025-05-06T11:42:10Z',
      agent: 'Sofia Marchetti',
      summary: 'Acknowledged by Sofia Marchetti.',
    },
    {
      id: 'PDEMO06-LOG-04',
      type: 'annotate',
      at: '2025-05-06T11:50:30Z',
      agent: 'Sofia Marchetti',
      summary: 'Note added: all 9 pods restart every ~40 min since the 09:58 rollout of v2.41.0.',
    },
    {
      id: 'PDEMO06-LOG-05',
      type: 'priority_change',
      at: '2025-05-06T11:52:00Z',
      agent: 'Sofia Marchetti',
      summary: 'Priority changed from P4 to P3 by Sofia Marchetti.',
    },
    {
      id: 'PDEMO06-LOG-06',
      type: 'assign',
      at: '2025-05-06T12:05:00Z',
      agent: 'Sofia Marchetti',
      summary: 'Assigned to Mateo Alvarez by Sofia Marchetti.',
    },
    {
      id: 'PDEMO06-LOG-07',
      type: 'notify',
      at: '2025-05-06T12:05:02Z',
      agent: 'PagerDuty',
      summary: 'Notified Mateo Alvarez by push notification.',
    },
    {
      id: 'PDEMO06-LOG-08',
      type: 'acknowledge',
      at: '2025-05-06T12:09:45Z',
      agent: 'Mateo Alvarez',
      summary: 'Acknowledged by Mateo Alvarez.',
    },
    {
      id: 'PDEMO06-LOG-09',
      type: 'status_update',
      at: '2025-05-06T12:20:15Z',
      agent: 'Sofia Marchetti',
      summary:
        'Status update: Personalised recommendations are intermittently unavailable and product pages show generic suggestions instead. Checkout and search are not affected. We are investigating a memory problem in the latest release.',
    },
    {
      id: 'PDEMO06-LOG-10',
      type: 'annotate',
      at: '2025-05-06T12:48:40Z',
      agent: 'Mateo Alvarez',
      summary: 'Note added: heap profile captured; featurecache holds 1.41 GB in 9.8M entries.',
    },
    {
      id: 'PDEMO06-LOG-11',
      type: 'annotate',
      at: '2025-05-06T13:02:10Z',
      agent: 'Sofia Marchetti',
      summary: 'Note added: memory limit raised from 2Gi to 3Gi as a stopgap.',
    },
    {
      id: 'PDEMO06-LOG-12',
      type: 'annotate',
      at: '2025-05-06T13:18:30Z',
      agent: 'Mateo Alvarez',
      summary: 'Note added: root cause identified, the cache eviction loop never starts when RECS_CACHE_TTL is unset.',
    },
    {
      id: 'PDEMO06-LOG-13',
      type: 'status_update',
      at: '2025-05-06T13:25:00Z',
      agent: 'Sofia Marchetti',
      summary:
        'Status update: We have identified the cause of the memory growth. A code change is in review; until it ships, pods restart less often thanks to a higher memory limit.',
    },
    {
      id: 'PDEMO06-LOG-14',
      type: 'annotate',
      at: '2025-05-06T13:40:05Z',
      agent: 'Mateo Alvarez',
      summary: 'Note added: recs#1893 approved; 2.41.1 canary flat at 380 MiB in staging.',
    },
  ],
  notes: [
    {
      id: 'PDEMO06-NOTE-1',
      at: '2025-05-06T11:50:10Z',
      author: people.sofiaMarchetti,
      content:
        '`kubectl -n recs get pods -l app=recommendations-api`: 9/9 pods with 4-6 restarts each, last state OOMKilled (exit 137). container_memory_working_set_bytes climbs linearly, ~45 MiB/min, from start to the 2Gi limit. Began with the v2.41.0 rollout at 09:58 (Spinnaker pipeline recs-prod, RECS-2207). Not node pressure: ip-10-0-33-140 and ip-10-0-34-22 are at 52% memory.',
    },
    {
      id: 'PDEMO06-NOTE-2',
      at: '2025-05-06T12:48:20Z',
      author: people.mateoAlvarez,
      content:
        'Heap profile taken before the next kill: `kubectl -n recs port-forward pod/recommendations-api-7f6d5c9b8-k2xjp 6060` then `go tool pprof -top http://localhost:6060/debug/pprof/heap`: 1.41 GB inuse_space under featurecache.(*Cache).Put, 9.8M entries keyed by session id. Profile saved to s3://northwind-recs-debug/heap/2025-05-06/ (contains session ids, do not share outside the team).',
    },
    {
      id: 'PDEMO06-NOTE-3',
      at: '2025-05-06T13:01:50Z',
      author: people.sofiaMarchetti,
      content:
        'Raised the memory limit from 2Gi to 3Gi as a stopgap (`kubectl -n recs set resources deploy/recommendations-api --limits=memory=3Gi`); expect a restart every ~60 min instead of ~40. HPA is on CPU, so unaffected.',
    },
    {
      id: 'PDEMO06-NOTE-4',
      at: '2025-05-06T13:18:10Z',
      author: people.mateoAlvarez,
      content:
        'Root cause identified: the refactor of cache.New() in recs#1871 (shipped in v2.41.0) moved `go c.evictLoop(ctx)` behind `if cfg.TTL > 0`, and TTL is now read from RECS_CACHE_TTL, which is unset in prod. The eviction goroutine never starts and the cache grows without bound. Fix in recs#1893: default TTL of 10m and start evictLoop unconditionally.',
    },
    {
      id: 'PDEMO06-NOTE-5',
      at: '2025-05-06T13:39:40Z',
      author: people.mateoAlvarez,
      content:
        'recs#1893 approved by Sofia. Canary build 2.41.1 holds flat at 380 MiB for 25 min in staging. Will ship to prod after the 14:00 change freeze lifts; ping me at mateo.alvarez@northwind.io if it blocks the release train.',
    },
  ],
  alerts: [
    {
      id: 'PDEMO06-ALERT-1',
      at: '2025-05-06T11:15:27Z',
      severity: 'warning',
      status: 'triggered',
      source: 'prometheus',
      summary: 'KubeContainerOOMKilled: recs/recommendations-api-7f6d5c9b8-k2xjp container api was OOMKilled',
      body: {
        alertname: 'KubeContainerOOMKilled',
        severity: 'warning',
        cluster: 'prod-use1',
        namespace: 'recs',
        pod: 'recommendations-api-7f6d5c9b8-k2xjp',
        container: 'api',
        node: 'ip-10-0-33-140.ec2.internal',
        reason: 'OOMKilled',
        exit_code: '137',
        memory_limit_bytes: 2147483648,
      },
    },
    {
      id: 'PDEMO06-ALERT-2',
      at: '2025-05-06T11:31:00Z',
      severity: 'warning',
      status: 'triggered',
      source: 'prometheus',
      summary: 'KubePodRestartingFrequently: recommendations-api restarted 14 times in 1h across 9 pods',
      body: {
        alertname: 'KubePodRestartingFrequently',
        severity: 'warning',
        cluster: 'prod-use1',
        namespace: 'recs',
        deployment: 'recommendations-api',
        value: '14',
        expr: 'sum by (namespace, deployment) (increase(kube_pod_container_status_restarts_total{namespace="recs"}[1h])) > 5',
      },
    },
    {
      id: 'PDEMO06-ALERT-3',
      at: '2025-05-06T12:02:40Z',
      severity: 'error',
      status: 'triggered',
      source: 'datadog',
      summary: '[product-pages] recommendations fallback rate 34% (threshold 10%)',
      body: {
        monitor_id: 52318840,
        monitor_name: '[product-pages] recommendations fallback rate',
        query: 'sum(last_10m):sum:product_pages.recs.fallback{env:prod}.as_count() / sum:product_pages.recs.requests{env:prod}.as_count() > 0.1',
        value: 0.34,
        tags: ['env:prod', 'team:recommendations'],
      },
    },
  ],
};
