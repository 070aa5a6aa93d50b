-- Issue 6 items 6–9: daily check snapshots (日常核查), random draws (随机抽查, 双随机), special inspections (专项检查),
-- inspection findings that can become violations, and service requests (靠前服务).

-- Service requests first: the daily check counts them.
create table service_requests (
  id                   uuid primary key default gen_random_uuid(),
  agency_id            uuid not null references organisations (id),
  -- The handling jurisdiction: the project's region, or the agency's own when no project is named.
  region_code          text not null references regions (code),
  project_id           uuid references projects (id),
  type                 text not null check (type in ('equipment_connection', 'image_capture', 'other')),
  description          text not null check (length(description) between 2 and 2000),
  contact_phone        text check (length(contact_phone) <= 40),
  status               text not null check (status in ('requested', 'scheduled', 'closed')),
  created_at           timestamptz not null,
  created_by           uuid not null references users (id),
  created_by_name      text not null,
  visit_date           date,
  visit_officer_id     uuid references users (id),
  visit_officer_name   text,
  scheduled_at         timestamptz,
  scheduled_by         uuid references users (id),
  closed_at            timestamptz,
  closed_by            uuid references users (id),
  close_note           text check (length(close_note) between 2 and 2000),
  row_version          integer not null default 1,
  check (status <> 'requested' or (visit_date is null and closed_at is null)),
  check (status <> 'scheduled' or (visit_date is not null and visit_officer_id is not null)),
  check ((status = 'closed') = (closed_at is not null)),
  check (status <> 'closed' or close_note is not null)
);
create index service_requests_region_idx on service_requests (region_code, created_at desc);
create index service_requests_agency_idx on service_requests (agency_id, created_at desc);
create index service_requests_closed_idx on service_requests (closed_at) where closed_at is not null;

-- One row per region, Beijing calendar day and version. Rows are never changed: a recomputation that finds other
-- figures adds version + 1 beside the old one (the latest version is what the console shows).
create table daily_check_snapshots (
  id                        uuid primary key default gen_random_uuid(),
  region_code               text not null references regions (code),
  day                       date not null,
  version                   integer not null check (version >= 1),
  -- false: computed while the day was still running (a live view), to be followed by the final one.
  final                     boolean not null,
  due                       integer not null check (due >= 0),
  compliant                 integer not null check (compliant >= 0),
  late                      integer not null check (late >= 0),
  pending                   integer not null check (pending >= 0),
  suspended                 integer not null check (suspended >= 0),
  missing                   integer not null check (missing >= 0),
  anomalies_opened          integer not null check (anomalies_opened >= 0),
  service_requests_opened   integer not null check (service_requests_opened >= 0),
  service_requests_closed   integer not null check (service_requests_closed >= 0),
  computed_at               timestamptz not null,
  computed_by_type          text not null check (computed_by_type in ('user', 'system')),
  computed_by_id            uuid references users (id),
  computed_by_name          text not null,
  reason                    text check (length(reason) <= 500),
  unique (region_code, day, version),
  check (due = compliant + late + pending)
);
create index daily_check_snapshots_day_idx on daily_check_snapshots (day, region_code, version desc);
create trigger daily_check_snapshots_no_update_delete before update or delete on daily_check_snapshots
  for each row execute function qtrace_refuse_change();
create trigger daily_check_snapshots_no_truncate before truncate on daily_check_snapshots
  for each statement execute function qtrace_refuse_change();

-- 随机抽查: the population is frozen and the seed fixed when the draw is published; the draw itself follows.
create table random_draws (
  id                    uuid primary key default gen_random_uuid(),
  title                 text not null check (length(title) between 2 and 200),
  department_id         uuid not null references organisations (id),
  region_code           text not null references regions (code),
  kind                  text not null check (kind in ('batches', 'agencies')),
  specialty             text,
  period_from           date not null,
  period_to             date not null,
  sample_size           integer not null check (sample_size between 1 and 1000),
  inspector_pool        uuid[] not null,
  inspector_count       integer not null check (inspector_count >= 0),
  seed                  text not null check (length(seed) between 16 and 200),
  population            text[] not null,
  population_digest     text not null check (population_digest ~ '^[0-9a-f]{64}$'),
  pool_digest           text not null check (pool_digest ~ '^[0-9a-f]{64}$'),
  published_at          timestamptz not null,
  published_by          uuid not null references users (id),
  published_by_name     text not null,
  status                text not null check (status in ('published', 'drawn')),
  drawn_at              timestamptz,
  drawn_by              uuid references users (id),
  selection             text[],
  inspectors            uuid[],
  check (period_from <= period_to),
  check (inspector_count <= cardinality(inspector_pool)),
  check ((status = 'drawn') = (drawn_at is not null and selection is not null and inspectors is not null))
);
create index random_draws_region_idx on random_draws (region_code, published_at desc);

-- The published facts of a draw never change; only the draw itself is written, once.
create function random_draws_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'random draws are never deleted' using errcode = 'insufficient_privilege';
  end if;
  if old.status <> 'published' or new.title <> old.title or new.department_id <> old.department_id
     or new.region_code <> old.region_code or new.kind <> old.kind or new.specialty is distinct from old.specialty
     or new.period_from <> old.period_from or new.period_to <> old.period_to or new.sample_size <> old.sample_size
     or new.inspector_pool <> old.inspector_pool or new.inspector_count <> old.inspector_count or new.seed <> old.seed
     or new.population <> old.population or new.population_digest <> old.population_digest
     or new.pool_digest <> old.pool_digest or new.published_at <> old.published_at or new.published_by <> old.published_by then
    raise exception 'a published draw cannot change; it can only be drawn, once' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger random_draws_guard before update or delete on random_draws
  for each row execute function random_draws_guard();

-- 专项检查: criteria, a worklist frozen at the start, findings, a closing summary.
create table special_campaigns (
  id                uuid primary key default gen_random_uuid(),
  title             text not null check (length(title) between 2 and 200),
  department_id     uuid not null references organisations (id),
  region_code       text not null references regions (code),
  specialty         text,
  period_from       date not null,
  period_to         date not null,
  anomaly_kind      text,
  status            text not null check (status in ('open', 'closed')),
  created_at        timestamptz not null,
  created_by        uuid not null references users (id),
  created_by_name   text not null,
  summary           text check (length(summary) between 2 and 5000),
  closed_at         timestamptz,
  closed_by         uuid references users (id),
  row_version       integer not null default 1,
  check (period_from <= period_to),
  check ((status = 'closed') = (closed_at is not null and summary is not null))
);
create index special_campaigns_region_idx on special_campaigns (region_code, created_at desc);

create table special_campaign_items (
  campaign_id  uuid not null references special_campaigns (id),
  batch_id     uuid not null references batches (id),
  position     integer not null check (position >= 1),
  primary key (campaign_id, batch_id),
  unique (campaign_id, position)
);
create trigger special_campaign_items_no_update_delete before update or delete on special_campaign_items
  for each row execute function qtrace_refuse_change();

-- What an inspector found on one drawn item or worklist batch. Append-only: a second look is a second finding.
create table inspection_findings (
  id                 uuid primary key default gen_random_uuid(),
  draw_id            uuid references random_draws (id),
  campaign_id        uuid references special_campaigns (id),
  item_kind          text not null check (item_kind in ('batch', 'agency')),
  item_id            uuid not null,
  outcome            text not null check (outcome in ('compliant', 'problem')),
  note               text not null check (length(note) between 2 and 2000),
  recorded_at        timestamptz not null,
  recorded_by        uuid not null references users (id),
  recorded_by_name   text not null,
  check ((draw_id is null) <> (campaign_id is null))
);
create index inspection_findings_draw_idx on inspection_findings (draw_id, recorded_at) where draw_id is not null;
create index inspection_findings_campaign_idx on inspection_findings (campaign_id, recorded_at) where campaign_id is not null;
create trigger inspection_findings_no_update_delete before update or delete on inspection_findings
  for each row execute function qtrace_refuse_change();

-- A finding turned into a violation of the ledger (at most one per finding).
create table inspection_finding_violations (
  finding_id    uuid primary key references inspection_findings (id),
  violation_id  uuid not null references violations (id),
  created_at    timestamptz not null
);
create trigger inspection_finding_violations_no_update_delete before update or delete on inspection_finding_violations
  for each row execute function qtrace_refuse_change();
