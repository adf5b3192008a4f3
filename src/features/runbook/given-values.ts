/**
 * Values nobody gave are asked at run time, never invented (issue 11): an option that names
 * what the job acts on (a host, a device, a namespace, a path...) keeps its default only when
 * the request states it, or, for a job that destroys nothing, the incident does. Otherwise the
 * default is dropped and the option is required, so "wipe the disk on db-1" cannot come back
 * with `/dev/nvme1n1` filled in from another host's alert or from a model's guess.
 */
import { classifyCommand } from '../../guard/command-policy.js';
import type { Incident } from '../../incidents/types.js';
import type { RunbookOutput } from './output-schema.js';
import { requestedScope } from './requested-scope.js';

/** Option names (or parts of them, split on `_ . -`) that say what the job acts on. */
const targetWords = /^(?:hosts?|hostnames?|nodes?|servers?|instances?|machines?|vms?|devices?|disks?|drives?|volumes?|partitions?|namespaces?|ns|deployments?|services?|apps?|releases?|statefulsets?|daemonsets?|pods?|clusters?|context|paths?|dirs?|director(?:y|ies)|mounts?|mountpoints?|databases?|dbs?|tables?|buckets?|secrets?|domains?|targets?|selector)$/i;

/** Words that make an option say how the job checks its work (`health_path`, `probe_port`), not what it acts on. */
const checkWords = /^(?:health|healthz|healthcheck|probe|readiness|liveness|status|metrics)$/i;

/** Whether an option names what the job acts on, rather than how (a timeout, a count, a health check). */
export const isTargetOption = (name: string): boolean => {
  const parts = name.split(/[_.-]/);
  return !parts.some((part) => checkWords.test(part)) && parts.some((part) => targetWords.test(part));
};

const normalized = (text: string): string => text.toLowerCase().replace(/[^a-z0-9/]+/g, '');

/** Whether `value` is stated in `source`, up to case and punctuation ("Payments API" gives `payments-api`). */
function stated(value: string, source: string): boolean {
  const wanted = normalized(value.replace(/^app=/, ''));
  return wanted.length > 0 && normalized(source).includes(wanted);
}

/** The output with every target default that nobody gave removed (required at run time instead). */
export function withoutInventedDefaults(output: RunbookOutput, request: string, incident: Incident | null): RunbookOutput {
  const destructive = requestedScope(request).limit === 'destructive' || output.steps.some((step) => classifyCommand(step.command).class === 'destructive');
  const sources = destructive || !incident ? request : `${request}\n${JSON.stringify(incident)}`;
  let changed = false;
  const options = output.options.map((option) => {
    if (option.defaultValue === null || !isTargetOption(option.name) || stated(option.defaultValue, sources)) return option;
    changed = true;
    return { ...option, required: true, defaultValue: null };
  });
  return changed ? { ...output, options } : output;
}
