import { appendReceipt, receipts } from '../modules/ledger/index.ts';
import { createHash, sign } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import sharp from 'sharp';
import type { BlobStore } from '../kernel/blobs/blob-store.ts';
import type { MachineActor, RequestContext, UserActor } from '../kernel/auth/actor.ts';
import { canonicalJson } from '../kernel/crypto/canonical-json.ts';
import type { Database } from '../kernel/db/types.ts';
import { compareManifest, formatBatchNumber, markUploading, recordSealFindings, type SealManifest, takeBatchNumber, writeBatchEvent } from '../modules/batches/index.ts';
import { getCurrentCatalogue } from '../modules/catalogue/index.ts';
import { addProcessImage, makeCameraJpeg } from '../modules/images/index.ts';
import { normalisePermitNumber } from '../modules/projects/index.ts';
import { recordContentSha256, signingPayload } from '../modules/records/index.ts';
import { addCheckinFromBytes } from '../modules/checkins/index.ts';
import { demoDeviceKeyPair } from './registry-agencies.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The demo's references for batches of 吉林省建正 (agency-jz) on the 幸福里 project, looked up from what the registry
 * seeds wrote: for this seed and for the batch tests.
 */
export interface DemoBatchRefs {
  agencyId: string;
  projectId: string;
  commissionId: string;
  /** The project's component IDs, in the order the contractor registered them. */
  components: string[];
  person: { owner: string; tester: string; reviewer: string; admin: string };
  user: { owner: string; tester: string; reviewer: string };
  equipment: { rebound: string; rebarScanner: string; flawDetector: string };
  deviceKeyId: string;
  witness: { sun: string; zhou: string };
}

export async function loadDemoBatchRefs(db: Db, ids: Record<string, string>): Promise<DemoBatchRefs> {
  const agencyId = ids['agency-jz']!;
  const permit = normalisePermitNumber('220102202603120101');
  if (!permit.ok) throw new Error(permit.message);
  const project = await db.selectFrom('projects').select('id').where('permit_number_key', '=', permit.key).executeTakeFirstOrThrow();
  const commission = await db.selectFrom('commissions').select('id').where('project_id', '=', project.id).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
  const components = await db.selectFrom('components').select('code').where('project_id', '=', project.id).orderBy('created_at').orderBy('id').execute();
  const personOf = async (username: string) => {
    const row = await db
      .selectFrom('personnel as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.id', 'u.id as user_id'])
      .where('u.username', '=', username)
      .executeTakeFirstOrThrow();
    return row;
  };
  const equipmentOf = async (serial: string) =>
    (await db.selectFrom('equipment').select('id').where('agency_id', '=', agencyId).where('serial_number', '=', serial).executeTakeFirstOrThrow()).id;
  const witnessOf = async (name: string) =>
    (await db.selectFrom('witness_persons').select('id').where('supervision_unit_id', '=', ids['super-jl']!).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const [owner, tester, reviewer, admin] = [await personOf('jz.owner'), await personOf('jz.tester'), await personOf('jz.reviewer'), await personOf('jz.admin')];
  const rebound = await equipmentOf('S220-2024-0417');
  const key = await db.selectFrom('equipment_keys').select('id').where('equipment_id', '=', rebound).orderBy('valid_from', 'desc').executeTakeFirstOrThrow();
  const codes = components.map((c) => c.code);
  return {
    agencyId,
    projectId: project.id,
    commissionId: commission.id,
    components: codes,
    person: { owner: owner.id, tester: tester.id, reviewer: reviewer.id, admin: admin.id },
    user: { owner: owner.user_id, tester: tester.user_id, reviewer: reviewer.user_id },
    equipment: { rebound, rebarScanner: await equipmentOf('R660-2023-1108'), flawDetector: await equipmentOf('CTS9009-21553') },
    deviceKeyId: key.id,
    witness: { sun: await witnessOf('孙立'), zhou: await witnessOf('周雅琴') },
  };
}

/** A 回弹 record as the demo 回弹仪 sends it: values in range, signed with the demo device key. */
export function demoReboundValues(n: number): Record<string, unknown> {
  const mean = 34 + (n % 5) * 0.8;
  return {
    testAreaCount: 10,
    meanRebound: Math.round(mean * 10) / 10,
    carbonationDepth: 1.5 + (n % 3) * 0.5,
    testAngle: 'horizontal',
    testSurface: 'side',
    pumped: 'pumped',
    strengthMean: Math.round((mean - 2.5) * 10) / 10,
    strengthEstimate: Math.round((mean - 5.1) * 10) / 10,
  };
}

/** The demo device's signature (base64) over a record's signing payload. */
export function demoDeviceSignature(payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), demoDeviceKeyPair().privateKey).toString('base64');
}

const H = 3_600_000;
const M = 60_000;

interface Step {
  at: number;
  kind: 'record' | 'image' | 'checkin' | 'complete' | 'attest' | 'seal' | 'review';
  component?: number;
  /** For an image: the record (1-based, in upload order) it documents. */
  record?: number;
  /** For an image: where it was really taken (EXIF and declared), far from the site. */
  elsewhere?: boolean;
}

interface DemoBatch {
  label: string;
  /** 幸福里 in 南关区 (default), or the 湖西路 works in 朝阳区 (another county's department sees it, 南关区's does not). */
  project?: 'huxilu';
  openedAt: number;
  testers: ('tester' | 'owner')[];
  components: number[];
  steps: Step[];
}

/**
 * Demo batches of 吉林省建正 (回弹法, main_structure), at times relative to `now`. On the 幸福里 project (南关区): one
 * reviewed two days ago (whose report the report seed issues), one reviewed yesterday, one sealed this morning
 * awaiting review, one completed with its 2-hour countdown running and two process images — one of them taken 12 km
 * from the site, so flagged — and one uploading now; on the 湖西路 works (朝阳区), one uploading, for the departments'
 * jurisdictions. Records are signed with the demo 回弹仪's key (demoDeviceKeyPair); images go through the upload path
 * (addProcessImage) and wait for the image worker. Events, audit rows and the seal's findings (no check-ins in this
 * seed, so those are flagged) are written as the services write them. Run after the registry seeds (agencies,
 * projects, witnesses).
 *
 * Note: the registry seeds date the commission and the device key at `now`; batches placed in the past therefore
 * precede them. Backdating those two registry rows (e.g. 30 days) makes the demo history consistent.
 */
export async function seedBatches(trx: Transaction<Database>, ids: Record<string, string>, now: Date, blobs: BlobStore): Promise<void> {
  const refs = await loadDemoBatchRefs(trx, ids);
  const catalogue = await getCurrentCatalogue(trx);
  const agency = await trx.selectFrom('organisations').select(['id', 'name', 'region_code']).where('id', '=', refs.agencyId).executeTakeFirstOrThrow();
  const xingfuli = await trx.selectFrom('projects').select(['id', 'region_code', 'location_lat', 'location_lng']).where('id', '=', refs.projectId).executeTakeFirstOrThrow();
  const huxiluPermit = normalisePermitNumber('220104202604080203');
  if (!huxiluPermit.ok) throw new Error(huxiluPermit.message);
  const huxilu = await trx.selectFrom('projects').select(['id', 'region_code', 'location_lat', 'location_lng']).where('permit_number_key', '=', huxiluPermit.key).executeTakeFirstOrThrow();
  const huxiluRefs = {
    commissionId: (await trx.selectFrom('commissions').select('id').where('project_id', '=', huxilu.id).where('agency_id', '=', refs.agencyId).executeTakeFirstOrThrow()).id,
    components: (await trx.selectFrom('components').select('code').where('project_id', '=', huxilu.id).orderBy('created_at').orderBy('id').execute()).map((c) => c.code),
    witness: (await trx.selectFrom('witness_persons').select('id').where('supervision_unit_id', '=', ids['super-cc']!).orderBy('name').executeTakeFirstOrThrow()).id,
  };
  const users = await trx.selectFrom('users').select(['id', 'username', 'display_name', 'roles']).where('username', 'in', ['jz.owner', 'jz.reviewer', 'witness.sun']).execute();
  const userActor = (username: string): UserActor => {
    const u = users.find((x) => x.username === username)!;
    const org = username === 'witness.sun' ? ids['super-jl']! : agency.id;
    return {
      kind: 'user',
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      roles: u.roles,
      organisation: { id: org, name: '', type: username === 'witness.sun' ? 'supervision_unit' : 'agency', regionCode: agency.region_code },
      sessionTokenHash: '',
    };
  };
  const lims: MachineActor = { kind: 'machine', id: 'demo-lims', name: '建正 LIMS（演示）', organisation: { id: agency.id, name: agency.name, type: 'agency', regionCode: agency.region_code } };
  const ctxAt = (actor: RequestContext['actor'], t: number): RequestContext => ({ actor, requestId: 'seed-batches', clientIp: null, now: new Date(now.getTime() + t) });

  const batches: DemoBatch[] = [
    {
      // Reviewed two days ago; the report seed (src/seed/reports.ts) issues its report.
      label: 'reported',
      openedAt: -50 * H,
      testers: ['tester'],
      components: [2, 5],
      steps: [
        { at: -49.8 * H, kind: 'checkin' },
        { at: -49.7 * H, kind: 'record', component: 2 },
        { at: -49.68 * H, kind: 'image', component: 2, record: 1 },
        { at: -49.66 * H, kind: 'image', component: 2, record: 1 },
        { at: -49.5 * H, kind: 'attest' },
        { at: -49.3 * H, kind: 'record', component: 5 },
        { at: -49.28 * H, kind: 'image', component: 5, record: 2 },
        { at: -49.26 * H, kind: 'image', component: 5, record: 2 },
        { at: -49 * H, kind: 'complete' },
        { at: -48.2 * H, kind: 'seal' },
        { at: -47.5 * H, kind: 'review' },
      ],
    },
    {
      label: 'reviewed',
      openedAt: -26 * H,
      testers: ['tester'],
      components: [2, 3, 4],
      steps: [
        { at: -25.7 * H, kind: 'record', component: 2 },
        { at: -25.68 * H, kind: 'image', component: 2, record: 1 },
        { at: -25.66 * H, kind: 'image', component: 2, record: 1 },
        { at: -25.5 * H, kind: 'attest' },
        { at: -25.4 * H, kind: 'record', component: 3 },
        { at: -25.38 * H, kind: 'image', component: 3, record: 2 },
        { at: -25.36 * H, kind: 'image', component: 3, record: 2 },
        { at: -25.1 * H, kind: 'record', component: 4 },
        { at: -25.08 * H, kind: 'image', component: 4, record: 3 },
        { at: -24.9 * H, kind: 'complete' },
        { at: -24 * H, kind: 'seal' },
        { at: -23 * H, kind: 'review' },
      ],
    },
    {
      label: 'sealed',
      openedAt: -5 * H,
      testers: ['tester', 'owner'],
      components: [5, 2],
      steps: [
        { at: -4.9 * H, kind: 'checkin' },
        { at: -4.8 * H, kind: 'record', component: 5 },
        { at: -4.78 * H, kind: 'image', component: 5, record: 1 },
        { at: -4.76 * H, kind: 'image', component: 5, record: 1 },
        { at: -4.6 * H, kind: 'attest' },
        { at: -4.5 * H, kind: 'record', component: 2 },
        { at: -4.48 * H, kind: 'image', component: 2, record: 2 },
        { at: -4.46 * H, kind: 'image', component: 2, record: 2 },
        { at: -4.2 * H, kind: 'complete' },
        { at: -3.5 * H, kind: 'seal' },
      ],
    },
    {
      label: 'completed',
      openedAt: -2 * H,
      testers: ['tester'],
      components: [3, 4],
      steps: [
        { at: -100 * M, kind: 'record', component: 3 },
        { at: -99 * M, kind: 'image', component: 3, record: 1 },
        { at: -80 * M, kind: 'record', component: 4 },
        { at: -79 * M, kind: 'image', component: 4, record: 2, elsewhere: true },
        { at: -50 * M, kind: 'complete' },
      ],
    },
    {
      label: 'uploading',
      openedAt: -40 * M,
      testers: ['tester', 'owner'],
      components: [2, 5],
      steps: [
        { at: -30 * M, kind: 'record', component: 2 },
        { at: -20 * M, kind: 'record', component: 5 },
      ],
    },
    {
      label: 'huxilu',
      project: 'huxilu',
      openedAt: -70 * M,
      testers: ['tester'],
      components: [3],
      steps: [{ at: -55 * M, kind: 'record', component: 3 }],
    },
  ];

  let photoSeed = 0;
  for (const d of batches) {
    const project = d.project === 'huxilu' ? huxilu : xingfuli;
    const commissionId = d.project === 'huxilu' ? huxiluRefs.commissionId : refs.commissionId;
    const projectComponents = d.project === 'huxilu' ? huxiluRefs.components : refs.components;
    const witnessId = d.project === 'huxilu' ? huxiluRefs.witness : refs.witness.sun;
    const openedAt = new Date(now.getTime() + d.openedAt);
    const { year, seq } = await takeBatchNumber(trx, agency.id, openedAt);
    const testers = d.testers.map((t) => refs.person[t]);
    const components = d.components.map((i) => projectComponents[i]!);
    const batch = await trx
      .insertInto('batches')
      .values({
        agency_id: agency.id,
        batch_number: formatBatchNumber(year, seq),
        number_year: year,
        number_seq: seq,
        project_id: project.id,
        region_code: project.region_code,
        commission_id: commissionId,
        specialty: 'main_structure',
        catalogue_version: catalogue.version,
        item_codes: ['concrete_rebound'],
        component_codes: components,
        equipment_ids: [refs.equipment.rebound],
        tester_person_ids: testers,
        witness_person_id: witnessId,
        upload_owner_person_id: refs.person.owner,
        note: null,
        status: 'opened',
        opened_at: openedAt,
        opened_by_type: 'machine',
        opened_by_id: lims.id,
        opened_by_name: lims.name,
        first_upload_at: null,
        completed_at: null,
        completion_declared_at: null,
        first_sealed_at: null,
        current_seal_id: null,
        reviewed_at: null,
        reported_at: null,
        locked_at: null,
        lock_reason: null,
        unlocked_at: null,
        unlocked_by: null,
        unlock_reason: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeBatchEvent(trx, ctxAt(lims, d.openedAt), batch, {
      event: 'open',
      from: null,
      to: 'opened',
      details: { projectId: project.id, commissionId, specialty: 'main_structure', catalogueVersion: catalogue.version, itemCodes: ['concrete_rebound'], componentIds: components, demo: true },
    });

    let status: 'opened' | 'uploading' | 'completed' | 'sealed' | 'reviewed' = 'opened';
    let n = 0;
    let sealId: string | null = null;
    const recordKeys: string[] = [];
    const imageHashes: string[] = [];
    for (const step of d.steps) {
      const ctx = ctxAt(step.kind === 'review' ? userActor('jz.reviewer') : step.kind === 'attest' || step.kind === 'checkin' ? userActor('witness.sun') : step.kind === 'seal' ? userActor('jz.owner') : lims, step.at);
      if (step.kind === 'record') {
        n++;
        const recordKey = `${batch.batch_number}-R${String(n).padStart(3, '0')}`;
        const componentId = projectComponents[step.component!]!;
        recordKeys.push(recordKey);
        const capturedAt = new Date(ctx.now.getTime() - 2 * M);
        const values = demoReboundValues(n + d.components.length);
        const payload = signingPayload(batch.id, { recordKey, itemCode: 'concrete_rebound', componentId, values, capturedAt: capturedAt.toISOString(), equipmentId: refs.equipment.rebound });
        const tester = testers[(n - 1) % testers.length]!;
        const rec = await trx
          .insertInto('batch_records')
          .values({
            batch_id: batch.id,
            record_key: recordKey,
            version: 1,
            item_code: 'concrete_rebound',
            component_code: componentId,
            values: JSON.stringify(values),
            captured_at: capturedAt,
            source: 'auto',
            equipment_id: refs.equipment.rebound,
            tester_person_id: tester,
            content_sha256: recordContentSha256({ batchId: batch.id, recordKey, version: 1, itemCode: 'concrete_rebound', componentId, values, capturedAt, source: 'auto', equipmentId: refs.equipment.rebound, testerPersonId: tester }),
            signed_payload: payload,
            signature_alg: 'Ed25519',
            signature_value: demoDeviceSignature(payload),
            signature_key_id: refs.deviceKeyId,
            manual_exception_id: null,
            correction_reason: null,
            supplementary: false,
            received_at: ctx.now,
            submitted_by_type: 'machine',
            submitted_by_id: lims.id,
            submitted_by_name: lims.name,
          })
          .returning(['id', 'content_sha256'])
          .executeTakeFirstOrThrow();
        await appendReceipt(trx, ctx, receipts.recordVersion({ id: rec.id, batchId: batch.id, recordKey, version: 1, contentSha256: rec.content_sha256 }));
        status = (await markUploading(trx, ctx, batch.id)) as typeof status;
      } else if (step.kind === 'image') {
        // 12 km south-east of the site (净月): the tester's phone says so, and the upload declares it honestly.
        const place = step.elsewhere ? { lat: project.location_lat - 0.09, lng: project.location_lng + 0.1 } : { lat: project.location_lat, lng: project.location_lng };
        const capturedAt = new Date(ctx.now.getTime() - M);
        // Turned half round, so the demo's pictures look like no test's or simulator's (which share one generator).
        // Every picture its own scene (the platform searches every batch for reused pictures).
        photoSeed++;
        const photo = await makeCameraJpeg({
          width: 640,
          height: 480,
          scene: 'blocks',
          seed: 900 + photoSeed,
          takenAtLocal: new Date(capturedAt.getTime() + 8 * H).toISOString().slice(0, 19),
          latitude: place.lat,
          longitude: place.lng,
        });
        const jpeg = await sharp(photo).flip().flop().keepExif().jpeg({ quality: 90 }).toBuffer();
        const declared = {
          capturedAt: capturedAt.toISOString(),
          location: place,
          testerPersonId: testers[0]!,
          equipmentId: refs.equipment.rebound,
          componentId: projectComponents[step.component!]!,
          recordKeys: [recordKeys[step.record! - 1]!],
        };
        // Taken by the 回弹仪's own camera and signed by it (an instrument's signature: not flagged unsigned_capture).
        const sha256 = createHash('sha256').update(jpeg).digest('hex');
        const signature = { alg: 'Ed25519', value: demoDeviceSignature(canonicalJson({ batchId: batch.id, sha256, ...declared })) };
        const image = await addProcessImage(trx, blobs, ctx, batch.id, jpeg, { ...declared, signature });
        imageHashes.push(image.sha256);
      } else if (step.kind === 'checkin') {
        // The witness checks in on site with a photo, as the witness's phone page does.
        photoSeed++;
        const capturedAt = new Date(ctx.now.getTime() - M);
        const place = { lat: project.location_lat, lng: project.location_lng };
        const photo = await makeCameraJpeg({ width: 480, height: 360, scene: 'blocks', seed: 900 + photoSeed, takenAtLocal: new Date(capturedAt.getTime() + 8 * H).toISOString().slice(0, 19), latitude: place.lat, longitude: place.lng });
        await addCheckinFromBytes(trx, blobs, ctx, batch.id, photo, { capturedAt: capturedAt.toISOString(), location: place });
      } else if (step.kind === 'attest') {
        const row = await trx
          .insertInto('witness_attestations')
          .values({ batch_id: batch.id, witness_person_id: witnessId, user_id: userActor('witness.sun').id, statement: '已旁站见证回弹法现场检测，测区布置与检测过程符合规程要求。', attested_at: ctx.now, registered: true })
          .returning(['id', 'statement'])
          .executeTakeFirstOrThrow();
        await appendReceipt(trx, ctx, receipts.attestation({ id: row.id, batchId: batch.id, witnessPersonId: witnessId, statement: row.statement, attestedAt: ctx.now, registered: true }));
        await writeBatchEvent(trx, ctx, batch, { event: 'witness.attest', from: status, to: status, details: { attestationId: row.id, witnessPersonId: witnessId, registered: true } });
      } else if (step.kind === 'complete') {
        await trx.updateTable('batches').set({ status: 'completed', completed_at: ctx.now, completion_declared_at: ctx.now }).where('id', '=', batch.id).execute();
        await writeBatchEvent(trx, ctx, batch, { event: 'complete', from: status, to: 'completed', details: { completedAt: ctx.now.toISOString(), deadline: new Date(ctx.now.getTime() + 2 * H).toISOString() } });
        status = 'completed';
      } else if (step.kind === 'seal') {
        const records = await trx.selectFrom('batch_records').select(['record_key', 'version', 'content_sha256']).where('batch_id', '=', batch.id).orderBy('record_key').execute();
        // The seal declares every record and every process image that arrived (a sealed batch holds its images).
        const manifest: SealManifest = {
          recordCount: records.length,
          imageCount: imageHashes.length,
          records: records.map((r) => ({ recordKey: r.record_key, version: r.version, sha256: r.content_sha256 })),
          images: imageHashes.map((sha256) => ({ sha256 })),
        };
        const json = canonicalJson(manifest);
        const seal = await trx
          .insertInto('batch_seals')
          .values({
            batch_id: batch.id,
            seq: 1,
            manifest: json,
            manifest_sha256: createHash('sha256').update(json).digest('hex'),
            record_count: manifest.recordCount,
            image_count: manifest.imageCount,
            sealed_at: ctx.now,
            sealed_by_type: 'user',
            sealed_by_id: userActor('jz.owner').id,
            sealed_by_name: userActor('jz.owner').displayName,
            owner_person_id: refs.person.owner,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        sealId = seal.id;
        await appendReceipt(trx, ctx, receipts.seal({ id: seal.id, batchId: batch.id, seq: 1, manifestSha256: seal.manifest_sha256 }));
        await trx.updateTable('batches').set({ status: 'sealed', current_seal_id: seal.id, first_sealed_at: ctx.now }).where('id', '=', batch.id).execute();
        await writeBatchEvent(trx, ctx, batch, { event: 'seal', from: status, to: 'sealed', details: { sealId: seal.id, seq: 1, recordCount: manifest.recordCount, imageCount: manifest.imageCount, manifestSha256: seal.manifest_sha256, sealedOnTime: true } });
        await recordSealFindings(trx, ctx, batch, seal.id, compareManifest(manifest, manifest.records, imageHashes));
        status = 'sealed';
      } else {
        const reviewer = userActor('jz.reviewer');
        const review = await trx
          .insertInto('batch_reviews')
          .values({ batch_id: batch.id, seal_id: sealId!, decision: 'approve', reasons: null, reviewer_person_id: refs.person.reviewer, reviewer_user_id: reviewer.id, reviewer_name: reviewer.displayName, reviewed_at: ctx.now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendReceipt(trx, ctx, receipts.review({ id: review.id, batchId: batch.id, sealId: sealId!, decision: 'approve', reasons: null, reviewerPersonId: refs.person.reviewer, reviewedAt: ctx.now }));
        await trx.updateTable('batches').set({ status: 'reviewed', reviewed_at: ctx.now }).where('id', '=', batch.id).execute();
        await writeBatchEvent(trx, ctx, batch, { event: 'review.approve', from: status, to: 'reviewed', details: { reviewId: review.id, sealId, reviewerPersonId: refs.person.reviewer } });
        status = 'reviewed';
      }
    }
  }
}
