import { DEMO_PASSWORD } from './harness.ts';

/** Set-up through the API (what an agency's own system would do), for browser tests that need a batch in some state. */
export interface ApiSession {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** The session's cookie, for requests `call` does not make (one with its own headers). */
  headers(): Record<string, string>;
  /** The answer as it is, refusals included. */
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export async function apiSession(baseUrl: string, username: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const request = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-qtrace-request': '1', accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { res, text: await res.text() };
  };
  return {
    headers: () => ({ cookie, 'x-qtrace-request': '1' }),
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const { res, text } = await request(method, path, body);
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async send(method: string, path: string, body?: unknown) {
      const { res, text } = await request(method, path, body);
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
  };
}

type Page<T> = { items: T[] };

/**
 * As jz.owner: opens a 回弹法 batch on 幸福里 with `testerName` as its tester, declares completion and seals it (with
 * nothing uploaded): a batch waiting in the review queue. Returns its number.
 */
export async function sealedBatchTestedBy(baseUrl: string, testerName: string): Promise<string> {
  const owner = await apiSession(baseUrl, 'jz.owner');
  const batch = await openBatchTestedBy(owner, testerName);
  await owner.call('POST', `/batches/${batch.id}/complete`, { completedAt: new Date().toISOString() });
  await owner.call('POST', `/batches/${batch.id}/seal`, { recordCount: 0, imageCount: 0, records: [], images: [] });
  return batch.batchNumber;
}

/** As `owner` (jz.owner's session): opens a 回弹法 batch on 幸福里 with `testerName` as its tester (witness 孙立). */
export async function openBatchTestedBy(owner: ApiSession, testerName: string): Promise<{ id: string; batchNumber: string; openedAt: string }> {
  const me = await owner.call<{ organisation: { id: string } }>('GET', '/auth/me');
  const agencyId = me.organisation.id;
  const project = (await owner.call<Page<{ id: string }>>('GET', `/projects?q=${encodeURIComponent('幸福里')}`)).items[0]!;
  const commission = (await owner.call<Page<{ id: string }>>('GET', `/commissions?projectId=${project.id}&status=active`)).items[0]!;
  const component = (await owner.call<Page<{ code: string }>>('GET', `/projects/${project.id}/components`)).items[2]!;
  const equipment = (await owner.call<Page<{ id: string; serialNumber: string }>>('GET', `/equipment?agencyId=${agencyId}&pageSize=100`)).items.find((e) => e.serialNumber === 'S220-2024-0417')!;
  const people = (await owner.call<Page<{ id: string; name: string; roles: string[] }>>('GET', `/personnel?agencyId=${agencyId}&pageSize=100`)).items;
  const witness = (await owner.call<{ id: string; name: string }[]>('GET', `/batches/witness-options?projectId=${project.id}`)).find((w) => w.name === '孙立')!;
  return owner.call<{ id: string; batchNumber: string; openedAt: string }>('POST', '/batches', {
    projectId: project.id,
    commissionId: commission.id,
    specialty: 'main_structure',
    itemCodes: ['concrete_rebound'],
    componentIds: [component.code],
    equipmentIds: [equipment.id],
    testerPersonIds: [people.find((p) => p.name === testerName)!.id],
    witnessPersonId: witness.id,
    uploadOwnerPersonId: people.find((p) => p.roles.includes('upload_owner'))!.id,
  });
}

/** As jz.admin: registers 韩雪 (the demo's reviewer) as a tester too, as a small agency might. */
export async function makeReviewerAlsoTester(baseUrl: string): Promise<void> {
  const admin = await apiSession(baseUrl, 'jz.admin');
  const p = (await admin.call<Page<{ id: string; rowVersion: number }>>('GET', `/personnel?q=${encodeURIComponent('韩雪')}`)).items[0]!;
  await admin.call('PATCH', `/personnel/${p.id}`, { rowVersion: p.rowVersion, roles: ['reviewer', 'tester'] });
}

/**
 * As jz.owner: opens a 钻芯法 batch on 幸福里 (its core drill does not collect automatically) with 高峰 as its tester
 * and enters one manual record through the API, as an agency's own system would. Returns the batch and the record key.
 */
export async function batchWithManualRecord(baseUrl: string): Promise<{ id: string; batchNumber: string; recordKey: string }> {
  const owner = await apiSession(baseUrl, 'jz.owner');
  const me = await owner.call<{ organisation: { id: string } }>('GET', '/auth/me');
  const agencyId = me.organisation.id;
  const project = (await owner.call<Page<{ id: string }>>('GET', `/projects?q=${encodeURIComponent('幸福里')}`)).items[0]!;
  const commission = (await owner.call<Page<{ id: string }>>('GET', `/commissions?projectId=${project.id}&status=active`)).items[0]!;
  const component = (await owner.call<Page<{ code: string }>>('GET', `/projects/${project.id}/components`)).items[2]!;
  const equipment = (await owner.call<Page<{ id: string; serialNumber: string }>>('GET', `/equipment?agencyId=${agencyId}&pageSize=100`)).items.find((e) => e.serialNumber === 'CTS9009-21553')!;
  const people = (await owner.call<Page<{ id: string; name: string; roles: string[] }>>('GET', `/personnel?agencyId=${agencyId}&pageSize=100`)).items;
  const witness = (await owner.call<{ id: string; name: string }[]>('GET', `/batches/witness-options?projectId=${project.id}`)).find((w) => w.name === '孙立')!;
  const tester = people.find((p) => p.name === '高峰')!;
  const batch = await owner.call<{ id: string; batchNumber: string }>('POST', '/batches', {
    projectId: project.id,
    commissionId: commission.id,
    specialty: 'main_structure',
    itemCodes: ['concrete_core_strength'],
    componentIds: [component.code],
    equipmentIds: [equipment.id],
    testerPersonIds: [tester.id],
    witnessPersonId: witness.id,
    uploadOwnerPersonId: people.find((p) => p.roles.includes('upload_owner'))!.id,
  });
  const recordKey = `M-E2E-${Date.now()}`;
  const res = await fetch(`${baseUrl}/api/v1/batches/${batch.id}/records`, {
    method: 'POST',
    headers: { ...owner.headers(), 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      recordKey,
      itemCode: 'concrete_core_strength',
      componentId: component.code,
      values: { coreDiameter: 100, coreCount: 3, coreLength: 100, rebarAvoided: 'yes' },
      capturedAt: new Date().toISOString(),
      source: 'manual',
      equipmentId: equipment.id,
      testerPersonId: tester.id,
    }),
  });
  if (res.status !== 201) throw new Error(`POST record: ${res.status} ${await res.text()}`);
  return { ...batch, recordKey };
}

/**
 * The department decides the batch's open anomalies (dismissed with a reason, through the anomaly desk's API): an open
 * anomaly of a blocking severity stops the report until a department has looked (issue 12). None open is fine.
 */
export async function dismissOpenAnomalies(baseUrl: string, batchId: string, officer = 'officer.nanguan'): Promise<void> {
  const s = await apiSession(baseUrl, officer);
  const r = await s.send('POST', `/batches/${batchId}/anomalies/decide`, { decision: 'dismiss', reason: '已现场核实，不影响检测结论' });
  if (r.status !== 200 && (r.body as { code?: string } | undefined)?.code !== 'NO_OPEN_ANOMALIES') {
    throw new Error(`dismiss anomalies of ${batchId}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}
