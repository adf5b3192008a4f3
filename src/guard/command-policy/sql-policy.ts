/**
 * SQL statements: DROP and TRUNCATE, and DELETE or UPDATE without a WHERE clause (or with one
 * that is always true) are destructive; other writes change state; queries only read.
 */
import { shown } from './arguments.js';
import type { Finding } from './verdict.js';

const sqlStart = /^\s*(?:\(\s*)*(?:select|with|insert\s+into|update\s+\S+\s+set|delete\s+from|delete\s+\S+|drop\s+\w+|truncate\b|alter\s+\w+|create\s+\w+|show\s+\w+|explain\b|describe\s+\S+|desc\s+\S+|grant\b|revoke\b|merge\s+into|replace\s+into|vacuum\b|analyze\b|reindex\b|begin\b|commit\b|rollback\b|set\s+\w+|use\s+\w+|pragma\b|copy\s+\S+|call\s+\w+)/i;

/** Whether a command line looks like SQL rather than shell. */
export function looksLikeSql(text: string): boolean {
  return sqlStart.test(text) && !/^\s*\w+\s+-/.test(text);
}

export function classifySql(sql: string, origin: string): Finding[] {
  const findings: Finding[] = [];
  for (const statement of statementsOf(sql)) {
    const normalized = statement.replace(/\s+/g, ' ').trim();
    const finding = classifyStatement(normalized);
    if (finding) findings.push({ class: finding.class, reason: `${origin ? `${origin}: ` : ''}${shown(normalized)} ${finding.reason}` });
  }
  return findings;
}

/**
 * A WHERE clause that cuts rows by age: a comparison with a point before now (`< NOW() - INTERVAL
 * '7 days'`, `< CURRENT_DATE - 30`, `< DATEADD(day, -90, GETDATE())`, `< datetime('now', '-1 day')`)
 * or a date literal. Such a DELETE purges a time range, not chosen rows. A bare `expires_at < now()`
 * removes rows that have already expired (housekeeping) and stays changes-state.
 */
const ageCutoff = /[<>]=?\s*(?:\(\s*)?(?:(?:NOW\s*\(\s*\)|CURRENT_(?:DATE|TIMESTAMP)|LOCALTIMESTAMP|SYSDATE|SYSTIMESTAMP|GETDATE\s*\(\s*\)|GETUTCDATE\s*\(\s*\)|UTC_TIMESTAMP(?:\s*\(\s*\))?)\s*-|DATEADD\s*\(|DATE_SUB\s*\(|DATETIME\s*\(\s*'NOW'\s*,|INTERVAL\b|'\d{4}-\d{2}-\d{2})/;

function classifyStatement(statement: string): { class: Finding['class']; reason: string } | null {
  const upper = statement.toUpperCase();
  if (upper.length === 0) return null;
  if (/^\\/.test(statement)) return { class: 'read-only', reason: 'is a psql meta-command' };
  if (/^DROP\b/.test(upper)) return { class: 'destructive', reason: 'drops a database object and its data' };
  if (/^TRUNCATE\b/.test(upper)) return { class: 'destructive', reason: 'empties tables' };
  if (/^ALTER\b.*\bDROP\b/.test(upper)) return { class: 'destructive', reason: 'drops columns or constraints' };
  const withBody = /^WITH\b/.test(upper) ? upper.replace(/^WITH\b.*?\)\s*(?=(?:SELECT|INSERT|UPDATE|DELETE)\b)/, '') : upper;
  if (/^DELETE\b/.test(withBody) || /^UPDATE\b/.test(withBody)) {
    const verb = withBody.startsWith('DELETE') ? 'deletes' : 'rewrites';
    const where = /\bWHERE\b(.*)$/.exec(withBody);
    if (!where) return { class: 'destructive', reason: `${verb} every row of the table (no WHERE clause)` };
    if (/^\s*(?:TRUE|1|1\s*=\s*1|'(\w*)'\s*=\s*'\1'|(\w+)\s*=\s*\2|NOT\s+FALSE)\s*;?\s*$/.test(where[1]!)) return { class: 'destructive', reason: `${verb} every row (its WHERE clause is always true)` };
    if (verb === 'deletes' && ageCutoff.test(where[1]!)) return { class: 'destructive', reason: 'deletes every row older or newer than a point in time (a purge; how many is not known in advance)' };
    return { class: 'changes-state', reason: `${verb} the rows its WHERE clause selects` };
  }
  if (/^(?:SELECT|SHOW|DESCRIBE|DESC|EXPLAIN|VALUES|TABLE|PRAGMA|USE|SET|BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION|WITH)\b/.test(upper)) {
    if (/^EXPLAIN\s+ANALY[SZ]E\b/.test(upper) && /\b(?:INSERT|UPDATE|DELETE)\b/.test(upper)) return { class: 'changes-state', reason: 'runs a write to explain it' };
    if (/\bPG_TERMINATE_BACKEND\b|\bPG_CANCEL_BACKEND\b/.test(upper)) return { class: 'changes-state', reason: 'terminates database sessions' };
    if (/^SELECT\b.*\bINTO\b\s+(?!@)/.test(upper) && !/\bINTO\s+OUTFILE\b/.test(upper)) return { class: 'changes-state', reason: 'creates a table from a query' };
    return { class: 'read-only', reason: 'only reads' };
  }
  if (/^(?:KILL)\b/.test(upper)) return { class: 'changes-state', reason: 'kills a database session' };
  return { class: 'changes-state', reason: 'writes to the database' };
}

/** Statements split on `;` outside quotes, comments removed. */
function statementsOf(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (let index = 0; index < sql.length; index += 1) {
    const ch = sql[index]!;
    if (ch === '-' && sql[index + 1] === '-') {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end;
      current += ' ';
      continue;
    }
    if (ch === '/' && sql[index + 1] === '*') {
      const end = sql.indexOf('*/', index + 2);
      index = end === -1 ? sql.length : end + 1;
      current += ' ';
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = sql.indexOf(ch, index + 1);
      const stop = end === -1 ? sql.length : end;
      current += sql.slice(index, stop + 1);
      index = stop;
      continue;
    }
    if (ch === ';') {
      statements.push(current);
      current = '';
      continue;
    }
    // A psql meta-command ends at the end of its line.
    if (ch === '\n' && /^\s*\\/.test(current)) {
      statements.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  statements.push(current);
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}
