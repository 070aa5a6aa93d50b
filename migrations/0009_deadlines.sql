-- Issue 5: the 2-hour rule enforced — automatic report locks, force-majeure filings (不可抗力报备), the 漏传 flag,
-- supplementary-upload counting and console notifications.

-- The running instants of each batch, denormalised from the pure rule (src/modules/deadlines/rules) and rewritten in
-- the same transaction as every change that moves them. Null when nothing is due, so the partial indexes hold only
-- the batches that can still fall due: a sweep costs what is due, not what is open.
alter table batches
  -- When an unsealed, never-locked batch must be locked (its running deadline).
  add column lock_due_at timestamptz,
  -- When the agency is warned that the deadline approaches (deadline − 30 min); cleared once sent.
  add column warn_due_at timestamptz,
  -- When an opened batch with no declared completion is flagged as possibly missing (漏传); cleared once flagged.
  add column missing_due_at timestamptz,
  add column missing_flagged_at timestamptz;

create index batches_lock_due_idx on batches (lock_due_at) where lock_due_at is not null;
create index batches_warn_due_idx on batches (warn_due_at) where warn_due_at is not null;
create index batches_missing_due_idx on batches (missing_due_at) where missing_due_at is not null;
create index batches_locked_idx on batches (region_code, locked_at desc) where locked;

-- Existing batches (none had a filing before this migration): the same instants the rule gives without one.
update batches set missing_due_at = opened_at + interval '24 hours' where completed_at is null;
update batches set lock_due_at = completed_at + interval '2 hours', warn_due_at = completed_at + interval '90 minutes'
  where completed_at is not null and first_sealed_at is null and locked_at is null;

-- 不可抗力报备: filed by the agency within 2 h of completion, to the housing department where the project is (the
-- county's, or the city's where the county has none), decided once by that department; the agency then declares
-- the fault cleared (C) and has until C + 2 h.
create table force_majeure_filings (
  id                      uuid primary key default gen_random_uuid(),
  batch_id                uuid not null references batches (id),
  agency_id               uuid not null references organisations (id),
  project_id              uuid not null references projects (id),
  -- The batch's region (who sees the filing) and the region of the department that decides it.
  region_code             text not null references regions (code),
  department_region_code  text not null references regions (code),
  department_id           uuid references organisations (id),
  reason                  text not null check (length(reason) between 4 and 2000),
  filed_at                timestamptz not null,
  filed_by_type           text not null check (filed_by_type in ('user', 'machine')),
  filed_by_id             text not null,
  filed_by_name           text not null,
  status                  text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
  decided_at              timestamptz,
  decided_by              uuid references users (id),
  decided_by_name         text,
  decision_reason         text check (length(decision_reason) <= 2000),
  -- The declared clearing instant C and when it was declared.
  cleared_at              timestamptz,
  cleared_declared_at     timestamptz,
  cleared_by_name         text,
  cleared_note            text check (length(cleared_note) <= 2000),
  check ((status = 'pending') = (decided_at is null)),
  check (cleared_at is null or (status = 'accepted' and cleared_at >= filed_at))
);
-- One filing in force per batch (a rejected one may be followed by another within the window).
create unique index force_majeure_active_unique on force_majeure_filings (batch_id) where status in ('pending', 'accepted');
create index force_majeure_batch_idx on force_majeure_filings (batch_id, filed_at desc);
create index force_majeure_department_idx on force_majeure_filings (department_region_code, status, filed_at desc);
create index force_majeure_agency_idx on force_majeure_filings (agency_id, filed_at desc);

-- A filing's facts never change; its decision is made once, its clearing declared once; it is never deleted.
create function force_majeure_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'force-majeure filings are never deleted' using errcode = 'insufficient_privilege';
  end if;
  if new.id <> old.id or new.batch_id <> old.batch_id or new.agency_id <> old.agency_id or new.project_id <> old.project_id
     or new.region_code <> old.region_code or new.department_region_code <> old.department_region_code
     or new.department_id is distinct from old.department_id or new.reason <> old.reason or new.filed_at <> old.filed_at
     or new.filed_by_type <> old.filed_by_type or new.filed_by_id <> old.filed_by_id or new.filed_by_name <> old.filed_by_name
     or (old.status <> 'pending' and (new.status <> old.status or new.decided_at is distinct from old.decided_at
         or new.decided_by is distinct from old.decided_by or new.decision_reason is distinct from old.decision_reason))
     or (old.cleared_at is not null and (new.cleared_at <> old.cleared_at or new.cleared_declared_at <> old.cleared_declared_at
         or new.cleared_note is distinct from old.cleared_note or new.cleared_by_name is distinct from old.cleared_by_name)) then
    raise exception 'a filing''s facts cannot change; it is decided once and cleared once' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger force_majeure_guard before update or delete on force_majeure_filings
  for each row execute function force_majeure_guard();
create trigger force_majeure_no_truncate before truncate on force_majeure_filings
  for each statement execute function qtrace_refuse_change();

-- Evidence attached to a filing (documents are content-addressed and immutable). Append-only.
create table force_majeure_documents (
  filing_id    uuid not null references force_majeure_filings (id),
  document_id  uuid not null references documents (id),
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  primary key (filing_id, document_id)
);
create trigger force_majeure_documents_no_change before update or delete on force_majeure_documents
  for each row execute function qtrace_refuse_change();

-- Console notifications, one row per recipient. `dedupe_key` makes each notice once per person however many
-- processes or retries produce it; only `read_at` ever changes.
create table notifications (
  id          uuid primary key default gen_random_uuid(),
  user_id     uuid not null references users (id),
  kind        text not null check (kind ~ '^[a-z][a-z0-9_]{2,63}$'),
  title       text not null check (length(title) between 1 and 200),
  body        text not null check (length(body) <= 2000),
  batch_id    uuid references batches (id),
  filing_id   uuid references force_majeure_filings (id),
  dedupe_key  text not null check (length(dedupe_key) between 1 and 300),
  created_at  timestamptz not null,
  read_at     timestamptz,
  unique (user_id, dedupe_key)
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;

-- 补传 counted per agency per year: only the supplementary rows are indexed.
create index batch_records_supplementary_idx on batch_records (batch_id, received_at) where supplementary;
create index images_supplementary_idx on images (agency_id, uploaded_at) where supplementary;
