#!/usr/bin/env bash
# Produces real machine-written logs by running Debian daemons and clients over loopback
# (see docs/decisions/2026-12-06-redfp7-real-logs.md). Run as root on a throwaway machine:
#   apt-get install -y --no-install-recommends openssh-server openssh-client nginx sudo haproxy rsyslog sshpass
#   bash bench/real-logs/generate.sh /tmp/real-logs
# Every daemon it starts runs from a config under OUT and is stopped at the end. PostgreSQL's
# log_connections is switched on with ALTER SYSTEM and reset before the script ends.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-/tmp/real-logs}
mkdir -p "$OUT" && cd "$OUT" || exit 1
source "$HERE/common.sh"

# --- rsyslog: everything through /dev/log into one file ---------------------------------------
start_rsyslog "$OUT/syslog"

# --- users ----------------------------------------------------------------------------------------
id rlalice >/dev/null 2>&1 || useradd -m -s /bin/bash rlalice
echo 'rlalice:Corr3ct-Horse-41' | chpasswd
id rlbob >/dev/null 2>&1 || useradd -m -s /bin/bash rlbob
echo 'rlbob:Batt3ry-Staple-77' | chpasswd
mkdir -p ~rlalice/.ssh
[ -f "$OUT/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C 'rlalice@loopback' -f "$OUT/id_ed25519"
cp "$OUT/id_ed25519.pub" ~rlalice/.ssh/authorized_keys && chown -R rlalice ~rlalice/.ssh && chmod 700 ~rlalice/.ssh

# --- sshd on :2222, logging to syslog and to its own file -----------------------------------------
ssh-keygen -A >/dev/null
mkdir -p /run/sshd
/usr/sbin/sshd -D -p 2222 -o LogLevel=VERBOSE -o UsePAM=yes -o PasswordAuthentication=yes -E "$OUT/sshd.log" & PIDS+=($!)
sleep 1
SSHO=(-p 2222 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null)
for pw in wrong1 'hunter2' 'Corr3ct-Horse-41'; do
  sshpass -p "$pw" ssh "${SSHO[@]}" -o PubkeyAuthentication=no rlalice@127.0.0.1 'id; uptime' >>ssh-client.log 2>&1
done
for u in admin oracle postgres test deploy ubuntu; do
  sshpass -p 'password123' ssh "${SSHO[@]}" -o PubkeyAuthentication=no "$u@127.0.0.1" true >>ssh-client.log 2>&1
done
ssh -v "${SSHO[@]}" -i "$OUT/id_ed25519" rlalice@127.0.0.1 'echo hello; ls /nonexistent' >>ssh-client.log 2>&1
ssh -v "${SSHO[@]}" -i "$OUT/id_ed25519" rlbob@127.0.0.1 true </dev/null >>ssh-client.log 2>&1

# --- sudo / su failures ----------------------------------------------------------------------------
echo 'rlalice ALL=(ALL) ALL' > /etc/sudoers.d/rlalice
su rlalice -c "echo wrongpass | sudo -S -k true" >>sudo.log 2>&1
su rlalice -c "echo Corr3ct-Horse-41 | sudo -S -k ls /root" >>sudo.log 2>&1
su rlbob -c "echo Batt3ry-Staple-77 | sudo -S -k cat /etc/shadow" >>sudo.log 2>&1
su rlbob -c "echo nope | su rlalice -c true" >>sudo.log 2>&1
su rlalice -c "sudo -n -l" >>sudo.log 2>&1
rm -f /etc/sudoers.d/rlalice

# --- nginx on :8088 and haproxy on :8089 in front of it ----------------------------------------------
mkdir -p "$OUT/www/static" && echo ok > "$OUT/www/index.html" && echo '{}' > "$OUT/www/static/app.js"
cat > nginx.conf <<CONF
worker_processes 1; pid $OUT/nginx.pid; error_log $OUT/nginx-error.log info;
events {}
http {
  log_format main '\$remote_addr - \$remote_user [\$time_local] "\$request" \$status \$body_bytes_sent "\$http_referer" "\$http_user_agent" rt=\$request_time';
  access_log $OUT/nginx-access.log main;
  server { listen 127.0.0.1:8088; root $OUT/www;
    location /api/ { proxy_pass http://127.0.0.1:9; }
    location /private/ { auth_basic "restricted"; auth_basic_user_file $OUT/htpasswd; }
  }
}
CONF
echo 'ops:$apr1$kXn3Jd2P$5iCGvZr6u1S5hRYY3h0Hc/' > htpasswd
nginx -c "$OUT/nginx.conf" -g 'daemon off;' & PIDS+=($!)
cat > haproxy.cfg <<CONF
global
  log /dev/log local0 info
defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 5s
  timeout server 5s
frontend fe
  bind 127.0.0.1:8089
  default_backend be
backend be
  server web1 127.0.0.1:8088 check
  server web2 127.0.0.1:8087 check
CONF
haproxy -f "$OUT/haproxy.cfg" -db >haproxy-stdout.log 2>&1 & PIDS+=($!)
sleep 1
UAS=('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' 'curl/7.88.1' 'kube-probe/1.28' 'Prometheus/2.48.0' 'python-requests/2.31.0' 'Go-http-client/1.1' 'Googlebot/2.1 (+http://www.google.com/bot.html)')
PATHS=('/' '/index.html' '/static/app.js?v=3f9a1c2e' '/api/v1/users/4821/orders?page=2&limit=50' '/api/v1/incidents/9f1c2d3e-4b5a-6c7d-8e9f-0a1b2c3d4e5f' '/login?next=%2Fdashboard&error=invalid_password' '/reset-password?email=jane.doe%40example.com' '/oauth/callback?code=4/0AY0e-g7XkPqZ9&state=af0ifjsldkj' '/search?q=password+reset+not+working' '/health' '/metrics' '/wp-login.php' '/.env' '/.git/config' '/api/v2/tokens/7d9e0c1b2a3f4e5d/refresh' '/download?file=../../etc/passwd' '/api/v1/sessions?session_id=b8f2c41d9e7a&user=ops' '/favicon.ico' '/private/report.csv' '/?utm_source=newsletter&utm_medium=email&utm_campaign=dec-2026')
for i in $(seq 1 3); do for p in "${PATHS[@]}"; do for port in 8088 8089; do
  curl -s -o /dev/null -A "${UAS[$((RANDOM % ${#UAS[@]}))]}" "http://127.0.0.1:$port$p"
done; done; done
curl -s -o /dev/null -u ops:wrongpw http://127.0.0.1:8088/private/report.csv
curl -s -o /dev/null -u nosuch:x http://127.0.0.1:8088/private/report.csv
curl -s -o /dev/null -X POST -d 'username=admin&password=admin' http://127.0.0.1:8088/login
curl -v -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLWhlcmUtMTIzNA' http://127.0.0.1:8088/api/v1/me >curl-verbose.log 2>&1
curl -v -u ops:wrongpw http://127.0.0.1:8089/private/x >>curl-verbose.log 2>&1
curl -v 'http://127.0.0.1:8088/static/app.js?v=3f9a1c2e' >>curl-verbose.log 2>&1

# --- openssl handshake over loopback -----------------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout tls.key -out tls.crt -days 2 -subj '/CN=localhost/O=Loopback Test' >openssl-req.log 2>&1
openssl s_server -accept 127.0.0.1:8443 -cert tls.crt -key tls.key -www >openssl-server.log 2>&1 & SP=$!
sleep 1
echo -e 'GET / HTTP/1.0\r\n\r\n' | openssl s_client -connect 127.0.0.1:8443 -servername localhost -state -showcerts >openssl-client.log 2>&1
echo | openssl s_client -connect 127.0.0.1:8443 -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 >>openssl-client.log 2>&1
kill $SP
openssl x509 -in tls.crt -noout -text >openssl-x509.log 2>&1
# A private key printed as text: every value under its private members is a secret.
openssl rsa -in tls.key -text -noout >openssl-key-text.log 2>&1
openssl ecparam -name prime256v1 -genkey 2>/dev/null | openssl ec -text -noout >>openssl-key-text.log 2>&1

# --- PostgreSQL: connections, statements, failures -------------------------------------------------
PGLOG=/var/log/postgresql/postgresql-15-main.log
PGSTART=$(stat -c %s "$PGLOG")
psql -h 127.0.0.1 -U postgres -c "ALTER SYSTEM SET log_connections = on" -c "ALTER SYSTEM SET log_disconnections = on" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=0 >psql.log 2>&1 <<'SQL'
SET log_statement = 'all';
DROP DATABASE IF EXISTS rl_shop;
CREATE DATABASE rl_shop;
\c rl_shop
SET log_statement = 'all';
CREATE TABLE customers (id serial primary key, email text unique, name text, created_at timestamptz default now());
INSERT INTO customers (email, name) VALUES ('maria.lopez@example.org', 'Maria Lopez'), ('k.tanaka@example.net', 'Kenji Tanaka');
INSERT INTO customers (email, name) VALUES ('maria.lopez@example.org', 'Dup');
SELECT id, email FROM customers WHERE id = 42;
SELECT * FROM orders WHERE customer_id = 7;
CREATE ROLE rl_app LOGIN PASSWORD 'Tr0ub4dor&3xyz';
ALTER ROLE rl_app PASSWORD 'n3w-S3cret-2026';
UPDATE customers SET name = 'María López' WHERE email = 'maria.lopez@example.org';
SELECT pg_sleep(0.1);
SELECT 1/0;
\c postgres
DROP DATABASE rl_shop;
DROP ROLE rl_app;
SQL
psql -h 127.0.0.1 -U nosuchrole -d postgres -c 'select 1' >>psql.log 2>&1
psql -h 127.0.0.1 -U postgres -d nosuchdb -c 'select 1' >>psql.log 2>&1
PGPASSWORD=wrong psql -h 127.0.0.1 -U postgres -d postgres -c 'select version()' >>psql.log 2>&1
psql -h 127.0.0.1 -U postgres -c "ALTER SYSTEM RESET log_connections" -c "ALTER SYSTEM RESET log_disconnections" -c "SELECT pg_reload_conf()" >/dev/null
tail -c +"$((PGSTART + 1))" "$PGLOG" > postgresql.log

# --- MariaDB: wrong passwords and errors (error log lines written during the run) -------------------
MYLOG=/var/log/mysql/error.log
MYSTART=$(stat -c %s "$MYLOG" 2>/dev/null || echo 0)
for u in root app reporting; do mariadb -h 127.0.0.1 -u "$u" -pWrongPass9 -e 'select 1' >>mariadb-client.log 2>&1; done
mariadb -e "SELECT @@version; SHOW DATABASES; SELECT * FROM nosuch.t;" >>mariadb-client.log 2>&1
tail -c +"$((MYSTART + 1))" "$MYLOG" > mariadb-error.log 2>/dev/null

# --- Redis: AUTH failures, ACL log, INFO, MONITOR ------------------------------------------------------
redis-cli -h 127.0.0.1 monitor > redis-monitor.log 2>&1 & MP=$!
sleep 0.5
redis-cli -h 127.0.0.1 AUTH wrongpassword >>redis-client.log 2>&1
redis-cli -h 127.0.0.1 AUTH rl_user s3cretpw >>redis-client.log 2>&1
redis-cli -h 127.0.0.1 SET rl:session:9f3a 'user=42;role=admin' EX 5 >>redis-client.log 2>&1
redis-cli -h 127.0.0.1 GET rl:session:9f3a >>redis-client.log 2>&1
redis-cli -h 127.0.0.1 HSET rl:user:42 email alice@example.com name Alice >>redis-client.log 2>&1
redis-cli -h 127.0.0.1 DEL rl:user:42 >>redis-client.log 2>&1
redis-cli -h 127.0.0.1 ACL LOG >>redis-client.log 2>&1
redis-cli -h 127.0.0.1 INFO >redis-info.log 2>&1
redis-cli -h 127.0.0.1 CONFIG GET '*' >redis-config.log 2>&1
redis-cli -h 127.0.0.1 SLOWLOG GET 5 >>redis-client.log 2>&1
kill $MP

# --- Mosquitto: clients, bad credentials -------------------------------------------------------------
MQLOG=/var/log/mosquitto/mosquitto.log
MQSTART=$(stat -c %s "$MQLOG")
if command -v mosquitto_pub >/dev/null; then
  mosquitto_pub -h 127.0.0.1 -t rl/test -m hello -d >>mosquitto-client.log 2>&1
  mosquitto_pub -h 127.0.0.1 -u sensor -P badpass -t rl/test -m hi -d >>mosquitto-client.log 2>&1
  mosquitto_sub -h 127.0.0.1 -t 'rl/#' -C 1 -W 2 -d >>mosquitto-client.log 2>&1
fi
tail -c +"$((MQSTART + 1))" "$MQLOG" > mosquitto.log

# --- git: file:// and ssh to localhost with traces --------------------------------------------------
rm -rf gitwork && mkdir gitwork && cd gitwork
git init -q --bare origin.git
GIT_TRACE=1 GIT_TRACE_PACKET=1 git clone "file://$OUT/gitwork/origin.git" c1 >>../git.log 2>&1
cd c1 && git config user.email dev@example.com && git config user.name 'Dev Loop'
for i in 1 2 3; do echo "line $i" >> f.txt; git add f.txt; git commit -qm "change $i: fix token refresh when password expired" >>../../git.log 2>&1; done
GIT_TRACE=1 git push -v origin HEAD:main >>../../git.log 2>&1
git log --stat --format=fuller >>../../git.log 2>&1
cd .. && cp -r origin.git ~rlalice/origin.git && chown -R rlalice ~rlalice/origin.git
GIT_SSH_COMMAND="ssh -v -p 2222 -i $OUT/id_ed25519 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null" GIT_TRACE=1 git clone -v rlalice@127.0.0.1:origin.git c2 >>../git.log 2>&1
cd c2 && GIT_SSH_COMMAND="ssh -v -p 2222 -i $OUT/id_ed25519 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null" git fetch -v --all >>../../git.log 2>&1
cd "$OUT"

# --- cron: one job and the daemon's own lines --------------------------------------------------------
if command -v cron >/dev/null; then cron -f -L 15 & PIDS+=($!); fi

# --- pip / npm verbose output (local only) -----------------------------------------------------------
(pip3 list -v || python3 -m pip list -v) >pip.log 2>&1
(pip3 show -v pip || true) >>pip.log 2>&1
sleep 2
stop_all; trap - EXIT
wait 2>/dev/null
echo "logs in $OUT"; wc -l "$OUT"/*.log "$OUT"/syslog
