-- Slack users authenticate through the workspace's signing secret: their audit events say so
-- instead of passing for API keys.
alter table audit_events drop constraint if exists audit_events_auth_method_check;
alter table audit_events add constraint audit_events_auth_method_check
  check (auth_method in ('jwt', 'api_key', 'slack', 'cli', 'system'));
