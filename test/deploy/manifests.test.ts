/**
 * deploy/ checked without a cluster: every YAML parses; every Kubernetes manifest validates
 * against the Kubernetes JSON schema of its kind (kubernetes-models); the manifests agree with
 * each other (selectors, ports, probes, references, shutdown timing) and with the service
 * (every variable is one src/config/index.ts knows, and the example environment starts the
 * configuration); the router and Rover files have the keys the deployment relies on, and the
 * supergraph they describe composes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import { gql } from 'graphql-tag';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret, type ISecret } from 'kubernetes-models/v1/Secret';
import { Service, type IService } from 'kubernetes-models/v1/Service';
import { ServiceAccount, type IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { longestDeadlineMs } from '../../src/config/llm-routing.js';
import { loadTypeDefs } from '../../src/graphql/type-defs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const deployFolder = path.join(root, 'deploy');
const kubernetesFolder = path.join(deployFolder, 'kubernetes');
const routerFolder = path.join(deployFolder, 'router');

// ---------------------------------------------------------------------------------------------
// Loading

interface YamlDocument {
  file: string;
  value: unknown;
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

function parseFile(file: string): YamlDocument[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
    return { file, value: document.toJS() as unknown };
  });
}

const allDocuments = yamlFiles(deployFolder).flatMap(parseFile);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A document with apiVersion and kind, other than kustomize's own. */
interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  data: Record<string, unknown>;
}
const manifests: Manifest[] = allDocuments.flatMap(({ file, value }) =>
  isObject(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string' && !value.apiVersion.startsWith('kustomize.config.k8s.io/')
    ? [{ file, apiVersion: value.apiVersion, kind: value.kind, data: value }]
    : [],
);

type ModelClass = new (data: never) => { validate(): void };
const models: Record<string, ModelClass> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
};

/** Schema errors of a manifest; empty when valid. */
function schemaErrors(apiVersion: string, kind: string, data: unknown): string[] {
  const Model = models[`${apiVersion}/${kind}`];
  if (!Model) return [`no schema model registered for ${apiVersion} ${kind}: add it to the test`];
  try {
    new Model(data as never).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

/** The one manifest of a kind (the schema check has passed, so its shape is the model's). */
function only<T>(kind: string): T & { file: string } {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  expect(found.map((manifest) => manifest.file), `exactly one ${kind}`).toHaveLength(1);
  const [manifest] = found;
  return { ...(manifest!.data as T), file: manifest!.file };
}

function readYaml(file: string): Record<string, unknown> {
  const value = parseFile(file)[0]?.value;
  if (!isObject(value)) throw new Error(`${file}: not a mapping`);
  return value;
}

/** `a.b.c` inside nested mappings, or undefined. */
function at(value: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((current, key) => (isObject(current) ? current[key] : undefined), value);
}

function labelsMatch(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** Kubernetes memory quantity to bytes (the binary and decimal suffixes we use). */
function bytesOf(quantity: string | number | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(String(quantity ?? ''));
  if (!match) throw new Error(`not a memory quantity: ${quantity}`);
  const factors: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, k: 1e3, M: 1e6, G: 1e9 };
  return Number(match[1]) * (match[2] ? factors[match[2]]! : 1);
}

/** Router durations: `100s`, `5s`, `2m`, `500ms`, in seconds. */
function secondsOf(duration: unknown): number {
  const match = /^(\d+)(ms|s|m)$/.exec(String(duration));
  if (!match) throw new Error(`not a duration: ${String(duration)}`);
  const value = Number(match[1]);
  return match[2] === 'ms' ? value / 1000 : match[2] === 'm' ? value * 60 : value;
}

/** The variable names of src/config/index.ts's zod environment schema, read from its source. */
function configVariables(): Set<string> {
  const source = readFileSync(path.join(root, 'src/config/index.ts'), 'utf8');
  // environmentSchema() joins the shapes of the `function ...Variables() { return { ... }; }` groups.
  const blocks = [...source.matchAll(/^function \w+Variables\(\) \{\n {2}return \{([\s\S]*?)\n {2}\};\n\}/gm)].map((match) => match[1]!);
  if (blocks.length === 0) throw new Error('the environment variable groups were not found in src/config/index.ts');
  return new Set(blocks.flatMap((block) => [...block.matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]!)));
}

/** Read by Node or by a library itself, not by our configuration. */
const runtimeVariables = new Set(['NODE_OPTIONS']);

// ---------------------------------------------------------------------------------------------
// The pod as the manifests describe it

const deployment = only<IDeployment>('Deployment');
const podSpec = deployment.spec!.template.spec!;
const podLabels = deployment.spec!.template.metadata?.labels ?? {};
const container = podSpec.containers[0]!;
const configMaps = manifests.filter((manifest) => manifest.kind === 'ConfigMap').map((manifest) => manifest.data as unknown as IConfigMap);
const secrets = manifests.filter((manifest) => manifest.kind === 'Secret').map((manifest) => manifest.data as unknown as ISecret);

function secretValue(secret: ISecret, key: string): string | undefined {
  return secret.stringData?.[key] ?? (secret.data?.[key] === undefined ? undefined : Buffer.from(secret.data[key]!, 'base64').toString('utf8'));
}

/** Every variable the container gets, with the example values (ConfigMap and Secret examples). */
function podEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(environment, configMaps.find((map) => map.metadata?.name === source.configMapRef!.name)?.data);
    if (source.secretRef) {
      const secret = secrets.find((candidate) => candidate.metadata?.name === source.secretRef!.name);
      for (const key of Object.keys({ ...secret?.data, ...secret?.stringData })) environment[key] = secretValue(secret!, key)!;
    }
  }
  for (const variable of container.env ?? []) {
    const reference = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
    if (variable.value !== undefined) environment[variable.name] = variable.value;
    else if (variable.valueFrom?.secretKeyRef && reference) {
      const secret = secrets.find((candidate) => candidate.metadata?.name === reference.name);
      environment[variable.name] = secret ? (secretValue(secret, reference.key) ?? '') : '';
    } else if (variable.valueFrom?.configMapKeyRef && reference) {
      environment[variable.name] = configMaps.find((map) => map.metadata?.name === reference.name)?.data?.[reference.key] ?? '';
    } else environment[variable.name] = '';
  }
  return environment;
}

function preStopSleepSeconds(): number {
  const command = container.lifecycle?.preStop?.exec?.command ?? [];
  expect(command[0], 'preStop runs sleep').toBe('sleep');
  return Number(command[1]);
}

// ---------------------------------------------------------------------------------------------

describe('deploy/ YAML', () => {
  it('finds and parses every file', () => {
    const files = new Set(allDocuments.map((document) => path.relative(deployFolder, document.file)));
    for (const expected of [
      'kubernetes/kustomization.yaml',
      'kubernetes/deployment.yaml',
      'kubernetes/service.yaml',
      'kubernetes/hpa.yaml',
      'kubernetes/pdb.yaml',
      'kubernetes/configmap.yaml',
      'kubernetes/secret.example.yaml',
      'kubernetes/networkpolicy.yaml',
      'router/router.yaml',
      'router/supergraph.yaml',
    ]) {
      expect(files, expected).toContain(expected);
    }
  });

  it('validates every Kubernetes manifest against the schema of its kind', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(9);
    for (const manifest of manifests) {
      expect(schemaErrors(manifest.apiVersion, manifest.kind, manifest.data), `${manifest.file} (${manifest.kind})`).toEqual([]);
      expect(at(manifest.data, 'metadata.name'), `${manifest.file}: metadata.name`).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
  });

  it('has a schema check that rejects a wrong manifest', () => {
    const broken = structuredClone(deployment) as unknown as Record<string, unknown>;
    const brokenContainer = at(broken, 'spec.template.spec.containers') as Record<string, unknown>[];
    brokenContainer[0]!.ports = [{ containerPort: 'four thousand' }];
    expect(schemaErrors('apps/v1', 'Deployment', broken).join()).toMatch(/containerPort must be integer/);
    expect(schemaErrors('autoscaling/v2', 'HorizontalPodAutoscaler', { metadata: { name: 'x' }, spec: {} }).join()).toMatch(/scaleTargetRef/);
  });

  it('lists every manifest in kustomization.yaml except the Secret example, with the image the Deployment uses', () => {
    const kustomization = readYaml(path.join(kubernetesFolder, 'kustomization.yaml'));
    const resources = kustomization.resources as string[];
    for (const resource of resources) expect(existsSync(path.join(kubernetesFolder, resource)), resource).toBe(true);
    const manifestFiles = new Set(manifests.filter((manifest) => manifest.file.startsWith(kubernetesFolder)).map((manifest) => path.basename(manifest.file)));
    expect(new Set(resources)).toEqual(new Set([...manifestFiles].filter((file) => file !== 'secret.example.yaml')));
    const namespace = only<{ metadata: { name: string } }>('Namespace');
    expect(kustomization.namespace).toBe(namespace.metadata.name);
    const images = kustomization.images as { name: string; newName: string; newTag: string }[];
    expect(images.map((image) => image.name)).toContain(container.image);
  });
});

describe('the Deployment', () => {
  it('runs two or more replicas through the HPA, with a selector matching its pods', () => {
    const hpa = only<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec!.maxReplicas).toBeGreaterThan(hpa.spec!.minReplicas!);
    // The HPA owns the count; a fixed one would fight it on every apply.
    expect(deployment.spec!.replicas).toBeUndefined();
    expect(labelsMatch(deployment.spec!.selector.matchLabels, podLabels)).toBe(true);
    expect(deployment.spec!.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
  });

  it('probes /healthz (startup, liveness) and /readyz (readiness) on the container port', () => {
    const ports = container.ports ?? [];
    const http = ports.find((port) => port.name === 'http');
    expect(http?.containerPort).toBe(4000);
    const probes = { startupProbe: '/healthz', livenessProbe: '/healthz', readinessProbe: '/readyz' } as const;
    for (const [probe, expectedPath] of Object.entries(probes)) {
      const httpGet = container[probe as keyof typeof probes]?.httpGet;
      expect(httpGet?.path, probe).toBe(expectedPath);
      expect(ports.some((port) => port.name === httpGet?.port || port.containerPort === httpGet?.port), `${probe} port`).toBe(true);
    }
    const startup = container.startupProbe!;
    expect((startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3)).toBeGreaterThanOrEqual(30);
  });

  it('gives a graceful shutdown its whole time: preStop sleep + SHUTDOWN_TIMEOUT_MS < terminationGracePeriodSeconds', () => {
    const config = loadConfig(podEnvironment());
    const grace = podSpec.terminationGracePeriodSeconds!;
    expect(grace).toBeGreaterThan(25);
    const sleep = preStopSleepSeconds();
    expect(sleep).toBeGreaterThanOrEqual(3);
    // Kubernetes counts the grace period from the start of preStop.
    expect(sleep + config.shutdownTimeoutMs / 1000).toBeLessThan(grace);
  });

  it('runs non-root on a read-only root filesystem, no capabilities, seccomp RuntimeDefault, writable DATA_DIR and /tmp', () => {
    expect(podSpec.securityContext?.runAsNonRoot).toBe(true);
    expect(podSpec.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(podSpec.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
    expect(podSpec.automountServiceAccountToken).toBe(false);
    const security = container.securityContext!;
    expect(security.readOnlyRootFilesystem).toBe(true);
    expect(security.allowPrivilegeEscalation).toBe(false);
    expect(security.capabilities?.drop).toEqual(['ALL']);
    expect(security.capabilities?.add ?? []).toEqual([]);

    const emptyDirs = new Set((podSpec.volumes ?? []).filter((volume) => volume.emptyDir).map((volume) => volume.name));
    const mounted = (mountPath: string) => (container.volumeMounts ?? []).some((mount) => mount.mountPath === mountPath && emptyDirs.has(mount.name));
    expect(mounted(podEnvironment().DATA_DIR!), 'DATA_DIR on an emptyDir').toBe(true);
    expect(mounted('/tmp'), '/tmp on an emptyDir').toBe(true);

    const serviceAccount = only<IServiceAccount>('ServiceAccount');
    expect(podSpec.serviceAccountName).toBe(serviceAccount.metadata!.name);
  });

  it('sizes resources for Node with the PostgreSQL store (150-300 MB) and keeps the V8 heap below the limit', () => {
    const { requests, limits } = container.resources!;
    expect(requests?.cpu).toBeDefined();
    expect(limits?.cpu).toBeDefined();
    const requested = bytesOf(requests?.memory as string);
    const limit = bytesOf(limits?.memory as string);
    expect(requested).toBeGreaterThanOrEqual(256 * 1024 ** 2);
    expect(limit).toBeGreaterThanOrEqual(requested);
    expect(limit).toBeGreaterThan(300 * 1024 ** 2);
    const heapMegabytes = Number(/--max-old-space-size=(\d+)/.exec(podEnvironment().NODE_OPTIONS ?? '')?.[1]);
    expect(heapMegabytes * 1024 ** 2).toBeLessThan(limit * 0.8);
  });

  it('spreads pods over nodes and zones', () => {
    const constraints = podSpec.topologySpreadConstraints ?? [];
    const keys = constraints.map((constraint) => constraint.topologyKey);
    expect(keys).toEqual(expect.arrayContaining(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']));
    for (const constraint of constraints) expect(labelsMatch(constraint.labelSelector?.matchLabels, podLabels)).toBe(true);
  });

  it('sets only variables the service knows, and every ConfigMap and Secret it references exists with the key', () => {
    const known = configVariables();
    expect(known.has('DATABASE_URL') && known.has('SHUTDOWN_TIMEOUT_MS')).toBe(true);
    const environment = podEnvironment();
    for (const name of Object.keys(environment)) {
      expect(known.has(name) || runtimeVariables.has(name), `${name} is not a variable of src/config/index.ts`).toBe(true);
    }
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef) expect(configMaps.map((map) => map.metadata?.name)).toContain(source.configMapRef.name);
      if (source.secretRef) expect(secrets.map((secret) => secret.metadata?.name)).toContain(source.secretRef.name);
    }
    for (const variable of container.env ?? []) {
      const secretRef = variable.valueFrom?.secretKeyRef;
      if (secretRef) {
        const secret = secrets.find((candidate) => candidate.metadata?.name === secretRef.name);
        expect(secret, `Secret ${secretRef.name} of ${variable.name}`).toBeDefined();
        expect(secretValue(secret!, secretRef.key), `key ${secretRef.key} of Secret ${secretRef.name}`).toBeDefined();
      }
      const mapRef = variable.valueFrom?.configMapKeyRef;
      if (mapRef) expect(configMaps.find((map) => map.metadata?.name === mapRef.name)?.data?.[mapRef.key], `${mapRef.name}/${mapRef.key}`).toBeDefined();
    }
    // No variable is set twice (env silently wins over envFrom).
    const direct = new Set((container.env ?? []).map((variable) => variable.name));
    for (const map of configMaps) for (const key of Object.keys(map.data ?? {})) expect(direct.has(key), `${key} in both env and the ConfigMap`).toBe(false);
  });

  it('sets the production variables, and the example environment is a valid production configuration', () => {
    const environment = podEnvironment();
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'OPENAI_API_KEY', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'OTEL_EXPORTER_OTLP_ENDPOINT']) {
      expect(environment[name], name).toBeTruthy();
    }
    expect(environment.NODE_ENV).toBe('production');
    const config = loadConfig(environment);
    expect(config.env).toBe('production');
    expect(config.databaseUrl).toMatch(/^postgres/);
    expect(config.auth.localKeys).toBe(false);
    expect(config.auth.jwks).not.toBeNull();
    expect(config.http.port).toBe(4000);
  });

  it('ships placeholders only in the Secret example', () => {
    const secret = only<ISecret>('Secret');
    const values = Object.keys({ ...secret.data, ...secret.stringData }).map((key) => secretValue(secret, key)!);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      expect(value).toContain('REPLACE_ME');
      expect(value).not.toMatch(/sk-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|xox[abp]-|-----BEGIN/);
    }
  });
});

describe('Service, HPA, PDB, NetworkPolicy', () => {
  it('Service selects the pods and targets the container port; its name and port are the routing URL', () => {
    const service = only<IService>('Service');
    expect(labelsMatch(service.spec!.selector, podLabels)).toBe(true);
    const port = service.spec!.ports![0]!;
    expect((container.ports ?? []).some((containerPort) => containerPort.name === port.targetPort || containerPort.containerPort === port.targetPort)).toBe(true);
    const supergraph = readYaml(path.join(routerFolder, 'supergraph.yaml'));
    const routing = new URL(String(at(supergraph, 'subgraphs.incident-ai.routing_url')));
    expect(routing.hostname).toBe(service.metadata!.name);
    expect(Number(routing.port)).toBe(port.port);
  });

  it('HPA scales the Deployment on CPU', () => {
    const hpa = only<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(hpa.spec!.scaleTargetRef).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata!.name });
    expect(hpa.spec!.metrics?.some((metric) => metric.type === 'Resource' && metric.resource?.name === 'cpu')).toBe(true);
  });

  it('PDB selects the pods and always leaves one running', () => {
    const pdb = only<IPodDisruptionBudget>('PodDisruptionBudget');
    const hpa = only<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(labelsMatch(pdb.spec!.selector?.matchLabels, podLabels)).toBe(true);
    const minReplicas = hpa.spec!.minReplicas!;
    const stillUp = pdb.spec!.maxUnavailable !== undefined ? minReplicas - Number(pdb.spec!.maxUnavailable) : Number(pdb.spec!.minAvailable);
    expect(stillUp).toBeGreaterThanOrEqual(1);
  });

  it('NetworkPolicy selects the pods, lets the router in on the service port and lets callbacks out to the router', () => {
    const policy = only<INetworkPolicy>('NetworkPolicy');
    expect(labelsMatch(policy.spec!.podSelector?.matchLabels, podLabels)).toBe(true);
    const ingressPorts = (policy.spec!.ingress ?? []).flatMap((rule) => rule.ports ?? []).map((port) => port.port);
    expect(ingressPorts.some((port) => port === 'http' || port === 4000)).toBe(true);
    const router = readYaml(path.join(routerFolder, 'router.yaml'));
    const callbackPort = Number(String(at(router, 'subscription.mode.callback.listen')).split(':').pop());
    const egressPorts = (policy.spec!.egress ?? []).flatMap((rule) => rule.ports ?? []).map((port) => port.port);
    expect(egressPorts).toEqual(expect.arrayContaining([53, 5432, 6379, 443, callbackPort]));
  });
});

describe('deploy/router', () => {
  const router = readYaml(path.join(routerFolder, 'router.yaml'));
  const supergraph = readYaml(path.join(routerFolder, 'supergraph.yaml'));

  it('router.yaml forwards the Authorization header to subgraphs', () => {
    expect(at(router, 'headers.all.request')).toContainEqual({ propagate: { named: 'authorization' } });
  });

  it('router.yaml subscribes to incident-ai over graphql-ws (passthrough, /graphql, graphql_ws)', () => {
    expect(at(router, 'subscription.enabled')).toBe(true);
    expect(at(router, 'subscription.mode.passthrough.subgraphs.incident-ai')).toEqual({ path: '/graphql', protocol: 'graphql_ws' });
    // The router's graphql_ws is the graphql-ws library's "graphql-transport-ws" subprotocol,
    // the only one our server accepts; `passthrough.all` would override callback mode for every subgraph.
    expect(GRAPHQL_TRANSPORT_WS_PROTOCOL).toBe('graphql-transport-ws');
    expect(at(router, 'subscription.mode.passthrough.all')).toBeUndefined();
    const routingPath = new URL(String(at(supergraph, 'subgraphs.incident-ai.routing_url'))).pathname;
    expect(routingPath).toBe('/graphql');
  });

  it('router.yaml configures HTTP callback mode for incident-ai as the alternative', () => {
    const callback = at(router, 'subscription.mode.callback') as Record<string, unknown>;
    expect(callback.subgraphs).toContain('incident-ai');
    expect(String(callback.listen)).toMatch(/^0\.0\.0\.0:\d+$/);
    // public_url must end with the router's callback path (the router appends the id).
    const publicUrl = String(callback.public_url);
    expect(publicUrl).toMatch(/^https?:\/\//);
    expect(publicUrl.endsWith(String(callback.path))).toBe(true);
    expect(publicUrl).toContain(`:${String(callback.listen).split(':').pop()}/`);
    expect(secondsOf(callback.heartbeat_interval)).toBeGreaterThan(0);
  });

  it('router.yaml allows named origins (no wildcard) and gives incident-ai the LLM deadline', () => {
    expect(at(router, 'cors.allow_any_origin')).not.toBe(true);
    const policies = at(router, 'cors.policies') as { origins: string[] }[];
    expect(policies[0]?.origins.length).toBeGreaterThan(0);
    for (const origin of policies.flatMap((policy) => policy.origins)) expect(origin).toMatch(/^https:\/\/[^/]+$/);
    expect(at(router, 'cors.allow_headers')).toContain('authorization');

    const deadlineSeconds = longestDeadlineMs(loadConfig(podEnvironment()).routing.resilience) / 1000;
    expect(secondsOf(at(router, 'traffic_shaping.subgraphs.incident-ai.timeout'))).toBeGreaterThanOrEqual(deadlineSeconds);
    expect(secondsOf(at(router, 'traffic_shaping.router.timeout'))).toBeGreaterThanOrEqual(deadlineSeconds);
  });

  it('supergraph.yaml names incident-ai and incidents, pinned to the composition version we test with', () => {
    const composition = JSON.parse(readFileSync(path.join(root, 'node_modules/@apollo/composition/package.json'), 'utf8')) as { version: string };
    expect(supergraph.federation_version).toBe(`=${composition.version}`);
    expect(at(supergraph, 'subgraphs.incident-ai.routing_url')).toBe('http://incident-ai:4000/graphql');
    expect(at(supergraph, 'subgraphs.incident-ai.schema.subgraph_url') ?? at(supergraph, 'subgraphs.incident-ai.schema.file')).toBeDefined();
    expect(String(at(supergraph, 'subgraphs.incidents.routing_url'))).toMatch(/^http:\/\/incidents[:/]/);
    const incidentsFile = at(supergraph, 'subgraphs.incidents.schema.file');
    expect(existsSync(path.join(routerFolder, String(incidentsFile)))).toBe(true);
  });

  it('the supergraph it describes composes, with our subscription in it', () => {
    const incidentsFile = String(at(supergraph, 'subgraphs.incidents.schema.file'));
    const result = composeServices([
      { name: 'incident-ai', url: String(at(supergraph, 'subgraphs.incident-ai.routing_url')), typeDefs: loadTypeDefs() },
      { name: 'incidents', url: String(at(supergraph, 'subgraphs.incidents.routing_url')), typeDefs: gql(readFileSync(path.join(routerFolder, incidentsFile), 'utf8')) },
    ]);
    expect(result.errors?.map((error) => error.message) ?? []).toEqual([]);
    expect(result.supergraphSdl).toMatch(/draftStream\(draftId: ID!\): DraftChunk!/);
    expect(result.supergraphSdl).toMatch(/aiDrafts/);
  });
});
