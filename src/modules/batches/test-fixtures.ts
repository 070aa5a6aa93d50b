import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../kernel/clock.ts';
import { demoDeviceSignature, loadDemoBatchRefs, demoReboundValues, type DemoBatchRefs } from '../../seed/batches.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { signingPayload } from '../records/index.ts';
import { ensureRegistrySeed } from '../agencies/testing.ts';

/**
 * Shared set-up for the API tests of batches and records: the demo with its registries at a set instant, signed-in
 * demo users, a machine credential of 吉林省建正, and builders for batch and record bodies.
 */
export const USERS = [
  'admin',
  'officer.province',
  'officer.changchun',
  'officer.nanguan',
  'officer.chaoyang',
  'jz.admin',
  'jz.owner',
  'jz.tester',
  'jz.reviewer',
  'jk.tester',
  'witness.sun',
  'builder.chen',
  'contractor.zhou',
] as const;
export type Who = (typeof USERS)[number] | 'lims' | 'jk.lims';

export interface BatchHarness {
  t: TestApp;
  clock: ManualClock;
  refs: DemoBatchRefs;
  org(key: string): string;
  get(who: Who, url: string): Promise<LightMyRequestResponse>;
  post(who: Who, url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Opens a batch on 幸福里 (回弹法 by 高峰, 专人 刘洋, witness 孙立) with `overrides`; fails the test on refusal. */
  open(overrides?: Partial<OpenBody>, who?: Who): Promise<{ id: string; batchNumber: string; openedAt: string; [k: string]: unknown }>;
  /** Uploads a record with a fresh Idempotency-Key unless one is given. */
  upload(who: Who, batchId: string, body: object, key?: string): Promise<LightMyRequestResponse>;
}

export interface OpenBody {
  projectId: string;
  commissionId: string;
  specialty: string;
  itemCodes: string[];
  componentIds: string[];
  equipmentIds: string[];
  testerPersonIds: string[];
  witnessPersonId: string;
  uploadOwnerPersonId: string;
  note?: string | null;
}

export const START = '2026-07-15T08:00:00+08:00';

export async function startBatchHarness(): Promise<BatchHarness> {
  const clock = new ManualClock(START);
  const t = await createTestApp({ clock });
  const ids = await ensureRegistrySeed(t);
  const refs = await loadDemoBatchRefs(t.deps.db, ids);
  const headers: Record<string, Record<string, string>> = {};
  for (const u of USERS) headers[u] = { cookie: await t.login(u) };
  const credential = await t.app.inject({ method: 'POST', url: '/api/v1/machine-credentials', headers: headers['jz.admin'], payload: { name: '建正 LIMS' } });
  if (credential.statusCode !== 201) throw new Error(`machine credential: ${credential.statusCode} ${credential.body}`);
  headers.lims = { authorization: `Bearer ${(credential.json() as { secret: string }).secret}` };
  const jk = await t.login('jk.admin');
  const jkCredential = await t.app.inject({ method: 'POST', url: '/api/v1/machine-credentials', headers: { cookie: jk }, payload: { name: '建科 LIMS' } });
  headers['jk.lims'] = { authorization: `Bearer ${(jkCredential.json() as { secret: string }).secret}` };

  const h: BatchHarness = {
    t,
    clock,
    refs,
    org: (key) => ids[key]!,
    get: (who, url) => t.app.inject({ url, headers: headers[who] }),
    post: (who, url, payload, extra = {}) => t.app.inject({ method: 'POST', url, headers: { ...headers[who], ...extra }, ...(payload ? { payload } : {}) }),
    async open(overrides = {}, who = 'jz.owner') {
      const res = await h.post(who, '/api/v1/batches', openBody(refs, overrides));
      if (res.statusCode !== 201) throw new Error(`open: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    upload: (who, batchId, body, key = `k-${randomUUID()}`) => h.post(who, `/api/v1/batches/${batchId}/records`, body, { 'idempotency-key': key }),
  };
  return h;
}

export function openBody(refs: DemoBatchRefs, overrides: Partial<OpenBody> = {}): OpenBody {
  return {
    projectId: refs.projectId,
    commissionId: refs.commissionId,
    specialty: 'main_structure',
    itemCodes: ['concrete_rebound', 'concrete_core_strength'],
    componentIds: refs.components.slice(2, 5),
    equipmentIds: [refs.equipment.rebound, refs.equipment.flawDetector],
    testerPersonIds: [refs.person.tester],
    witnessPersonId: refs.witness.sun,
    uploadOwnerPersonId: refs.person.owner,
    ...overrides,
  };
}

export interface RecordBody {
  recordKey: string;
  itemCode: string;
  componentId: string;
  values: Record<string, unknown>;
  capturedAt: string;
  source: 'auto' | 'manual';
  equipmentId: string;
  testerPersonId: string;
  signature?: { keyId?: string; alg: 'Ed25519'; value: string };
  correctionOf?: { version: number; reason: string };
}

/** A 回弹 record from the demo 回弹仪, signed with its key, captured at `capturedAt`. */
export function signedRecord(refs: DemoBatchRefs, batchId: string, capturedAt: Date, overrides: Partial<RecordBody> = {}, n = 1): RecordBody {
  const body: RecordBody = {
    recordKey: `R-${randomUUID().slice(0, 8)}`,
    itemCode: 'concrete_rebound',
    componentId: refs.components[2]!,
    values: demoReboundValues(n),
    capturedAt: capturedAt.toISOString(),
    source: 'auto',
    equipmentId: refs.equipment.rebound,
    testerPersonId: refs.person.tester,
    ...overrides,
  };
  return { ...body, signature: overrides.signature ?? { alg: 'Ed25519', value: demoDeviceSignature(signingPayload(batchId, body)) } };
}

/** A 钻芯法 record entered by hand (the item is not auto-collected; its equipment here is the flaw detector). */
export function manualCoreRecord(refs: DemoBatchRefs, capturedAt: Date, overrides: Partial<RecordBody> = {}): RecordBody {
  return {
    recordKey: `M-${randomUUID().slice(0, 8)}`,
    itemCode: 'concrete_core_strength',
    componentId: refs.components[3]!,
    values: { coreDiameter: 100, coreCount: 3, coreLength: 100, rebarAvoided: 'yes', drillingPosition: '柱中部，避开箍筋' },
    capturedAt: capturedAt.toISOString(),
    source: 'manual',
    equipmentId: refs.equipment.flawDetector,
    testerPersonId: refs.person.tester,
    ...overrides,
  };
}
