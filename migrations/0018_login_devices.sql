-- Issue 15 item 1: sign-in throttling per account, per real client address and per known browser (OWASP device
-- cookies). An attempt records the browser's device cookie when that browser is known to the account tried.
alter table login_attempts add column device_hash text;
create index login_attempts_account_idx on login_attempts (username_lower, at) where not success;
create index login_attempts_address_idx on login_attempts (client_ip, at) where not success;

-- Browsers that signed in to an account: the cookie holds a random token, the table its SHA-256. One browser may be
-- known to several accounts (a shared site computer), hence the pair as key.
create table login_devices (
  token_hash       text not null,
  username_lower   text not null,
  first_success_at timestamptz not null,
  last_success_at  timestamptz not null,
  primary key (token_hash, username_lower)
);
