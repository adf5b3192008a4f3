/**
 * The values a library runbook is filled with, read from the request ("restart the payments
 * pods in us-east-1") and, when the job is for an incident, from its services and the
 * details of its alerts (cluster, namespace, deployment, host, device...). The request wins;
 * for destructive work only the request names the host, device and path acted on.
 */
import type { Incident } from '../../../incidents/types.js';

export interface RequestFacts {
  /** Deployment or service name, in the form Kubernetes objects use (`payments-api`). */
  service: string | null;
  namespace: string | null;
  region: string | null;
  /** kubectl context or cluster name, when named. */
  cluster: string | null;
  host: string | null;
  /** Block device, e.g. `/dev/sdb`. */
  device: string | null;
  /** A file system path (mount point or directory), e.g. `/var/lib/docker`. */
  path: string | null;
  replicas: number | null;
  revision: string | null;
  days: number | null;
  healthPath: string | null;
  port: number | null;
  domain: string | null;
  secret: string | null;
  /** One pod (or host) at a time rather than a rollout. */
  oneAtATime: boolean;
  /** Helm, not plain manifests, manages the service. */
  helm: boolean;
  /** Docker runs on the host (images to prune). */
  docker: boolean;
}

const nameChars = '[a-z0-9][a-z0-9-]*[a-z0-9]|[a-z0-9]';
const stopwords = new Set([
  'the', 'a', 'an', 'all', 'any', 'every', 'each', 'my', 'our', 'your', 'their', 'its', 'this', 'that', 'these', 'those', 'some', 'new', 'old', 'other', 'same', 'remaining', 'unhealthy',
  'failing', 'broken', 'stuck', 'crashing', 'running', 'kubernetes', 'k8s', 'docker', 'in', 'on', 'for', 'to', 'of', 'is', 'and', 'or', 'with', 'which', 'it', 'production', 'prod', 'staging',
  'one', 'two', 'three', 'more', 'few', 'many', 'main', 'primary', 'api', 'web', 'service', 'services', 'pod', 'pods', 'deployment', 'app', 'cluster', 'node', 'nodes', 'host', 'hosts',
  'at', 'by', 'then', 'after', 'before', 'health', 'healthy', 'current', 'previous', 'last', 'bad', 'good', 'data', 'disk', 'tls', 'ssl', 'broke', 'was', 'it', 'helm', 'affected', 'impacted', 'degraded', 'slow', 'whole', 'entire', 'target', 'same', 'backend', 'frontend',
]);

const numberOrNull = (value: string | null): number | null => (value === null ? null : Number(value));

const usable = (name: string | undefined): name is string => Boolean(name) && !stopwords.has(name!.toLowerCase()) && !/^\d+$/.test(name!);

/** A display name as a Kubernetes object name: "Payments API" → "payments-api". */
export function slugOf(name: string): string {
  return name
    .replace(/\(.*?\)/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

function firstMatch(text: string, patterns: readonly RegExp[], accept: (value: string) => boolean = () => true): string | null {
  for (const pattern of patterns) {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
      const value = match[1];
      if (value && accept(value)) return value;
    }
  }
  return null;
}

/** Facts stated in the request itself. */
export function factsOfRequest(description: string): RequestFacts {
  const text = description.replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const service =
    firstMatch(lower, [new RegExp(`\\b((?:${nameChars})-(?:api|service|svc|worker|workers|web|app|server|gateway|proxy|consumer|producer|frontend|backend))\\b`)], usable) ??
    firstMatch(lower, [new RegExp(`\\b(${nameChars})\\s+(?:helm\\s+)?(?:pods?|deployment|service|svc|app|api|workers?|containers?|replicas?|instances?|servers?|release|statefulset)\\b`)], usable) ??
    firstMatch(lower, [new RegExp(`\\b(?:deployment|service|svc|statefulset|sts|daemonset|app|application|release|chart)\\s+[\`"']?(${nameChars})`)], usable);
  const region = firstMatch(lower, [
    /\b((?:us|eu|ap|sa|ca|me|af|il|mx)-(?:gov-)?(?:east|west|north|south|central|northeast|southeast|northwest|southwest)-\d)\b/,
    /\b((?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:east|west|north|south|central|northeast|southeast|northwest|southwest)\d)\b/,
  ]);
  const shortDevice = firstMatch(lower, [/\b(?:disk|drive|device|volume)\s+(sd[a-z]+\d*|nvme\d+n\d+(?:p\d+)?|xvd[a-z]+\d*|vd[a-z]+\d*)\b/]);
  const device = firstMatch(lower, [/(\/dev\/[a-z0-9/_-]+)/]) ?? (shortDevice ? `/dev/${shortDevice}` : null);
  const healthPath = firstMatch(lower, [/(?:^|[\s:`"'0-9])(\/(?:healthz|readyz|livez|health|healthcheck|ready|status|ping)(?:\/[\w.-]+)*)/]);
  const path = firstMatch(text, [/(?:^|[\s`"'(])(\/(?!dev\/)[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*)/], (value) => value !== healthPath && !/^\/(?:healthz|readyz|livez|health|ready|status|ping)$/.test(value));
  const replicas = firstMatch(lower, [/\b(?:to|=)\s*(\d{1,3})\s*(?:replicas?|pods?|instances?|copies)\b/, /\b(\d{1,3})\s+(?:replicas?|pods?|instances?)\b/, /\breplicas?\s*(?:to|=|of)?\s*(\d{1,3})\b/, /\bscale\b[^.]*?\bto\s+(\d{1,3})\b/]);
  const host =
    firstMatch(lower, [/\b(?:host|node|server|machine|instance|vm)\s+[`"']?([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*)/], (value) => usable(value) && /\d|\./.test(value)) ??
    firstMatch(lower, [/\bon\s+[`"']?([a-z][a-z0-9-]*\d[a-z0-9-]*(?:\.[a-z0-9-]+)*)/], (value) => !/^(?:us|eu|ap|sa|ca|me|af)-/.test(value) && usable(value));
  return {
    service,
    namespace: firstMatch(lower, [new RegExp(`\\b(?:namespace|ns)\\s+[\`"']?(${nameChars})`), new RegExp(`\\bin (?:the )?[\`"']?(${nameChars})[\`"']? namespace\\b`), new RegExp(`(?:^|\\s)-n\\s+(${nameChars})`)], usable),
    region,
    cluster: firstMatch(lower, [/\b(?:context|cluster|kube-context)\s+[`"']?([a-z0-9][a-z0-9._-]*[a-z0-9])/], (value) => usable(value) && value !== region),
    host,
    device,
    path,
    replicas: numberOrNull(replicas),
    revision: firstMatch(lower, [/\brevision\s+#?(\d+)/]),
    days: numberOrNull(firstMatch(lower, [/\b(\d{1,3})\s*(?:days?|d)\b/])),
    healthPath,
    port: numberOrNull(firstMatch(lower, [/\bport\s+(\d{2,5})\b/, /:(\d{2,5})\//])),
    domain: firstMatch(lower, [/\b((?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|cloud|app|co|internal|local|corp|example)(?:\.[a-z]{2})?)\b/], (value) => value !== host),
    secret: firstMatch(lower, [new RegExp(`\\bsecret\\s+[\`"']?(${nameChars}(?:\\.[a-z0-9-]+)*)`)], usable),
    oneAtATime: /\bone (?:pod |node |host |instance |replica |server )?at a time\b|\bone by one\b|\b(?:pod|node|host) by (?:pod|node|host)\b|\bsequential(?:ly)?\b|\bserially\b|\bin turn\b/.test(lower),
    helm: /\bhelm\b|\bchart\b|\brelease\b/.test(lower),
    docker: /\bdocker\b|\bcontainer images?\b|\bimages\b/.test(lower),
  };
}

/** Facts from an incident's alert details and services. */
export function factsOfIncident(incident: Incident): Partial<Record<keyof RequestFacts, string>> {
  const details = incident.alerts.map((alert) => alert.body);
  const pick = (...keys: string[]): string | undefined => {
    for (const body of details) {
      for (const key of keys) {
        const value = body[key];
        if (typeof value === 'string' && value.trim().length > 0) return value.trim();
      }
    }
    return undefined;
  };
  const instance = pick('host', 'hostname', 'node', 'instance');
  return {
    ...(pick('deployment', 'service', 'app') && { service: slugOf(pick('deployment', 'service', 'app')!) }),
    ...(pick('namespace', 'kube_namespace') && { namespace: pick('namespace', 'kube_namespace') }),
    ...(pick('cluster', 'kube_cluster', 'context') && { cluster: pick('cluster', 'kube_cluster', 'context') }),
    ...(pick('region', 'aws_region') && { region: pick('region', 'aws_region') }),
    ...(instance && { host: instance.replace(/:\d+$/, '') }),
    ...(pick('device') && { device: pick('device') }),
    ...(pick('mountpoint', 'mount', 'path') && { path: pick('mountpoint', 'mount', 'path') }),
  };
}

/**
 * The request's facts completed with the incident's: the request wins, and a service named
 * loosely in the request ("payments") takes the incident's full name ("payments-api").
 */
export function requestFacts(description: string, incident: Incident | null, options: { targetsFromRequestOnly?: boolean } = {}): RequestFacts {
  const facts = factsOfRequest(description);
  if (!incident) return facts;
  const fromIncident = factsOfIncident(incident);
  const incidentServices = [...new Set([fromIncident.service, ...incident.services.map((service) => slugOf(service.name))].filter((name): name is string => Boolean(name)))];
  const service = facts.service
    ? (incidentServices.find((name) => name === facts.service) ?? incidentServices.find((name) => name.includes(facts.service!)) ?? facts.service)
    : (incidentServices[0] ?? null);
  return {
    ...facts,
    service,
    namespace: facts.namespace ?? fromIncident.namespace ?? null,
    cluster: facts.cluster ?? fromIncident.cluster ?? null,
    region: facts.region ?? fromIncident.region ?? null,
    ...(!options.targetsFromRequestOnly && {
      host: facts.host ?? fromIncident.host ?? null,
      device: facts.device ?? fromIncident.device ?? null,
      path: facts.path ?? fromIncident.path ?? null,
    }),
  };
}
