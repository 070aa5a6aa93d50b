-- Issue 11: signed field capture on the phone (DESIGN.md §4 "Signed capture").
-- Capture keys are enrolled by their holder (a person, or an agency's capture app through its machine credential),
-- approved by the organisation, revoked or expired; challenges are single-use nonces issued to one holder; every image
-- whose capture manifest verified keeps the manifest and signature beside it (append-only, like the image itself).

create table capture_keys (
  id                uuid primary key default gen_random_uuid(),
  -- Who holds the private key: a person's account, or an agency system's machine credential (its capture app).
  owner_type        text not null check (owner_type in ('user', 'machine')),
  owner_id          uuid not null,
  owner_name        text not null,
  organisation_id   uuid not null references organisations (id),
  region_code       text not null references regions (code),
  -- 'Ed25519' (RFC 8032) or 'ES256' (ECDSA P-256 with SHA-256, signature as IEEE P1363 r||s).
  algorithm         text not null check (algorithm in ('Ed25519', 'ES256')),
  -- The SubjectPublicKeyInfo (DER), base64; its SHA-256 (hex) is the key's fingerprint, unique over all keys.
  public_key_spki   text not null,
  fingerprint       text not null unique check (fingerprint ~ '^[0-9a-f]{64}$'),
  label             text not null check (length(label) between 1 and 100),
  enrolled_at       timestamptz not null,
  expires_at        timestamptz not null,
  approved_at       timestamptz,
  approved_by_id    uuid references users (id),
  approved_by_name  text,
  revoked_at        timestamptz,
  revoked_by_type   text check (revoked_by_type in ('user', 'machine')),
  revoked_by_id     uuid,
  revoke_reason     text,
  check ((approved_at is null) = (approved_by_id is null)),
  check ((revoked_at is null) = (revoked_by_id is null))
);
create index capture_keys_owner_idx on capture_keys (owner_type, owner_id);
create index capture_keys_org_idx on capture_keys (organisation_id, enrolled_at desc);

-- A challenge: a random nonce with its issue time, for one holder, used at most once. Its code (8 characters of
-- Crockford base32) is what the phone prints in the watermark and what the public verification page resolves.
create table capture_challenges (
  id                uuid primary key default gen_random_uuid(),
  nonce             text not null unique check (nonce ~ '^[A-Za-z0-9_-]{43}$'),
  code              text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
  issued_to_type    text not null check (issued_to_type in ('user', 'machine')),
  issued_to_id      uuid not null,
  organisation_id   uuid not null references organisations (id),
  issued_at         timestamptz not null,
  expires_at        timestamptz not null,
  used_at           timestamptz,
  -- What used it: 'image_upload:<id>' (a resumable upload, at its creation) or 'image:<id>' (a direct upload),
  -- 'attestation:<batch id>'.
  used_for          text,
  check ((used_at is null) = (used_for is null))
);
create index capture_challenges_holder_idx on capture_challenges (issued_to_type, issued_to_id, issued_at desc);

-- The verified capture manifest of an image: the JCS text that was signed, the signature, the key and the challenge.
create table image_captures (
  image_id          uuid primary key references images (id),
  key_id            uuid not null references capture_keys (id),
  challenge_id      uuid not null unique references capture_challenges (id),
  algorithm         text not null check (algorithm in ('Ed25519', 'ES256')),
  manifest          text not null,
  signature         text not null,
  position_accuracy double precision not null check (position_accuracy >= 0),
  position_fixed_at timestamptz not null,
  app_version       text not null,
  verified_at       timestamptz not null
);
create trigger image_captures_no_update_delete before update or delete on image_captures
  for each row execute function qtrace_refuse_change();
create trigger image_captures_no_truncate before truncate on image_captures
  for each statement execute function qtrace_refuse_change();
