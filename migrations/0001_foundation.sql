-- Foundation: jurisdictions, organisations, people, sessions, machine credentials, and the audit trail.

-- The administrative tree (GB/T 2260 plus the platform's own departments, see src/modules/regions/data).
create table regions (
  code            text primary key,
  name            text not null,
  level           text not null check (level in ('province', 'city', 'county')),
  parent_code     text references regions (code),
  -- '/220000/220100/220102/': a jurisdiction's subtree is every path with its path as prefix.
  path            text not null unique,
  has_department  boolean not null,
  gb2260          boolean not null,
  gb_parent_code  text,
  sort_order      integer not null
);
create index regions_parent_idx on regions (parent_code);

create table organisations (
  id             uuid primary key default gen_random_uuid(),
  name           text not null check (length(name) between 2 and 200),
  type           text not null check (type in ('agency', 'construction_unit', 'supervision_unit', 'contractor', 'department')),
  uscc           text unique check (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  region_code    text not null references regions (code),
  contact_name   text,
  contact_phone  text,
  status         text not null default 'active' check (status in ('active', 'disabled')),
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  row_version    integer not null default 1
);
create index organisations_region_idx on organisations (region_code, type);
-- One housing department per region.
create unique index organisations_one_department_per_region on organisations (region_code) where type = 'department';

create table users (
  id                    uuid primary key default gen_random_uuid(),
  username              text not null check (username ~ '^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$'),
  username_lower        text generated always as (lower(username)) stored unique,
  display_name          text not null check (length(display_name) between 1 and 100),
  organisation_id       uuid references organisations (id),
  roles                 text[] not null check (roles <@ array[
                          'platform_admin', 'dept_officer', 'agency_admin', 'upload_owner', 'tester', 'reviewer',
                          'signatory', 'witness', 'construction_user', 'contractor_user']::text[]),
  password_hash         text not null,
  must_change_password  boolean not null default false,
  status                text not null default 'active' check (status in ('active', 'disabled')),
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  last_login_at         timestamptz,
  password_changed_at   timestamptz not null,
  row_version           integer not null default 1,
  -- Only the platform's own administrators stand outside every organisation.
  check (organisation_id is not null or roles = array['platform_admin']::text[])
);
create index users_organisation_idx on users (organisation_id);

-- Console sessions: the cookie carries a random token; only its SHA-256 is stored.
create table sessions (
  token_hash    text primary key,
  user_id       uuid not null references users (id),
  created_at    timestamptz not null,
  last_seen_at  timestamptz not null,
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  client_ip     text,
  user_agent    text
);
create index sessions_user_idx on sessions (user_id);

create table login_attempts (
  id              bigserial primary key,
  username_lower  text not null,
  client_ip       text not null,
  at              timestamptz not null,
  success         boolean not null
);
create index login_attempts_lookup_idx on login_attempts (username_lower, client_ip, at);

-- Credentials for an agency's own systems (LIMS): shown once, stored as a hash, revocable.
create table machine_credentials (
  id               uuid primary key default gen_random_uuid(),
  organisation_id  uuid not null references organisations (id),
  name             text not null check (length(name) between 1 and 100),
  key_id           text not null unique,
  secret_hash      text not null,
  created_by       uuid not null references users (id),
  created_at       timestamptz not null,
  revoked_at       timestamptz,
  revoked_by       uuid references users (id),
  last_used_at     timestamptz
);
create index machine_credentials_org_idx on machine_credentials (organisation_id);

-- The audit trail: one row per state change, written in the same transaction as the change.
create table audit_log (
  id               bigserial primary key,
  at               timestamptz not null,
  actor_type       text not null check (actor_type in ('user', 'machine', 'system', 'anonymous')),
  actor_id         text,
  actor_name       text,
  actor_roles      text[] not null default '{}',
  organisation_id  uuid,
  -- The region the change belongs to, so a department reads the trail of its own jurisdiction.
  region_code      text,
  action           text not null,
  target_type      text not null,
  target_id        text,
  client_ip        text,
  request_id       text,
  details          jsonb not null default '{}'::jsonb
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_target_idx on audit_log (target_type, target_id);
create index audit_log_org_idx on audit_log (organisation_id, at desc);
create index audit_log_region_idx on audit_log (region_code, at desc);

-- Append-only, enforced by the database itself (PGlite and PostgreSQL alike): no UPDATE, DELETE or TRUNCATE.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
