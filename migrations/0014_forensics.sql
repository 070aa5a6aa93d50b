-- Image forensics (issue 12 item 1): what the per-file checks read, kept with each analysis whether or not it led to a
-- finding — the JPEG's scans, trailing bytes and quantization tables with the encoder family and quality they match,
-- the EXIF thumbnail's difference from the picture, and the CPU time of each check. Null for analyses made before.
alter table image_analyses add column forensics jsonb;
