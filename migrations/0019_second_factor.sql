-- Issue 15 item 2: two-factor sign-in (TOTP, RFC 6238) with recovery codes. A person's factor is a row: started,
-- confirmed by a first code, and ended (by the person or an administrator, with a reason) — never deleted or changed
-- back, so the trail shows every factor a person had.
create table user_totp (
  id              uuid primary key default gen_random_uuid(),
  user_id         uuid not null references users (id),
  secret_base32   text not null,
  created_at      timestamptz not null,
  confirmed_at    timestamptz,
  -- The last 30-second step whose code was accepted: a code is good once (RFC 6238 §5.2).
  last_used_step  bigint,
  ended_at        timestamptz,
  ended_by        uuid references users (id),
  end_reason      text
);
-- At most one factor in force per person, and at most one being set up.
create unique index user_totp_in_force_idx on user_totp (user_id) where confirmed_at is not null and ended_at is null;
create unique index user_totp_pending_idx on user_totp (user_id) where confirmed_at is null and ended_at is null;

create table user_recovery_codes (
  totp_id    uuid not null references user_totp (id),
  code_hash  text not null,
  used_at    timestamptz,
  primary key (totp_id, code_hash)
);

-- A session of a person who must have a second factor but has none yet can only set one up.
alter table sessions add column second_factor_enrollment_pending boolean not null default false;
