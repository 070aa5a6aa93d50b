-- Issue 5 items 5–6: test reports (检测报告) of reviewed batches, numbered per agency per year without gaps, and their
-- public verification by QR code.

-- Report numbers per agency per Beijing calendar year (部令57号: consecutive, never reused or skipped). The counter row
-- is locked FOR UPDATE by the transaction that inserts the report, so a rolled-back generation rolls back its number.
create table report_number_counters (
  agency_id   uuid not null references organisations (id),
  year        integer not null check (year between 2000 and 2200),
  last_value  integer not null check (last_value >= 0),
  primary key (agency_id, year)
);

create table reports (
  id                   uuid primary key default gen_random_uuid(),
  -- '<组织机构代码 of the agency's USCC>-<year>-<seq>', e.g. '12345678X-2026-000001': unique across the platform.
  report_number        text not null unique check (report_number ~ '^[0-9A-HJ-NPQRTUWXY]{9}-[0-9]{4}-[0-9]{6}$'),
  agency_id            uuid not null references organisations (id),
  number_year          integer not null,
  number_seq           integer not null check (number_seq >= 1),
  -- Random, printed beside the number and carried by the QR code: an altered number never verifies as another report.
  check_code           text not null check (check_code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
  batch_id             uuid not null references batches (id),
  seal_id              uuid not null references batch_seals (id),
  project_id           uuid not null references projects (id),
  -- The batch's region: the jurisdiction that sees the report.
  region_code          text not null references regions (code),
  -- What the PDF shows, as data; content_sha256 is the SHA-256 of its RFC 8785 form, printed in the PDF's footer.
  content              jsonb not null,
  content_sha256       text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  -- The PDF's bytes are in the blob store under this hash; generated once, never re-rendered.
  pdf_sha256           text not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  pdf_size             integer not null check (pdf_size > 0),
  signatory_person_id  uuid not null references personnel (id),
  signatory_name       text not null,
  generated_at         timestamptz not null,
  generated_by         uuid not null references users (id),
  -- A corrected report is a new report (new number) naming the one it replaces.
  supersedes_id        uuid unique references reports (id),
  supersede_reason     text check (length(supersede_reason) between 2 and 500),
  status               text not null default 'valid' check (status in ('valid', 'superseded', 'revoked')),
  superseded_at        timestamptz,
  revoked_at           timestamptz,
  revoked_by           uuid references users (id),
  revoked_by_name      text,
  revoke_reason        text check (length(revoke_reason) between 2 and 500),
  unique (agency_id, number_year, number_seq),
  check ((supersedes_id is null) = (supersede_reason is null)),
  check ((status = 'superseded') = (superseded_at is not null)),
  check ((status = 'revoked') = (revoked_at is not null and revoked_by is not null and revoke_reason is not null))
);
-- At most one valid report per batch: a correction supersedes the valid one in the same transaction.
create unique index reports_one_valid_per_batch on reports (batch_id) where status = 'valid';
create index reports_agency_idx on reports (agency_id, generated_at desc);
create index reports_region_idx on reports (region_code, generated_at desc);
create index reports_project_idx on reports (project_id, generated_at desc);
create index reports_batch_idx on reports (batch_id, generated_at);

-- A report is never deleted and its content never changes; only a valid report's status may change, once, to
-- superseded or revoked (with the columns that record it).
create function reports_guard() returns trigger language plpgsql as $$
declare
  mutable constant text[] := array['status', 'superseded_at', 'revoked_at', 'revoked_by', 'revoked_by_name', 'revoke_reason'];
begin
  if tg_op = 'DELETE' then
    raise exception 'reports are never deleted' using errcode = 'insufficient_privilege';
  end if;
  if (to_jsonb(new) - mutable) <> (to_jsonb(old) - mutable) or old.status <> 'valid' or new.status = 'valid' then
    raise exception 'a report''s content cannot change; only a valid report can be superseded or revoked, once'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger reports_guard before update or delete on reports
  for each row execute function reports_guard();
create trigger reports_no_truncate before truncate on reports
  for each statement execute function qtrace_refuse_change();
