/**
 * Deleting files loses data, so every form of it is destructive (issue 11): plain, through
 * sudo, ssh, a shell's -c, find, xargs, loops and wrappers; and the read-only commands that
 * sit next to them in the same runbooks are not flagged.
 */
import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../../src/guard/command-policy.js';

const deletions: Record<string, string[]> = {
  'rm': ['rm old.log', 'rm -f /var/log/app/*.log', 'rm -r build', 'rm -rf ./cache', 'rm -rf "$DIR"', 'rm -- -file'],
  'find -delete': ['find . -delete', 'find /var/log -name "*.gz" -mtime +7 -delete', 'sh -c \'find . -name "*.tmp" -delete\''],
  'find -exec rm': ['find /var/log -name "*.log" -exec rm {} \\;', 'find /data -type f -mtime +30 -exec rm -f {} +'],
  'xargs rm': ['find . -name core | xargs rm', 'ls *.bak | xargs rm -f', 'find /tmp -print0 | xargs -0 rm -rf', 'xargs -a files.txt rm', 'parallel rm ::: a b c'],
  'truncate': ['truncate -s 0 /var/log/app.log', 'sudo truncate --size 0 app.log'],
  'shred and secure deletes': ['shred -u secrets.txt', 'srm file', 'wipe -f old.img'],
  '> file': ['> /var/log/app.log', ': > /var/log/nginx/access.log', 'cat /dev/null > /var/log/messages', 'echo "" > /etc/app/app.conf'],
  'unlink': ['unlink /srv/app/current'],
  'rsync --delete': ['rsync -a --delete src/ dst/', 'rsync -a --remove-source-files src/ archive/'],
  'journal vacuum': ['journalctl --vacuum-size=100M', 'journalctl --vacuum-time=7d'],
  'through sudo': ['sudo rm -f /var/log/syslog.1', 'sudo -u postgres rm /var/lib/postgresql/16/main/postmaster.pid', 'sudo sh -c "rm /var/log/*.1"'],
  'through ssh': ['ssh web-1 "rm -f /var/log/nginx/*.gz"', "ssh db-1 'sudo find /var/lib/pg/archive -mtime +3 -delete'", 'ssh host rm -f /tmp/x'],
  'through a shell or a wrapper': ['bash -c "rm -rf /opt/app/tmp"', 'ionice -c3 rm -rf /data/old', 'nice rm -rf /data/old', 'timeout 60 rm -rf /x', 'env FOO=1 rm /x', 'for f in *.log; do rm "$f"; done'],
  'in containers': ['docker exec api rm -rf /app/uploads', 'kubectl exec -n payments api-0 -- rm -rf /data/cache'],
};

const readOnly = [
  'ls -la /var/log', 'df -h', 'du -sh /var/log/*', 'find /var/log -name "*.gz" -mtime +7', 'find / -xdev -size +1G -ls', 'tail -n 100 /var/log/syslog',
  'grep -r ERROR /var/log/app', 'kubectl get pods -n payments', 'kubectl logs api-0 --tail=200', 'journalctl -u nginx --since "1 hour ago"',
  'ps aux --sort=-%mem | head', 'lsblk -f', 'docker logs api --tail 100', 'systemctl status nginx', 'ssh web-1 "df -h"', 'sudo du -sh /var/lib/docker',
  'zcat /var/log/syslog.2.gz | grep OOM', 'find . -type f -name "*.log" | xargs ls -la', 'find /var/log -type f -exec ls -la {} +', 'lsof +L1',
  'psql -c "SELECT count(*) FROM orders"', 'bash -c "ls -la /var/log"', 'tar -tzf backup.tgz', 'ls -la > /tmp/listing.txt', 'rm --help',
];

describe('deleting files is destructive', () => {
  for (const [form, commands] of Object.entries(deletions)) {
    it.each(commands)(`${form}: %s`, (command) => {
      const verdict = classifyCommand(command);
      expect(verdict.class, verdict.reasons.join('; ')).toBe('destructive');
    });
  }
});

describe('read-only commands beside them', () => {
  it.each(readOnly)('%s is read-only', (command) => {
    expect(classifyCommand(command).class).toBe('read-only');
  });
});
