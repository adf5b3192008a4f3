-- Assistant conversations and the Slack channels linked to incidents.
-- A conversation's turns are its ASSISTANT_ANSWER drafts: each draft's input holds the
-- question and the conversation id, so a turn is stored once, in the same row as its answer.

create table conversations (
  -- Ids are per account: a Slack thread id or a client's id can never collide with, or reach,
  -- another tenant's conversation.
  id           text not null,
  account_id   text not null,
  incident_id  text,
  source       text not null check (source in ('graphql', 'slack')),
  -- Where the conversation lives in its source (Slack channel and thread); null for GraphQL.
  channel_id   text,
  thread_ts    text,
  created_by   text,
  created_at   timestamptz not null,
  primary key (account_id, id)
);

-- History of one conversation, newest first (see conversation-repository listTurns).
create index drafts_assistant_conversation_idx
  on drafts (account_id, (input ->> 'conversationId'), created_at desc, id desc)
  where kind = 'ASSISTANT_ANSWER';

create table slack_channel_links (
  account_id   text not null,
  channel_id   text not null,
  incident_id  text not null,
  linked_by    text,
  linked_at    timestamptz not null,
  primary key (account_id, channel_id)
);
