-- A draft's kind is the registered feature modules' vocabulary: the store checks it on insert
-- (src/store/draft-kinds.ts), so a new feature needs no migration. Existing rows are unchanged.
alter table drafts drop constraint if exists drafts_kind_check;
