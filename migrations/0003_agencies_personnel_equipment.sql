-- Issue 3, connection registries (一(一)): agency profiles with 入吉备案, qualification certificates, personnel with
-- certificates, equipment with 检定/校准 certificates and device keys. Evidence is never overwritten: a new
-- certificate, calibration or key is a new row and the old ones stay. Day-dated validities are Beijing calendar
-- days, inclusive (see src/modules/agencies/rules/validity.ts).

-- One row per agency organisation, created when its origin is first declared.
create table agency_profiles (
  organisation_id    uuid primary key references organisations (id),
  origin             text not null check (origin in ('local', 'out_of_province')),
  -- 入吉备案 of an out-of-province agency: all four or none.
  filing_number      text check (length(filing_number) between 1 and 100),
  filing_date        date,
  filing_valid_from  date,
  filing_valid_to    date,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  row_version        integer not null default 1,
  check ((filing_number is null) = (filing_date is null)
     and (filing_number is null) = (filing_valid_from is null)
     and (filing_number is null) = (filing_valid_to is null)),
  check (origin = 'out_of_province' or filing_number is null),
  check (filing_valid_to >= filing_valid_from)
);

-- 资质证书. A department of the agency's jurisdiction verifies or rejects each submission; an approved replacement
-- marks the certificate it replaces as superseded, which stays in the history.
create table agency_qualifications (
  id                  uuid primary key default gen_random_uuid(),
  agency_id           uuid not null references organisations (id),
  certificate_number  text not null check (length(certificate_number) between 1 and 100),
  grade               text not null check (grade in ('comprehensive', 'specialised')),
  specialties         text[] not null check (
                        cardinality(specialties) >= 1 and specialties <@ array[
                          'building_materials', 'main_structure', 'steel_structure', 'foundation', 'building_energy',
                          'curtain_wall', 'municipal_materials', 'road', 'bridge_underground']::text[]),
  valid_from          date not null,
  valid_to            date not null,
  issuer              text not null check (length(issuer) between 2 and 200),
  -- The scan. The API requires one; rows loaded in bulk (the demo seed) may have none, shown as 无扫描件.
  document_id         uuid references documents (id),
  replaces_id         uuid references agency_qualifications (id),
  status              text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
  submitted_by        uuid references users (id),
  submitted_at        timestamptz not null,
  decided_by          uuid references users (id),
  decided_at          timestamptz,
  decision_reason     text check (length(decision_reason) between 1 and 500),
  superseded_by       uuid references agency_qualifications (id),
  superseded_at       timestamptz,
  check (valid_to >= valid_from),
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'rejected' or decision_reason is not null),
  check ((superseded_by is null) = (superseded_at is null)),
  check (superseded_by is null or status = 'verified'),
  -- 综合 covers all nine.
  check (grade = 'specialised' or cardinality(specialties) = 9)
);
create index agency_qualifications_agency_idx on agency_qualifications (agency_id, status);
create index agency_qualifications_pending_idx on agency_qualifications (submitted_at) where status = 'pending';
create index agency_qualifications_number_idx on agency_qualifications (certificate_number);
-- At most one live (pending or verified) replacement per certificate.
create unique index agency_qualifications_one_successor on agency_qualifications (replaces_id) where status <> 'rejected';

-- Registered personnel (部令57号: one agency at a time). The 身份证号 is never stored in clear: an HMAC for lookups,
-- an AES-256-GCM ciphertext for the audited reveal, and the masked form for display (src/modules/personnel/rules/pii.ts).
create table personnel (
  id                  uuid primary key default gen_random_uuid(),
  agency_id           uuid not null references organisations (id),
  name                text not null check (length(name) between 1 and 50),
  resident_id_lookup  text not null check (resident_id_lookup ~ '^[0-9a-f]{64}$'),
  resident_id_sealed  text not null,
  resident_id_masked  text not null,
  pii_key_id          text not null,
  roles               text[] not null check (
                        cardinality(roles) >= 1 and
                        roles <@ array['tester', 'reviewer', 'signatory', 'upload_owner', 'technical_lead']::text[]),
  user_id             uuid references users (id),
  status              text not null check (status in ('active', 'left')),
  joined_on           date not null,
  left_on             date,
  created_by          uuid references users (id),
  created_at          timestamptz not null,
  updated_at          timestamptz not null,
  row_version         integer not null default 1,
  check ((status = 'left') = (left_on is not null)),
  check (left_on >= joined_on)
);
create index personnel_agency_idx on personnel (agency_id, status);
create index personnel_lookup_idx on personnel (resident_id_lookup);
-- The database's own guard for 部令57号 and for one platform account per working person.
create unique index personnel_one_active_per_person on personnel (resident_id_lookup) where status = 'active';
create unique index personnel_one_active_per_user on personnel (user_id) where status = 'active' and user_id is not null;

-- 上岗证 / 职业资格证书, per specialty, as history rows.
create table personnel_certificates (
  id                  uuid primary key default gen_random_uuid(),
  person_id           uuid not null references personnel (id),
  kind                text not null check (kind in ('post', 'professional')),
  certificate_number  text not null check (length(certificate_number) between 1 and 100),
  specialty           text not null check (specialty in (
                        'building_materials', 'main_structure', 'steel_structure', 'foundation', 'building_energy',
                        'curtain_wall', 'municipal_materials', 'road', 'bridge_underground')),
  valid_from          date not null,
  valid_to            date not null,
  document_id         uuid references documents (id),
  created_by          uuid references users (id),
  created_at          timestamptz not null,
  check (valid_to >= valid_from),
  unique (person_id, certificate_number, specialty, valid_from)
);
create index personnel_certificates_person_idx on personnel_certificates (person_id);

-- 检测设备. 设备核验 by a department of the agency's jurisdiction; a rejected item may be resubmitted.
create table equipment (
  id                     uuid primary key default gen_random_uuid(),
  agency_id              uuid not null references organisations (id),
  equipment_type         text not null check (length(equipment_type) between 1 and 100),
  maker                  text not null check (length(maker) between 1 and 200),
  model                  text not null check (length(model) between 1 and 100),
  serial_number          text not null check (length(serial_number) between 1 and 100),
  auto_collect           boolean not null,
  auto_collect_protocol  text check (length(auto_collect_protocol) between 1 and 500),
  status                 text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
  submitted_by           uuid references users (id),
  submitted_at           timestamptz not null,
  decided_by             uuid references users (id),
  decided_at             timestamptz,
  decision_reason        text check (length(decision_reason) between 1 and 500),
  created_at             timestamptz not null,
  updated_at             timestamptz not null,
  row_version            integer not null default 1,
  unique (agency_id, serial_number),
  check (auto_collect = (auto_collect_protocol is not null)),
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'rejected' or decision_reason is not null)
);
create index equipment_pending_idx on equipment (submitted_at) where status = 'pending';

-- 检定 (kind 'verification', metrological verification) or 校准 ('calibration') certificates, as history rows.
create table equipment_calibrations (
  id                  uuid primary key default gen_random_uuid(),
  equipment_id        uuid not null references equipment (id),
  certificate_number  text not null check (length(certificate_number) between 1 and 100),
  kind                text not null check (kind in ('verification', 'calibration')),
  issuing_body        text not null check (length(issuing_body) between 2 and 200),
  valid_from          date not null,
  valid_to            date not null,
  -- Required by the API; see agency_qualifications.document_id.
  document_id         uuid references documents (id),
  created_by          uuid references users (id),
  created_at          timestamptz not null,
  check (valid_to >= valid_from),
  unique (equipment_id, certificate_number)
);
create index equipment_calibrations_equipment_idx on equipment_calibrations (equipment_id);

-- Ed25519 device keys: a rotation sets the old key's valid_to; old keys stay to verify what they signed.
create table equipment_keys (
  id            uuid primary key default gen_random_uuid(),
  equipment_id  uuid not null references equipment (id),
  -- base64 of the raw 32-byte public key; one key belongs to one device only.
  public_key    text not null unique check (public_key ~ '^[A-Za-z0-9+/]{43}=$'),
  fingerprint   text not null unique check (fingerprint ~ '^[0-9a-f]{64}$'),
  valid_from    timestamptz not null,
  valid_to      timestamptz,
  created_by    uuid references users (id),
  created_at    timestamptz not null,
  check (valid_to is null or valid_to > valid_from)
);
create index equipment_keys_equipment_idx on equipment_keys (equipment_id, valid_from);
