/**
 * Two choices of issue 11 (branch redfp), by the policy's definition of destructive ("loses data
 * or availability"): a graceful pod deletion is a restart (the controller recreates the pod) and
 * changes state, a forced one skips the shutdown and is destructive; moving or copying a file over
 * one that exists (forced with -f, or onto a configuration file under /etc) loses the old file.
 * Renames, moves into a directory and the options that keep the old file (-n, -b, -i, -u) stay
 * changes-state.
 */
import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../../src/guard/command-policy.js';

const classOf = (command: string) => classifyCommand(command).class;

describe('kubectl pod deletions', () => {
  it.each([
    'kubectl -n search delete po/search-indexer-5f7c9d-qk2lm --force --grace-period=0',
    'kubectl delete pod search-indexer-0 -n search --grace-period=0',
    'kubectl delete pods -l app=search-indexer -n search --force',
  ])('%s is destructive', (command) => expect(classOf(command)).toBe('destructive'));

  it.each([
    ['kubectl delete pod search-indexer-5f7c9d-qk2lm -n search', 'changes-state'],
    ['kubectl delete pod "$pod" --wait=true', 'changes-state'],
    ['kubectl delete pods -l app=search-indexer -n search --grace-period=30', 'changes-state'],
    ['kubectl rollout restart deployment/search-indexer -n search', 'changes-state'],
    ['kubectl delete events -n search --field-selector type=Warning', 'changes-state'],
    ['kubectl delete pod search-indexer-5f7c9d-qk2lm -n search --dry-run=server', 'read-only'],
  ])('%s is %s', (command, expected) => expect(classOf(command)).toBe(expected));
});

describe('mv and cp over an existing file', () => {
  it.each([
    'mv -f /tmp/haproxy.cfg.rendered /etc/haproxy/haproxy.cfg',
    'sudo mv --force build/app.jar /opt/app/app.jar',
    'mv -fv report.csv archive.csv',
    'mv settings.toml.next /etc/collector/settings.toml',
    'sudo cp rendered.ini /etc/php/8.3/fpm/php.ini',
  ])('%s is destructive', (command) => expect(classOf(command)).toBe('destructive'));

  it.each([
    'mv report.csv report-2026-11.csv',
    'mv /tmp/release-42 /srv/releases',
    'mv -f *.gz /backups/',
    'mv -n new.conf /etc/collector/settings.toml',
    'mv -b new.conf /etc/collector/settings.toml',
    'cp --no-clobber defaults.env /etc/app/app.env',
    'cp -t /etc/app/conf.d extra.conf',
  ])('%s changes state', (command) => expect(classOf(command)).toBe('changes-state'));
});
