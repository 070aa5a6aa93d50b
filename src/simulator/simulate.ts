import { mulberry32 } from '../kernel/prng.ts';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  apiError,
  createQTraceClient,
  describeSource,
  generateDeviceKey,
  imageSigningPayload,
  loadDeviceKey,
  login,
  recordSigningPayload,
  signPayload,
  sleep,
  type BatchDetail,
  type Image,
  type ImageMetadata,
  type NewBatch,
  type NewRecord,
  type QTraceClient,
  type ResumableState,
  type SealManifest,
} from '../client/index.ts';
import { beijingRfc3339, beijingWallClock, makeSitePhoto } from './photos.ts';

/**
 * The agency-system simulator (issue 4 item 9): plays 吉林省建正's LIMS with its auto-collecting 数显回弹仪 against a
 * running platform, through the integration client only. It provisions itself as an agency would (the agency admin
 * issues a machine credential and registers a freshly generated device key for the instrument: a rotation, the old
 * key stays valid for what it signed), opens a batch on the demo registry, streams signed raw records and signed
 * camera JPEGs with real EXIF taken inside the project's geofence, has the witness check in and attest, declares
 * completion and seals with the manifest. Every write carries an Idempotency-Key derived from the run and the step,
 * and each step's inputs are written to the state file before they are sent, so a killed run resumed from its state
 * file sends the same requests again and the platform does each once. Demo (`npm run simulate`) and test fixture.
 */

export interface SimulateOptions {
  baseUrl: string;
  /** The agency administrator who provisions the system (default the demo's jz.admin). */
  username?: string;
  password?: string;
  /** The witness who checks in and attests in person (default witness.sun); null to leave both out. */
  witnessUsername?: string | null;
  /** Raw records, one per component in turn (default 3). */
  records?: number;
  /** Process images in all, spread over the records (default 2 per record: the catalogue's minimum for 回弹法). */
  images?: number;
  /** Approximate JPEG size (default 1 MB; the benchmark uses 3–4 MB). */
  imageBytes?: number;
  /** Upload the images with tus (resumable) instead of one request each. */
  resumable?: boolean;
  /** State file: created if missing, resumed if present (also holds the credential and device key: keep it private). */
  statePath?: string;
  /** Wait for the platform's image checks to finish before returning (default true). */
  waitForProcessing?: boolean;
  log?: (line: string) => void;
  /** Called after each step is done and saved (tests stop a run here to resume it). */
  afterStep?: (step: string) => void | Promise<void>;
}

export interface SimulationResult {
  batchId: string;
  batchNumber: string;
  consoleUrl: string;
  batch: BatchDetail;
  manifest: SealManifest;
  images: Image[];
  credential: string;
  statePath: string;
}

interface ImageStep {
  file: string;
  idempotencyKey: string;
  metadata: ImageMetadata;
  sha256: string;
  size: number;
  tus?: ResumableState;
  imageId?: string;
}

interface RecordStep {
  idempotencyKey: string;
  body: NewRecord;
  contentSha256?: string;
  version?: number;
  images: ImageStep[];
}

interface State {
  version: 1;
  baseUrl: string;
  runId: string;
  imageDir: string;
  credential?: string;
  device?: { equipmentId: string; keyId: string; privateKeyPem: string; name: string };
  plan?: { openBody: NewBatch; site: Site; itemName: string; projectName: string };
  batch?: { id: string; number: string };
  checkin?: { idempotencyKey: string; done: boolean };
  records: RecordStep[];
  attested?: boolean;
  completedAt?: string;
  sealed?: boolean;
}

type Site = { type: 'polygon'; ring: [number, number][] } | { type: 'circle'; center: [number, number]; radiusMeters: number };

const ITEM = 'concrete_rebound';
const SPECIALTY = 'main_structure';
const CAMERA = { make: 'HUAWEI', model: 'Mate 60 Pro' };

export async function simulate(o: SimulateOptions): Promise<SimulationResult> {
  const log = o.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const recordCount = o.records ?? 3;
  const imageCount = o.images ?? recordCount * 2;
  const imageBytes = o.imageBytes ?? 1_000_000;
  const statePath = o.statePath ?? join(await mkdtemp(join(tmpdir(), 'qtrace-sim-')), 'state.json');
  const state = loadState(statePath) ?? newState(o.baseUrl, statePath);
  if (state.baseUrl !== o.baseUrl) throw new Error(`状态文件属于 ${state.baseUrl}，不是 ${o.baseUrl} (state file belongs to another platform)`);
  const save = () => saveState(statePath, state);
  const step = async (name: string) => {
    save();
    await o.afterStep?.(name);
  };
  const resumed = state.batch !== undefined;
  log(`QTrace 机构系统仿真 Agency-system simulator · ${o.baseUrl} · run ${state.runId}${resumed ? '（续跑 resuming）' : ''}`);

  // 1. Credential and device key, issued by the agency admin as an agency would.
  if (!state.credential || !state.device) {
    const cookie = await login(o.baseUrl, o.username ?? 'jz.admin', o.password ?? 'Demo@2026');
    const admin = createQTraceClient({ baseUrl: o.baseUrl, cookie });
    if (!state.credential) {
      const issued = admin.unwrap(await admin.api.POST('/api/v1/machine-credentials', { body: { name: `仿真 LIMS ${state.runId}` } }));
      state.credential = issued.secret;
      log(`[准备 setup] 已签发接口凭证 Machine credential issued: ${issued.credential.name}`);
    }
    const all = admin.unwrap(await admin.api.GET('/api/v1/equipment', { params: { query: { status: 'verified', pageSize: 100 } } }));
    const instrument = all.items.find((e) => e.autoCollect && e.equipmentType.includes('回弹') && e.calibrationState !== 'not_in_force' && e.calibrationState !== 'none');
    if (!instrument) throw new Error('本机构没有已核验、检定有效、具备自动采集功能的回弹仪 (no verified auto-collecting rebound hammer)');
    const key = generateDeviceKey();
    const registered = admin.unwrap(await admin.api.POST('/api/v1/equipment/{id}/keys', { params: { path: { id: instrument.id } }, body: { publicKey: key.publicKeyBase64 } }));
    state.device = { equipmentId: instrument.id, keyId: registered.id, privateKeyPem: key.privateKeyPem, name: `${instrument.equipmentType} ${instrument.model} ${instrument.serialNumber}` };
    log(`[准备 setup] 设备密钥已轮换 Device key rotated: ${state.device.name}, fingerprint ${registered.fingerprint}`);
    await step('provisioned');
  }
  const device = loadDeviceKey(state.device.privateKeyPem);
  const q = createQTraceClient({ baseUrl: o.baseUrl, credential: state.credential });

  // 2. The batch: project, commission, components, tester, upload owner and witness from the registry.
  const witnessUsername = o.witnessUsername === undefined ? 'witness.sun' : o.witnessUsername;
  const witnessCookie = witnessUsername ? await login(o.baseUrl, witnessUsername, o.password ?? 'Demo@2026') : null;
  const witness = witnessCookie ? createQTraceClient({ baseUrl: o.baseUrl, cookie: witnessCookie }) : null;
  if (!state.plan) {
    state.plan = await planBatch(q, state.device.equipmentId, recordCount, witness);
    await step('planned');
  }
  const plan = state.plan;
  if (!state.batch) {
    const opened = await q.openBatch(plan.openBody, { idempotencyKey: `${state.runId}-open` });
    state.batch = { id: opened.id, number: opened.batchNumber };
    log(`[1] 开启检测批次 Batch opened: ${opened.batchNumber} · ${plan.projectName} · ${plan.itemName}`);
    await step('opened');
  }
  const batchId = state.batch.id;
  const consoleUrl = new URL(`/batches/${batchId}`, o.baseUrl).toString();

  // 3. The witness checks in on site with a photo (in person: the witness's own account).
  if (witnessCookie && !state.checkin?.done) {
    const checkin = (state.checkin ??= { idempotencyKey: `${state.runId}-checkin`, done: false });
    const at = new Date();
    const spot = pointInSite(plan.site, 7);
    const photo = await makeSitePhoto({ targetBytes: 300_000, takenAtLocal: beijingWallClock(at), latitude: spot.lat, longitude: spot.lng, ...CAMERA, seed: 7 });
    const res = await fetch(new URL(`/api/v1/batches/${batchId}/checkins`, o.baseUrl), {
      method: 'POST',
      headers: { cookie: witnessCookie, 'x-qtrace-request': '1', 'content-type': 'image/jpeg', 'idempotency-key': checkin.idempotencyKey, 'x-qtrace-metadata': Buffer.from(JSON.stringify({ capturedAt: beijingRfc3339(at), location: spot })).toString('base64url') },
      body: photo,
    });
    if (res.status !== 201 && res.status !== 200) throw await apiError(res);
    checkin.done = true;
    log(`[2] 见证人员现场签到 Witness checked in (${witnessUsername})`);
    await step('checkin');
  }

  // 4. Records and their images, as the instrument captures them.
  const perRecord = spread(imageCount, recordCount);
  for (let i = 0; i < recordCount; i++) {
    let r = state.records[i];
    if (!r) {
      const componentId = plan.openBody.componentIds[i % plan.openBody.componentIds.length]!;
      const fields = {
        recordKey: `SIM-${state.runId}-R${String(i + 1).padStart(3, '0')}`,
        itemCode: ITEM,
        componentId,
        values: reboundValues(i, state.runId),
        capturedAt: beijingRfc3339(new Date()),
        equipmentId: state.device.equipmentId,
      };
      const body: NewRecord = {
        ...fields,
        source: 'auto',
        testerPersonId: plan.openBody.testerPersonIds[0]!,
        signature: { alg: 'Ed25519', keyId: state.device.keyId, value: signPayload(device.privateKey, recordSigningPayload(batchId, fields)) },
      };
      r = { idempotencyKey: `${state.runId}-rec-${i + 1}`, body, images: [] };
      state.records.push(r);
      save();
    }
    if (!r.contentSha256) {
      const { record, replayed } = await q.uploadRecord(batchId, r.body, { idempotencyKey: r.idempotencyKey });
      r.contentSha256 = record.contentSha256;
      r.version = record.version;
      const v = r.body.values as Record<string, number>;
      log(`[3] 原始记录 Record ${r.body.recordKey} · 构件 ${r.body.componentId} · 回弹值 ${v.meanRebound} · 推定强度 ${v.strengthEstimate} MPa · 已签名 signed${replayed ? ' (重放 replayed)' : ''}`);
      await step(`record-${i + 1}`);
    }
    for (let j = 0; j < perRecord[i]!; j++) {
      let img = r.images[j];
      if (!img) {
        const at = new Date();
        const spot = pointInSite(plan.site, i * 31 + j);
        const file = join(state.imageDir, `${r.body.recordKey}-${j + 1}.jpg`);
        mkdirSync(state.imageDir, { recursive: true });
        const bytes = await makeSitePhoto({ targetBytes: imageBytes, takenAtLocal: beijingWallClock(at), latitude: spot.lat, longitude: spot.lng, ...CAMERA, seed: (i + 1) * 1000 + j + seedOf(state.runId) });
        writeFileSync(file, bytes);
        const { sha256, size } = await describeSource(bytes);
        const declared: ImageMetadata = {
          capturedAt: beijingRfc3339(at),
          location: spot,
          testerPersonId: r.body.testerPersonId,
          equipmentId: r.body.equipmentId,
          componentId: r.body.componentId,
          recordKeys: [r.body.recordKey],
        };
        declared.signature = { alg: 'Ed25519', keyId: state.device.keyId, value: signPayload(device.privateKey, imageSigningPayload(batchId, sha256, declared)) };
        img = { file, idempotencyKey: `${state.runId}-img-${i + 1}-${j + 1}`, metadata: declared, sha256, size };
        r.images.push(img);
        save();
      }
      if (img.imageId) continue;
      const current = img;
      const image = o.resumable
        ? await q.resumableUpload(batchId, { path: current.file }, current.metadata, {
            idempotencyKey: current.idempotencyKey,
            chunkBytes: 512 * 1024,
            ...(current.tus ? { resume: current.tus } : {}),
            onCreated: (s) => {
              current.tus = s;
              save();
            },
          })
        : (await q.uploadImage(batchId, { path: current.file }, current.metadata, { idempotencyKey: current.idempotencyKey })).image;
      img.imageId = image.id;
      log(`[4] 过程影像 Image ${j + 1}/${perRecord[i]} of ${r.body.recordKey} · ${(img.size / 1e6).toFixed(2)} MB · sha256 ${img.sha256.slice(0, 12)}… · ${o.resumable ? '断点续传 tus' : '直接上传 direct'}`);
      await step(`image-${i + 1}-${j + 1}`);
    }
  }

  // 5. The witness attests, the agency declares completion and seals with the manifest.
  if (witness && !state.attested) {
    const res = await witness.api.POST('/api/v1/batches/{id}/witness-attestations', { params: { path: { id: batchId } }, body: { statement: '本人全程见证现场回弹检测，检测部位、设备与人员与批次登记一致。' } });
    witness.unwrap(res);
    state.attested = true;
    log(`[5] 见证人员确认见证 Witness attested`);
    await step('attested');
  }
  if (!state.completedAt) {
    state.completedAt = beijingRfc3339(new Date());
    save();
  }
  const manifest: SealManifest = {
    recordCount: state.records.length,
    imageCount: state.records.reduce((n, r) => n + r.images.length, 0),
    records: state.records.map((r) => ({ recordKey: r.body.recordKey, version: r.version!, sha256: r.contentSha256! })),
    images: state.records.flatMap((r) => r.images.map((i) => ({ sha256: i.sha256 }))),
  };
  let batch = await q.getBatch(batchId);
  if (batch.status === 'opened' || batch.status === 'uploading') {
    batch = await q.complete(batchId, state.completedAt);
    log(`[6] 申报现场检测完成 Completion declared: ${state.completedAt}（上传截止 deadline ${batch.deadline.deadline ? beijingRfc3339(new Date(batch.deadline.deadline)) : ''}）`);
    await step('completed');
  }
  if (!state.sealed) {
    if (batch.status === 'completed') await q.seal(batchId, manifest);
    state.sealed = true;
    log(`[7] 封存批次 Batch sealed: ${manifest.recordCount} 条记录 records, ${manifest.imageCount} 张影像 images`);
    await step('sealed');
  }

  let images = await q.listImages(batchId);
  if (o.waitForProcessing !== false) {
    for (let waited = 0; images.some((i) => i.status === 'processing') && waited < 120_000; waited += 500) {
      await sleep(500);
      images = await q.listImages(batchId);
    }
    log(`[8] 平台影像核查 Platform image checks: ${images.filter((i) => i.status === 'done').length}/${images.length} done`);
  }
  batch = await q.getBatch(batchId);
  // The batch's anomalies, all of them (records, images, seal, witness), as the departments see them — not only the
  // images' own flags.
  log(`[9] ${describeAnomalies(batch.anomalies)}`);
  log('');
  log(`批次 Batch ${batch.batchNumber} · 状态 status ${batch.status}`);
  log(`  控制台 Console: ${consoleUrl}`);
  log(`  API:            ${new URL(`/api/v1/batches/${batchId}`, o.baseUrl).toString()}`);
  log(`  状态文件 State:  ${statePath}`);
  return { batchId, batchNumber: batch.batchNumber, consoleUrl, batch, manifest, images, credential: state.credential, statePath };
}

async function planBatch(q: QTraceClient, equipmentId: string, recordCount: number, witness: QTraceClient | null): Promise<NonNullable<State['plan']>> {
  const commissions = q.unwrap(await q.api.GET('/api/v1/commissions', { params: { query: { status: 'active', pageSize: 100 } } }));
  const people = q.unwrap(await q.api.GET('/api/v1/personnel', { params: { query: { status: 'active', pageSize: 100 } } }));
  const tester =
    people.items.find((p) => p.roles.includes('tester') && !p.roles.includes('upload_owner') && p.certifiedSpecialties.includes(SPECIALTY)) ??
    people.items.find((p) => p.roles.includes('tester') && p.certifiedSpecialties.includes(SPECIALTY));
  const owner = people.items.find((p) => p.roles.includes('upload_owner'));
  if (!tester || !owner) throw new Error('本机构缺少持证检测人员或上传负责人 (no certified tester or upload owner)');
  const catalogue = q.unwrap(await q.api.GET('/api/v1/catalogue', {}));
  const item = catalogue.document.specialties.flatMap((s) => s.items).find((i) => i.code === ITEM);
  // The first commission whose project has structural components and a registered witness (the demo's 幸福里).
  for (const commission of commissions.items.filter((c) => c.specialties.includes(SPECIALTY))) {
    const project = q.unwrap(await q.api.GET('/api/v1/projects/{id}', { params: { path: { id: commission.project.id } } }));
    const components = q.unwrap(await q.api.GET('/api/v1/projects/{id}/components', { params: { path: { id: project.id }, query: { pageSize: 100 } } }));
    const structural = components.items.filter((c) => /柱|梁|板|墙/.test(c.componentType) && !c.componentType.includes('保温'));
    const witnessId = await findWitness(q, witness, project.id);
    if (structural.length === 0 || !witnessId) continue;
    return {
      openBody: {
        projectId: project.id,
        commissionId: commission.id,
        specialty: SPECIALTY,
        itemCodes: [ITEM],
        componentIds: structural.slice(0, Math.max(1, Math.min(recordCount, 5))).map((c) => c.code),
        equipmentIds: [equipmentId],
        testerPersonIds: [tester.id],
        witnessPersonId: witnessId,
        uploadOwnerPersonId: owner.id,
        note: '机构系统仿真（自动采集回弹仪） Agency-system simulator',
      },
      site: project.site as Site,
      itemName: item?.name ?? ITEM,
      projectName: project.name,
    };
  }
  throw new Error('没有可用的委托：需含主体结构专项、项目登记了结构构件和见证人员 (no commission with structural components and a registered witness)');
}

/**
 * The witness registered on the project. The register of witnesses belongs to the supervision units, so the agency
 * learns who witnesses as it does on site: the witness (signed in) finds their own entry, and a project without it is
 * skipped; without a witness account, the witness of the agency's latest batch on the project.
 */
async function findWitness(q: QTraceClient, witness: QTraceClient | null, projectId: string): Promise<string | null> {
  if (witness) {
    const me = witness.unwrap(await witness.api.GET('/api/v1/auth/me', {}));
    const list = witness.unwrap(await witness.api.GET('/api/v1/witnesses', { params: { query: { projectId, pageSize: 100 } } }));
    const own = list.items.find((w) => w.user?.id === me.id && w.projects.some((p) => p.projectId === projectId));
    // The witness who will check in must be the batch's: a project they are not registered on is not a candidate.
    return own ? own.id : null;
  }
  const batches = q.unwrap(await q.api.GET('/api/v1/batches', { params: { query: { projectId, pageSize: 1 } } }));
  const latest = batches.items[0];
  return latest ? (await q.getBatch(latest.id)).witness.id : null;
}

/**
 * A 回弹法 record within the catalogue's ranges and consistent with JGJ/T 23-2011: 10 test areas, a corrected mean
 * rebound of 30–42, carbonation 0.5–4 mm, the strength from the national curve f = 0.034488·R^1.94·10^(−0.0173·d),
 * and the estimate at mean − 1.645 × a standard deviation of 2–3.5 MPa.
 */
export function reboundValues(n: number, salt: string): Record<string, unknown> {
  const rnd = mulberry32(seedOf(salt) + n * 7919);
  const meanRebound = Math.round((30 + rnd() * 12) * 10) / 10;
  const carbonationDepth = Math.round((0.5 + rnd() * 3.5) * 2) / 2;
  const strengthMean = Math.round(0.034488 * meanRebound ** 1.94 * 10 ** (-0.0173 * carbonationDepth) * 10) / 10;
  const sd = 2 + rnd() * 1.5;
  return {
    testAreaCount: 10,
    meanRebound,
    carbonationDepth,
    testAngle: 'horizontal',
    testSurface: 'side',
    pumped: 'pumped',
    strengthMean,
    strengthEstimate: Math.round((strengthMean - 1.645 * sd) * 10) / 10,
  };
}

/** A point inside the project's site (polygon or circle), kept 5 m off its edge, from `seed`. */
export function pointInSite(site: Site, seed: number): { lat: number; lng: number } {
  const rnd = mulberry32(seed + 17);
  if (site.type === 'circle') {
    const [lng, lat] = site.center;
    const r = Math.max(0, site.radiusMeters - 5) * Math.sqrt(rnd());
    const a = rnd() * 2 * Math.PI;
    return { lat: lat + (r * Math.sin(a)) / 111_195, lng: lng + (r * Math.cos(a)) / (111_195 * Math.cos((lat * Math.PI) / 180)) };
  }
  const lngs = site.ring.map((p) => p[0]);
  const lats = site.ring.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  // Shrinking the box towards the centroid by 20 % keeps the point well inside a convex site.
  const cx = lngs.slice(0, -1).reduce((a, b) => a + b, 0) / (lngs.length - 1);
  const cy = lats.slice(0, -1).reduce((a, b) => a + b, 0) / (lats.length - 1);
  for (let i = 0; i < 1000; i++) {
    const lng = cx + (minLng + rnd() * (maxLng - minLng) - cx) * 0.8;
    const lat = cy + (minLat + rnd() * (maxLat - minLat) - cy) * 0.8;
    if (insidePolygon(site.ring, lng, lat)) return { lat: round7(lat), lng: round7(lng) };
  }
  return { lat: round7(cy), lng: round7(cx) };
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

function insidePolygon(ring: [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** `total` split over `parts` as evenly as possible, the first parts taking the remainder. */
/** The closing line: "无异常" only when the batch has none; otherwise each kind with its count and how many still block. */
export function describeAnomalies(anomalies: readonly { kind: string; kindLabel: string; status: string; blocking?: boolean }[]): string {
  if (anomalies.length === 0) return '平台核查 Platform checks: 无异常 no anomalies';
  const byKind = new Map<string, { label: string; n: number }>();
  for (const a of anomalies) byKind.set(a.kind, { label: a.kindLabel, n: (byKind.get(a.kind)?.n ?? 0) + 1 });
  const blocking = anomalies.filter((a) => a.status === 'open' && a.blocking).length;
  const list = [...byKind.entries()].map(([kind, { label, n }]) => `${label}（${kind}）×${n}`).join('；');
  return `平台核查 Platform checks: ${anomalies.length} 项异常 anomalies — ${list}${blocking ? `；其中 ${blocking} 项待住建部门核查后才能出具报告 (${blocking} block the report until a department decides)` : ''}`;
}

function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

const seedOf = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

function newState(baseUrl: string, statePath: string): State {
  const runId = randomBytes(4).toString('hex');
  const imageDir = `${statePath}.images`;
  return { version: 1, baseUrl, runId, imageDir, records: [] };
}

function loadState(path: string): State | null {
  if (!existsSync(path)) return null;
  const s = JSON.parse(readFileSync(path, 'utf8')) as State;
  if (s.version !== 1) throw new Error(`unknown state file version in ${path}`);
  return s;
}

/** Written whole and renamed into place (a kill never leaves half a file); private: it holds a secret and a key. */
function saveState(path: string, s: State): void {
  mkdirSync(s.imageDir, { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(s, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

