-- Issue 12 items 3–5: a department's decision on each anomaly (dismissed with a reason, or confirmed as a violation),
-- which the report gate reads. Severity is policy's (src/kernel/policy.ts), read from the kind; a report states the
-- anomalies and decisions as they stood when it was generated (in its content), so nothing here needs to freeze it.

alter table anomalies add column decision text check (decision in ('dismissed', 'confirmed'));
alter table anomalies add column violation_id uuid references violations (id);
alter table anomalies add column decided_by_name text;

-- An acknowledgement before this migration was a review with a note and no finding: a dismissal with that note.
alter table anomalies disable trigger anomalies_guard;
update anomalies set decision = 'dismissed' where status = 'acknowledged';
alter table anomalies enable trigger anomalies_guard;

alter table anomalies add constraint anomalies_decision_when_decided check ((status = 'open') = (decision is null));
alter table anomalies add constraint anomalies_violation_when_confirmed check ((decision = 'confirmed') = (violation_id is not null));

-- The desk's queue: the open anomalies of a jurisdiction, oldest first; the report gate: a batch's open anomalies.
create index anomalies_open_region_idx on anomalies (region_code, detected_at) where status = 'open';
create index anomalies_open_batch_idx on anomalies (batch_id) where status = 'open';
