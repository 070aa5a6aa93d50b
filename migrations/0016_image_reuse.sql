-- Issue 12 item 2: reuse of a picture found through crops, mirrors, 90° rotations, scaling, recompression and
-- brightness changes, across every batch of the province (its own batch included).

-- The perceptual hashes of each analysed image (src/modules/images/rules/reuse-hash.ts): the whole picture and its
-- windows, each in canonical orientation (usually one row per region; two or more where the orientation is close to
-- call). Multi-index hashing: each 64-bit hash is split into four 16-bit chunks with an index each; two hashes within
-- d ≤ 7 bits agree in some chunk within one bit (pigeonhole), so a lookup probes each chunk's index with the value and
-- its 16 one-bit neighbours and checks only those candidates in full (bit_count of the XOR). The indexes carry the hash
-- and the image, so the candidates are checked from the index alone; only the few within the distance are read.
create table image_reuse_hashes (
  image_id     uuid not null references images (id),
  region       text not null check (region ~ '^(whole|w[0-9][0-9])$'),
  orientation  text not null check (orientation in ('id', 'h', 'v', 'hv', 't', 'th', 'tv', 'thv')),
  hash         bigint not null,
  c0           integer not null check (c0 between 0 and 65535),
  c1           integer not null check (c1 between 0 and 65535),
  c2           integer not null check (c2 between 0 and 65535),
  c3           integer not null check (c3 between 0 and 65535),
  primary key (image_id, region, orientation)
);
create index image_reuse_hashes_c0_idx on image_reuse_hashes (c0) include (hash, image_id);
create index image_reuse_hashes_c1_idx on image_reuse_hashes (c1) include (hash, image_id);
create index image_reuse_hashes_c2_idx on image_reuse_hashes (c2) include (hash, image_id);
create index image_reuse_hashes_c3_idx on image_reuse_hashes (c3) include (hash, image_id);
create trigger image_reuse_hashes_no_update_delete before update or delete on image_reuse_hashes
  for each row execute function qtrace_refuse_change();

-- The full evidence of each reuse finding, kept apart from the anomaly (whose details the uploading agency reads):
-- the suspected original, its batch and agency, the regions and orientations that matched, the distance. Shown to the
-- departments of the reusing image's jurisdiction, and to whoever may see the original anyway (its own agency).
create table image_reuse_matches (
  id                    uuid primary key default gen_random_uuid(),
  image_id              uuid not null references images (id),
  original_image_id     uuid not null references images (id),
  match                 text not null check (match in ('identical', 'similar')),
  transform             text not null,
  image_region          text,
  original_region       text,
  hamming_distance      integer check (hamming_distance between 0 and 64),
  max_distance          integer not null,
  image_hash            text check (image_hash ~ '^[0-9a-f]{16}$'),
  original_hash         text check (original_hash ~ '^[0-9a-f]{16}$'),
  detected_at           timestamptz not null,
  unique (image_id, original_image_id),
  check (image_id <> original_image_id)
);
create index image_reuse_matches_original_idx on image_reuse_matches (original_image_id);
create trigger image_reuse_matches_no_update_delete before update or delete on image_reuse_matches
  for each row execute function qtrace_refuse_change();

-- The whole-picture dHash bands of migration 0008 are no longer looked up (the reuse index replaces them); their
-- indexes would only cost every analysis a write. The columns stay (append-only history; filled as before).
drop index image_analyses_b0_idx;
drop index image_analyses_b1_idx;
drop index image_analyses_b2_idx;
drop index image_analyses_b3_idx;
