-- A finished draft's row is 2-3 KB (its output JSON, rendered text and generation record): past
-- about 2 KB PostgreSQL compresses the largest values of a row with pglz on every insert and
-- update, which cost ~10 µs of backend CPU per draft (docs/stack-notes.md). Rows are compressed
-- or moved out of line only past 8160 bytes now; rows already stored stay as they are (readable
-- either way), and a long postmortem is still compressed.
alter table drafts set (toast_tuple_target = 8160);
