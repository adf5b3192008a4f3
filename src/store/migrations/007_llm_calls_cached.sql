-- Calls answered by the exact response cache (src/llm/middleware/response-cache.ts): no model
-- call was made, so they carry no tokens and cost 0, and usage shows them apart.
alter table llm_calls add column cached boolean not null default false;
