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
  'on many hosts': ['pdsh -w web[1-5] "rm -rf /var/cache/app/*"', 'pssh -h hosts.txt -i "rm -f /tmp/*.lock"', 'clush -a "find /var/log -mtime +7 -delete"', 'salt "*" cmd.run "rm -rf /opt/app/tmp"', 'knife ssh "role:web" "sudo rm -rf /var/cache/nginx"', "ansible web -b -m shell -a 'rm -rf /srv/old'", "ansible all -m file -a 'path=/var/tmp/app state=absent'"],
  'object stores and cloud': ['aws s3 rm s3://bucket/report.csv', 'gsutil rm gs://bucket/file', 'aws ecr batch-delete-image --repository-name api --image-ids imageTag=old', 'terraform state rm aws_instance.web', 'rclone purge remote:bucket/path', 's3cmd del s3://bucket/file'],
  'data stores': ['redis-cli DEL session:42', 'etcdctl del /config/app', 'influx delete --bucket metrics --start 1970-01-01T00:00:00Z --stop 2026-01-01T00:00:00Z', 'rabbitmqctl purge_queue orders', 'pg_dropcluster 14 main --stop', 'dropdb staging_copy', 'curl -X DELETE http://es:9200/logs-2025.01', 'curl -X POST "localhost:9200/logs-*/_delete_by_query" -d "{}"'],
  'version control and packages': ['git reset --hard origin/main', 'git branch -D release/4.18', 'git push origin --delete feature/x', 'git checkout -- .', 'apt-get purge -y postgresql-14', 'dpkg --purge nginx'],
  'other deleters': ['rmdir /data/exports/2026-10', 'cp /dev/null /var/log/mail.log', 'tmpwatch 24 /tmp', 'systemd-tmpfiles --clean', 'userdel -r olduser', 'borg delete /backups::old', 'restic forget --prune --keep-last 3', 'docker rm -f $(docker ps -aq)', 'docker rmi -f $(docker images -q)', 'crictl rmi --prune', 'kubectl -n jobs delete jobs --field-selector status.successful=1', 'kubectl drain node-12 --delete-emptydir-data --ignore-daemonsets'],
};

const readOnly = [
  'ls -la /var/log', 'df -h', 'du -sh /var/log/*', 'find /var/log -name "*.gz" -mtime +7', 'find / -xdev -size +1G -ls', 'tail -n 100 /var/log/syslog',
  'grep -r ERROR /var/log/app', 'kubectl get pods -n payments', 'kubectl logs api-0 --tail=200', 'journalctl -u nginx --since "1 hour ago"',
  'ps aux --sort=-%mem | head', 'lsblk -f', 'docker logs api --tail 100', 'systemctl status nginx', 'ssh web-1 "df -h"', 'sudo du -sh /var/lib/docker',
  'zcat /var/log/syslog.2.gz | grep OOM', 'find . -type f -name "*.log" | xargs ls -la', 'find /var/log -type f -exec ls -la {} +', 'lsof +L1',
  'psql -c "SELECT count(*) FROM orders"', 'bash -c "ls -la /var/log"', 'tar -tzf backup.tgz', 'ls -la > /tmp/listing.txt', 'rm --help',
  // Dry runs and mentions of deletions delete nothing.
  'rsync -avn --delete src/ dst/', 'aws s3 rm s3://bucket/x --dryrun', 'tmpwatch --test 24 /tmp', 'echo "would run: rm -rf /tmp/x"', 'grep -r "rm -rf" scripts/',
  'pdsh -w web[1-5] uptime', 'salt "*" test.ping', 'ansible all -m ping', 'etcdctl get /registry --prefix --keys-only', 'redis-cli INFO memory', 'git clean -n',
];

describe('deleting files is destructive', () => {
  for (const [form, commands] of Object.entries(deletions)) {
    it.each(commands)(`${form}: %s`, (command) => {
      const verdict = classifyCommand(command);
      expect(verdict.class, verdict.reasons.join('; ')).toBe('destructive');
    });
  }
});

describe('dry runs of a program the policy does not know', () => {
  it('are not flagged destructive (they stay changes-state: unknown programs are never read-only)', () => {
    expect(classifyCommand('rclone delete remote:backups --dry-run').class).toBe('changes-state');
  });
});

describe('read-only commands beside them', () => {
  it.each(readOnly)('%s is read-only', (command) => {
    expect(classifyCommand(command).class).toBe('read-only');
  });
});
