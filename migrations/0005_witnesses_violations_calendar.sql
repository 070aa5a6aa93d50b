-- The working-day calendar as data (DESIGN.md §2 rule 8), the violations ledger (三(一), issue 6) and witnesses
-- with their written authorizations (二(二), issue 3 item 9).

-- Rows that are evidence are never changed or removed: a correction is a new row beside the old one.
create function append_only_0005() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

-- One row per load of a year; the highest version of a year is in force, earlier ones stay for the record.
create table calendar_years (
  id               bigserial primary key,
  year             integer not null check (year between 2000 and 2100),
  version          integer not null check (version >= 1),
  holidays         date[] not null,
  makeup_workdays  date[] not null,
  source           text not null check (length(source) between 1 and 500),
  -- null: shipped with the release and loaded at start.
  loaded_by        uuid references users (id),
  loaded_at        timestamptz not null,
  unique (year, version)
);
create trigger calendar_years_append_only before update or delete on calendar_years
  for each row execute function append_only_0005();
create trigger calendar_years_no_truncate before truncate on calendar_years
  for each statement execute function append_only_0005();

create table violations (
  id               uuid primary key default gen_random_uuid(),
  organisation_id  uuid not null references organisations (id),
  -- The person concerned, where there is one: a user id or a free-text description.
  person_ref       text check (length(person_ref) between 1 and 200),
  type             text not null check (type in (
                     'late_upload', 'missing_upload', 'tampered_data', 'synthesized_image', 'fabricated_data',
                     'manual_entry_instead_of_auto', 'unregistered_witness', 'proxy_witness', 'witness_change_late',
                     'no_double_review', 'unqualified_commission', 'other')),
  -- Decided by policy from the type when recorded, and kept: a later policy change does not rewrite history.
  severity         text not null check (severity in ('minor', 'serious')),
  occurred_at      timestamptz not null,
  source           text not null check (source in ('automatic', 'officer')),
  -- null: not yet determined.
  intentional      boolean,
  evidence         jsonb not null default '{}'::jsonb check (jsonb_typeof(evidence) = 'object'),
  -- The jurisdiction of the department that handles it.
  region_code      text not null references regions (code),
  project_id       uuid references projects (id),
  batch_ref        text check (length(batch_ref) between 1 and 200),
  -- What caused an automatic record ('witness_authorization:<id>'): a check that runs twice records once.
  source_ref       text unique check (length(source_ref) between 1 and 200),
  created_at       timestamptz not null,
  -- The officer who recorded a finding; automatic records are the platform's own.
  recorded_by      uuid references users (id),
  check ((source = 'officer') = (recorded_by is not null))
);
create index violations_org_idx on violations (organisation_id, occurred_at desc);
create index violations_region_idx on violations (region_code, occurred_at desc);
create index violations_type_idx on violations (type, occurred_at desc);
create index violations_project_idx on violations (project_id) where project_id is not null;

-- A violation is evidence: only the undetermined "intentional" may later be decided; nothing else changes.
create function violations_guard_update() returns trigger language plpgsql as $$
begin
  if (to_jsonb(new) - 'intentional') is distinct from (to_jsonb(old) - 'intentional')
     or (old.intentional is not null and new.intentional is distinct from old.intentional) then
    raise exception 'violations: only an undetermined "intentional" may be set' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger violations_guard_update before update on violations
  for each row execute function violations_guard_update();
create trigger violations_no_delete before delete on violations
  for each row execute function append_only_0005();
create trigger violations_no_truncate before truncate on violations
  for each statement execute function append_only_0005();

-- A witness person of a supervision unit. The 身份证号 is never stored in clear: a keyed hash to recognise the same
-- person again, and the masked form to show.
create table witness_persons (
  id                   uuid primary key default gen_random_uuid(),
  supervision_unit_id  uuid not null references organisations (id),
  name                 text not null check (length(name) between 2 and 50),
  resident_id_lookup   text not null check (resident_id_lookup ~ '^[0-9a-f]{64}$'),
  resident_id_masked   text not null check (resident_id_masked ~ '^[0-9]{3}\*{11}[0-9]{3}[0-9X]$'),
  -- Which PII key made the hash (PiiCodec.keyId): a process holding another key must not add rows.
  pii_key_id           text not null check (length(pii_key_id) between 8 and 64),
  phone                text not null check (length(phone) between 5 and 30),
  -- The platform account (role witness) this person signs in with, if any.
  user_id              uuid references users (id),
  created_at           timestamptz not null,
  created_by           uuid not null references users (id),
  unique (supervision_unit_id, resident_id_lookup)
);
create unique index witness_persons_user_idx on witness_persons (user_id) where user_id is not null;
create index witness_persons_unit_idx on witness_persons (supervision_unit_id, created_at desc);
create trigger witness_persons_no_delete before delete on witness_persons
  for each row execute function append_only_0005();

-- Every registration about a witness: the initial written authorization, and each change (new authorization,
-- replacement of another witness, revocation) with when it happened and when it was registered.
create table witness_authorizations (
  id                   uuid primary key,
  -- Registration order: orders registrations made at the same instant.
  seq                  bigserial not null unique,
  witness_id           uuid not null references witness_persons (id),
  supervision_unit_id  uuid not null references organisations (id),
  kind                 text not null check (kind in ('initial', 'new_authorization', 'replacement', 'revocation')),
  replaces_witness_id  uuid references witness_persons (id),
  document_id          uuid references documents (id),
  document_sha256      text check (document_sha256 ~ '^[0-9a-f]{64}$'),
  signed_on            date,
  -- When the change happened in reality, as declared; the initial registration is not a change.
  changed_at           timestamptz,
  registered_at        timestamptz not null,
  registered_by        uuid not null references users (id),
  reason               text check (length(reason) between 1 and 500),
  due_date             date,
  due_at               timestamptz,
  due_provisional      boolean,
  uncovered_years      integer[] not null default '{}',
  late                 boolean,
  violation_id         uuid references violations (id),
  check ((kind = 'replacement') = (replaces_witness_id is not null)),
  check (replaces_witness_id is distinct from witness_id),
  check ((kind = 'initial') = (changed_at is null)),
  check ((changed_at is null) = (due_at is null) and (due_at is null) = (due_date is null)
         and (due_at is null) = (late is null) and (due_at is null) = (due_provisional is null)),
  check (kind = 'revocation' or document_id is not null),
  check ((document_id is null) = (document_sha256 is null) and (document_id is null) = (signed_on is null)),
  check ((late is true) = (violation_id is not null))
);
create index witness_authorizations_witness_idx on witness_authorizations (witness_id, registered_at);
create index witness_authorizations_replaced_idx on witness_authorizations (replaces_witness_id) where replaces_witness_id is not null;
create trigger witness_authorizations_append_only before update or delete on witness_authorizations
  for each row execute function append_only_0005();
create trigger witness_authorizations_no_truncate before truncate on witness_authorizations
  for each statement execute function append_only_0005();

-- What each registration does, per witness and project: a grant (from its registration) or an end (from the
-- change itself). A witness's projects at any instant follow from these rows alone.
create table witness_authorization_effects (
  seq               bigserial primary key,
  authorization_id  uuid not null references witness_authorizations (id),
  witness_id        uuid not null references witness_persons (id),
  project_id        uuid not null references projects (id),
  effect            text not null check (effect in ('grant', 'end')),
  effective_at      timestamptz not null,
  unique (authorization_id, witness_id, project_id)
);
create index witness_effects_lookup_idx on witness_authorization_effects (witness_id, project_id, effective_at);
create index witness_effects_project_idx on witness_authorization_effects (project_id);
create trigger witness_effects_append_only before update or delete on witness_authorization_effects
  for each row execute function append_only_0005();
create trigger witness_effects_no_truncate before truncate on witness_authorization_effects
  for each statement execute function append_only_0005();
