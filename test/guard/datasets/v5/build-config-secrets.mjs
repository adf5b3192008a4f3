// Builds config-secrets.jsonl (v5): credentials inside config files, dotfiles, shell history
// and logs (label secret, with the exact substrings that must go), and benign log and config
// lines full of ids, hashes and secret-ish words that must stay unchanged. Templates are
// hand-written here; secret values come from a seeded PRNG and were never real credentials.
import { rng, numberRows, writeFrozen, ALNUM, UPPER, DIGITS, LOWER } from './lib.mjs';

const r = rng(77120);
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const s = {
  alnum: (n) => r.chars(ALNUM, n),
  hex: (n) => r.chars(HEX, n),
  npm: () => 'npm_' + r.chars(ALNUM, 36),
  ghp: () => 'ghp_' + r.chars(ALNUM, 36),
  ghpat: () => 'github_pat_' + r.chars(ALNUM, 22) + '_' + r.chars(ALNUM, 59),
  glpat: () => 'glpat-' + r.chars(ALNUM + '-_', 20),
  akia: () => r.pick(['AKIA', 'ASIA']) + r.chars(UPPER + '234567', 16),
  awsSecret: () => r.chars(B64, 40),
  slackBot: () => `xoxb-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}`,
  slackHook: () => `https://hooks.slack.com/services/T${r.chars(UPPER + DIGITS, 8)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(ALNUM, 24)}`,
  stripe: () => 'sk_live_' + r.chars(ALNUM, 24),
  stripeRk: () => 'rk_live_' + r.chars(ALNUM, 24),
  google: () => 'AIza' + r.chars(ALNUM + '-_', 35),
  sendgrid: () => 'SG.' + r.chars(ALNUM + '-_', 22) + '.' + r.chars(ALNUM + '-_', 43),
  openai: () => 'sk-proj-' + r.chars(ALNUM + '-_', 48),
  anthropic: () => 'sk-ant-api03-' + r.chars(ALNUM + '-_', 80) + 'AA',
  pd: () => 'u+' + r.chars(ALNUM + '-_', 18),
  dd: () => r.chars(HEX, 32),
  jwt: () => {
    const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: 'svc-' + r.chars(LOWER, 6), iat: r.int(1790000000, 1799999999), scope: 'admin' })}.${r.chars(ALNUM + '-_', 43)}`;
  },
  password: () => {
    const w = r.pick(['Summer', 'harbor', 'Dragon', 'kafka', 'Winter', 'Puffin', 'orange', 'Falcon', 'tulip', 'Rocket']);
    return w + r.pick(['!', '#', '@', '$', '_', '.', '%', '&']) + r.chars(DIGITS, r.int(2, 4)) + r.chars(ALNUM, r.int(3, 8));
  },
  strongPw: () => r.chars(ALNUM + '!#%^*-_=+', r.int(18, 32)),
  b64block: (lines, width = 64) => Array.from({ length: lines }, () => r.chars(B64, width)).join('\n'),
};

const rows = [];
let tpl = 0;
/** Registers a template; `make` returns [text, secrets]. Each template yields `times` rows. */
function secret(category, file, make, times = 1) {
  tpl++;
  for (let i = 0; i < times; i++) {
    const [text, secrets] = make();
    for (const v of secrets) if (!text.includes(v)) throw new Error(`secret not in text (template ${tpl})`);
    rows.push({ category, label: 'secret', file, secrets, text, template: 't' + tpl });
  }
}

// ---------- secrets ----------
secret('npmrc', '.npmrc', () => { const t = s.npm(); return [`registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${t}\nalways-auth=true`, [t]]; }, 2);
secret('npmrc', '.npmrc', () => { const t = s.alnum(40); return [`@acme:registry=https://npm.pkg.example.com/\n//npm.pkg.example.com/:_authToken="${t}"`, [t]]; });
secret('npmrc', '.npmrc', () => { const p = Buffer.from('ci-bot:' + s.password()).toString('base64'); return [`//nexus.internal:8081/repository/npm/:_auth=${p}\nemail=ci@example.com`, [p]]; });
secret('netrc', '.netrc', () => { const p = s.password(); return [`machine api.github.com\n  login deploy-bot\n  password ${p}`, [p]]; });
secret('netrc', '.netrc', () => { const t = s.ghp(); return [`machine github.com login x-access-token password ${t}`, [t]]; });
secret('netrc', '.netrc', () => { const p = s.strongPw(); return [`default login anonymous password guest\nmachine artifacts.internal login svc-artifacts password ${p}`, [p]]; });
secret('pgpass', '.pgpass', () => { const p = s.password(); return [`pg-primary-2.internal:5432:orders:app_rw:${p}`, [p]]; });
secret('pgpass', '.pgpass', () => { const p = s.strongPw().replace(/:/g, ''); return [`# replica\n*:5432:*:replicator:${p}`, [p]]; });
secret('wp-config', 'wp-config.php', () => { const p = s.password(); return [`define( 'DB_NAME', 'wp_blog' );\ndefine( 'DB_USER', 'wp_admin' );\ndefine( 'DB_PASSWORD', '${p}' );\ndefine( 'DB_HOST', 'mysql-blog.internal' );`, [p]]; });
secret('wp-config', 'wp-config.php', () => { const a = s.alnum(64), b = s.alnum(64); return [`define('AUTH_KEY',         '${a}');\ndefine('SECURE_AUTH_KEY',  '${b}');`, [a, b]]; });
secret('yaml', 'config.yml', () => { const p = s.password(); return [`database:\n  host: orders-db.internal\n  port: 5432\n  username: orders_app\n  password: "${p}"\n  pool: 20`, [p]]; });
secret('yaml', 'values.yaml', () => { const t = s.slackBot(); return [`slack:\n  enabled: true\n  botToken: ${t}\n  channel: "#inc-bridge"`, [t]]; });
secret('yaml', 'alertmanager.yml', () => { const k = s.alnum(32); return [`receivers:\n- name: pagerduty-sre\n  pagerduty_configs:\n  - routing_key: ${k}\n    severity: critical`, [k]]; });
secret('yaml', 'alertmanager.yml', () => { const u = s.slackHook(); return [`- name: slack-ops\n  slack_configs:\n  - api_url: '${u}'\n    send_resolved: true`, [u]]; });
secret('yaml', '.github/workflows/deploy.yml', () => { const t = s.glpat(); return [`env:\n  REGISTRY: registry.gitlab.com/acme/app\n  GITLAB_TOKEN: ${t}   # TODO move to secrets!!`, [t]]; });
secret('yaml', 'application.yml', () => { const p = s.password(); return [`spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/app\n    username: app\n    password: ${p}`, [p]]; });
secret('properties', 'application.properties', () => { const p = s.password(); return [`spring.datasource.url=jdbc:mysql://mysql-01:3306/billing\nspring.datasource.username=billing\nspring.datasource.password=${p}`, [p]]; });
secret('properties', 'gradle.properties', () => { const p = s.strongPw(); return [`org.gradle.jvmargs=-Xmx2g\nnexusUsername=ci\nnexusPassword=${p}`, [p]]; });
secret('properties', 'kafka.properties', () => { const p = s.password(); return [`sasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders" password="${p}";`, [p]]; });
secret('env', '.env', () => { const k = s.stripe(); return [`NODE_ENV=production\nSTRIPE_SECRET_KEY=${k}\nPORT=8080`, [k]]; }, 2);
secret('env', '.env', () => { const k = s.openai(); return [`OPENAI_API_KEY=${k}`, [k]]; });
secret('env', '.env.local', () => { const k = s.anthropic(); return [`# local only, do not commit\nANTHROPIC_API_KEY="${k}"`, [k]]; });
secret('env', '.env', () => { const p = s.password(); return [`DB_HOST=localhost\nDB_USER=root\nDB_PASS=${p}\nDB_NAME=app`, [p]]; });
secret('env', '.env.production', () => { const k = s.sendgrid(); return [`MAIL_DRIVER=sendgrid\nSENDGRID_API_KEY=${k}`, [k]]; });
secret('env', '.env', () => { const k = s.hex(64); return [`SECRET_KEY_BASE=${k}\nRAILS_LOG_TO_STDOUT=1`, [k]]; });
secret('env', '.envrc', () => { const k = s.dd(); return [`export DD_API_KEY=${k}\nexport DD_SITE=datadoghq.eu`, [k]]; });
secret('compose', 'docker-compose.yml', () => { const p = s.password(); return [`  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: ${p}`, [p]]; });
secret('compose', 'docker-compose.yml', () => { const p = s.strongPw(); return [`  redis:\n    image: redis:7\n    command: ["redis-server", "--requirepass", "${p}"]`, [p]]; });
secret('aws', '~/.aws/credentials', () => { const a = s.akia(), b = s.awsSecret(); return [`[default]\naws_access_key_id = ${a}\naws_secret_access_key = ${b}\nregion = eu-west-1`, [a, b]]; }, 2);
secret('aws', '~/.aws/credentials', () => { const a = 'ASIA' + r.chars(UPPER + '234567', 16), b = s.awsSecret(), t = s.alnum(20) + '//////////' + r.chars(B64, 200); return [`[incident-ai-prod]\naws_access_key_id=${a}\naws_secret_access_key=${b}\naws_session_token=${t}`, [a, b, t]]; });
secret('git-credentials', '.git-credentials', () => { const t = s.ghp(); return [`https://ana-k:${t}@github.com`, [t]]; });
secret('git-credentials', '.git-credentials', () => { const t = s.glpat(); return [`https://oauth2:${t}@gitlab.example.com`, [t]]; });
secret('shell-history', '.bash_history', () => { const p = s.password(); return [`mysql -u root -p${p} -h 10.0.3.12 billing`, [p]]; });
secret('shell-history', '.bash_history', () => { const t = s.ghpat(); return [`export GITHUB_TOKEN=${t}\ngh pr list --repo acme/infra`, [t]]; });
secret('shell-history', '.zsh_history', () => { const t = s.jwt(); return [`: 1796540400:0;curl -H "Authorization: Bearer ${t}" https://api.internal/v1/admin/tenants`, [t]]; });
secret('shell-history', '.bash_history', () => { const p = s.password(); return [`PGPASSWORD='${p}' psql -h pg-primary-2 -U postgres -c 'select 1'`, [p]]; });
secret('shell-history', '.bash_history', () => { const p = s.strongPw(); return [`sshpass -p '${p}' ssh ops@bastion-eu.example.com`, [p]]; });
secret('shell-history', '.bash_history', () => { const p = s.password(); return [`echo '${p}' | docker login registry.example.com -u ci --password-stdin`, [p]]; });
secret('shell-history', '.bash_history', () => { const k = s.stripeRk(); return [`curl https://api.stripe.com/v1/charges -u ${k}:`, [k]]; });
secret('shell-history', '.bash_history', () => { const p = s.password(); return [`redis-cli -h cache-eu-1 -a ${p} INFO memory`, [p]]; });
secret('private-key', '~/.ssh/id_rsa', () => { const b = s.b64block(12); return [`-----BEGIN RSA PRIVATE KEY-----\n${b}\n-----END RSA PRIVATE KEY-----`, [b]]; });
secret('private-key', '~/.ssh/id_ed25519', () => { const b = s.b64block(5, 70); return [`-----BEGIN OPENSSH PRIVATE KEY-----\n${b}\n-----END OPENSSH PRIVATE KEY-----`, [b]]; });
secret('private-key', 'tls.key', () => { const b = s.b64block(3); return [`-----BEGIN EC PRIVATE KEY-----\n${b}\n-----END EC PRIVATE KEY-----`, [b]]; });
secret('private-key', 'job log', () => { const b = s.b64block(8); return [`[rundeck] option key_material:\n-----BEGIN PRIVATE KEY-----\n${b}\n-----END PRIVATE KEY-----\n[rundeck] step 2 ok`, [b]]; });
secret('private-key', 'service-account.json', () => { const b = s.b64block(6).replace(/\n/g, '\\n'); const id = s.hex(40); return [`{"type":"service_account","project_id":"incident-ai-prod","private_key_id":"${id}","private_key":"-----BEGIN PRIVATE KEY-----\\n${b}\\n-----END PRIVATE KEY-----\\n","client_email":"alerts@incident-ai-prod.iam.gserviceaccount.com"}`, [b]]; });
secret('private-key', 'notes', () => { const b = s.b64block(6); return [`pasting the deploy key here so Jo can grab it, will delete after:\n-----BEGIN ENCRYPTED PRIVATE KEY-----\n${b}\n-----END ENCRYPTED PRIVATE KEY-----`, [b]]; });
secret('settings-py', 'settings.py', () => { const k = s.alnum(50); return [`SECRET_KEY = '${k}'\nDEBUG = False`, [k]]; });
secret('settings-py', 'settings.py', () => { const p = s.password(); return [`DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'shop',\n        'USER': 'shop',\n        'PASSWORD': '${p}',\n    }\n}`, [p]]; });
secret('appsettings', 'appsettings.json', () => { const p = s.password(); return [`{\n  "ConnectionStrings": {\n    "Default": "Server=sql-01;Database=Orders;User Id=orders;Password=${p};"\n  }\n}`, [p]]; });
secret('appsettings', 'appsettings.Production.json', () => { const k = s.alnum(32); return [`"Jwt": { "Issuer": "incident-ai", "SigningKey": "${k}" }`, [k]]; });
secret('kubeconfig', '~/.kube/config', () => { const t = s.jwt(); return [`users:\n- name: ci-deployer\n  user:\n    token: ${t}`, [t]]; });
secret('kubeconfig', '~/.kube/config', () => { const b = s.b64block(1, 88); return [`- name: admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTi...\n    client-key-data: ${b}`, [b]]; });
secret('yaml', 'secret.yaml', () => { const p = Buffer.from(s.password()).toString('base64'); const u = Buffer.from('orders_app').toString('base64'); return [`apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\ntype: Opaque\ndata:\n  username: ${u}\n  password: ${p}`, [p]]; });
secret('yaml', 'secret.yaml', () => { const p = s.password(); return [`apiVersion: v1\nkind: Secret\nmetadata:\n  name: redis-auth\nstringData:\n  REDIS_PASSWORD: "${p}"`, [p]]; });
secret('connection-url', 'config', () => { const p = s.password(); return [`DATABASE_URL=postgres://orders_app:${p}@pg-primary-2.internal:5432/orders?sslmode=require`, [p]]; }, 2);
secret('connection-url', 'config', () => { const p = s.strongPw().replace(/[@:/]/g, ''); return [`mongodb+srv://reporting:${p}@cluster0.ab1cd.mongodb.net/reports?retryWrites=true`, [p]]; });
secret('connection-url', 'config', () => { const p = s.alnum(24); return [`REDIS_URL=rediss://default:${p}@cache-eu-1.internal:6380/0`, [p]]; });
secret('connection-url', 'job log', () => { const p = s.password(); return [`[step 3] connecting to amqp://svc-orders:${p}@rabbit-01:5672/prod ... ok`, [p]]; });
secret('connection-url', 'config', () => { const p = s.password(); return [`jdbc:sqlserver://sql-01:1433;databaseName=Orders;user=sa;password=${p};encrypt=true`, [p]]; });
secret('url-token', 'notes', () => { const t = s.alnum(32); return [`webhook for the status page: https://status.example.com/api/v1/incidents?api_key=${t}`, [t]]; });
secret('url-token', 'job log', () => { const t = s.google(); return [`GET https://maps.googleapis.com/maps/api/geocode/json?address=berlin&key=${t} 200 88ms`, [t]]; });
secret('url-token', 'notes', () => { const u = s.slackHook(); return [`posting alerts to ${u} for now`, [u]]; });
secret('http-header', 'job log', () => { const t = s.jwt(); return [`> GET /v1/incidents HTTP/1.1\n> Host: api.internal\n> Authorization: Bearer ${t}\n> Accept: */*`, [t]]; });
secret('http-header', 'notes', () => { const t = s.pd(); return [`curl -H "Authorization: Token token=${t}" https://api.pagerduty.com/incidents`, [t]]; });
secret('http-header', 'job log', () => { const p = Buffer.from('admin:' + s.password()).toString('base64'); return [`Authorization: Basic ${p}`, [p]]; });
secret('http-header', 'notes', () => { const k = s.dd(); return [`DD-API-KEY: ${k}`, [k]]; });
secret('misc', 'notes', () => { const p = s.password(); return [`new grafana admin pw is ${p} — change it after the incident`, [p]]; });
secret('misc', 'Slack export', () => { const p = s.password(); return [`[02:14] ana.k: vpn still down? use the break-glass account, user breakglass pass: ${p}`, [p]]; });
secret('misc', 'terraform.tfvars', () => { const p = s.strongPw(); return [`db_master_password = "${p}"\ninstance_class     = "db.r6g.large"`, [p]]; });
secret('misc', 'rundeck job options', () => { const p = s.password(); return [`-db_user migrator -db_password ${p} -dry_run false`, [p]]; });
secret('misc', 'pip.conf', () => { const p = s.alnum(20); return [`[global]\nindex-url = https://ci:${p}@pypi.internal/simple`, [p]]; });
secret('misc', 'config.toml', () => { const t = s.alnum(40); return [`[auth]\nprovider = "github"\nclient_id = "Iv1.${s.hex(16)}"\nclient_secret = "${t}"`, [t]]; });
secret('misc', 'my.cnf', () => { const p = s.password(); return [`[client]\nuser=backup\npassword=${p}\nhost=mysql-01`, [p]]; });
secret('misc', 'settings.ini', () => { const p = s.password(); return [`[smtp]\nhost = smtp.example.com\nport = 587\nuser = alerts@example.com\npass = ${p}`, [p]]; });
secret('misc', 'job log', () => { const t = s.alnum(40); return [`2026-12-06T01:00:02Z DEBUG vault: login ok, client_token=hvs.${t} ttl=3600`, ['hvs.' + t]]; });
secret('misc', 'notes', () => { const t = 'xoxp-' + r.chars(DIGITS, 12) + '-' + r.chars(DIGITS, 12) + '-' + r.chars(DIGITS, 13) + '-' + s.hex(32); return [`my slack user token in case the bot breaks: ${t}`, [t]]; });

// ---------- benign ----------
const uuid = () => `${s.hex(8)}-${s.hex(4)}-4${s.hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${s.hex(3)}-${s.hex(12)}`;
const fill = (t) => t
  .replace(/\{uuid\}/g, uuid).replace(/\{sha\}/g, () => s.hex(40)).replace(/\{sha256\}/g, () => s.hex(64))
  .replace(/\{short\}/g, () => s.hex(7)).replace(/\{hex16\}/g, () => s.hex(16)).replace(/\{n\}/g, () => String(r.int(2, 9999)))
  .replace(/\{ip\}/g, () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`)
  .replace(/\{pod\}/g, () => `${s.hex(9).replace(/[^a-z0-9]/g, 'x')}-${r.chars('bcdfghjklmnpqrstvwxz2456789', 5)}`)
  .replace(/\{b64id\}/g, () => Buffer.from(r.chars(ALNUM, 12)).toString('base64'));

/** A benign template with random ids is rendered twice (two values, one template); a fixed one once. */
function benign(category, file, t) {
  tpl++;
  const times = /\{(uuid|sha|sha256|short|hex16|n|ip|pod|b64id)\}/.test(t) ? 2 : 1;
  for (let i = 0; i < times; i++) rows.push({ category, label: 'benign', file, secrets: [], text: fill(t), template: 't' + tpl });
}

const benignLog = [
  ['access log', `{ip} - - [06/Dec/2026:03:11:02 +0000] "GET /api/v1/incidents/{uuid} HTTP/1.1" 200 1832 "-" "okhttp/4.12.0" rt=0.041`],
  ['access log', `{ip} - - [06/Dec/2026:03:11:04 +0000] "POST /oauth/token HTTP/1.1" 200 612 "-" "python-requests/2.32.3"`],
  ['access log', `{ip} - - [06/Dec/2026:03:12:19 +0000] "GET /reset-password?request_id={uuid} HTTP/2.0" 302 0`],
  ['k8s events', `Normal   Pulled     12s   kubelet  Successfully pulled image "registry.example.com/checkout-api@sha256:{sha256}" in 2.1s`],
  ['k8s events', `Normal   Scheduled  40s   default-scheduler  Successfully assigned shop/checkout-api-{pod} to ip-10-2-14-77.eu-west-1.compute.internal`],
  ['k8s events', `Warning  FailedMount  2m  kubelet  MountVolume.SetUp failed for volume "db-creds" : secret "db-creds" not found`],
  ['k8s events', `Normal   Created    9s    kubelet  Created container token-refresher`],
  ['k8s events', `Warning  BackOff    3m (x14 over 9m)  kubelet  Back-off restarting failed container secret-sync in pod secret-sync-{pod}`],
  ['postgres log', `2026-12-06 03:14:07.118 UTC [41872] LOG:  duration: 4012.771 ms  statement: SELECT id, status FROM incidents WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 50`],
  ['postgres log', `2026-12-06 03:14:09.001 UTC [41901] FATAL:  password authentication failed for user "reporting"`],
  ['postgres log', `2026-12-06 03:15:00.000 UTC [118] LOG:  checkpoint complete: wrote 8213 buffers (6.3%); write=26.9 s, sync=0.004 s, total=27.1 s`],
  ['sshd', `Dec  6 03:11:02 bastion-eu sshd[22114]: Failed password for invalid user admin from 203.0.113.54 port 51122 ssh2`],
  ['sshd', `Dec  6 03:11:09 bastion-eu sshd[22140]: Accepted publickey for ops from {ip} port 50214 ssh2: ED25519 SHA256:{b64id}{b64id}`],
  ['sshd', `Dec  6 03:12:44 bastion-eu sshd[22188]: Disconnected from authenticating user root 198.51.100.7 port 40112 [preauth]`],
  ['systemd', `Dec 06 04:00:01 api-7 systemd[1]: Started cert-renew.service - Renew TLS certificates (token_ttl=3600).`],
  ['systemd', `Dec 06 04:00:44 api-7 systemd[1]: secret-rotation.timer: Next elapse in 23h 59min.`],
  ['app log', `2026-12-06T08:01:11Z INFO auth: token refresh ok tenant=t-{n} expires_in=3600s request_id={uuid}`],
  ['app log', `2026-12-06T08:01:12Z WARN auth: access token expired for session {hex16}, refreshing`],
  ['app log', `2026-12-06T08:02:00Z INFO vault: secret/data/db-creds rotated, version={n}, lease_duration=768h`],
  ['app log', `2026-12-06T08:02:01Z INFO secrets: reloaded 4 secrets from /var/run/secrets/app (checksum {sha})`],
  ['app log', `level=info msg="password reset email queued" user_id={n} template=reset_v3 trace_id={hex16}{hex16}`],
  ['app log', `level=warn msg="API key rejected" key_id=key_{short} reason=revoked tenant=t-{n}`],
  ['app log', `level=error msg="invalid_grant: refresh token expired" client_id={uuid}`],
  ['app log', `{"ts":"2026-12-06T08:03:14Z","level":"info","msg":"issued session","session_id":"{uuid}","ttl_s":1800}`],
  ['app log', `{"ts":"2026-12-06T08:03:15Z","level":"debug","msg":"cache hit","key":"incident:{uuid}:summary","age_ms":412}`],
  ['app log', `[INFO] Using credentials from AWS_PROFILE=incident-ai-prod (role arn:aws:iam::{n}{n}:role/deployer)`],
  ['rundeck', `[Rundeck] Execution #{n} "rotate-db-password" succeeded in 00:00:42 (new secret version stored in key storage)`],
  ['rundeck', `[Rundeck] Option db_password is a secure option; value hidden`],
  ['rundeck', `[Rundeck] Job {uuid} scheduled, next run 2026-12-07T01:00:00Z`],
  ['ci log', `Run actions/checkout@{sha}\n  with:\n    token: ***\n    fetch-depth: 1`],
  ['ci log', `Successfully built {short}\nSuccessfully tagged registry.example.com/incident-ai:1.42.{n}`],
  ['ci log', `npm notice publishing @acme/guard-rules@2.{n}.0 with tag latest, shasum {sha}`],
  ['ci log', `Downloaded https://registry.npmjs.org/jsonwebtoken/-/jsonwebtoken-9.0.2.tgz (integrity sha512-{b64id}{b64id}==)`],
  ['git log', `commit {sha}\nAuthor: Ana K <ana.k@example.com>\nDate:   Sun Dec 6 03:40:11 2026 +0000\n\n    rotate secrets: move db password to vault`],
  ['git log', `{short} fix: don't log the Authorization header\n{short} chore: bump token_ttl default to 3600`],
  ['audit log', `audit: user=ana.k action=secret.read secret_name=db-creds namespace=shop result=denied`],
  ['audit log', `audit: user=svc-deploy action=apikey.rotate key_id=key_{short} old_key_expires=2026-12-13`],
  ['redis log', `1:M 06 Dec 2026 03:14:07.118 * Background saving terminated with success (RDB {n} keys)`],
  ['redis log', `1:M 06 Dec 2026 03:14:08.001 # Client id=8812 addr={ip}:51122 closed: AUTH failed (-WRONGPASS)`],
  ['nginx', `2026/12/06 03:11:03 [error] 2214#2214: *88213 upstream timed out (110: Connection timed out) while reading response header from upstream, client: {ip}, request: "POST /api/v1/charge HTTP/1.1"`],
  ['cert-manager', `I1206 04:00:03 certificate "shop-tls" ready, serial 04:1a:9f:{hex16}, not after 2027-03-06T04:00:00Z`],
  ['terraform', `aws_secretsmanager_secret.db_creds: Refreshing state... [id=arn:aws:secretsmanager:eu-west-1:{n}{n}:secret:db-creds-{short}]`],
  ['terraform', `# aws_iam_access_key.ci will be updated in-place\n  ~ status = "Active" -> "Inactive"\n    secret = (sensitive value)`],
  ['helm', `Release "checkout-api" has been upgraded. Happy Helming!\nNAME: checkout-api\nREVISION: {n}\nSTATUS: deployed`],
  ['kafka', `[2026-12-06 03:14:07,118] INFO [GroupCoordinator 2]: Member consumer-orders-7-{uuid} in group orders-processor has left`],
  ['docker', `{sha256}   registry.example.com/incident-ai   1.42.3   2 days ago   312MB`],
  ['gpg', `gpg: Signature made Sun 06 Dec 2026 03:40:11 UTC\ngpg:                using EDDSA key {hex16}{hex16}\ngpg: Good signature from "Release Bot <release@example.com>"`],
  ['ssh-keygen', `The key fingerprint is:\nSHA256:{b64id}{b64id} ops@laptop\nThe key's randomart image is:`],
  ['pagerduty', `Incident #{n} triggered: [FIRING:1] TokenRefreshFailures auth (critical) — dedup_key {sha}`],
  ['app log', `2026-12-06T09:00:00Z INFO keys: JWKS refreshed from https://auth.example.com/.well-known/jwks.json (3 keys, kid={hex16})`],
  ['app log', `2026-12-06T09:00:02Z INFO csrf token issued for session {uuid} (not logged)`],
  ['app log', `WARN  [pool] connection to postgres://pg-primary-2.internal:5432/orders lost, retrying in 5s (attempt {n})`],
  ['app log', `INFO  request GET https://api.example.com/v2/incidents?page=2&per_page=50&cursor={b64id} -> 200 in 84ms`],
  ['k8s events', `Normal   SuccessfulCreate  replicaset/checkout-api-{short}  Created pod: checkout-api-{pod}`],
  ['kubectl', `NAME                  TYPE                                  DATA   AGE\ndb-creds              Opaque                                2      41d\ndefault-token-x7k2p   kubernetes.io/service-account-token   3      388d\nregcred               kubernetes.io/dockerconfigjson        1      210d`],
  ['kubectl', `secret/db-creds configured\nsecret/redis-auth unchanged`],
  ['vault', `Key                Value\n---                -----\ntoken_accessor     {hex16}{hex16}\ntoken_duration     768h\ntoken_renewable    true\ntoken_policies     ["default" "ops-read"]`],
  ['aws cli', `{\n    "UserId": "AROA{hex16}:ana.k",\n    "Account": "{n}{n}",\n    "Arn": "arn:aws:sts::{n}{n}:assumed-role/ops/ana.k"\n}`],
  ['aws cli', `2026-12-06 03:40:11 db-creds-rotation  Rotation succeeded, VersionId {uuid}, stage AWSCURRENT`],
  ['gh cli', `✓ Logged in to github.com account ana-k (keyring)\n  - Active account: true\n  - Token: gho_************************************\n  - Token scopes: 'gist', 'read:org', 'repo'`],
  ['openssl', `subject=CN = shop.example\nissuer=C = US, O = Let's Encrypt, CN = R11\nnotAfter=Mar  6 04:00:00 2027 GMT\nSHA256 Fingerprint={hex16}{hex16}`],
  ['app log', `ERROR stripe: card_declined (code=insufficient_funds) charge=ch_{hex16} request_id=req_{b64id}`],
  ['app log', `DEBUG http: Authorization header present (redacted), X-Request-Id={uuid}`],
  ['app log', `INFO  apikey: created key_id=key_{short} scopes=incidents:read expires_at=2027-06-06 (secret shown once to user)`],
  ['status page', `Resolved - We rotated the affected API keys and the webhook signing secret. No customer action is required.`],
];
for (const [file, t] of benignLog) benign('benign-log', file, t);

const benignConfig = [
  ['config.yml', `auth:\n  token_ttl: 3600\n  refresh_token_ttl: 2592000\n  password_policy: strong`],
  ['config.yml', `password_min_length: 12\npassword_require_symbols: true\npassword_max_age_days: 90`],
  ['values.yaml', `existingSecret: db-creds\nsecretKeys:\n  passwordKey: password\n  usernameKey: username`],
  ['deployment.yaml', `env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db-creds\n      key: password`],
  ['deployment.yaml', `envFrom:\n- secretRef:\n    name: checkout-api-secrets\n- configMapRef:\n    name: checkout-api-config`],
  ['deployment.yaml', `image: registry.example.com/checkout-api@sha256:{sha256}\nimagePullSecrets:\n- name: regcred`],
  ['deployment.yaml', `metadata:\n  name: checkout-api\n  uid: {uuid}\n  resourceVersion: "{n}{n}"\n  annotations:\n    checksum/secret: {sha256}`],
  ['docker-compose.yml', `    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password\n    secrets:\n      - pg_password`],
  ['docker-compose.yml', `    environment:\n      DATABASE_URL: \${DATABASE_URL}\n      REDIS_PASSWORD: \${REDIS_PASSWORD:?required}`],
  ['.env.example', `STRIPE_SECRET_KEY=\nOPENAI_API_KEY=<set me>\nDB_PASSWORD=`],
  ['.env', `LOG_LEVEL=info\nPORT=8080\nSESSION_TTL_SECONDS=1800\nFEATURE_FLAGS=new-ranker,fast-path`],
  ['.env', `DATABASE_URL=postgres://pg-primary-2.internal:5432/orders?sslmode=require\nPGPASSFILE=/etc/app/.pgpass`],
  ['application.properties', `spring.datasource.password=\${DB_PASSWORD}\nspring.datasource.hikari.maximum-pool-size=20`],
  ['application.properties', `server.ssl.key-store=classpath:keystore.p12\nserver.ssl.key-store-type=PKCS12\nserver.ssl.key-alias=tomcat`],
  ['settings.py', `SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nSESSION_COOKIE_AGE = 1209600`],
  ['settings.py', `AUTH_PASSWORD_VALIDATORS = [\n    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},\n]`],
  ['appsettings.json', `"KeyVault": { "VaultUri": "https://incident-ai-kv.vault.azure.net/", "SecretName": "SqlConnection" }`],
  ['terraform.tf', `resource "aws_secretsmanager_secret" "db" {\n  name                    = "db-creds"\n  recovery_window_in_days = 7\n}`],
  ['terraform.tf', `variable "db_password" {\n  type      = string\n  sensitive = true\n}`],
  ['terraform.tf', `data "aws_secretsmanager_secret_version" "db" {\n  secret_id = aws_secretsmanager_secret.db.id\n}`],
  ['.npmrc', `registry=https://registry.npmjs.org/\nsave-exact=true\nengine-strict=true\n//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`],
  ['.gitconfig', `[credential]\n\thelper = osxkeychain\n[user]\n\tname = Ana K\n\temail = ana.k@example.com`],
  ['~/.ssh/config', `Host bastion-eu\n  HostName bastion-eu.example.com\n  User ops\n  IdentityFile ~/.ssh/id_ed25519\n  IdentitiesOnly yes`],
  ['~/.aws/config', `[profile incident-ai-prod]\nrole_arn = arn:aws:iam::{n}{n}:role/deployer\nsource_profile = default\nregion = eu-west-1\nduration_seconds = 3600`],
  ['~/.kube/config', `- name: ci-deployer\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: ["eks", "get-token", "--cluster-name", "prod-eu"]`],
  ['alertmanager.yml', `  pagerduty_configs:\n  - routing_key_file: /etc/alertmanager/secrets/pd-routing-key\n    severity: '{{ .CommonLabels.severity }}'`],
  ['prometheus.yml', `  - job_name: node\n    scrape_interval: 30s\n    scrape_timeout: 10s\n    bearer_token_file: /var/run/secrets/kubernetes.io/serviceaccount/token`],
  ['nginx.conf', `ssl_certificate     /etc/nginx/tls/shop.crt;\nssl_certificate_key /etc/nginx/tls/shop.key;\nssl_session_timeout 1d;`],
  ['redis.conf', `maxmemory 12gb\nmaxmemory-policy allkeys-lru\naclfile /etc/redis/users.acl`],
  ['postgresql.conf', `password_encryption = scram-sha-256\nssl = on\nssl_cert_file = 'server.crt'\nstatement_timeout = 30s`],
  ['pg_hba.conf', `hostssl  all  all  10.0.0.0/8  scram-sha-256\nlocal    all  postgres      peer`],
  ['vault policy', `path "secret/data/db-creds" {\n  capabilities = ["read"]\n}`],
  ['sealed secret', `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db-creds\nspec:\n  encryptedData:\n    password: AgB{b64id}...truncated-in-review`],
  ['external secret', `apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  refreshInterval: 1h\n  secretStoreRef:\n    name: aws-sm\n  target:\n    name: db-creds`],
  ['rundeck job', `- name: db_password\n  secure: true\n  valueExposed: false\n  storagePath: keys/project/ops/db_password`],
  ['github workflow', `    env:\n      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\n      AWS_ROLE_ARN: arn:aws:iam::{n}{n}:role/gha-deployer`],
  ['package.json', `"dependencies": {\n  "jsonwebtoken": "9.0.2",\n  "bcrypt": "5.1.1",\n  "passport-http-bearer": "1.0.1"\n}`],
  ['package-lock.json', `"node_modules/secret-stream": {\n  "version": "1.0.4",\n  "integrity": "sha512-{b64id}{b64id}{b64id}=="\n}`],
  ['go.sum', `github.com/golang-jwt/jwt/v5 v5.2.1 h1:{b64id}{b64id}=`],
  ['Dockerfile', `FROM node:20-alpine@sha256:{sha256}\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`],
  ['crontab', `0 1 * * * /opt/jobs/rotate-api-keys.sh --max-age 30d >> /var/log/rotate.log 2>&1`],
  ['systemd unit', `[Service]\nEnvironmentFile=/etc/incident-ai/env\nLoadCredential=db-password:/etc/credstore/db-password`],
  ['config.toml', `[session]\ncookie_name = "sid"\nsecure = true\nmax_age = "12h"\n[auth]\ntoken_header = "X-Auth-Token"`],
  ['config.ini', `[security]\npassword_hash = argon2id\nlockout_threshold = 5\nlockout_duration = 15m`],
  ['openapi.yaml', `components:\n  securitySchemes:\n    bearerAuth:\n      type: http\n      scheme: bearer\n      bearerFormat: JWT`],
  ['README', `Set OPENAI_API_KEY in your shell before running: export OPENAI_API_KEY=<your key>`],
  ['notes', `db password was rotated at 03:40 by ana.k, new version is in vault (secret/db-creds v{n}); old one revoked`],
  ['notes', `the leaked token was revoked at 02:31, GitHub confirmed revocation (ticket GH-{n}); fingerprint {hex16}`],
  ['notes', `reminder: secret_name for the webhook signing key is "pd-webhook-secret", rotate every 90d`],
  ['config.yml', `oauth:\n  issuer: https://auth.example.com/\n  audience: incident-ai\n  jwks_cache_ttl: 10m\n  clock_skew: 30s`],
  ['config.yml', `secrets:\n  provider: vault\n  mount: secret/\n  path: incident-ai/prod\n  renew_before: 24h`],
  ['values.yaml', `ingress:\n  tls:\n  - secretName: shop-tls\n    hosts: [shop.example]\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt-prod`],
  ['values.yaml', `serviceAccount:\n  create: true\n  name: incident-ai\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::{n}{n}:role/incident-ai`],
  ['.env', `TOKEN_TTL=3600\nPASSWORD_RESET_EXPIRY=15m\nAPI_KEY_HEADER=X-Api-Key\nSECRET_ROTATION_DAYS=30`],
  ['.env', `KEYCLOAK_URL=https://sso.example.com/realms/ops\nKEYCLOAK_CLIENT_ID=incident-ai\nKEYCLOAK_CLIENT_SECRET_FILE=/run/secrets/kc`],
  ['config.toml', `[tls]\ncert = "/etc/app/tls.crt"\nkey = "/etc/app/tls.key"\nmin_version = "1.2"`],
  ['application.properties', `management.endpoints.web.exposure.include=health,info\nspring.security.oauth2.resourceserver.jwt.issuer-uri=https://auth.example.com/`],
  ['docker config', `{\n  "credsStore": "desktop",\n  "auths": {\n    "registry.example.com": {}\n  }\n}`],
  ['.pgpass (empty template)', `# hostname:port:database:username:password\n# fill in locally, never commit`],
  ['.netrc (docs)', `# Format: machine <host> login <user> password <token>\n# see docs/access.md for how to create a token`],
  ['wp-config.php', `define( 'WP_DEBUG', false );\ndefine( 'DB_CHARSET', 'utf8mb4' );\ndefine( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );`],
  ['policy.json', `{"Effect":"Allow","Action":["secretsmanager:GetSecretValue"],"Resource":"arn:aws:secretsmanager:eu-west-1:{n}{n}:secret:db-creds-*"}`],
  ['runbook', `If the DB password was rotated, restart the pods so they pick up the new secret: kubectl rollout restart deploy/checkout-api -n shop`],
  ['ansible', `- name: template app config\n  template:\n    src: app.env.j2\n    dest: /etc/app/env\n  vars:\n    db_password: "{{ vault_db_password }}"`],
  ['kustomization.yaml', `secretGenerator:\n- name: app-secrets\n  envs:\n  - secrets.env   # file not in git\ngeneratorOptions:\n  disableNameSuffixHash: true`],
];
for (const [file, t] of benignConfig) benign('benign-config', file, t);

const numbered = numberRows('cfg5', rows);
writeFrozen('config-secrets.jsonl', numbered);
