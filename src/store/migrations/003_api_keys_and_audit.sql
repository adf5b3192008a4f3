-- API keys of services, and the append-only security audit trail.

create table api_keys (
  -- The public half of `iak_<id>_<secret>`: 12 base32 characters.
  id            text primary key check (id ~ '^[a-z2-7]{12}$'),
  account_id    text not null,
  name          text not null check (length(name) between 1 and 200),
  scopes        jsonb not null check (jsonb_typeof(scopes) = 'array' and scopes <@ '["ai:read", "ai:write", "ai:admin"]'::jsonb),
  -- HMAC-SHA256 of the secret keyed by the deployment's pepper, hex. The secret itself is
  -- never stored: a stolen table does not authenticate anyone.
  secret_hash   text not null check (secret_hash ~ '^[0-9a-f]{64}$'),
  created_by    text,
  created_at    timestamptz not null,
  expires_at    timestamptz,
  revoked_at    timestamptz,
  -- Written at most once a minute per key, so authentication does not write on every request.
  last_used_at  timestamptz
);

create index api_keys_account_created_idx on api_keys (account_id, created_at desc, id);

create table audit_events (
  -- Application-generated, so a batch retried after a lost acknowledgement is stored once.
  id           text primary key,
  at           timestamptz not null,
  account_id   text not null,
  user_id      text,
  auth_method  text check (auth_method in ('jwt', 'api_key', 'cli', 'system')),
  -- e.g. draft.generate, draft.feedback, apikey.create, apikey.revoke
  action       text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  draft_id     text,
  feature      text,
  provider     text,
  model        text,
  outcome      text not null check (outcome in ('success', 'failure', 'refused')),
  error_code   text,
  -- Names of the guards that fired, e.g. ["citations_unverified", "injection_quarantined"].
  guards       jsonb not null default '[]'::jsonb check (jsonb_typeof(guards) = 'array'),
  -- What the action was about when it is not a draft (an API key id).
  target       text,
  request_id   text,
  trace_id     text
);

create index audit_events_account_at_idx on audit_events (account_id, at desc, id desc);
create index audit_events_account_draft_idx on audit_events (account_id, draft_id);

-- Append-only, enforced by the database rather than by the code that writes to it: a bug or
-- an attacker with the service's credentials cannot rewrite history through UPDATE, DELETE or
-- TRUNCATE. (Dropping the table or the trigger needs its owner; keep the service off that role
-- in production.)
create function audit_events_append_only() returns trigger
  language plpgsql
as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_events_no_update_or_delete
  before update or delete on audit_events
  for each row execute function audit_events_append_only();

create trigger audit_events_no_truncate
  before truncate on audit_events
  for each statement execute function audit_events_append_only();
