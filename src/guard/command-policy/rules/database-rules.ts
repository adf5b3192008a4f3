/**
 * Database clients: the SQL they are given (inline, in a here-document or piped in) goes
 * through the SQL policy; Redis and MongoDB commands are matched by name.
 */
import { parseOptions, shown, type Arg } from '../arguments.js';
import type { Call, Rule } from '../call.js';
import { classifySql } from '../sql-policy.js';
import { changesState, destructive, readOnly, unreviewable } from './helpers.js';

/** The argument that carried an option's value (`-c SQL` or `--command=SQL`). */
function valueArg(args: readonly Arg[], value: string): Arg | undefined {
  return args.find((arg) => arg.text === value) ?? args.find((arg) => arg.text.endsWith(`=${value}`) || (arg.text.startsWith('-') && arg.text.endsWith(value)));
}

function reviewSql(call: Call, sql: string): void {
  const findings = classifySql(sql, shown(call.display));
  if (findings.length === 0) readOnly(call, 'runs no statement');
  for (const finding of findings) call.analyzer.add(finding.class, finding.reason);
}

function reviewSqlStdin(call: Call): void {
  const { stdin } = call;
  if (stdin.kind === 'none') return changesState(call, 'opens an interactive database session');
  if (stdin.traits.has('download') || stdin.traits.has('decode')) return unreviewable(call, `runs SQL downloaded or decoded at run time by ${stdin.source}`);
  if (stdin.text === null) return changesState(call, `runs SQL from ${stdin.source}, which the policy cannot read`);
  reviewSql(call, stdin.text);
}

const sqlClient =
  (inlineOptions: readonly string[], fileOptions: readonly string[], withValue: readonly string[], positionalSql = false): Rule =>
  (call) => {
    const parsed = parseOptions(call.args, { withValue: [...withValue, ...inlineOptions, ...fileOptions] });
    const inline = inlineOptions.flatMap((name) => parsed.options.get(name) ?? []);
    const fromPositionals = positionalSql ? parsed.positionals.slice(1) : [];
    const statements = [...inline.map((value) => valueArg(call.args, value) ?? { text: value, known: true }), ...fromPositionals];
    for (const statement of statements) {
      if (!('field' in statement) || statement.known) reviewSql(call, statement.text);
      else unreviewable(call, `runs SQL only known at run time (${shown(statement.text)})`);
    }
    const files = fileOptions.flatMap((name) => parsed.options.get(name) ?? []);
    for (const file of files) changesState(call, `runs SQL from the file ${shown(file)}, which the policy cannot read`);
    if (statements.length === 0 && files.length === 0) reviewSqlStdin(call);
  };

const redisRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['h', 'p', 'a', 'n', 'u', 's', 'r', 'i', 'd', 'user', 'pass', 'askpass', 'cacert', 'cert', 'key', 'sni', 'pattern', 'count', 'eval', 'ldb-sync-mode', 'rdb', 'functions-rdb', 'pipe-timeout'] });
  if (parsed.options.has('scan') || parsed.options.has('bigkeys') || parsed.options.has('memkeys') || parsed.options.has('latency') || parsed.options.has('stat')) return readOnly(call, 'only reads the keyspace or statistics');
  if (parsed.options.has('eval')) return changesState(call, 'runs a Lua script on the server');
  const [command = '', ...rest] = parsed.positionals.map((arg) => arg.text.toUpperCase());
  if (!command) return changesState(call, 'reads Redis commands from its input');
  if (/^(?:FLUSHALL|FLUSHDB|SHUTDOWN)$/.test(command) || (command === 'DEBUG' && /^(?:SEGFAULT|RELOAD|CRASH-AND-RECOVER)$/.test(rest[0] ?? ''))) return destructive(call, 'erases the data set or stops the server');
  if (/^(?:DEL|UNLINK|HDEL|XDEL|LTRIM|XTRIM|ZREMRANGEBYSCORE|ZREMRANGEBYRANK|ZREMRANGEBYLEX|SREM|ZREM|LREM|GETDEL)$/.test(command)) return destructive(call, `deletes data (${command})`);
  if (/^(?:GET|MGET|KEYS|SCAN|HGET|HGETALL|HKEYS|HLEN|LLEN|LRANGE|SMEMBERS|SCARD|ZRANGE|ZCARD|ZSCORE|TTL|PTTL|TYPE|EXISTS|INFO|PING|DBSIZE|MONITOR|STRLEN|XLEN|XINFO|XRANGE|TIME|ROLE|LASTSAVE|MEMORY|OBJECT|RANDOMKEY|ECHO)$/.test(command)) return readOnly(call, 'only reads data');
  if (/^(?:CONFIG|SLOWLOG|CLIENT|CLUSTER|ACL|LATENCY|COMMAND|MODULE)$/.test(command) && /^(?:GET|LIST|INFO|NODES|SLOTS|LEN|WHOAMI|USERS|LATEST|HISTORY|DOCS|COUNT|MYID)$/.test(rest[0] ?? '')) return readOnly(call, 'only reads server state');
  changesState(call, `writes to Redis (${command})`);
};

const mongoRule: Rule = (call) => {
  const parsed = parseOptions(call.args, { withValue: ['eval', 'host', 'port', 'u', 'username', 'p', 'password', 'authenticationDatabase', 'file', 'f'] });
  const code = parsed.options.get('eval')?.join('\n') ?? null;
  if (code === null) return parsed.options.has('file') || parsed.options.has('f') ? changesState(call, 'runs a script the policy cannot read') : reviewSqlStdin(call);
  if (/\.(?:dropDatabase|drop)\s*\(|\.(?:deleteMany|remove)\s*\(\s*\{\s*\}\s*\)/.test(code)) return destructive(call, 'drops data or deletes every document');
  if (/\.(?:find|findOne|count|countDocuments|estimatedDocumentCount|aggregate|getCollectionNames|stats|serverStatus|currentOp|getIndexes|explain|isMaster|hello|rs\.status|version)\s*\(/.test(code) && !/\.(?:insert|update|delete|remove|replace|create|drop|rename|bulkWrite|killOp|shutdownServer)\w*\s*\(/.test(code)) {
    return readOnly(call, 'only reads data');
  }
  changesState(call, 'writes to MongoDB');
};

const mysqladminRule: Rule = (call) => {
  const verbs = parseOptions(call.args, { withValue: ['h', 'host', 'P', 'port', 'u', 'user', 'p', 'S', 'socket'] }).positionals.map((arg) => arg.text.toLowerCase());
  if (verbs.some((verb) => /^(?:drop|shutdown)$/.test(verb))) return destructive(call, 'drops a database or stops the server');
  if (verbs.every((verb) => /^(?:status|extended-status|ping|processlist|variables|version)$/.test(verb))) return readOnly(call, 'only reads server state');
  changesState(call, 'changes the server');
};

const dumpRule: Rule = (call) =>
  call.args.some((arg) => /^(?:-f|--file|-r|--result-file)/.test(arg.text)) ? changesState(call, 'writes a dump file') : readOnly(call, 'only reads the database into its output');

const kafkaRule: Rule = (call) => {
  const flags = new Set(call.args.map((arg) => arg.text.replace(/=.*$/, '')));
  if (flags.has('--delete') || flags.has('--delete-offsets')) return destructive(call, 'deletes topics, consumer groups or offsets');
  if (flags.has('--execute') || flags.has('--create') || flags.has('--alter') || flags.has('--add-config') || flags.has('--delete-config')) return changesState(call, 'changes topics, configurations or offsets');
  readOnly(call, 'only describes topics, groups or configurations');
};

const patronictlRule: Rule = (call) => {
  const verb = call.args.find((arg) => !arg.text.startsWith('-') && !/\.ya?ml$/.test(arg.text))?.text ?? 'list';
  if (/^(?:remove)$/.test(verb)) return destructive(call, 'removes the cluster state from the consensus store');
  if (/^(?:list|topology|history|show-config|dsn|query|version)$/.test(verb)) return readOnly(call, 'only reads cluster state');
  changesState(call, `changes the PostgreSQL cluster (${verb})`);
};

/** Database and data-system clients, by program name. */
export const databaseRules: Record<string, Rule> = {
  'kafka-consumer-groups': kafkaRule,
  'kafka-consumer-groups.sh': kafkaRule,
  'kafka-topics': kafkaRule,
  'kafka-topics.sh': kafkaRule,
  'kafka-configs': kafkaRule,
  'kafka-configs.sh': kafkaRule,
  patronictl: patronictlRule,
  psql: sqlClient(['c', 'command'], ['f', 'file'], ['d', 'dbname', 'h', 'host', 'p', 'port', 'U', 'username', 'v', 'set', 'variable', 'o', 'output', 'P', 'pset', 'F', 'field-separator', 'R', 'record-separator', 'L', 'log-file', 'T', 'table-attr']),
  mysql: sqlClient(['e', 'execute'], [], ['h', 'host', 'P', 'port', 'u', 'user', 'D', 'database', 'S', 'socket', 'default-character-set', 'init-command']),
  mariadb: sqlClient(['e', 'execute'], [], ['h', 'host', 'P', 'port', 'u', 'user', 'D', 'database', 'S', 'socket']),
  sqlite3: sqlClient(['cmd'], ['init'], ['separator', 'nullvalue'], true),
  'clickhouse-client': sqlClient(['q', 'query'], ['queries-file'], ['h', 'host', 'port', 'u', 'user', 'password', 'd', 'database', 'format', 'f']),
  cqlsh: sqlClient(['e', 'execute'], ['f', 'file'], ['u', 'username', 'p', 'password', 'k', 'keyspace', 'request-timeout', 'connect-timeout']),
  sqlcmd: sqlClient(['Q', 'q'], ['i'], ['S', 'U', 'P', 'd', 'o']),
  'cockroach': sqlClient(['e', 'execute'], ['file'], ['url', 'host', 'database', 'd', 'user', 'u', 'certs-dir', 'format']),
  'redis-cli': redisRule,
  mongo: mongoRule,
  mongosh: mongoRule,
  mysqladmin: mysqladminRule,
  pg_dump: dumpRule,
  pg_dumpall: dumpRule,
  mysqldump: dumpRule,
  pg_isready: (call) => readOnly(call, 'only checks that the server answers'),
  pg_ctl: (call) => (call.args.some((arg) => arg.text === 'status') ? readOnly(call, 'only reads server status') : changesState(call, 'starts, stops or reloads the server')),
  pg_restore: (call) => (call.args.some((arg) => /^(?:-c|--clean)$/.test(arg.text)) ? destructive(call, 'drops database objects before restoring them') : changesState(call, 'restores a dump')),
};
