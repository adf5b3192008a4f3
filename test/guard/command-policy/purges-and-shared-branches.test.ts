/**
 * Two choices of issue 11 (branch redfp2), by the policy's definition of destructive ("loses data
 * or availability"): a DELETE whose WHERE clause cuts rows by age purges a time range (how many
 * rows go is not known in advance, and nothing chose them one by one), and a force-push to a
 * branch a team shares by convention (release, hotfix, production, develop, not only main)
 * rewrites history others build on. DELETEs of chosen rows and force-pushes of one's own branch
 * stay changes-state.
 */
import { describe, expect, it } from 'vitest';
import { classifyCommand } from '../../../src/guard/command-policy.js';

const classOf = (command: string) => classifyCommand(command).class;

describe('DELETE by age', () => {
  it.each([
    `psql -d app -c "DELETE FROM audit_trail WHERE logged_at < NOW() - INTERVAL '30 days'"`,
    `mysql -e "DELETE FROM sessions WHERE last_seen < DATE_SUB(NOW(), INTERVAL 2 DAY)" app`,
    `sqlite3 cache.db "DELETE FROM entries WHERE stored_at < datetime('now', '-1 day')"`,
    `sqlcmd -Q "DELETE FROM dbo.Logs WHERE CreatedAt < DATEADD(day, -90, GETDATE())"`,
    `psql -c "DELETE FROM metrics WHERE ts <= '2026-01-01'"`,
    `psql -c "DELETE FROM queue WHERE enqueued_at < current_date - 14"`,
  ])('%s is destructive', (command) => expect(classOf(command)).toBe('destructive'));

  it.each([
    [`psql -c "DELETE FROM queue WHERE id = 4412"`, 'changes-state'],
    [`psql -c "DELETE FROM tokens WHERE expires_at < NOW()"`, 'changes-state'],
    [`psql -c "DELETE FROM queue WHERE id IN (4412, 4413) AND status = 'failed'"`, 'changes-state'],
    [`psql -c "UPDATE jobs SET state = 'retry' WHERE updated_at < NOW() - INTERVAL '1 hour'"`, 'changes-state'],
    [`psql -c "SELECT count(*) FROM audit_trail WHERE logged_at < NOW() - INTERVAL '30 days'"`, 'read-only'],
  ])('%s is %s', (command, expected) => expect(classOf(command)).toBe(expected));
});

describe('force-pushes', () => {
  it.each([
    'git push --force origin release/2026.12',
    'git push -f upstream hotfix/checkout-timeout',
    'git push origin +HEAD:production',
    'git push --force-with-lease origin develop',
    'git push -f origin main',
  ])('%s to a shared branch is destructive', (command) => expect(classOf(command)).toBe('destructive'));

  it.each([
    'git push --force-with-lease origin fix/retry-budget',
    'git push -f origin alice/prototype',
    'git push origin release/2026.12',
  ])('%s is changes-state', (command) => expect(classOf(command)).toBe('changes-state'));
});
