-- Issue 6 items 1–5: graded handling (分级处置) as cases, the credit record (信用记录) and construction units' fraud
-- reports (二(一)). The key supervision list and credit scores are derived from these and the violations ledger.

create function enforcement_refuse_change_0011() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

-- One rung of the ladder for one organisation in one calendar year: proposed by the platform, confirmed or dismissed
-- by an officer of the handling department, then carried through its own steps to closed.
create table enforcement_cases (
  id                       uuid primary key default gen_random_uuid(),
  organisation_id          uuid not null references organisations (id),
  year                     integer not null check (year between 2000 and 2200),
  rung                     text not null check (rung in ('interview', 'rectification', 'penalty')),
  status                   text not null check (status in ('proposed', 'confirmed', 'report_submitted', 'closed', 'dismissed', 'superseded')),
  -- How a closed case ended: interview held; rectification accepted or rejected; penalty decided.
  outcome                  text check (outcome in ('held', 'accepted', 'rejected', 'decided')),
  -- The handling department's region (the project's county, or the city where the county has none).
  region_code              text not null references regions (code),
  -- The ladder's reasons and the facts it saw when proposing (a snapshot: later facts make a new proposal).
  reasons                  text[] not null,
  violation_ids            uuid[] not null,
  supplementary_uploads    integer not null check (supplementary_uploads >= 0),
  proposed_at              timestamptz not null,
  confirmed_at             timestamptz,
  confirmed_by             uuid references users (id),
  -- Interview: held by; rectification: the agency's report due by.
  due_at                   timestamptz,
  dismissed_at             timestamptz,
  dismissed_by             uuid references users (id),
  dismiss_reason           text check (length(dismiss_reason) between 2 and 500),
  interview_held_at        timestamptz,
  interview_attendees      text check (length(interview_attendees) between 2 and 500),
  interview_minutes        text check (length(interview_minutes) between 2 and 5000),
  report_text              text check (length(report_text) between 2 and 5000),
  report_document_ids      uuid[] not null default '{}',
  report_submitted_at      timestamptz,
  report_submitted_by      uuid references users (id),
  decision_note            text check (length(decision_note) between 2 and 2000),
  penalty_decision_number  text check (length(penalty_decision_number) between 2 and 100),
  penalty_content          text check (length(penalty_content) between 2 and 2000),
  dishonest                boolean,
  market_restriction_id    uuid references market_restrictions (id),
  closed_at                timestamptz,
  closed_by                uuid references users (id),
  row_version              integer not null default 1,
  -- Confirmed cases carry who and when; a proposal that was dismissed or superseded never was confirmed.
  check ((status in ('proposed', 'dismissed', 'superseded')) = (confirmed_at is null) and (confirmed_at is null) = (confirmed_by is null)),
  check ((status = 'dismissed') = (dismissed_at is not null)),
  check ((status = 'closed') = (closed_at is not null) and (closed_at is null) = (outcome is null)),
  check (status <> 'report_submitted' or rung = 'rectification'),
  check (outcome is null or (rung = 'interview' and outcome = 'held') or (rung = 'rectification' and outcome in ('accepted', 'rejected'))
         or (rung = 'penalty' and outcome = 'decided')),
  check (outcome is distinct from 'held' or (interview_held_at is not null and interview_attendees is not null and interview_minutes is not null)),
  check (outcome is distinct from 'decided' or (penalty_decision_number is not null and penalty_content is not null and dishonest is not null))
);
-- The platform proposes at most one case per organisation, year and rung at a time.
create unique index enforcement_cases_one_proposal on enforcement_cases (organisation_id, year, rung) where status = 'proposed';
create index enforcement_cases_org_idx on enforcement_cases (organisation_id, year);
create index enforcement_cases_region_idx on enforcement_cases (region_code, proposed_at desc);
create index enforcement_cases_status_idx on enforcement_cases (status, due_at);
create unique index enforcement_cases_decision_number on enforcement_cases (penalty_decision_number) where penalty_decision_number is not null;

-- Every step of a case, with who and when. Append-only (the audit log holds the same, platform-wide).
create table enforcement_case_events (
  id          bigserial primary key,
  case_id     uuid not null references enforcement_cases (id),
  at          timestamptz not null,
  event       text not null check (event ~ '^[a-z][a-z_]{2,40}$'),
  actor_type  text not null check (actor_type in ('user', 'machine', 'system', 'anonymous')),
  actor_id    text,
  actor_name  text,
  details     jsonb not null default '{}'::jsonb
);
create index enforcement_case_events_case_idx on enforcement_case_events (case_id, id);
create trigger enforcement_case_events_append_only before update or delete on enforcement_case_events
  for each row execute function enforcement_refuse_change_0011();
create trigger enforcement_case_events_no_truncate before truncate on enforcement_case_events
  for each statement execute function enforcement_refuse_change_0011();

-- The credit record: what enters it, once settled. 'violation': a violation counts (deducts); 'exemption': a trial-period
-- violation stays out of it (五); 'penalty': an administrative penalty's 不良信用记录. Append-only.
create table credit_entries (
  id               uuid primary key default gen_random_uuid(),
  organisation_id  uuid not null references organisations (id),
  person_ref       text,
  year             integer not null,
  kind             text not null check (kind in ('violation', 'exemption', 'penalty')),
  violation_id     uuid references violations (id),
  case_id          uuid references enforcement_cases (id),
  points           integer not null check (points >= 0),
  note             text not null check (length(note) between 2 and 500),
  recorded_at      timestamptz not null,
  check ((kind = 'penalty') = (case_id is not null and violation_id is null)),
  check ((kind = 'penalty') or violation_id is not null),
  check (kind <> 'exemption' or points = 0)
);
create unique index credit_entries_violation_once on credit_entries (violation_id) where violation_id is not null;
create unique index credit_entries_case_once on credit_entries (case_id) where case_id is not null;
create index credit_entries_org_idx on credit_entries (organisation_id, year);
create trigger credit_entries_append_only before update or delete on credit_entries
  for each row execute function enforcement_refuse_change_0011();
create trigger credit_entries_no_truncate before truncate on credit_entries
  for each statement execute function enforcement_refuse_change_0011();

-- A construction unit's report of fraud it found on its project: a queue for the project's department, which records
-- a violation from it or dismisses it. The report itself never changes; only its handling is set, once.
create table fraud_reports (
  id                        uuid primary key default gen_random_uuid(),
  project_id                uuid not null references projects (id),
  reporter_organisation_id  uuid not null references organisations (id),
  reported_by               uuid not null references users (id),
  subject_organisation_id   uuid references organisations (id),
  description               text not null check (length(description) between 10 and 2000),
  document_ids              uuid[] not null default '{}',
  region_code               text not null references regions (code),
  created_at                timestamptz not null,
  status                    text not null default 'open' check (status in ('open', 'recorded', 'dismissed')),
  handled_at                timestamptz,
  handled_by                uuid references users (id),
  handling_note             text check (length(handling_note) between 2 and 500),
  violation_id              uuid references violations (id),
  check ((status = 'open') = (handled_at is null)),
  check ((status = 'recorded') = (violation_id is not null))
);
create index fraud_reports_region_idx on fraud_reports (region_code, created_at desc);
create index fraud_reports_reporter_idx on fraud_reports (reporter_organisation_id, created_at desc);

create function fraud_reports_guard() returns trigger language plpgsql as $$
begin
  if old.status <> 'open'
     or (to_jsonb(new) - array['status', 'handled_at', 'handled_by', 'handling_note', 'violation_id'])
        is distinct from (to_jsonb(old) - array['status', 'handled_at', 'handled_by', 'handling_note', 'violation_id']) then
    raise exception 'fraud_reports: only an open report''s handling may be set' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger fraud_reports_guard before update on fraud_reports
  for each row execute function fraud_reports_guard();
create trigger fraud_reports_no_delete before delete on fraud_reports
  for each row execute function enforcement_refuse_change_0011();
