-- Issue 13: the tamper-evident ledger. Every receipt of evidence becomes a leaf of an RFC 9162 Merkle tree served as
-- C2SP tlog-tiles with signed checkpoints (src/modules/ledger).

-- The log's identity, fixed at its first start: a process whose LEDGER_KEY differs refuses to sequence.
create table ledger_identity (
  one          boolean primary key default true check (one),
  origin       text not null check (origin ~ '^[^\s+]+$'),
  public_key   text not null check (length(public_key) = 44),
  created_at   timestamptz not null
);
create trigger ledger_identity_no_update_delete before update or delete on ledger_identity
  for each row execute function qtrace_refuse_change();
create trigger ledger_identity_no_truncate before truncate on ledger_identity
  for each statement execute function qtrace_refuse_change();

-- The outbox and the leaves in one table: a receipt is inserted (one statement) in the transaction that writes its
-- object; the sequencer later sets leaf_index, once, in id order of what has committed. `entry` is the leaf's bytes
-- (RFC 8785 JSON, UTF-8): what the entry bundles serve and what the leaf hash covers.
create table ledger_entries (
  id              bigserial primary key,
  object_type     text not null check (object_type ~ '^[a-z_]{2,40}$'),
  object_id       text not null check (length(object_id) between 1 and 80),
  content_sha256  text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  entry           text not null check (octet_length(entry) <= 65535),
  leaf_index      bigint unique check (leaf_index >= 0)
);
create index ledger_entries_pending on ledger_entries (id) where leaf_index is null;
create index ledger_entries_object on ledger_entries (object_type, object_id);

-- Nothing but the sequencer's one assignment of leaf_index may ever change a row.
create function ledger_entries_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'ledger entries are never deleted' using errcode = 'insufficient_privilege';
  end if;
  if old.leaf_index is not null or new.leaf_index is null
     or (to_jsonb(new) - 'leaf_index') <> (to_jsonb(old) - 'leaf_index') then
    raise exception 'a ledger entry cannot change; its leaf index is assigned once' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger ledger_entries_guard before update or delete on ledger_entries
  for each row execute function ledger_entries_guard();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
  for each statement execute function qtrace_refuse_change();

-- Tiles (C2SP tlog-tiles): level ≥ 0 hash tiles, level -1 entry bundles. A partial tile only grows: its new bytes
-- start with its old bytes.
create table ledger_tiles (
  level   smallint not null check (level between -1 and 63),
  idx     bigint not null check (idx >= 0),
  width   smallint not null check (width between 1 and 256),
  data    bytea not null,
  primary key (level, idx)
);
create function ledger_tiles_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'ledger tiles are never deleted' using errcode = 'insufficient_privilege';
  end if;
  if new.level <> old.level or new.idx <> old.idx or new.width <= old.width
     or substring(new.data from 1 for length(old.data)) <> old.data then
    raise exception 'a ledger tile only grows' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger ledger_tiles_guard before update or delete on ledger_tiles
  for each row execute function ledger_tiles_guard();
create trigger ledger_tiles_no_truncate before truncate on ledger_tiles
  for each statement execute function qtrace_refuse_change();

-- Signed checkpoints, one per sequenced batch, committed with the tiles they cover.
create table ledger_checkpoints (
  size          bigint primary key check (size >= 1),
  root          text not null check (length(root) = 44),
  note          text not null,
  published_at  timestamptz not null
);
create trigger ledger_checkpoints_no_update_delete before update or delete on ledger_checkpoints
  for each row execute function qtrace_refuse_change();
create trigger ledger_checkpoints_no_truncate before truncate on ledger_checkpoints
  for each statement execute function qtrace_refuse_change();

-- Cosignatures (C2SP tlog-cosignature/v1) that witnesses returned for a checkpoint, verified on receipt.
create table ledger_cosignatures (
  checkpoint_size  bigint not null references ledger_checkpoints (size),
  cosigner_name    text not null,
  key_id           text not null check (key_id ~ '^[0-9a-f]{8}$'),
  cosigned_at      timestamptz not null,
  signature_line   text not null,
  received_at      timestamptz not null,
  primary key (checkpoint_size, cosigner_name, key_id)
);
create trigger ledger_cosignatures_no_update_delete before update or delete on ledger_cosignatures
  for each row execute function qtrace_refuse_change();

-- Integrity alarms: a stored blob whose bytes no longer match its hash, found on download or by the scrub job.
create table integrity_alarms (
  id            uuid primary key default gen_random_uuid(),
  kind          text not null check (kind in ('blob_hash_mismatch', 'blob_missing')),
  sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  actual_sha256 text check (actual_sha256 ~ '^[0-9a-f]{64}$'),
  found_by      text not null check (found_by in ('download', 'scrub', 'audit')),
  detected_at   timestamptz not null
);
create index integrity_alarms_sha_idx on integrity_alarms (sha256, detected_at desc);
create trigger integrity_alarms_no_update_delete before update or delete on integrity_alarms
  for each row execute function qtrace_refuse_change();
