/**
 * A runbook of the offline library: common operations written once with real commands, filled
 * with the values of a request. The extractive engine answers with the closest one.
 */
import type { LibraryRunbookOutput, RunbookOption } from '../output-schema.js';
import type { RequestFacts } from './request-facts.js';

export interface LibraryRunbook {
  /** Stable id, e.g. `restart-service-rolling`. */
  id: string;
  title: string;
  /** What the runbook is for, with the words people use for it; retrieval scores requests against it. */
  keywords: string;
  /** The job filled with the request's facts; unknown values become required options without defaults. */
  build(facts: RequestFacts): LibraryRunbookOutput;
}

export function option(name: string, description: string, defaultValue: string | number | null, required = true): RunbookOption {
  return { name, description, required, defaultValue: defaultValue === null ? null : String(defaultValue) };
}

/** kubectl against the context and namespace options, as a command step writes it. */
export const kubectl = (rest: string): string => `kubectl --context \${option.context} -n \${option.namespace} ${rest}`;

/** kubectl against the context and namespace options, as a script step writes it. */
export const scriptKubectl = (rest: string): string => `kubectl --context "@option.context@" -n "@option.namespace@" ${rest}`;

/** The options every Kubernetes runbook takes: where, and which workload. */
export function kubernetesOptions(facts: RequestFacts): RunbookOption[] {
  const context = facts.cluster ?? facts.region;
  return [
    option('context', `kubectl context of the target cluster${!facts.cluster && facts.region ? ' (the request names the region; contexts here are named after it)' : ''}.`, context),
    // A namespace nobody named is asked at run time, never guessed from the service name.
    option('namespace', 'Kubernetes namespace of the workload.', facts.namespace),
    option('deployment', 'Name of the Deployment.', facts.service),
  ];
}

/** How a workload is called in a job name. */
export const workloadName = (facts: RequestFacts): string => facts.service ?? 'the service';

/** "(us-east-1)" or "" for a job name. */
export const whereSuffix = (facts: RequestFacts): string => {
  const where = facts.cluster ?? facts.region;
  return where ? ` (${where})` : '';
};

/** The Rundeck node filter of the hosts that hold kubectl credentials. */
export const kubectlNodes = 'tags: kubectl';

export const bash = (...lines: string[]): string => ['#!/bin/bash', 'set -euo pipefail', ...lines].join('\n');
