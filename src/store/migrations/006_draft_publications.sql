-- Where a draft was sent (a PagerDuty status update today; a Rundeck job import can use the
-- same rows). One row per publication; `sequence` numbers the publications of a draft, and
-- its uniqueness makes a second, concurrent first publication fail instead of posting twice.
create table draft_publications (
  id            text primary key,
  draft_id      text not null references drafts (id) on delete cascade,
  account_id    text not null,
  sequence      integer not null check (sequence >= 0),
  -- PAGERDUTY: a PagerDuty status update; RUNDECK: a job import; NONE: a sample, published nowhere.
  target        text not null check (target in ('PAGERDUTY', 'RUNDECK', 'NONE')),
  -- PENDING while the target is being called; the row is deleted when that fails.
  status        text not null check (status in ('PENDING', 'PUBLISHED')),
  external_id   text,
  published_by  text,
  published_at  timestamptz not null,
  unique (draft_id, sequence)
);

create index draft_publications_account_draft_idx on draft_publications (account_id, draft_id, sequence desc);
