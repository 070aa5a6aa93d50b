-- Issue 4: on-site test batches (检测批次) with their lifecycle, events, anomalies, seals, reviews, manual-entry
-- exceptions and witness attestations; raw records (原始记录) as immutable versions.

-- A function every append-only table of this migration shares.
create function qtrace_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

-- Batch numbers per agency per Beijing calendar year: one counter row, locked FOR UPDATE by the transaction that
-- opens the batch, so numbers are consecutive and never skipped (a rolled-back opening rolls back its number).
create table batch_number_counters (
  agency_id   uuid not null references organisations (id),
  year        integer not null check (year between 2000 and 2200),
  last_value  integer not null check (last_value >= 0),
  primary key (agency_id, year)
);

create table batches (
  id                        uuid primary key default gen_random_uuid(),
  agency_id                 uuid not null references organisations (id),
  -- 'JC-2026-000123': readable, consecutive per agency per year.
  batch_number              text not null check (batch_number ~ '^JC-[0-9]{4}-[0-9]{6}$'),
  number_year               integer not null,
  number_seq                integer not null check (number_seq >= 1),
  project_id                uuid not null references projects (id),
  -- The project's region when the batch was opened: the jurisdiction that sees it.
  region_code               text not null references regions (code),
  commission_id             uuid not null references commissions (id),
  specialty                 text not null,
  -- The catalogue version current at opening; records are validated against it for the batch's life.
  catalogue_version         integer not null references catalogue_versions (version),
  item_codes                text[] not null check (cardinality(item_codes) >= 1),
  -- Platform component IDs (components.code, 构件唯一标识) of the project.
  component_codes           text[] not null check (cardinality(component_codes) >= 1),
  equipment_ids             uuid[] not null check (cardinality(equipment_ids) >= 1),
  tester_person_ids         uuid[] not null check (cardinality(tester_person_ids) >= 1),
  witness_person_id         uuid not null references witness_persons (id),
  upload_owner_person_id    uuid not null references personnel (id),
  note                      text check (length(note) <= 500),
  status                    text not null check (status in ('opened', 'uploading', 'completed', 'sealed', 'reviewed', 'reported')),
  opened_at                 timestamptz not null,
  opened_by_type            text not null check (opened_by_type in ('user', 'machine', 'system')),
  opened_by_id              text,
  opened_by_name            text,
  first_upload_at           timestamptz,
  -- The declared completion of on-site testing (T): the deadline is T + 2 h.
  completed_at              timestamptz,
  completion_declared_at    timestamptz,
  -- The first time the batch was sealed whole: what the 2-hour rule measures. A seal after a review return is a
  -- new seal (batch_seals) but does not move this.
  first_sealed_at           timestamptz,
  current_seal_id           uuid,
  reviewed_at               timestamptz,
  reported_at               timestamptz,
  -- Report lock (issue 5): orthogonal to status. locked_at stays after an unlock, so later uploads are 补传.
  locked                    boolean not null default false,
  locked_at                 timestamptz,
  lock_reason               text,
  unlocked_at               timestamptz,
  unlocked_by               uuid references users (id),
  unlock_reason             text,
  row_version               integer not null default 1,
  unique (agency_id, batch_number),
  unique (agency_id, number_year, number_seq),
  check (completed_at is null or completed_at >= opened_at),
  check (status in ('opened', 'uploading') or completed_at is not null),
  check (status not in ('sealed', 'reviewed', 'reported') or first_sealed_at is not null),
  check (not locked or locked_at is not null)
);
create index batches_agency_idx on batches (agency_id, opened_at desc);
create index batches_project_idx on batches (project_id, opened_at desc);
create index batches_region_idx on batches (region_code, opened_at desc);
create index batches_status_idx on batches (status, completed_at);

-- Every state change of a batch, with actor, time, from → to and reason. Append-only.
create table batch_events (
  id           bigserial primary key,
  batch_id     uuid not null references batches (id),
  at           timestamptz not null,
  event        text not null check (event ~ '^[a-z][a-z0-9_.]{2,63}$'),
  from_status  text,
  to_status    text,
  actor_type   text not null check (actor_type in ('user', 'machine', 'system', 'anonymous')),
  actor_id     text,
  actor_name   text,
  reason       text,
  details      jsonb not null default '{}'::jsonb
);
create index batch_events_batch_idx on batch_events (batch_id, id);
create trigger batch_events_no_update_delete before update or delete on batch_events
  for each row execute function qtrace_refuse_change();
create trigger batch_events_no_truncate before truncate on batch_events
  for each statement execute function qtrace_refuse_change();

-- Consistency flags for the departments (never silent rejections of real data). One per batch, kind and subject.
create table anomalies (
  id               uuid primary key default gen_random_uuid(),
  batch_id         uuid not null references batches (id),
  agency_id        uuid not null references organisations (id),
  region_code      text not null references regions (code),
  kind             text not null check (kind ~ '^[a-z][a-z0-9_]{2,63}$'),
  details          jsonb not null default '{}'::jsonb,
  subject_type     text not null check (subject_type ~ '^[a-z][a-z0-9_]{1,31}$'),
  subject_id       text,
  detected_at      timestamptz not null,
  status           text not null default 'open' check (status in ('open', 'acknowledged')),
  acknowledged_at  timestamptz,
  acknowledged_by  uuid references users (id),
  acknowledge_note text,
  check ((status = 'open') = (acknowledged_at is null))
);
create unique index anomalies_subject_unique on anomalies (batch_id, kind, subject_type, coalesce(subject_id, ''));
create index anomalies_region_idx on anomalies (region_code, detected_at desc);
create index anomalies_agency_idx on anomalies (agency_id, detected_at desc);

-- An anomaly is never deleted; only its handling (status, acknowledgement) may change, once.
create function anomalies_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'anomalies are never deleted' using errcode = 'insufficient_privilege';
  end if;
  if new.id <> old.id or new.batch_id <> old.batch_id or new.agency_id <> old.agency_id
     or new.region_code <> old.region_code or new.kind <> old.kind or new.details <> old.details
     or new.subject_type <> old.subject_type or new.subject_id is distinct from old.subject_id
     or new.detected_at <> old.detected_at or old.status <> 'open' then
    raise exception 'an anomaly''s facts cannot change; only an open one can be acknowledged' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger anomalies_guard before update or delete on anomalies
  for each row execute function anomalies_guard();
create trigger anomalies_no_truncate before truncate on anomalies
  for each statement execute function qtrace_refuse_change();

-- What the upload owner declared whole (counts and content hashes). A review return asks for a new seal; the old
-- one stays.
create table batch_seals (
  id                uuid primary key default gen_random_uuid(),
  batch_id          uuid not null references batches (id),
  seq               integer not null check (seq >= 1),
  manifest          jsonb not null,
  manifest_sha256   text not null check (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  record_count      integer not null check (record_count >= 0),
  image_count       integer not null check (image_count >= 0),
  sealed_at         timestamptz not null,
  sealed_by_type    text not null check (sealed_by_type in ('user', 'machine', 'system')),
  sealed_by_id      text,
  sealed_by_name    text,
  owner_person_id   uuid not null references personnel (id),
  unique (batch_id, seq)
);
create trigger batch_seals_no_update_delete before update or delete on batch_seals
  for each row execute function qtrace_refuse_change();
alter table batches add constraint batches_current_seal_fk foreign key (current_seal_id) references batch_seals (id);

-- 双人复核: a second registered reviewer, never one of the batch's testers, approves or returns with reasons.
create table batch_reviews (
  id                  uuid primary key default gen_random_uuid(),
  batch_id            uuid not null references batches (id),
  seal_id             uuid not null references batch_seals (id),
  decision            text not null check (decision in ('approve', 'return')),
  reasons             text,
  reviewer_person_id  uuid not null references personnel (id),
  reviewer_user_id    uuid not null references users (id),
  reviewer_name       text not null,
  reviewed_at         timestamptz not null,
  check (decision = 'approve' or length(reasons) >= 2)
);
create index batch_reviews_batch_idx on batch_reviews (batch_id, reviewed_at);
create trigger batch_reviews_no_update_delete before update or delete on batch_reviews
  for each row execute function qtrace_refuse_change();

-- A department officer of the jurisdiction allows manual entry of one item of one batch (严禁人工录入替代自动采集
-- applies otherwise).
create table manual_entry_exceptions (
  id                uuid primary key default gen_random_uuid(),
  batch_id          uuid not null references batches (id),
  item_code         text not null,
  reason            text not null check (length(reason) between 2 and 500),
  department_id     uuid not null references organisations (id),
  granted_by        uuid not null references users (id),
  granted_by_name   text not null,
  granted_at        timestamptz not null,
  unique (batch_id, item_code)
);
create trigger manual_entry_exceptions_no_update_delete before update or delete on manual_entry_exceptions
  for each row execute function qtrace_refuse_change();

-- The registered witness attests the batch in real time (见证信息实时上传).
create table witness_attestations (
  id                 uuid primary key default gen_random_uuid(),
  batch_id           uuid not null references batches (id),
  witness_person_id  uuid not null references witness_persons (id),
  user_id            uuid not null references users (id),
  statement          text not null check (length(statement) between 2 and 1000),
  attested_at        timestamptz not null,
  -- Whether the witness's registration for the project was in force at that instant.
  registered         boolean not null
);
create index witness_attestations_batch_idx on witness_attestations (batch_id, attested_at);
create trigger witness_attestations_no_update_delete before update or delete on witness_attestations
  for each row execute function qtrace_refuse_change();

-- Raw records: one row per version. A correction is version + 1 with a reason; nothing is updated or deleted.
create table batch_records (
  id                  uuid primary key default gen_random_uuid(),
  batch_id            uuid not null references batches (id),
  record_key          text not null check (record_key ~ '^[A-Za-z0-9._:-]{1,100}$'),
  version             integer not null check (version >= 1),
  item_code           text not null,
  component_code      text not null,
  "values"            jsonb not null,
  captured_at         timestamptz not null,
  source              text not null check (source in ('auto', 'manual')),
  equipment_id        uuid not null references equipment (id),
  tester_person_id    uuid not null references personnel (id),
  -- SHA-256 (hex) of the record's content in RFC 8785 form (see docs/integration-api.md): what a seal declares.
  content_sha256      text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  -- For source = auto: the exact bytes the device signed, the signature and the key that verified it.
  signed_payload      text,
  signature_alg       text check (signature_alg = 'Ed25519'),
  signature_value     text,
  signature_key_id    uuid references equipment_keys (id),
  manual_exception_id uuid references manual_entry_exceptions (id),
  correction_reason   text check (length(correction_reason) between 2 and 500),
  -- Received while the batch was locked or after it had been (补传).
  supplementary       boolean not null,
  received_at         timestamptz not null,
  submitted_by_type   text not null check (submitted_by_type in ('user', 'machine', 'system')),
  submitted_by_id     text,
  submitted_by_name   text,
  unique (batch_id, record_key, version),
  check ((version = 1) = (correction_reason is null)),
  check ((source = 'auto') = (signature_value is not null and signed_payload is not null and signature_key_id is not null))
);
create index batch_records_batch_idx on batch_records (batch_id, record_key, version);
create trigger batch_records_no_update_delete before update or delete on batch_records
  for each row execute function qtrace_refuse_change();
create trigger batch_records_no_truncate before truncate on batch_records
  for each statement execute function qtrace_refuse_change();
