-- Issue 15 item 7: the 入吉备案 of an out-of-province agency counts for connection only once a department of the
-- agency's jurisdiction has verified it against the scanned document, like a qualification certificate. A filing is
-- never edited: a changed filing is a new submission (the next version), and approving it supersedes the one before.
create table agency_filings (
  id                  uuid primary key default gen_random_uuid(),
  agency_id           uuid not null references organisations (id),
  version             integer not null check (version >= 1),
  filing_number       text not null check (length(filing_number) between 1 and 100),
  filing_date         date not null,
  valid_from          date not null,
  valid_to            date not null,
  -- The scan. The API requires one; filings carried over from the profile and the demo seed may have none.
  document_id         uuid references documents (id),
  status              text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
  submitted_by        uuid references users (id),
  submitted_at        timestamptz not null,
  decided_by          uuid references users (id),
  decided_at          timestamptz,
  decision_reason     text check (length(decision_reason) between 1 and 500),
  superseded_by       uuid references agency_filings (id),
  superseded_at       timestamptz,
  unique (agency_id, version),
  check (valid_to >= valid_from),
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'rejected' or decision_reason is not null),
  check ((superseded_by is null) = (superseded_at is null)),
  check (superseded_by is null or status = 'verified')
);
-- One submission waits for a decision at a time.
create unique index agency_filings_one_pending on agency_filings (agency_id) where status = 'pending';
create index agency_filings_pending_idx on agency_filings (submitted_at) where status = 'pending';

-- Filings typed into the profile were never checked: they become version 1, pending, so that the department sees
-- them in its queue and they stop counting until verified.
insert into agency_filings (agency_id, version, filing_number, filing_date, valid_from, valid_to, status, submitted_at)
select organisation_id, 1, filing_number, filing_date, filing_valid_from, filing_valid_to, 'pending', updated_at
from agency_profiles
where filing_number is not null;

alter table agency_profiles drop column filing_number;
alter table agency_profiles drop column filing_date;
alter table agency_profiles drop column filing_valid_from;
alter table agency_profiles drop column filing_valid_to;
