import { option, type LibraryRunbook } from './library-runbook.js';

/** Free disk space on a host: measure, vacuum the journal, delete old rotated logs, measure again. */
export const freeDiskSpace: LibraryRunbook = {
  id: 'free-disk-space',
  title: 'Free disk space on a host',
  keywords:
    'free disk space full disk disk full out of space no space left on device filesystem file system usage volume filling up cleanup clean up delete remove old logs rotated logs log files journal vacuum docker images prune inode',
  build(facts) {
    const steps = [
      { description: 'Show how full the file system is.', kind: 'command' as const, command: 'df -h ${option.path}' },
      { description: 'Show the largest directories on that file system.', kind: 'command' as const, command: 'du -xh --max-depth=2 ${option.path} 2>/dev/null | sort -rh | head -20' },
      { description: 'Shrink the systemd journal to the retention period.', kind: 'command' as const, command: 'journalctl --vacuum-time=${option.days}d' },
      { description: 'Delete compressed, rotated logs older than the retention period.', kind: 'command' as const, command: "find /var/log -xdev -type f -name '*.gz' -mtime +${option.days} -delete" },
      ...(facts.docker ? [{ description: 'Remove dangling container images.', kind: 'command' as const, command: 'docker image prune -f' }] : []),
      { description: 'Show the space available after the cleanup.', kind: 'command' as const, command: 'df -h ${option.path}' },
    ];
    return {
      name: `Free disk space on ${facts.host ?? 'a host'}${facts.path ? ` (${facts.path})` : ''}`,
      description: `Frees disk space on ${facts.host ?? 'the chosen host'} by vacuuming the systemd journal and deleting rotated logs older than the retention period${facts.docker ? ', and dangling container images' : ''}. Use it when a file system fills up. It worked when df shows the usage back under the alert threshold.`,
      options: [
        option('host', 'Rundeck node name of the host to clean up.', facts.host),
        option('path', 'Mount point of the file system that is filling up.', facts.path),
        option('days', 'Retention: logs older than this many days are deleted.', facts.days ?? 7),
      ],
      steps,
      nodeFilter: 'name: ${option.host}',
      keepGoing: false,
    };
  },
};
