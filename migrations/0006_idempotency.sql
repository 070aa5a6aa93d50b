-- Idempotency keys: a retried upload (same key, same content) is answered with the first result, and a key can
-- never be reused for different content. The row is written in the same transaction as the upload it answers.
create table idempotency_keys (
  -- Who the key belongs to: an organisation (its people and systems share one key space) or a user.
  scope            text not null,
  key              text not null check (length(key) between 8 and 200),
  request_hash     text not null,
  response_status  integer not null,
  response_body    jsonb not null,
  created_at       timestamptz not null,
  primary key (scope, key)
);
