-- Issue 4 items 3–6: process images (过程影像) with declared metadata beside what the platform reads in the file,
-- their processing jobs, resumable uploads (tus 1.0), and witness check-ins at the site.
-- Evidence tables are append-only (qtrace_refuse_change, migration 0007); only the job queue and the upload sessions,
-- which are operational state, change in place.

-- One row per accepted image: the bytes are in the content-addressed blob store (stored and fsynced before this row
-- commits); the row keeps what the client declared, verbatim in `declared` and typed in the columns.
create table images (
  id                  uuid primary key default gen_random_uuid(),
  batch_id            uuid not null references batches (id),
  -- 'process': a process image of the batch (过程影像); 'witness_checkin': the photo of a witness check-in.
  kind                text not null check (kind in ('process', 'witness_checkin')),
  -- Copied from the batch, so that scoping an image needs no join: the agency's, the jurisdiction's, the project's.
  agency_id           uuid not null references organisations (id),
  project_id          uuid not null references projects (id),
  region_code         text not null references regions (code),
  sha256              text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size                bigint not null check (size > 0),
  content_type        text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/avif')),
  format              text not null check (format in ('jpeg', 'png', 'webp', 'heif')),
  -- From the file's header (after EXIF orientation), read before anything decoded it.
  width               integer not null check (width > 0),
  height              integer not null check (height > 0),
  -- Declared capture time and place.
  captured_at         timestamptz not null,
  location_lat        double precision not null check (location_lat between -90 and 90),
  location_lng        double precision not null check (location_lng between -180 and 180),
  -- Declared tester, equipment and component (process images); null for check-in photos.
  tester_person_id    uuid,
  equipment_id        uuid,
  component_code      text,
  -- The declared metadata exactly as received (the signature's subject is computed from it).
  declared            jsonb not null,
  signed              boolean not null,
  signed_payload      text,
  signature_alg       text check (signature_alg = 'Ed25519'),
  signature_value     text,
  signature_key_id    uuid references equipment_keys (id),
  -- Received while the batch was locked or after it had been (补传).
  supplementary       boolean not null,
  channel             text not null check (channel in ('direct', 'resumable')),
  uploaded_at         timestamptz not null,
  uploaded_by_type    text not null check (uploaded_by_type in ('user', 'machine')),
  uploaded_by_id      text not null,
  uploaded_by_name    text not null,
  check (kind <> 'process' or (tester_person_id is not null and equipment_id is not null and component_code is not null)),
  check (signed = (signature_value is not null and signed_payload is not null and signature_key_id is not null))
);
create index images_batch_idx on images (batch_id, uploaded_at);
create index images_sha_idx on images (sha256);
create index images_agency_idx on images (agency_id, uploaded_at desc);
create index images_region_idx on images (region_code, uploaded_at desc);
create trigger images_no_update_delete before update or delete on images
  for each row execute function qtrace_refuse_change();
create trigger images_no_truncate before truncate on images
  for each statement execute function qtrace_refuse_change();

-- Which raw records (by record key: an image may arrive before its record) an image documents.
create table image_records (
  image_id    uuid not null references images (id),
  batch_id    uuid not null references batches (id),
  record_key  text not null check (record_key ~ '^[A-Za-z0-9._:-]{1,100}$'),
  primary key (image_id, record_key)
);
create index image_records_batch_idx on image_records (batch_id, record_key);
create trigger image_records_no_update_delete before update or delete on image_records
  for each row execute function qtrace_refuse_change();

-- What the platform read in the file, once: EXIF kept beside the declared values, the thumbnail (its own blob) and the
-- 64-bit perceptual hash (dHash), split into four 16-bit bands with an index each for the duplicate lookup.
create table image_analyses (
  image_id          uuid primary key references images (id),
  exif              jsonb not null,
  exif_taken_at     timestamptz,
  thumbnail_sha256  text check (thumbnail_sha256 ~ '^[0-9a-f]{64}$'),
  thumbnail_width   integer,
  thumbnail_height  integer,
  perceptual_hash   text check (perceptual_hash ~ '^[0-9a-f]{16}$'),
  phash_b0          integer check (phash_b0 between 0 and 65535),
  phash_b1          integer check (phash_b1 between 0 and 65535),
  phash_b2          integer check (phash_b2 between 0 and 65535),
  phash_b3          integer check (phash_b3 between 0 and 65535),
  -- Why there is no thumbnail (a HEIF whose codec this build cannot decode), in Chinese for the console.
  preview_note      text,
  analysed_at       timestamptz not null,
  check ((perceptual_hash is null) = (phash_b0 is null)),
  check ((thumbnail_sha256 is null) = (preview_note is not null))
);
create index image_analyses_b0_idx on image_analyses (phash_b0) where phash_b0 is not null;
create index image_analyses_b1_idx on image_analyses (phash_b1) where phash_b1 is not null;
create index image_analyses_b2_idx on image_analyses (phash_b2) where phash_b2 is not null;
create index image_analyses_b3_idx on image_analyses (phash_b3) where phash_b3 is not null;
create trigger image_analyses_no_update_delete before update or delete on image_analyses
  for each row execute function qtrace_refuse_change();

-- The processing queue: one job per image, claimed with FOR UPDATE SKIP LOCKED under a lease; a job whose worker died
-- is claimable again once its lease has run out. Finishing checks the claim token, so it happens once.
create table image_jobs (
  image_id      uuid primary key references images (id),
  state         text not null check (state in ('pending', 'running', 'done', 'failed')),
  attempts      integer not null default 0 check (attempts >= 0),
  available_at  timestamptz not null,
  claim_token   uuid,
  claimed_by    text,
  lease_until   timestamptz,
  last_error    text,
  created_at    timestamptz not null,
  finished_at   timestamptz,
  check ((state = 'running') = (claim_token is not null and lease_until is not null)),
  check ((state in ('done', 'failed')) = (finished_at is not null))
);
create index image_jobs_ready_idx on image_jobs (available_at) where state = 'pending';
create index image_jobs_lease_idx on image_jobs (lease_until) where state = 'running';

-- Resumable uploads (tus 1.0 core + creation + termination). The bytes arrive in segments, each stored as a blob and
-- recorded here as it becomes durable; when the last byte is in, the segments are joined into the image's blob and the
-- image is attached to its batch exactly as a direct upload.
create table image_uploads (
  id                uuid primary key default gen_random_uuid(),
  organisation_id   uuid not null references organisations (id),
  batch_id          uuid not null references batches (id),
  kind              text not null check (kind in ('process')),
  upload_length     bigint not null check (upload_length > 0),
  upload_offset     bigint not null default 0 check (upload_offset >= 0),
  -- The declared metadata as received at creation.
  declared          jsonb not null,
  idempotency_key   text not null,
  state             text not null check (state in ('receiving', 'attached', 'refused', 'terminated')),
  image_id          uuid references images (id),
  -- Why a complete upload was refused ({ status, code, message, field }), answered again to any retry.
  refusal           jsonb,
  created_at        timestamptz not null,
  expires_at        timestamptz not null,
  updated_at        timestamptz not null,
  created_by_type   text not null check (created_by_type in ('user', 'machine')),
  created_by_id     text not null,
  created_by_name   text not null,
  check (upload_offset <= upload_length),
  check ((state = 'attached') = (image_id is not null)),
  check ((state = 'refused') = (refusal is not null))
);
create index image_uploads_org_idx on image_uploads (organisation_id, created_at desc);

create table image_upload_segments (
  upload_id   uuid not null references image_uploads (id),
  "offset"    bigint not null check ("offset" >= 0),
  length      integer not null check (length > 0),
  sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  stored_at   timestamptz not null,
  primary key (upload_id, "offset")
);
create trigger image_upload_segments_no_update_delete before update or delete on image_upload_segments
  for each row execute function qtrace_refuse_change();

-- Witness check-ins (见证人员现场签到): the registered witness, at the site, with a photo (an image of kind
-- 'witness_checkin'). The batches module counts these rows per batch at seal time.
create table witness_checkins (
  id                 uuid primary key default gen_random_uuid(),
  batch_id           uuid not null references batches (id),
  witness_person_id  uuid not null references witness_persons (id),
  user_id            uuid not null references users (id),
  image_id           uuid not null unique references images (id),
  -- The platform's time of the check-in; the photo's declared capture time is on the image.
  checked_in_at      timestamptz not null,
  location_lat       double precision not null check (location_lat between -90 and 90),
  location_lng       double precision not null check (location_lng between -180 and 180),
  inside_site        boolean not null,
  -- Whether the witness is the one the batch named (another registered witness of the project is accepted and flagged).
  named_on_batch     boolean not null
);
create index witness_checkins_batch_idx on witness_checkins (batch_id, checked_in_at);
create trigger witness_checkins_no_update_delete before update or delete on witness_checkins
  for each row execute function qtrace_refuse_change();
