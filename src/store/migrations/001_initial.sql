-- Drafts, their streamed chunks, usage records and feedback. Ids are application-generated text.

create table drafts (
  id            text primary key,
  account_id    text not null,
  user_id       text,
  kind          text not null check (kind in ('STATUS_UPDATE', 'POSTMORTEM', 'RUNBOOK_JOB', 'AUTOMATION_DIGEST', 'ASSISTANT_ANSWER')),
  state         text not null check (state in ('STREAMING', 'COMPLETE', 'FAILED')),
  incident_id   text,
  job_id        text,
  execution_id  text,
  input         jsonb not null default '{}'::jsonb,
  output        jsonb,
  text          text not null default '',
  -- GenerationRecord as one document: read whole with the draft, never queried by field
  -- (usage reporting reads llm_calls).
  generation    jsonb,
  error         jsonb,
  created_at    timestamptz not null,
  updated_at    timestamptz not null
);

-- id desc completes the sort key of listByIncidents / listByJobs, so ties need no extra sort.
create index drafts_account_incident_created_idx on drafts (account_id, incident_id, created_at desc, id desc);
create index drafts_account_job_created_idx on drafts (account_id, job_id, created_at desc, id desc);
create index drafts_state_updated_idx on drafts (state, updated_at);

create table draft_chunks (
  draft_id    text not null references drafts (id) on delete cascade,
  sequence    integer not null check (sequence > 0),
  delta       text not null,
  created_at  timestamptz not null,
  primary key (draft_id, sequence)
);

create table llm_calls (
  id             text primary key,
  account_id     text not null,
  feature        text not null,
  -- No foreign key: usage is written in buffered batches and must never be lost because a
  -- draft row is missing or late.
  draft_id       text,
  provider       text not null,
  model          text not null,
  attempt        integer not null check (attempt > 0),
  outcome        text not null check (outcome in ('success', 'error')),
  error_kind     text,
  input_tokens   integer not null default 0,
  output_tokens  integer not null default 0,
  cost_usd       numeric(18, 8) not null default 0,
  latency_ms     integer not null default 0,
  started_at     timestamptz not null,
  trace_id       text
);

create index llm_calls_account_started_idx on llm_calls (account_id, started_at);
create index llm_calls_account_draft_idx on llm_calls (account_id, draft_id);

create table draft_feedback (
  id              text primary key,
  draft_id        text not null references drafts (id) on delete cascade,
  account_id      text not null,
  user_id         text,
  rating          text not null check (rating in ('UP', 'DOWN')),
  published_text  text,
  comment         text,
  retained_ratio  double precision check (retained_ratio between 0 and 1),
  created_at      timestamptz not null
);

create index draft_feedback_account_draft_idx on draft_feedback (account_id, draft_id, created_at);
