-- Issue 3, items 3 and 6–8: the versioned catalogue of test items, projects with their site, components (构件/部位)
-- with platform-wide IDs, commissions (委托) and market-access restrictions (限制市场准入, written by enforcement).

-- A catalogue version is an immutable document; editing publishes the next version, batches pin the one they used.
create table catalogue_versions (
  version      integer primary key check (version >= 1),
  document     jsonb not null,
  -- SHA-256 of the document as published, so a pinned version can be shown to be the one that was used.
  checksum     text not null check (checksum ~ '^[0-9a-f]{64}$'),
  note         text not null check (length(note) between 1 and 500),
  author_id    uuid references users (id),
  author_name  text not null,
  created_at   timestamptz not null
);

create function catalogue_versions_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'catalogue_versions is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger catalogue_versions_no_update_delete before update or delete on catalogue_versions
  for each row execute function catalogue_versions_refuse_change();
create trigger catalogue_versions_no_truncate before truncate on catalogue_versions
  for each statement execute function catalogue_versions_refuse_change();

create table projects (
  id                    uuid primary key default gen_random_uuid(),
  name                  text not null check (length(name) between 2 and 200),
  -- 施工许可证号 as written on the permit; the key (upper case, no blanks) is what must be unique.
  permit_number         text not null check (length(permit_number) between 6 and 50),
  permit_number_key     text not null unique,
  address               text not null check (length(address) between 2 and 300),
  -- The lowest region (county level): its department, or its city's, handles the project.
  region_code           text not null references regions (code),
  location_lng          double precision not null check (location_lng between -180 and 180),
  location_lat          double precision not null check (location_lat between -90 and 90),
  -- {"type":"polygon","ring":[[lng,lat],…]} or {"type":"circle","center":[lng,lat],"radiusMetres":n}, WGS-84.
  site                  jsonb not null check (site ->> 'type' in ('polygon', 'circle')),
  construction_unit_id  uuid not null references organisations (id),
  supervision_unit_id   uuid references organisations (id),
  contractor_id         uuid references organisations (id),
  created_by            uuid references users (id),
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  row_version           integer not null default 1
);
create index projects_region_idx on projects (region_code);
create index projects_construction_unit_idx on projects (construction_unit_id);
create index projects_supervision_unit_idx on projects (supervision_unit_id);
create index projects_contractor_idx on projects (contractor_id);

create table components (
  id              uuid primary key default gen_random_uuid(),
  -- Platform-generated: 'QC' + 10 Crockford base-32 characters + a Luhn mod 32 check character.
  code            text not null unique check (code ~ '^QC[0-9A-HJKMNP-TV-Z]{11}$'),
  project_id      uuid not null references projects (id),
  building        text not null check (length(building) between 1 and 50),
  -- Null where no storey applies (roads, bridges, site-wide works).
  floor           text check (length(floor) between 1 and 20),
  position        text not null check (length(position) between 1 and 100),
  component_type  text not null check (length(component_type) between 1 and 30),
  note            text check (length(note) <= 200),
  created_by      uuid references users (id),
  created_at      timestamptz not null
);
-- One component per description within a project (texts are stored normalised, see components/rules).
create unique index components_description_unique
  on components (project_id, building, coalesce(floor, ''), position, component_type);

create table commissions (
  id                    uuid primary key default gen_random_uuid(),
  project_id            uuid not null references projects (id),
  agency_id             uuid not null references organisations (id),
  -- The commissioning construction unit, as it was when the commission was made.
  construction_unit_id  uuid not null references organisations (id),
  specialties           text[] not null check (
                          cardinality(specialties) >= 1 and specialties <@ array[
                            'building_materials', 'main_structure', 'steel_structure', 'foundation', 'building_energy',
                            'curtain_wall', 'municipal_materials', 'road', 'bridge_underground']::text[]),
  contract_number       text check (length(contract_number) between 1 and 100),
  note                  text check (length(note) <= 500),
  status                text not null check (status in ('active', 'terminated')),
  created_by            uuid not null references users (id),
  created_at            timestamptz not null,
  terminated_at         timestamptz,
  terminated_by         uuid references users (id),
  termination_reason    text check (length(termination_reason) between 2 and 500),
  check ((status = 'active') = (terminated_at is null)),
  check (status = 'active' or (terminated_by is not null and termination_reason is not null))
);
create index commissions_project_idx on commissions (project_id);
create index commissions_agency_idx on commissions (agency_id, status);

-- 四(二) 限制市场准入: decided by a department (enforcement writes these); never deleted, lifted with a reason.
create table market_restrictions (
  id                uuid primary key default gen_random_uuid(),
  organisation_id   uuid not null references organisations (id),
  reason            text not null check (length(reason) between 2 and 500),
  restricted_from   timestamptz not null,
  -- Null: until lifted.
  restricted_until  timestamptz,
  decided_by        uuid not null references organisations (id),
  case_reference    text check (length(case_reference) between 1 and 100),
  created_by        uuid references users (id),
  created_at        timestamptz not null,
  lifted_at         timestamptz,
  lifted_by         uuid references users (id),
  lift_reason       text check (length(lift_reason) between 2 and 500),
  check (restricted_until is null or restricted_until > restricted_from),
  check ((lifted_at is null) = (lift_reason is null))
);
create index market_restrictions_org_idx on market_restrictions (organisation_id, restricted_from);
