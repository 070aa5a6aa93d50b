-- Documents: scanned certificates, written authorizations and other files people attach to registry entries.
-- The bytes live in the content-addressed blob store; this row says who uploaded what, when, as what.
create table documents (
  id               uuid primary key default gen_random_uuid(),
  sha256           text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size             bigint not null check (size > 0),
  content_type     text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  filename         text not null check (length(filename) between 1 and 255),
  -- The organisation the uploader acted for (null: a platform administrator).
  organisation_id  uuid references organisations (id),
  region_code      text references regions (code),
  uploaded_by      uuid not null references users (id),
  uploaded_at      timestamptz not null
);
create index documents_org_idx on documents (organisation_id, uploaded_at desc);
create index documents_sha_idx on documents (sha256);
