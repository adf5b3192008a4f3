-- Offline evaluation runs (npm run eval) and their per-case results. Runs are not tenant data:
-- they are generated from the committed datasets under a synthetic principal, so they carry no
-- account id. Metrics are documents keyed by metric name, because every feature has its own.

create table eval_runs (
  id               text primary key,
  feature          text not null,
  -- provider:model@promptVersion
  variant          text not null,
  provider         text not null,
  model            text not null,
  prompt_version   text not null,
  judge            text,
  baseline_run_id  text,
  dataset_hash     text not null,
  case_count       integer not null check (case_count >= 0),
  -- { "<metric>": number | null }, means over every case of the run
  metrics          jsonb not null default '{}'::jsonb,
  judge_summary    jsonb,
  -- { passed, regressions, comparedCases, comparisons }; null without a baseline
  gate             jsonb,
  started_at       timestamptz not null,
  finished_at      timestamptz not null
);

-- History of a feature (sparklines, --baseline latest) and the offline metrics of a variant
-- next to its feedback (evaluationSummary).
create index eval_runs_feature_finished_idx on eval_runs (feature, finished_at desc, id desc);
create index eval_runs_route_finished_idx on eval_runs (feature, provider, model, prompt_version, finished_at desc);

create table eval_results (
  run_id         text not null references eval_runs (id) on delete cascade,
  case_id        text not null,
  ok             boolean not null,
  error_code     text,
  error_message  text,
  metrics        jsonb not null default '{}'::jsonb,
  notes          jsonb not null default '[]'::jsonb,
  text           text not null default '',
  output         jsonb,
  generation     jsonb,
  judge          jsonb,
  primary key (run_id, case_id)
);
