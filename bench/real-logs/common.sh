# Shared by generate.sh and generate-more.sh (sourced, not run): the daemons a script starts are
# stopped when it exits, and start_rsyslog routes everything logged through /dev/log into one file.
PIDS=()
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; }
trap stop_all EXIT

# start_rsyslog FILE: an rsyslogd of our own (config under the current folder) writing to FILE.
start_rsyslog() {
  cat > rsyslog.conf <<CONF
module(load="imuxsock")
*.* $1
CONF
  rsyslogd -f "$PWD/rsyslog.conf" -i "$PWD/rsyslog.pid" -n & PIDS+=($!)
  sleep 1
}
