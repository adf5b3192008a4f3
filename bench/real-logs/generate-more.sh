#!/usr/bin/env bash
# Second batch of real logs (see generate.sh): sshd in debug mode, a Mosquitto broker with a
# password file, RabbitMQ authentication checks, and Postfix delivering local mail. Needs
#   apt-get install -y --no-install-recommends postfix   (DEBIAN_FRONTEND=noninteractive)
# and generate.sh run first (it creates the users and the key). Daemons started here are stopped at the end.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-/tmp/real-logs}
cd "$OUT" || exit 1
source "$HERE/common.sh"
start_rsyslog "$OUT/syslog-more"

# --- sshd -d serves one connection each and prints its debug lines ----------------------------------
SSHO=(-p 2223 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null)
for attempt in key wrongpw; do
  /usr/sbin/sshd -d -p 2223 -o PasswordAuthentication=yes >>sshd-debug.log 2>&1 & SP=$!
  sleep 1
  if [ "$attempt" = key ]; then ssh "${SSHO[@]}" -i "$OUT/id_ed25519" rlalice@127.0.0.1 'uname -a' >/dev/null 2>&1
  else sshpass -p 'not-her-pw' ssh "${SSHO[@]}" -o PubkeyAuthentication=no rlalice@127.0.0.1 true >/dev/null 2>&1; fi
  sleep 1; kill $SP 2>/dev/null
done

# --- Mosquitto with a password file on :1884 ---------------------------------------------------------
rm -f mq.passwd && mosquitto_passwd -b -c mq.passwd sensor01 'Gr33nhouse!42' && chmod 600 mq.passwd && chown mosquitto mq.passwd 2>/dev/null
cat > mq.conf <<CONF
listener 1884 127.0.0.1
allow_anonymous false
password_file $OUT/mq.passwd
log_dest file $OUT/mosquitto-auth.log
log_type all
connection_messages true
CONF
touch mosquitto-auth.log && chmod 666 mosquitto-auth.log
mosquitto -c "$OUT/mq.conf" & PIDS+=($!)
sleep 1
mosquitto_pub -p 1884 -h 127.0.0.1 -u sensor01 -P 'wrong' -t farm/t1 -m 21.5 -d >>mosquitto-auth-client.log 2>&1
mosquitto_pub -p 1884 -h 127.0.0.1 -t farm/t1 -m 21.5 -d >>mosquitto-auth-client.log 2>&1
mosquitto_pub -p 1884 -h 127.0.0.1 -u sensor01 -P 'Gr33nhouse!42' -i greenhouse-7 -t farm/t1 -m '{"temp":21.5,"rh":61}' -d >>mosquitto-auth-client.log 2>&1

# --- RabbitMQ: authentication checks and listings ------------------------------------------------------
RQLOG=$(ls /var/log/rabbitmq/rabbit@*.log | grep -v upgrade | head -1)
RQSTART=$(stat -c %s "$RQLOG")
rabbitmqctl authenticate_user guest wrongpass >>rabbitmq-ctl.log 2>&1
rabbitmqctl authenticate_user nosuchuser x >>rabbitmq-ctl.log 2>&1
rabbitmqctl list_users >>rabbitmq-ctl.log 2>&1
rabbitmqctl list_connections name user state >>rabbitmq-ctl.log 2>&1
rabbitmqctl status >>rabbitmq-ctl.log 2>&1
sleep 1
tail -c +"$((RQSTART + 1))" "$RQLOG" > rabbitmq-run.log

# --- Postfix: local deliveries, an unknown user, a bounce ---------------------------------------------
postconf -e 'inet_interfaces = loopback-only' 'mydestination = localhost, vm' "maillog_file_prefixes = /var, /dev/stdout, $OUT" "maillog_file = $OUT/postfix.log"
postfix start >/dev/null 2>&1; sleep 2
for to in rlalice rlbob nosuchuser; do
  printf 'Subject: nightly backup %s\nFrom: backup@localhost\n\nbackup finished in 00:04:12, 3 files, 1.2 GiB\n' "$to" | sendmail -f backup@localhost "$to@localhost"
done
printf 'Subject: password reset\n\nYour password reset link expires in 30 minutes.\n' | sendmail -f no-reply@localhost rlalice@localhost
sleep 4
mailq >>postfix-mailq.log 2>&1
postfix stop >/dev/null 2>&1
postconf -X maillog_file maillog_file_prefixes
stop_all; trap - EXIT
wait 2>/dev/null
wc -l sshd-debug.log mosquitto-auth*.log rabbitmq-*.log postfix*.log syslog-more
