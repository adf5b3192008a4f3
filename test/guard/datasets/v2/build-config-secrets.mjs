// Builds config-secrets.jsonl: lines (or short blocks) of configuration and credential
// files that carry a secret (label "secret", with `file` and the exact `secrets` that must
// disappear), and ordinary log lines and secret-free config lines (label "benign") that a
// redactor must leave byte-for-byte unchanged. Templates are hand-written; every {kind}
// placeholder in a secret template is filled with a fresh seeded value and recorded as a
// secret. Rows made from one template share a split (split key `template`).
import { assignSplits, writeJsonl, rng, ALNUM, UPPER, LOWER, DIGITS } from './lib.mjs';

const r = rng(4242);
const B64 = ALNUM + '+/';
const URLSAFE = ALNUM + '-_';
const HEX = '0123456789abcdef';
const WORDS = ['winter', 'orange', 'Falcon', 'tiger', 'Harbor', 'maple', 'Rocket', 'delta', 'Quartz', 'nimbus', 'Copper', 'sunset'];
const gen = {
  upw: () => r.pick([
    () => `${r.pick(WORDS)}${r.int(10, 9999)}`,
    () => r.chars(ALNUM, r.int(14, 24)),
    () => r.chars(ALNUM + '-_.~', r.int(16, 28)),
  ])(),
  pw: () => r.pick([
    () => `${r.pick(WORDS)}${r.int(10, 9999)}${r.pick(['!', '#', '$', '%', '?', ''])}`,
    () => r.chars(ALNUM, r.int(14, 24)),
    () => `${r.pick(WORDS)}-${r.pick(WORDS)}-${r.pick(WORDS)}-${r.int(1, 99)}`,
    () => r.chars(ALNUM + '!#%^*-_=', r.int(16, 28)),
    () => `P@ss${r.chars(ALNUM, 6)}${r.int(10, 99)}`,
  ])(),
  hex32: () => r.chars(HEX, 32),
  hex40: () => r.chars(HEX, 40),
  hex64: () => r.chars(HEX, 64),
  b64: () => r.chars(B64, r.int(32, 48)) + r.pick(['', '=', '==']),
  akia: () => 'AKIA' + r.chars(UPPER + '234567', 16),
  asia: () => 'ASIA' + r.chars(UPPER + '234567', 16),
  awssecret: () => r.chars(ALNUM + '/+', 40),
  awssession: () => 'IQoJb3JpZ2luX2Vj' + r.chars(B64, 300),
  npm: () => 'npm_' + r.chars(ALNUM, 36),
  ghp: () => 'ghp_' + r.chars(ALNUM, 36),
  ghpat: () => 'github_pat_' + r.chars(ALNUM, 22) + '_' + r.chars(ALNUM, 59),
  glpat: () => 'glpat-' + r.chars(URLSAFE, 20),
  xoxb: () => `xoxb-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}`,
  xoxp: () => `xoxp-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(HEX, 32)}`,
  sklive: () => 'sk_live_' + r.chars(ALNUM, 48),
  rklive: () => 'rk_live_' + r.chars(ALNUM, 48),
  openai: () => 'sk-proj-' + r.chars(URLSAFE, 64),
  anthropic: () => 'sk-ant-api03-' + r.chars(URLSAFE, 80) + 'AA',
  aiza: () => 'AIza' + r.chars(URLSAFE, 35),
  jwt: () => 'eyJhbGciOiJSUzI1NiIsImtpZCI6I' + r.chars(URLSAFE, 40) + '.eyJ' + r.chars(URLSAFE, 120) + '.' + r.chars(URLSAFE, 86),
  sg: () => 'SG.' + r.chars(URLSAFE, 22) + '.' + r.chars(URLSAFE, 43),
  hvs: () => 'hvs.' + r.chars(URLSAFE, 24),
  slackpath: () => `T0${r.chars(UPPER + DIGITS, 8)}/B0${r.chars(UPPER + DIGITS, 8)}/${r.chars(ALNUM, 24)}`,
  django: () => 'django-insecure-' + r.chars(LOWER + DIGITS + '!@#%^&*(-_=+)', 50),
  wpsalt: () => r.chars(ALNUM + '!@#%^&*()-_=+[]{}<>~|;:,.?/', 64),
  basic: () => Buffer.from(`${r.pick(['admin', 'ci', 'deploy', 'svc-reports'])}:${gen.pw()}`).toString('base64'),
  keydata: () => 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlF' + r.chars(B64, 200) + '=',
  pypi: () => 'pypi-AgEIcHlwaS5vcmc' + r.chars(URLSAFE, 120),
  rubygems: () => 'rubygems_' + r.chars(HEX, 48),
  twilio: () => r.chars(HEX, 32),
  dd: () => r.chars(HEX, 32),
  nr: () => r.chars(HEX, 36) + 'NRAL',
  pd: () => 'u+' + r.chars(URLSAFE, 18),
  azuresig: () => encodeURIComponent(r.chars(B64, 43) + '='),
  htapr: () => '$apr1$' + r.chars(ALNUM, 8) + '$' + r.chars(ALNUM + './', 22),
  bcrypt: () => '$2y$10$' + r.chars(ALNUM + './', 53),
  jenkins: () => '{AQAAABAAAAAQ' + r.chars(B64, 44) + '=}',
};

function privateKey(kind) {
  const body = (n) => Array.from({ length: n }, () => r.chars(B64, 64)).join('\n') + '\n' + r.chars(B64, r.int(8, 60)) + '=';
  switch (kind) {
    case 'openssh': return `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA${r.chars(B64, 8)}\n${body(6)}\n-----END OPENSSH PRIVATE KEY-----`;
    case 'rsa': return `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${r.chars(B64, 48)}\n${body(24)}\n-----END RSA PRIVATE KEY-----`;
    case 'ec': return `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI${r.chars(B64, 55)}\n${r.chars(B64, 64)}\n${r.chars(B64, 20)}==\n-----END EC PRIVATE KEY-----`;
    case 'pkcs8': return `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ${r.chars(B64, 14)}\n${body(22)}\n-----END PRIVATE KEY-----`;
    case 'encrypted': return `-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI${r.chars(B64, 16)}\n${body(25)}\n-----END ENCRYPTED PRIVATE KEY-----`;
    case 'pgp': return `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQVYBGV${r.chars(B64, 57)}\n${body(12)}\n=${r.chars(B64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`;
    case 'dsa': return `-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQ${r.chars(B64, 50)}\n${body(8)}\n-----END DSA PRIVATE KEY-----`;
    default: throw new Error(kind);
  }
}

const rows = [];
const seq = {};
function add(label, category, file, template, secretsOf, text) {
  seq[category] = (seq[category] ?? 0) + 1;
  const id = `cfg-${category}-${String(seq[category]).padStart(3, '0')}`;
  rows.push({ id, template, category, label, ...(file ? { file } : {}), ...(label === 'secret' ? { secrets: secretsOf } : {}), text });
}

let tplNo = 0;
/** A secret template: every {kind} becomes a fresh value that must disappear. */
function S(category, file, template, times = 1) {
  const tpl = `t${++tplNo}`;
  for (let i = 0; i < times; i++) {
    const secrets = [];
    const text = template.replace(/\{(\w+)\}/g, (_, k) => {
      if (!gen[k]) throw new Error('no generator ' + k);
      const v = gen[k]();
      secrets.push(v);
      return v;
    });
    add('secret', category, file, tpl, secrets, text);
  }
}
function K(file, kind, before = '', after = '', { jsonEscaped = false } = {}) {
  const tpl = `t${++tplNo}`;
  const raw = privateKey(kind) + (jsonEscaped ? '\n' : '');
  const key = jsonEscaped ? raw.replace(/\n/g, '\\n') : raw;
  add('secret', 'private-key', file, tpl, [key], before + key + after);
}

// ---------------------------------------------------------------- secrets
S('npmrc', '.npmrc', '//registry.npmjs.org/:_authToken={npm}', 3);
S('npmrc', '.npmrc', '//npm.pkg.github.com/:_authToken={ghp}', 2);
S('npmrc', '.npmrc', '_auth={basic}');
S('npmrc', '.npmrc', '//artifactory.acme.internal/artifactory/api/npm/npm-virtual/:_password={b64}');
S('npmrc', '.npmrc', '@acme:registry=https://npm.acme.internal/\n//npm.acme.internal/:_authToken={hex32}\nalways-auth=true');
S('npmrc', '.yarnrc.yml', 'npmAuthToken: "{npm}"');
S('netrc', '.netrc', 'machine api.heroku.com login ops@acme-corp.com password {hex32}', 2);
S('netrc', '.netrc', 'machine github.com login deploy-bot password {ghp}', 2);
S('netrc', '.netrc', 'machine ftp.vendor.example\n  login acme_upload\n  password {pw}');
S('netrc', '_netrc', 'machine artifactory.acme.internal login ci password {pw}');
S('pgpass', '.pgpass', 'db-primary.internal:5432:orders:app_rw:{pw}', 3);
S('pgpass', '.pgpass', '*:*:*:postgres:{pw}');
S('pgpass', '.pgpass', 'replica-2.db.internal:6432:analytics:report_ro:{pw}');
S('wp-config', 'wp-config.php', "define( 'DB_PASSWORD', '{pw}' );", 3);
S('wp-config', 'wp-config.php', "define('AUTH_KEY',         '{wpsalt}');");
S('wp-config', 'wp-config.php', "define( 'SECURE_AUTH_SALT', '{wpsalt}' );");
S('wp-config', 'wp-config.php', "define('NONCE_KEY', '{wpsalt}');");
S('yaml', 'config.yml', 'password: {pw}', 3);
S('yaml', 'config.yml', 'database:\n  host: db.internal\n  user: app\n  password: "{pw}"', 2);
S('yaml', 'config.yml', 'api_key: {hex40}');
S('yaml', 'config.yml', "  client_secret: '{b64}'");
S('yaml', 'secrets.yml', 'secret_key_base: {hex64}');
S('yaml', 'application.yml', 'spring:\n  datasource:\n    password: {pw}');
S('yaml', 'values.yaml', 'redis:\n  auth:\n    password: {pw}');
S('yaml', 'alertmanager.yml', "  pagerduty_configs:\n    - routing_key: '{hex32}'");
S('yaml', 'alertmanager.yml', '  slack_api_url: https://hooks.slack.com/services/{slackpath}');
S('yaml', 'datadog.yaml', 'api_key: {dd}');
S('yaml', 'newrelic.yml', '  license_key: {nr}');
S('yaml', '.github/workflows/deploy.yml', '        env:\n          NPM_TOKEN: {npm}');
S('yaml', 'secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\nstringData:\n  password: {pw}');
S('yaml', 'rundeck-config.yml', 'rundeck.storage.converter.1.config.password: {pw}');
S('properties', 'application.properties', 'spring.datasource.password={pw}', 3);
S('properties', 'application.properties', 'spring.mail.password={pw}');
S('properties', 'application.properties', 'jwt.secret={b64}');
S('properties', 'application.properties', 'spring.datasource.url=jdbc:postgresql://db.internal:5432/orders?user=app&password={pw}');
S('properties', 'rundeck-config.properties', 'dataSource.password = {pw}');
S('properties', 'gradle.properties', 'ossrhPassword={pw}');
S('properties', 'kafka.properties', 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="svc-orders" password="{pw}";');
S('env', '.env', 'DATABASE_URL=postgres://app:{upw}@db.internal:5432/orders', 3);
S('env', '.env', 'STRIPE_SECRET_KEY={sklive}', 2);
S('env', '.env', 'SLACK_BOT_TOKEN={xoxb}', 2);
S('env', '.env', 'OPENAI_API_KEY={openai}');
S('env', '.env', 'ANTHROPIC_API_KEY={anthropic}');
S('env', '.env', 'AWS_SECRET_ACCESS_KEY={awssecret}', 2);
S('env', '.env', 'SENDGRID_API_KEY={sg}');
S('env', '.env', 'TWILIO_AUTH_TOKEN={twilio}');
S('env', '.env', 'GITHUB_TOKEN={ghpat}');
S('env', '.env', 'PAGERDUTY_API_TOKEN={pd}');
S('env', '.env', 'JWT_SECRET={b64}');
S('env', '.env', 'SESSION_SECRET="{hex64}"');
S('env', '.env', 'REDIS_PASSWORD={pw}');
S('env', '.env', 'export VAULT_TOKEN={hvs}');
S('env', '.env.production', 'GOOGLE_MAPS_API_KEY={aiza}');
S('env', '.env', 'STRIPE_RESTRICTED_KEY={rklive}');
S('env', '.envrc', 'export DD_API_KEY={dd}');
S('env', '.env', 'SMTP_PASS={pw}');
S('env', '.env', 'ADMIN_PASSWORD="{pw}"');
S('compose', 'docker-compose.yml', '      POSTGRES_PASSWORD: {pw}', 2);
S('compose', 'docker-compose.yml', '      - MYSQL_ROOT_PASSWORD={pw}', 2);
S('compose', 'docker-compose.yml', '      RABBITMQ_DEFAULT_PASS: "{pw}"');
S('compose', 'docker-compose.yml', '    environment:\n      - MINIO_ROOT_USER=minio\n      - MINIO_ROOT_PASSWORD={pw}');
S('compose', 'docker-compose.yml', '    command: redis-server --requirepass {pw}');
S('aws', '~/.aws/credentials', '[default]\naws_access_key_id = {akia}\naws_secret_access_key = {awssecret}', 3);
S('aws', '~/.aws/credentials', '[prod-admin]\naws_access_key_id={akia}\naws_secret_access_key={awssecret}\nregion=eu-west-1');
S('aws', '~/.aws/credentials', 'aws_secret_access_key = {awssecret}', 2);
S('aws', '~/.aws/credentials', '[sso-temp]\naws_access_key_id = {asia}\naws_secret_access_key = {awssecret}\naws_session_token = {awssession}');
S('aws', '.s3cfg', 'secret_key = {awssecret}');
S('aws', 'terraform.tfvars', 'aws_secret_key = "{awssecret}"');
S('git-credentials', '.git-credentials', 'https://deploy-bot:{ghp}@github.com', 3);
S('git-credentials', '.git-credentials', 'https://oauth2:{glpat}@gitlab.acme.internal', 2);
S('git-credentials', '.git-credentials', 'https://jdoe:{upw}@bitbucket.org');
S('shell-history', '.bash_history', 'mysql -u root -p{pw} orders', 2);
S('shell-history', '.bash_history', 'export AWS_SECRET_ACCESS_KEY={awssecret}');
S('shell-history', '.bash_history', 'curl -H "Authorization: Bearer {jwt}" https://api.internal/v1/admin/users');
S('shell-history', '.bash_history', 'psql "postgresql://admin:{upw}@db-primary.internal:5432/orders"');
S('shell-history', '.bash_history', 'docker login -u ci -p {pw} registry.acme.internal');
S('shell-history', '.zsh_history', ": 1764470047:0;sshpass -p '{pw}' ssh root@10.4.3.21");
S('shell-history', '.bash_history', 'htpasswd -b /etc/nginx/.htpasswd admin {pw}');
S('shell-history', '.bash_history', 'redis-cli -h redis.internal -a {pw} INFO replication');
S('shell-history', '.bash_history', 'curl -u admin:{pw} https://rundeck.acme.internal/api/41/projects');
S('shell-history', '.bash_history', 'git clone https://{ghp}@github.com/acme/infra.git');
S('shell-history', '.bash_history', 'kubectl create secret generic db-creds --from-literal=password={pw}');
S('shell-history', '.bash_history', 'vault login {hvs}');
S('shell-history', '.bash_history', 'export GITHUB_TOKEN={ghp}');
S('shell-history', '.bash_history', 'mongo "mongodb://root:{upw}@mongo-0.mongo:27017/admin"');
S('shell-history', '.bash_history', 'echo {pw} | sudo -S systemctl restart app');
K('~/.ssh/id_rsa', 'rsa');
K('~/.ssh/id_rsa', 'rsa');
K('~/.ssh/id_ed25519', 'openssh');
K('~/.ssh/id_ed25519', 'openssh');
K('deploy_key', 'openssh', '# deploy key for infra repo\n');
K('server.key', 'pkcs8');
K('tls.key', 'pkcs8', '', '\n');
K('ec.pem', 'ec');
K('jwt-signing.pem', 'ec');
K('client.key', 'encrypted');
K('release-signing.asc', 'pgp');
K('legacy_dsa', 'dsa');
K('service-account.json', 'pkcs8', '  "private_key_id": "3c1f0e5a",\n  "private_key": "', '",', { jsonEscaped: true });
S('settings-py', 'settings.py', "SECRET_KEY = '{django}'", 2);
S('settings-py', 'settings.py', "        'PASSWORD': '{pw}',", 2);
S('settings-py', 'settings.py', "EMAIL_HOST_PASSWORD = '{pw}'");
S('settings-py', 'settings.py', "AWS_SECRET_ACCESS_KEY = '{awssecret}'");
S('settings-py', 'config.py', 'SQLALCHEMY_DATABASE_URI = "mysql+pymysql://app:{upw}@db.internal/orders"');
S('appsettings', 'appsettings.json', '    "DefaultConnection": "Server=sql-prod-1;Database=Orders;User Id=app;Password={pw};TrustServerCertificate=True"', 2);
S('appsettings', 'appsettings.json', '    "ClientSecret": "{b64}",');
S('appsettings', 'appsettings.Production.json', '  "Jwt": { "Key": "{b64}", "Issuer": "acme" }');
S('appsettings', 'appsettings.json', '    "ApiKey": "{hex32}"');
S('appsettings', 'web.config', '<add name="Main" connectionString="Data Source=sql1;Initial Catalog=crm;User ID=crm_app;Password={pw}" />');
S('kubeconfig', '~/.kube/config', '    client-key-data: {keydata}', 2);
S('kubeconfig', '~/.kube/config', '    token: {jwt}', 2);
S('kubeconfig', '~/.kube/config', 'users:\n- name: admin\n  user:\n    username: admin\n    password: {pw}');
S('connection-url', 'notes', 'mongodb+srv://admin:{upw}@cluster0.x1y2z.mongodb.net/app?retryWrites=true', 2);
S('connection-url', 'notes', 'redis://:{upw}@redis-master.cache.svc:6379/0', 2);
S('connection-url', 'notes', 'rediss://default:{upw}@eu1-cache.upstash.example:6379');
S('connection-url', 'notes', 'amqp://orders:{upw}@rabbitmq.internal:5672/prod');
S('connection-url', 'notes', 'mysql://root:{upw}@10.4.3.21:3306/app');
S('connection-url', 'notes', 'jdbc:mysql://db.internal:3306/app?user=app&password={upw}&useSSL=true');
S('connection-url', 'notes', 'jdbc:sqlserver://sql1:1433;databaseName=crm;user=crm;password={pw}');
S('connection-url', 'notes', 'postgresql://report:{upw}@analytics.db.internal/warehouse?sslmode=require', 2);
S('connection-url', 'job log', '[2026-11-30 03:00:01] connecting to postgres://backup:{upw}@db-2.internal:5432/orders');
S('connection-url', 'notes', 'Server=tcp:acme.database.windows.net,1433;Initial Catalog=app;User ID=app;Password={pw};Encrypt=True;');
S('url-token', 'notes', 'https://api.vendor.example/v1/export?token={hex40}&format=csv', 2);
S('url-token', 'job log', 'GET https://metrics.internal/api/query?api_key={hex32}&q=up');
S('url-token', 'notes', 'https://acmeprod.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T00:00:00Z&sig={azuresig}');
S('url-token', 'notes', 'https://hooks.slack.com/services/{slackpath}', 2);
S('url-token', 'job log', 'curl -s "https://api.telegram-like.example/bot{hex40}/sendMessage"');
S('url-token', 'notes', 'https://app.example.com/oauth/callback#access_token={jwt}&token_type=bearer');
S('url-token', 'pip.conf', 'index-url = https://ci:{upw}@pypi.acme.internal/simple');
S('http-header', 'job log', 'Authorization: Bearer {jwt}', 2);
S('http-header', 'job log', 'Authorization: Basic {basic}');
S('http-header', 'notes', 'curl -H "X-API-Key: {hex32}" https://api.internal/v2/status');
S('http-header', 'notes', 'curl -H "PRIVATE-TOKEN: {glpat}" https://gitlab.acme.internal/api/v4/projects');
S('misc', '.pypirc', '[pypi]\nusername = __token__\npassword = {pypi}');
S('misc', '.gem/credentials', '---\n:rubygems_api_key: {rubygems}');
S('misc', '~/.docker/config.json', '    "registry.acme.internal": { "auth": "{basic}" }');
S('misc', '.my.cnf', '[client]\nuser=root\npassword={pw}');
S('misc', 'rclone.conf', 'pass = {b64}');
S('misc', '.htpasswd', 'admin:{htapr}');
S('misc', '.htpasswd', 'ops:{bcrypt}');
S('misc', 'credentials.xml', '<password>{jenkins}</password>');
S('misc', 'terraform.tfvars', 'db_password = "{pw}"', 2);
S('misc', 'vault.hcl', 'token = "{hvs}"');
S('misc', 'ansible hosts', 'db-1 ansible_host=10.4.3.21 ansible_user=root ansible_password={pw}');
S('misc', 'openvpn auth.txt', 'vpn-ops\n{pw}');
S('misc', 'slack-app.toml', 'bot_token = "{xoxb}"');
S('misc', 'notes', 'user token for the export script: {xoxp}');
S('misc', 'rundeck job log', '[2026-11-30 02:14:07] step 2: export PGPASSWORD={pw} && pg_dump -h db-2 orders > /backup/orders.sql');
S('misc', 'crontab', '0 3 * * * MYSQL_PWD={pw} mysqldump --all-databases | gzip > /backup/all.sql.gz');
S('misc', 'nginx.conf', '    proxy_set_header Authorization "Bearer {hex40}";');
S('misc', 'sentry.properties', 'auth.token={hex64}');
S('misc', 'firebase config', '  apiKey: "{aiza}",');
S('misc', 'notes', 'New on-call password for the break-glass account is {pw} (rotate after use)');
S('misc', 'Slack message', 'here is the root pw for db-3: {pw}');

S('yaml', 'config.yml', 'smtp:\n  host: smtp.acme-corp.com\n  username: alerts@acme-corp.com\n  password: {pw}');
S('env', '.env', 'PAGERDUTY_INTEGRATION_KEY={hex32}');
S('properties', 'framework.properties', 'framework.server.password = {pw}');
S('shell-history', '.bash_history', 'aws configure set aws_secret_access_key {awssecret}');
S('connection-url', 'job log', 'MongoServerSelectionError: connect ECONNREFUSED while connecting to mongodb://svc-app:{upw}@10.4.5.12:27017/app');
S('misc', 'notes', 'OpenAI key for the staging bot: {openai}');
S('http-header', 'HTTP request dump', 'Cookie: session={hex64}; csrftoken={hex32}');
S('pgpass', '.pgpass', 'localhost:5432:*:rundeck:{pw}');
S('wp-config', 'wp-config.php', "define( 'LOGGED_IN_KEY', '{wpsalt}' );");

// ---------------------------------------------------------------- benign
let bTpl = 0;
function B(category, lines, file) {
  for (const line of lines) {
    const tpl = `b${++bTpl}`;
    add('benign', category, file, tpl, [], line);
  }
}
const hex = (n) => r.chars(HEX, n);
const ip = () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
const t = () => `2026-11-30T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.${r.chars(DIGITS, 3)}Z`;
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const LOG = [
  () => `${t()} INFO  http request method=GET path=/v2/orders/${r.int(1000, 99999)} status=200 duration_ms=${r.int(2, 900)} request_id=${uuid()}`,
  () => `${ip()} - - [30/Nov/2026:${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:11 +0000] "GET /api/v1/incidents?page=${r.int(1, 9)}&limit=50 HTTP/1.1" 200 ${r.int(200, 90000)} "-" "Mozilla/5.0"`,
  () => `${ip()} - - [30/Nov/2026:11:02:10 +0000] "POST /login HTTP/1.1" 401 ${r.int(20, 200)} "-" "curl/8.5.0"`,
  () => `${t()} ERROR trace_id=${hex(32)} span_id=${hex(16)} msg="upstream returned 502" upstream=card-processor attempt=${r.int(1, 5)}`,
  () => `Nov 30 ${String(r.int(0, 23)).padStart(2, '0')}:14:07 bastion-1 sshd[${r.int(1000, 60000)}]: Failed password for invalid user admin from ${ip()} port ${r.int(1024, 65535)} ssh2`,
  () => `Nov 30 02:14:09 web-4 sshd[${r.int(1000, 60000)}]: Accepted publickey for deploy from ${ip()} port ${r.int(1024, 65535)} ssh2: ED25519 SHA256:${r.chars(ALNUM + '+/', 43)}`,
  () => `${r.int(1, 59)}s         Warning   BackOff            pod/payments-api-${hex(10)}-${r.chars('bcdfghjklmnpqrstvwxz2456789', 5)}   Back-off restarting failed container api in pod`,
  () => `${r.int(1, 59)}m         Normal    Scheduled          pod/worker-${hex(10)}-${r.chars('bcdfghjklmnpqrstvwxz2456789', 5)}   Successfully assigned jobs/worker to node-${r.int(1, 40)}`,
  () => `Normal  SuccessfulCreate  replicaset/checkout-${hex(10)}  Created pod: checkout-${hex(10)}-${r.chars('bcdfghjklmnpqrstvwxz2456789', 5)}`,
  () => `# Query_time: ${r.int(1, 60)}.${r.chars(DIGITS, 6)}  Lock_time: 0.000${r.int(100, 999)} Rows_sent: ${r.int(1, 500)}  Rows_examined: ${r.int(10000, 9000000)}`,
  () => `SELECT o.id, o.state FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.created_at > '2026-11-30 00:00:00' AND p.status = 'failed';`,
  () => `${new Date(Date.UTC(2026, 10, 30, r.int(0, 23), r.int(0, 59))).toISOString().replace('T', ' ').slice(0, 19)} UTC [${r.int(1000, 99999)}] LOG:  duration: ${r.int(1000, 90000)}.${r.chars(DIGITS, 3)} ms  statement: UPDATE sessions SET last_seen = now() WHERE user_id = ${r.int(1, 999999)}`,
  () => `[2026-11-30 03:${String(r.int(0, 59)).padStart(2, '0')}:01] Rundeck execution ${r.int(80000, 99999)} step ${r.int(1, 6)}/6 on node web-${r.int(1, 12)}: exit code 0 (${r.int(1, 900)}.${r.int(0, 9)}s)`,
  () => `[2026-11-30 03:00:00] Starting job nightly-db-backup (exec ${r.int(80000, 99999)}) on node db-${r.int(1, 4)}`,
  () => `deploy checkout-api ${'v'}4.${r.int(1, 30)}.${r.int(0, 9)} commit ${hex(40)} pipeline #${r.int(10000, 99999)} by jdoe`,
  () => `image registry.acme.internal/payments/api@sha256:${hex(64)} pulled in ${r.int(1, 90)}.${r.int(0, 9)}s`,
  () => `Nov 30 02:14:09 web-4 systemd[1]: app.service: Main process exited, code=exited, status=${r.int(1, 3)}/FAILURE`,
  () => `Nov 30 02:14:11 web-4 systemd[1]: Started app.service - Acme API (pid ${r.int(1000, 60000)}).`,
  () => `${t()} WARN  pool exhausted active=${r.int(10, 100)} idle=0 waiting=${r.int(1, 900)} pool=orders-db`,
  () => `kafka consumer group=orders topic=orders-events partition=${r.int(0, 47)} offset=${r.int(100000, 99999999)} lag=${r.int(0, 3000000)}`,
  () => `Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme0n1p1  100G   ${r.int(20, 99)}G  ${r.int(1, 80)}G  ${r.int(20, 99)}% /`,
  () => `token refresh ok for session ${r.int(100000, 999999)} (expires_in=3600)`,
  () => `${t()} INFO  auth: password policy check passed for user_id=${r.int(1, 999999)} (min_length=12)`,
  () => `${t()} INFO  rotated secret db-creds to version ${r.int(2, 40)} (previous version disabled)`,
  () => `${t()} WARN  keycloak: type=LOGIN_ERROR realmId=acme clientId=web userId=null ipAddress=${ip()} error=invalid_user_credentials`,
  () => `GET /api/v1/tokens/refresh 200 ${r.int(2, 90)}ms`,
  () => `cert-manager: Certificate api-tls renewed, notAfter=2027-02-28T00:00:00Z, serial=${hex(32)}`,
  () => `helm upgrade checkout ./chart --namespace shop --set image.tag=4.${r.int(1, 30)}.${r.int(0, 9)} --wait --timeout 10m`,
  () => `Step ${r.int(1, 9)}/9 : RUN npm ci --omit=dev\n ---> Using cache\n ---> ${hex(12)}`,
  () => `terraform: aws_autoscaling_group.workers: Modifications complete after ${r.int(1, 90)}s [id=workers-${hex(8)}]`,
  () => `${t()} INFO  PagerDuty incident Q${r.chars(UPPER + DIGITS, 13)} acknowledged by user P${r.chars(UPPER + DIGITS, 6)}`,
  () => `redis: 1:M 30 Nov 2026 04:10:${String(r.int(10, 59)).padStart(2, '0')}.${r.chars(DIGITS, 3)} * Background saving terminated with success`,
  () => `nginx: 2026/11/30 09:14:${String(r.int(10, 59)).padStart(2, '0')} [warn] ${r.int(100, 9999)}#0: *${r.int(1000, 99999)} an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/${r.int(1, 9)}/${r.int(10, 99)}/${r.chars(DIGITS, 10)}`,
  () => `ansible: changed: [web-${r.int(1, 12)}] => (item=/etc/app/config.yml)`,
  () => `certbot: Congratulations! Your certificate and chain have been saved at: /etc/letsencrypt/live/api.example.com/fullchain.pem`,
  () => `java.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:${r.int(200, 400)})`,
  () => `${t()} DEBUG cache hit key=user:${r.int(1, 999999)}:profile ttl=${r.int(1, 3600)}`,
  () => `gc pause young ${r.int(1, 900)}ms heap ${r.int(100, 4000)}M->${r.int(100, 4000)}M (${r.int(4000, 8000)}M)`,
  () => `git: HEAD is now at ${hex(7)} Merge pull request #${r.int(1000, 9999)} from acme/fix-token-refresh`,
  () => `aws: RequestId: ${uuid()} Duration: ${r.int(1, 9000)}.${r.int(10, 99)} ms Billed Duration: ${r.int(1, 9000)} ms Memory Size: 512 MB`,
  () => `s3 upload s3://acme-backups/orders/orders-20261130.dump etag "${hex(32)}-${r.int(2, 900)}" size=${r.int(1000000, 99999999999)}`,
  () => `${t()} INFO  slack: posted status update to #inc-${r.int(1000, 9999)} ts=${r.int(1764000000, 1764999999)}.${r.chars(DIGITS, 6)}`,
  () => `ss: LISTEN 0 4096 0.0.0.0:${r.pick([22, 80, 443, 5432, 6379, 8080, 9100])} 0.0.0.0:* users:(("${r.pick(['sshd', 'nginx', 'postgres', 'redis-server', 'java'])}",pid=${r.int(100, 60000)},fd=${r.int(3, 40)}))`,
  () => `uptime: 02:14:07 up ${r.int(1, 300)} days, ${r.int(0, 23)}:${String(r.int(0, 59)).padStart(2, '0')},  2 users,  load average: ${r.int(0, 9)}.${r.int(10, 99)}, ${r.int(0, 9)}.${r.int(10, 99)}, ${r.int(0, 9)}.${r.int(10, 99)}`,
  () => `OOMKilled: container worker in pod worker-${hex(10)}-${r.chars('bcdfghjklmnpqrstvwxz2456789', 5)} exceeded memory limit 2Gi`,
];
for (let i = 0; i < 180; i++) B('benign-log', [LOG[i % LOG.length]()]);
B('benign-config', [
  'password_min_length = 12',
  'token_ttl: 3600',
  'secret_name: db-creds',
  'password_file: /run/secrets/db_password',
  'api_key_header: X-API-Key',
  'auth_type: oauth2',
  'password: ${DB_PASSWORD}',
  'DB_PASSWORD_FILE=/run/secrets/postgres-password',
  '        valueFrom:\n          secretKeyRef:\n            name: db-creds\n            key: password',
  'token_endpoint: https://auth.acme.internal/oauth2/token',
  'password_hash_algorithm: argon2id',
  'PASSWORD_RESET_TIMEOUT=3600',
  'max_tokens: 4096',
  'session_secret_rotation_days: 30',
  'require_password_change: true',
  'spring.datasource.url=jdbc:postgresql://db.internal:5432/orders',
  'spring.datasource.username=app',
  'spring.datasource.hikari.maximum-pool-size=40',
  "define( 'DB_NAME', 'wordpress' );",
  "define( 'DB_HOST', 'db.internal:3306' );",
  "define( 'WP_DEBUG', false );",
  'registry=https://registry.npmjs.org/',
  '@acme:registry=https://npm.acme.internal/',
  'always-auth=true',
  'machine github.com login deploy-bot',
  '# hostname:port:database:username:password',
  '[default]\nregion = eu-west-1\noutput = json',
  'aws_access_key_id_env = AWS_ACCESS_KEY_ID',
  'credential_process = /usr/local/bin/aws-sso-helper --profile prod',
  'POSTGRES_USER: app',
  'POSTGRES_DB: orders',
  '      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password',
  'LOG_LEVEL=info',
  'PORT=8080',
  'NODE_ENV=production',
  'FEATURE_NEW_CHECKOUT=true',
  'REDIS_URL=redis://redis-master.cache.svc:6379/0',
  'DATABASE_URL=postgres://db.internal:5432/orders?sslmode=require',
  'mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/app?replicaSet=rs0',
  'amqp://rabbitmq.internal:5672/prod',
  'ALLOWED_HOSTS = ["api.example.com", "localhost"]',
  "DEBUG = False",
  "        'USER': 'app',",
  "        'HOST': 'db.internal',",
  '    "LogLevel": { "Default": "Information" }',
  '  "AllowedHosts": "*",',
  '    certificate-authority: /etc/kubernetes/pki/ca.crt',
  '    server: https://k8s-api.acme.internal:6443',
  'current-context: prod-eu',
  'ssh_key_path: /home/deploy/.ssh/id_ed25519.pub',
  'IdentityFile ~/.ssh/id_ed25519',
  'HostKeyAlgorithms ssh-ed25519',
  'StrictHostKeyChecking accept-new',
  'ssl_certificate_key /etc/nginx/tls/api.key;',
  'auth_basic_user_file /etc/nginx/.htpasswd;',
  'vault_addr: https://vault.acme.internal:8200',
  'secret_path: kv/data/prod/payments',
  'jwt_audience: incident-ai',
  'jwt_algorithms: [RS256]',
  'oauth_scopes: "read:incidents write:notes"',
  'keyring_backend: os',
  'token_bucket_capacity: 100',
  'rate_limit_per_token: 600',
  'secret_scanning: enabled',
  'password_expiry_days: 90',
  'export HISTCONTROL=ignorespace',
  'export KUBECONFIG=~/.kube/config-prod',
  'kubectl get secret db-creds -n payments -o jsonpath="{.metadata.creationTimestamp}"',
  'git config --global credential.helper store',
  'chmod 600 ~/.pgpass ~/.netrc',
  'SSL_KEY_PASSWORD_ENV=TLS_KEY_PASS',
  'auth: {{ .Values.redis.auth.existingSecret }}',
]);

const out = assignSplits(rows, { key: (r) => r.template });
const counts = writeJsonl('config-secrets.jsonl', out.map(({ template, ...rest }) => ({ ...rest, template })));
console.log(JSON.stringify(counts, null, 1));
