import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addDays, beijingDate } from '../../kernel/time.ts';
import { liftMarketRestriction, recordMarketRestriction } from '../commissions/index.ts';
import { projectBody } from '../projects/test-fixtures.ts';
import { openBody, signedRecord, startBatchHarness, type BatchHarness } from './test-fixtures.ts';

let h: BatchHarness;
beforeAll(async () => {
  h = await startBatchHarness();
});
afterAll(() => h.t.close());

const B = '/api/v1/batches';
const MIN = 60_000;

/** The manifest that declares exactly what the platform holds for the batch. */
async function wholeManifest(batchId: string) {
  const records = (await h.get('jz.owner', `${B}/${batchId}/records`)).json() as { recordKey: string; version: number; contentSha256: string }[];
  return { recordCount: records.length, imageCount: 0, records: records.map((r) => ({ recordKey: r.recordKey, version: r.version, sha256: r.contentSha256 })), images: [] };
}

describe('opening a batch', () => {
  it('opens with every registry checked, numbered per agency and year, the catalogue pinned, an event and an audit row', async () => {
    const res = await h.post('jz.owner', B, openBody(h.refs, { note: '5#楼 3 层柱回弹' }));
    expect(res.statusCode).toBe(201);
    const b = res.json();
    const year = beijingDate(h.clock.now()).slice(0, 4);
    expect(b.batchNumber).toMatch(new RegExp(`^JC-${year}-\\d{6}$`));
    expect(b).toMatchObject({
      status: 'opened',
      locked: false,
      specialty: 'main_structure',
      agency: { id: h.refs.agencyId },
      project: { id: h.refs.projectId },
      regionCode: '220102',
      catalogueVersion: 1,
      uploadOwner: { id: h.refs.person.owner, name: '刘洋' },
      testers: [{ id: h.refs.person.tester, name: '高峰' }],
      witness: { id: h.refs.witness.sun, name: '孙立', registeredNow: true },
      deadline: { state: 'open', deadline: null },
      note: '5#楼 3 层柱回弹',
    });
    expect(b.items.map((i: { code: string }) => i.code)).toEqual(['concrete_rebound', 'concrete_core_strength']);
    expect(b.components).toHaveLength(3);
    expect(b.events).toEqual([expect.objectContaining({ event: 'open', fromStatus: null, toStatus: 'opened', actorName: '刘洋' })]);
    const audit = await h.t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'batch.open').where('target_id', '=', b.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ organisation_id: h.refs.agencyId, region_code: '220102' });
  });

  it('numbers are consecutive and never skipped, also when openings race and when one is refused', async () => {
    const before = (await h.open()).batchNumber;
    const refused = await h.post('jz.owner', B, openBody(h.refs, { itemCodes: ['no_such_item'] }));
    expect(refused.statusCode).toBe(422);
    const raced = await Promise.all(Array.from({ length: 5 }, () => h.post('lims', B, openBody(h.refs))));
    expect(raced.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const seq = (n: string) => Number(n.slice(-6));
    const numbers = raced.map((r) => seq(r.json().batchNumber)).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5].map((i) => seq(before) + i));
  });

  it("the agency's system (machine credential) opens batches; an Idempotency-Key makes a retry return the first batch", async () => {
    const key = 'open-batch-0001';
    const first = await h.post('lims', B, openBody(h.refs), { 'idempotency-key': key });
    const retry = await h.post('lims', B, openBody(h.refs), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(first.json().events[0]).toMatchObject({ actorType: 'machine', actorName: '建正 LIMS' });
  });

  it.each<[string, () => object, string, string]>([
    ['an unconnected agency (长春建科 has no verified equipment)', () => openBody(h.refs), 'AGENCY_NOT_CONNECTED', 'agency'],
  ])('refuses %s', async (_what, body, code, field) => {
    const res = await h.post('jk.tester', B, body());
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code, field });
  });

  it.each<[string, () => object, string, string]>([
    ['a specialty the commission does not cover (钢结构)', () => openBody(h.refs, { specialty: 'steel_structure', itemCodes: ['weld_ultrasonic'] }), 'COMMISSION_SPECIALTY_NOT_COVERED', 'body.specialty'],
    ['an unknown commission', () => openBody(h.refs, { commissionId: '00000000-0000-4000-8000-000000000001' }), 'COMMISSION_NOT_FOUND', 'body.commissionId'],
    ['an item of another specialty', () => openBody(h.refs, { itemCodes: ['concrete_rebound', 'pile_low_strain'] }), 'ITEM_NOT_IN_SPECIALTY', 'body.itemCodes.1'],
    ['an item not in the catalogue', () => openBody(h.refs, { itemCodes: ['no_such_item'] }), 'ITEM_UNKNOWN', 'body.itemCodes.0'],
    ['equipment of no registry', () => openBody(h.refs, { equipmentIds: ['00000000-0000-4000-8000-000000000002'] }), 'EQUIPMENT_NOT_FOUND', 'body.equipmentIds.0'],
    ['a tester not certified for the specialty (刘洋 holds no 地基基础 certificate)', () => openBody(h.refs, { specialty: 'foundation', itemCodes: ['pile_low_strain'], testerPersonIds: [h.refs.person.tester, h.refs.person.owner] }), 'TESTER_NOT_CERTIFIED', 'body.testerPersonIds.1'],
    ['a tester who is not registered as one (韩雪 is a reviewer)', () => openBody(h.refs, { testerPersonIds: [h.refs.person.reviewer] }), 'TESTER_ROLE_MISSING', 'body.testerPersonIds.0'],
    ['an upload owner not registered for uploads', () => openBody(h.refs, { uploadOwnerPersonId: h.refs.person.tester }), 'UPLOAD_OWNER_ROLE_MISSING', 'body.uploadOwnerPersonId'],
    ['an upload owner of no agency', () => openBody(h.refs, { uploadOwnerPersonId: '00000000-0000-4000-8000-000000000003' }), 'UPLOAD_OWNER_UNKNOWN', 'body.uploadOwnerPersonId'],
    ['a component ID with a wrong check character', () => openBody(h.refs, { componentIds: [h.refs.components[0]!, 'QC00000000001'] }), 'COMPONENT_ID_INVALID', 'body.componentIds.1'],
    ['a well-formed component ID registered nowhere', () => openBody(h.refs, { componentIds: ['QC00000000000'] }), 'COMPONENT_NOT_IN_PROJECT', 'body.componentIds.0'],
  ])('refuses %s', async (_what, body, code, field) => {
    const res = await h.post('jz.owner', B, body());
    expect([400, 422]).toContain(res.statusCode);
    expect(res.json()).toMatchObject({ code, field });
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses equipment whose calibration has expired', async () => {
    const today = beijingDate(h.clock.now());
    const e = await h.t.deps.db
      .insertInto('equipment')
      .values({
        agency_id: h.refs.agencyId,
        equipment_type: '数显回弹仪',
        maker: '北京智博联科技股份有限公司',
        model: 'ZBL-S210',
        serial_number: 'S210-2022-0031',
        auto_collect: true,
        auto_collect_protocol: '蓝牙',
        status: 'verified',
        submitted_by: null,
        submitted_at: h.clock.now(),
        decided_by: null,
        decided_at: h.clock.now(),
        decision_reason: null,
        created_at: h.clock.now(),
        updated_at: h.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.t.deps.db
      .insertInto('equipment_calibrations')
      .values({ equipment_id: e.id, certificate_number: 'JD-S210-2025', kind: 'verification', issuing_body: '吉林省计量科学研究院', valid_from: addDays(today, -366), valid_to: addDays(today, -1), document_id: null, created_by: null, created_at: h.clock.now() })
      .execute();
    const res = await h.post('jz.owner', B, openBody(h.refs, { equipmentIds: [h.refs.equipment.rebound, e.id] }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'EQUIPMENT_CALIBRATION_EXPIRED', field: 'body.equipmentIds.1' });
  });

  it('refuses a witness not registered for the project, and components of another project', async () => {
    const project = (await h.post('builder.chen', '/api/v1/projects', projectBody(h, { name: '见证未登记测试项目' }))).json();
    const commission = await h.post('builder.chen', '/api/v1/commissions', { projectId: project.id, agencyId: h.refs.agencyId, specialties: ['main_structure'] });
    expect(commission.statusCode).toBe(201);
    const comps = await h.post('contractor.zhou', `/api/v1/projects/${project.id}/components`, { items: [{ building: '1#楼', floor: '1层', position: 'A-1轴', componentType: '柱' }] });
    expect(comps.statusCode).toBe(201);
    const code = comps.json().items[0].code;
    const base = { projectId: project.id, commissionId: commission.json().id, componentIds: [code] };
    const witness = await h.post('jz.owner', B, openBody(h.refs, base));
    expect(witness.statusCode).toBe(422);
    expect(witness.json()).toMatchObject({ code: 'WITNESS_NOT_REGISTERED', field: 'body.witnessPersonId' });
    const foreign = await h.post('jz.owner', B, openBody(h.refs, { componentIds: [h.refs.components[2]!, code] }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({ code: 'COMPONENT_NOT_IN_PROJECT', field: 'body.componentIds.1' });
  });

  it('a market restriction bars new commissions, not batches under a commission already made', async () => {
    const ctx = { actor: { kind: 'system' as const, name: 'enforcement-test' }, requestId: 'test', clientIp: null, now: h.clock.now() };
    const restriction = await h.t.deps.db.transaction().execute((trx) =>
      recordMarketRestriction(trx, ctx, { organisationId: h.refs.agencyId, reason: '信用降级', restrictedFrom: h.clock.now(), restrictedUntil: null, decidedBy: h.org('dept-nanguan') }),
    );
    const res = await h.post('jz.owner', B, openBody(h.refs));
    await h.t.deps.db.transaction().execute((trx) => liftMarketRestriction(trx, ctx, restriction.id, '测试结束'));
    expect(res.statusCode).toBe(201);
  });

  it.each([
    ['the agency administrator (not a tester or upload owner)', 'jz.admin', 'BATCH_OPERATOR_ROLE_REQUIRED'],
    ['the construction unit', 'builder.chen', 'BATCH_OPEN_AGENCY_ONLY'],
    ['a department officer', 'officer.nanguan', 'BATCH_OPEN_AGENCY_ONLY'],
  ] as const)('refuses %s with 403', async (_what, who, code) => {
    const res = await h.post(who, B, openBody(h.refs));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe(code);
  });

  it('refuses unknown fields in the body', async () => {
    const res = await h.post('jz.owner', B, { ...openBody(h.refs), agencyId: h.refs.agencyId });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.agencyId' });
  });
});

describe('completion, seal and double review', () => {
  it('walks a batch through its life: every transition an event with actor, time and from → to', async () => {
    const b = await h.open({ testerPersonIds: [h.refs.person.tester] });
    h.clock.advance(10 * MIN);
    const r1 = await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - MIN)));
    expect(r1.statusCode).toBe(201);
    h.clock.advance(10 * MIN);
    const attest = await h.post('witness.sun', `${B}/${b.id}/witness-attestations`, { statement: '已旁站见证回弹法检测全过程' });
    expect(attest.statusCode).toBe(201);
    expect(attest.json()).toMatchObject({ witness: { name: '孙立' }, registered: true });

    const completedAt = new Date(h.clock.now().getTime() - 2 * MIN);
    const done = await h.post('lims', `${B}/${b.id}/complete`, { completedAt: completedAt.toISOString() });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      completedAt: completedAt.toISOString(),
      deadline: { state: 'running', deadline: new Date(completedAt.getTime() + 2 * 3_600_000).toISOString(), overdue: false },
    });
    expect(done.json().deadline.remainingMs).toBe(2 * 3_600_000 - 2 * MIN);
    const again = await h.post('lims', `${B}/${b.id}/complete`, { completedAt: completedAt.toISOString() });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('BATCH_ALREADY_COMPLETED');

    h.clock.advance(20 * MIN);
    // Only the upload owner (or the agency's system) seals: 高峰 is a tester.
    const byTester = await h.post('jz.tester', `${B}/${b.id}/seal`, await wholeManifest(b.id));
    expect(byTester.statusCode).toBe(403);
    expect(byTester.json().code).toBe('SEAL_UPLOAD_OWNER_ONLY');
    const sealed = await h.post('jz.owner', `${B}/${b.id}/seal`, await wholeManifest(b.id));
    expect(sealed.statusCode).toBe(200);
    expect(sealed.json()).toMatchObject({ status: 'sealed', deadline: { sealedOnTime: true, overdue: false, remainingMs: null } });
    expect(sealed.json().seals).toEqual([expect.objectContaining({ seq: 1, recordCount: 1, imageCount: 0, sealedByName: '刘洋' })]);
    // No images and no check-in reached this batch: the seal records that for the departments.
    const kinds = sealed.json().anomalies.map((a: { kind: string }) => a.kind).sort();
    expect(kinds).toEqual(['record_missing_images', 'witness_no_checkin']);

    const late = await h.upload('lims', b.id, signedRecord(h.refs, b.id, completedAt));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('BATCH_SEALED');

    h.clock.advance(30 * MIN);
    const approved = await h.post('jz.reviewer', `${B}/${b.id}/review`, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'reviewed', reviews: [{ decision: 'approve', reviewer: { name: '韩雪' } }] });
    const after = await h.upload('lims', b.id, signedRecord(h.refs, b.id, completedAt));
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('BATCH_NOT_OPEN_FOR_UPLOAD');

    const events = (await h.get('officer.nanguan', `${B}/${b.id}/events`)).json();
    expect(events.map((e: { event: string; fromStatus: string | null; toStatus: string | null }) => [e.event, e.fromStatus, e.toStatus])).toEqual([
      ['open', null, 'opened'],
      ['upload_started', 'opened', 'uploading'],
      ['witness.attest', 'uploading', 'uploading'],
      ['complete', 'uploading', 'completed'],
      ['seal', 'completed', 'sealed'],
      ['review.approve', 'sealed', 'reviewed'],
    ]);
    expect(events.map((e: { actorName: string }) => e.actorName)).toEqual(['刘洋', '建正 LIMS', '孙立', '建正 LIMS', '刘洋', '韩雪']);
    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', b.id).where('action', 'like', 'batch.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['batch.open', 'batch.upload_started', 'batch.witness.attest', 'batch.complete', 'batch.seal', 'batch.review.approve']);
  });

  it('accepts a completion before the last capture, flagged completion_before_capture; refuses one before opening or in the future', async () => {
    const b = await h.open();
    h.clock.advance(30 * MIN);
    await h.upload('lims', b.id, signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - MIN)));
    const beforeOpening = await h.post('lims', `${B}/${b.id}/complete`, { completedAt: new Date(h.clock.now().getTime() - 31 * MIN).toISOString() });
    expect(beforeOpening.statusCode).toBe(422);
    expect(beforeOpening.json()).toMatchObject({ code: 'COMPLETION_BEFORE_OPENING', field: 'body.completedAt' });
    const future = await h.post('lims', `${B}/${b.id}/complete`, { completedAt: new Date(h.clock.now().getTime() + 10 * MIN).toISOString() });
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('COMPLETION_IN_FUTURE');
    const early = await h.post('lims', `${B}/${b.id}/complete`, { completedAt: new Date(h.clock.now().getTime() - 5 * MIN).toISOString() });
    expect(early.statusCode).toBe(200);
    expect(early.json().anomalies).toEqual([expect.objectContaining({ kind: 'completion_before_capture', kindLabel: '申报完成时间早于最后采集时间', status: 'open' })]);
  });

  it('refuses a seal whose manifest lists a record that never arrived, naming each missing item; then seals the whole one', async () => {
    const b = await h.open();
    h.clock.advance(5 * MIN);
    const rec = signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - MIN));
    await h.upload('lims', b.id, rec);
    await h.post('lims', `${B}/${b.id}/complete`, { completedAt: h.clock.now().toISOString() });
    const whole = await wholeManifest(b.id);
    const missing = {
      recordCount: 2,
      imageCount: 1,
      records: [...whole.records, { recordKey: 'R-never-sent', version: 1, sha256: 'a'.repeat(64) }],
      images: [{ sha256: 'b'.repeat(64) }],
    };
    const res = await h.post('jz.owner', `${B}/${b.id}/seal`, missing);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'SEAL_MANIFEST_INCOMPLETE',
      field: 'body.records.1',
      problems: [
        { kind: 'record_missing', recordKey: 'R-never-sent', version: 1, index: 1 },
        { kind: 'image_missing', sha256: 'b'.repeat(64), index: 0 },
      ],
    });
    expect(res.json().message).toContain('R-never-sent');
    const mismatch = await h.post('jz.owner', `${B}/${b.id}/seal`, { ...whole, records: [{ ...whole.records[0]!, sha256: 'c'.repeat(64) }] });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().problems[0]).toMatchObject({ kind: 'record_mismatch', recordKey: rec.recordKey });
    const counts = await h.post('jz.owner', `${B}/${b.id}/seal`, { ...whole, recordCount: 5 });
    expect(counts.statusCode).toBe(400);
    expect(counts.json()).toMatchObject({ code: 'SEAL_MANIFEST_COUNT_MISMATCH', field: 'body.recordCount' });
    expect((await h.get('jz.owner', `${B}/${b.id}`)).json().status).toBe('completed');
    const ok = await h.post('jz.owner', `${B}/${b.id}/seal`, whole);
    expect(ok.statusCode).toBe(200);
  });

  it('images count for their records and are declared by hash; a check-in and an attestation leave nothing to flag', async () => {
    const b = await h.open();
    h.clock.advance(5 * MIN);
    const rec = signedRecord(h.refs, b.id, new Date(h.clock.now().getTime() - MIN));
    await h.upload('lims', b.id, rec);
    // Two process images of the record and a check-in photo, as the images module stores them (migration 0008).
    const image = async (n: number, kind: 'process' | 'witness_checkin') => {
      const row = await h.t.deps.db
        .insertInto('images')
        .values({
          batch_id: b.id,
          kind,
          agency_id: h.refs.agencyId,
          project_id: h.refs.projectId,
          region_code: '220102',
          sha256: String(n).repeat(64).slice(0, 64),
          size: 3_500_000,
          content_type: 'image/jpeg',
          format: 'jpeg',
          width: 4000,
          height: 3000,
          captured_at: new Date(h.clock.now().getTime() - MIN),
          location_lat: 43.8468,
          location_lng: 125.3562,
          tester_person_id: kind === 'process' ? h.refs.person.tester : null,
          equipment_id: kind === 'process' ? h.refs.equipment.rebound : null,
          component_code: kind === 'process' ? rec.componentId : null,
          declared: JSON.stringify({}),
          signed: false,
          signed_payload: null,
          signature_alg: null,
          signature_value: null,
          signature_key_id: null,
          supplementary: false,
          channel: 'direct',
          uploaded_at: h.clock.now(),
          uploaded_by_type: 'machine',
          uploaded_by_id: 'lims',
          uploaded_by_name: '建正 LIMS',
        })
        .returning(['id', 'sha256'])
        .executeTakeFirstOrThrow();
      if (kind === 'process') await h.t.deps.db.insertInto('image_records').values({ image_id: row.id, batch_id: b.id, record_key: rec.recordKey }).execute();
      return row;
    };
    const images = [await image(1, 'process'), await image(2, 'process')];
    const photo = await image(3, 'witness_checkin');
    const witnessUser = await h.t.deps.db.selectFrom('users').select('id').where('username', '=', 'witness.sun').executeTakeFirstOrThrow();
    await sql`insert into witness_checkins (batch_id, witness_person_id, user_id, image_id, checked_in_at, location_lat, location_lng, inside_site, named_on_batch)
      values (${b.id}, ${h.refs.witness.sun}, ${witnessUser.id}, ${photo.id}, ${h.clock.now()}, 43.8468, 125.3562, true, true)`.execute(h.t.deps.db);
    await h.post('witness.sun', `${B}/${b.id}/witness-attestations`, { statement: '已现场见证' });
    await h.post('lims', `${B}/${b.id}/complete`, { completedAt: h.clock.now().toISOString() });

    const records = await wholeManifest(b.id);
    // The check-in photo is the witness's: the upload owner declares process images only.
    const withImages = { ...records, imageCount: 2, images: images.map((i) => ({ sha256: i.sha256 })) };
    const missingOne = await h.post('jz.owner', `${B}/${b.id}/seal`, { ...withImages, imageCount: 3, images: [...withImages.images, { sha256: photo.sha256 }] });
    expect(missingOne.statusCode).toBe(422);
    expect(missingOne.json().problems).toEqual([{ kind: 'image_missing', sha256: photo.sha256, index: 2 }]);
    const sealed = await h.post('jz.owner', `${B}/${b.id}/seal`, withImages);
    expect(sealed.statusCode).toBe(200);
    expect(sealed.json().anomalies).toEqual([]);
    expect(sealed.json().seals[0]).toMatchObject({ recordCount: 1, imageCount: 2 });
  });

  it('an arrived record left out of the manifest is kept and flagged, not refused', async () => {
    const b = await h.open();
    h.clock.advance(5 * MIN);
    const at = new Date(h.clock.now().getTime() - MIN);
    await h.upload('lims', b.id, signedRecord(h.refs, b.id, at));
    const second = signedRecord(h.refs, b.id, at, { componentId: h.refs.components[3]! });
    await h.upload('lims', b.id, second);
    await h.post('lims', `${B}/${b.id}/complete`, { completedAt: h.clock.now().toISOString() });
    const whole = await wholeManifest(b.id);
    const partial = { ...whole, recordCount: 1, records: whole.records.filter((r) => r.recordKey !== second.recordKey) };
    const res = await h.post('lims', `${B}/${b.id}/seal`, partial);
    expect(res.statusCode).toBe(200);
    expect(res.json().anomalies).toContainEqual(expect.objectContaining({ kind: 'undeclared_at_seal', subjectType: 'record', subjectId: `${second.recordKey}@1` }));
  });

  it('a tester cannot review a batch they tested; a second registered reviewer can; a return needs reasons and reopens it for correction', async () => {
    // A small agency: 韩雪 is registered as tester and reviewer.
    await h.t.deps.db.updateTable('personnel').set({ roles: ['tester', 'reviewer'] }).where('id', '=', h.refs.person.reviewer).execute();
    const tested = await h.open({ testerPersonIds: [h.refs.person.reviewer] });
    const other = await h.open({ testerPersonIds: [h.refs.person.tester] });
    for (const b of [tested, other]) {
      await h.upload('lims', b.id, signedRecord(h.refs, b.id, h.clock.now()));
      await h.post('lims', `${B}/${b.id}/complete`, { completedAt: h.clock.now().toISOString() });
      expect((await h.post('jz.owner', `${B}/${b.id}/seal`, await wholeManifest(b.id))).statusCode).toBe(200);
    }
    const own = await h.post('jz.reviewer', `${B}/${tested.id}/review`, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('REVIEWER_IS_TESTER');
    const notReviewer = await h.post('jz.owner', `${B}/${other.id}/review`, { decision: 'approve' });
    expect(notReviewer.statusCode).toBe(403);
    expect(notReviewer.json().code).toBe('REVIEWER_ROLE_REQUIRED');

    const noReason = await h.post('jz.reviewer', `${B}/${other.id}/review`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'REVIEW_REASONS_REQUIRED', field: 'body.reasons' });
    const returned = await h.post('jz.reviewer', `${B}/${other.id}/review`, { decision: 'return', reasons: '测区 3 碳化深度与现场记录不符，请核对后更正' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'completed', reviews: [{ decision: 'return', reasons: '测区 3 碳化深度与现场记录不符，请核对后更正' }] });
    // The correction goes in as version 2, the batch is sealed again, and approved.
    const records = (await h.get('jz.owner', `${B}/${other.id}/records`)).json();
    const v1 = records[0];
    const fix = signedRecord(h.refs, other.id, new Date(v1.capturedAt), { recordKey: v1.recordKey, values: { ...v1.values, carbonationDepth: 2.5 }, correctionOf: { version: 1, reason: '碳化深度录入有误，按现场记录更正' } });
    expect((await h.upload('lims', other.id, fix)).statusCode).toBe(201);
    const resealed = await h.post('jz.owner', `${B}/${other.id}/seal`, await wholeManifest(other.id));
    expect(resealed.statusCode).toBe(200);
    expect(resealed.json().seals.map((s: { seq: number }) => s.seq)).toEqual([1, 2]);
    const approved = await h.post('jz.reviewer', `${B}/${other.id}/review`, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().reviews.map((r: { decision: string }) => r.decision)).toEqual(['return', 'approve']);
    await h.t.deps.db.updateTable('personnel').set({ roles: ['reviewer'] }).where('id', '=', h.refs.person.reviewer).execute();
  });
});

describe('witness attestation', () => {
  it('only the batch\'s registered witness attests (他人代见证 refused)', async () => {
    const b = await h.open();
    const byBuilder = await h.post('builder.chen', `${B}/${b.id}/witness-attestations`, { statement: '代为见证' });
    expect(byBuilder.statusCode).toBe(403);
    expect(byBuilder.json().code).toBe('WITNESS_NOT_BATCH_WITNESS');
    const other = await h.open({ witnessPersonId: h.refs.witness.zhou });
    const notHers = await h.post('witness.sun', `${B}/${other.id}/witness-attestations`, { statement: '已见证' });
    expect(notHers.statusCode).toBe(403);
    expect(notHers.json().code).toBe('WITNESS_NOT_BATCH_WITNESS');
  });
});

describe('manual-entry exceptions', () => {
  it('a department officer of the jurisdiction grants one, audited; others cannot', async () => {
    const b = await h.open();
    const byAgency = await h.post('jz.owner', `${B}/${b.id}/manual-entry-exceptions`, { itemCode: 'concrete_rebound', reason: '设备蓝牙故障' });
    expect(byAgency.statusCode).toBe(403);
    const outside = await h.post('officer.chaoyang', `${B}/${b.id}/manual-entry-exceptions`, { itemCode: 'concrete_rebound', reason: '设备蓝牙故障' });
    expect(outside.statusCode).toBe(404);
    const notOnBatch = await h.post('officer.nanguan', `${B}/${b.id}/manual-entry-exceptions`, { itemCode: 'rebar_cover', reason: '设备蓝牙故障' });
    expect(notOnBatch.statusCode).toBe(422);
    expect(notOnBatch.json()).toMatchObject({ code: 'ITEM_NOT_ON_BATCH', field: 'body.itemCode' });
    const ok = await h.post('officer.nanguan', `${B}/${b.id}/manual-entry-exceptions`, { itemCode: 'concrete_rebound', reason: '回弹仪蓝牙模块故障，经现场核实同意人工录入' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ itemCode: 'concrete_rebound', department: { id: h.org('dept-nanguan') }, grantedByName: '马志远' });
    const twice = await h.post('officer.nanguan', `${B}/${b.id}/manual-entry-exceptions`, { itemCode: 'concrete_rebound', reason: '重复' });
    expect(twice.statusCode).toBe(409);
    const audit = await h.t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'batch.manual_exception.grant').where('target_id', '=', b.id).execute();
    expect(audit).toHaveLength(1);
  });
});

describe('scope', () => {
  let here: { id: string };
  let there: { id: string; openedAt: string };
  beforeAll(async () => {
    here = await h.open();
    // A project of the same builder and supervisor in 朝阳区 (220104), with 孙立 authorized for it.
    const project = (await h.post('builder.chen', '/api/v1/projects', projectBody(h, { name: '朝阳区范围测试项目', regionCode: '220104' }))).json();
    const commission = (await h.post('builder.chen', '/api/v1/commissions', { projectId: project.id, agencyId: h.refs.agencyId, specialties: ['main_structure'] })).json();
    const comps = (await h.post('contractor.zhou', `/api/v1/projects/${project.id}/components`, { items: [{ building: '2#楼', floor: '1层', position: 'B-2轴', componentType: '柱' }] })).json();
    const auth = await h.t.deps.db.selectFrom('witness_authorizations').select('id').where('witness_id', '=', h.refs.witness.sun).executeTakeFirstOrThrow();
    await h.t.deps.db
      .insertInto('witness_authorization_effects')
      .values({ authorization_id: auth.id, witness_id: h.refs.witness.sun, project_id: project.id, effect: 'grant', effective_at: new Date(h.clock.now().getTime() - 86_400_000) })
      .execute();
    there = await h.open({ projectId: project.id, commissionId: commission.id, componentIds: [comps.items[0].code] });
  });

  it.each([
    ['another agency (its people)', 'jk.tester'],
    ["another agency's system", 'jk.lims'],
    ['a county officer of another county', 'officer.chaoyang'],
  ] as const)('a batch is 404 to %s', async (_what, who) => {
    const res = await h.get(who, `${B}/${here.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('BATCH_NOT_FOUND');
    expect((await h.get(who, `${B}/${here.id}/records`)).statusCode).toBe(404);
    expect((await h.get(who, `${B}/${here.id}/events`)).statusCode).toBe(404);
  });

  it.each(['officer.nanguan', 'officer.changchun', 'officer.province', 'builder.chen', 'contractor.zhou', 'witness.sun', 'jz.tester', 'lims', 'admin'] as const)(
    '%s sees it',
    async (who) => {
      expect((await h.get(who, `${B}/${here.id}`)).statusCode).toBe(200);
    },
  );

  it("a county officer's list holds only their county's batches", async () => {
    const ids = async (who: 'officer.nanguan' | 'officer.chaoyang' | 'officer.changchun') =>
      ((await h.get(who, `${B}?pageSize=100`)).json().items as { id: string; regionCode: string }[]);
    const nanguan = await ids('officer.nanguan');
    const chaoyang = await ids('officer.chaoyang');
    const city = await ids('officer.changchun');
    expect(nanguan.map((b) => b.id)).toContain(here.id);
    expect(nanguan.map((b) => b.id)).not.toContain(there.id);
    expect(nanguan.every((b) => b.regionCode === '220102')).toBe(true);
    expect(chaoyang.map((b) => b.id)).toContain(there.id);
    expect(chaoyang.every((b) => b.regionCode === '220104')).toBe(true);
    expect(city.map((b) => b.id)).toEqual(expect.arrayContaining([here.id, there.id]));
  });

  it('another agency lists nothing; filters apply within scope', async () => {
    expect((await h.get('jk.tester', B)).json()).toEqual({ items: [], total: 0 });
    const byProject = (await h.get('jz.owner', `${B}?projectId=${h.refs.projectId}&status=opened&pageSize=100`)).json();
    expect(byProject.items.length).toBeGreaterThan(0);
    expect(byProject.items.every((b: { project: { id: string }; status: string }) => b.project.id === h.refs.projectId && b.status === 'opened')).toBe(true);
    // The demo seeds one batch locked late (src/seed/deadlines.ts).
    expect((await h.get('jz.owner', `${B}?locked=true`)).json().total).toBe(1);
  });

  it('visible but not theirs to change: 403 (a department completing, the construction unit sealing)', async () => {
    const complete = await h.post('officer.nanguan', `${B}/${here.id}/complete`, { completedAt: h.clock.now().toISOString() });
    expect(complete.statusCode).toBe(403);
    const seal = await h.post('builder.chen', `${B}/${here.id}/seal`, { recordCount: 0, imageCount: 0, records: [], images: [] });
    expect(seal.statusCode).toBe(403);
  });

  it("the departments' anomaly list is scoped to their jurisdiction", async () => {
    // A record of a component the batch does not name gives 朝阳区's batch an anomaly (a capture 1 ms before opening
    // no longer does: records share the images' capture-window tolerance).
    const early = await h.upload('lims', there.id, signedRecord(h.refs, there.id, new Date(new Date(there.openedAt).getTime() - 1)));
    expect(early.statusCode).toBe(201);
    const chaoyang = (await h.get('officer.chaoyang', '/api/v1/anomalies?pageSize=100')).json();
    expect(chaoyang.items.length).toBeGreaterThan(0);
    expect(chaoyang.items.every((a: { batchId: string }) => a.batchId === there.id)).toBe(true);
    expect(chaoyang.items.map((a: { kind: string }) => a.kind)).toContain('component_not_on_batch');
    const nanguan = (await h.get('officer.nanguan', '/api/v1/anomalies?pageSize=100')).json();
    expect(nanguan.items.some((a: { batchId: string }) => a.batchId === there.id)).toBe(false);
    expect((await h.get('jk.tester', '/api/v1/anomalies')).json().total).toBe(0);
    const target = chaoyang.items[0];
    const byOther = await h.post('officer.nanguan', `/api/v1/anomalies/${target.id}/acknowledge`, { note: '已核查' });
    expect(byOther.statusCode).toBe(404);
    const byAgency = await h.post('jz.owner', `/api/v1/anomalies/${target.id}/acknowledge`, { note: '已核查' });
    expect(byAgency.statusCode).toBe(403);
    const ack = await h.post('officer.chaoyang', `/api/v1/anomalies/${target.id}/acknowledge`, { note: '经核查为设备时钟偏差，已约谈提醒' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgeNote: '经核查为设备时钟偏差，已约谈提醒' });
  });
});

describe('the database keeps the history', () => {
  it('refuses to change or delete batch events', async () => {
    await expect(sql`update batch_events set reason = 'x'`.execute(h.t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from batch_events`.execute(h.t.deps.db)).rejects.toThrow(/append-only/);
  });

  it('refuses to change the facts of an anomaly or delete it', async () => {
    await expect(sql`update anomalies set kind = 'other_kind'`.execute(h.t.deps.db)).rejects.toThrow(/cannot change/);
    await expect(sql`delete from anomalies`.execute(h.t.deps.db)).rejects.toThrow(/never deleted/);
  });

  it('refuses to change seals and reviews', async () => {
    await expect(sql`update batch_seals set record_count = 0`.execute(h.t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from batch_reviews`.execute(h.t.deps.db)).rejects.toThrow(/append-only/);
  });
});
