/**
 * The resource exported spans carry, built as NodeSDK 0.223 built it for this service: the SDK's
 * own attributes (`telemetry.sdk.*`, a default `service.name`), then what the resource detectors
 * found, then `service.name` from the configuration (OTEL_SERVICE_NAME, default `incident-ai`).
 *
 * The detectors are the ones OTEL_NODE_RESOURCE_DETECTORS names (`env`, `process`, `host`, `os`,
 * `serviceinstance`, `all`, `none`), or NodeSDK's default `env`, `process`, `host`: the env
 * detector reads OTEL_RESOURCE_ATTRIBUTES (and OTEL_SERVICE_NAME); the process detector gives
 * `process.pid`, `process.runtime.*`, `process.command*`, `process.owner`; the host detector
 * `host.name`, `host.arch` and `host.id` (the machine id, read asynchronously; the batch
 * processor waits for it). Later detectors win a clash, in NodeSDK's order.
 */
import { diag } from '@opentelemetry/api';
import { getStringFromEnv, getStringListFromEnv } from '@opentelemetry/core';
import {
  defaultResource,
  detectResources,
  envDetector,
  hostDetector,
  osDetector,
  processDetector,
  resourceFromAttributes,
  serviceInstanceIdDetector,
  type Resource,
  type ResourceDetector,
} from '@opentelemetry/resources';

const SERVICE_NAME = 'service.name';

// In NodeSDK's order for `all`: env last, so OTEL_RESOURCE_ATTRIBUTES wins there.
const detectorsByName = new Map<string, ResourceDetector>([
  ['host', hostDetector],
  ['os', osDetector],
  ['serviceinstance', serviceInstanceIdDetector],
  ['process', processDetector],
  ['env', envDetector],
]);

export function resourceDetectorsFromEnv(): ResourceDetector[] {
  if (getStringFromEnv('OTEL_NODE_RESOURCE_DETECTORS') === undefined) return [envDetector, processDetector, hostDetector];
  const names = getStringListFromEnv('OTEL_NODE_RESOURCE_DETECTORS') ?? [];
  if (names.includes('all')) return [...detectorsByName.values()];
  if (names.includes('none')) return [];
  return names.flatMap((name) => {
    const detector = detectorsByName.get(name);
    if (!detector) diag.warn(`Invalid resource detector "${name}" specified in the environment variable OTEL_NODE_RESOURCE_DETECTORS`);
    return detector ? [detector] : [];
  });
}

export function traceResource(serviceName: string): Resource {
  return defaultResource()
    .merge(detectResources({ detectors: resourceDetectorsFromEnv() }))
    .merge(resourceFromAttributes({ [SERVICE_NAME]: serviceName }));
}
