import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { recordAudit } from '../kernel/audit.ts';
import type { BlobStore } from '../kernel/blobs/blob-store.ts';
import type { RequestContext } from '../kernel/auth/actor.ts';
import type { Database } from '../kernel/db/types.ts';
import { beijingDate } from '../kernel/time.ts';
import { PiiCodec, piiKey } from '../modules/personnel/index.ts';
import { makeValidResidentId, maskResidentId } from '../modules/registry/index.ts';

/** A one-page PDF (ASCII text, built with exact xref offsets) standing in for a scanned written authorization. */
export function demoAuthorizationPdf(lines: readonly string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 24} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const DAY_MS = 86_400_000;

interface DemoWitness {
  /** The supervision unit's demo key. */
  unit: 'super-jl' | 'super-cc';
  name: string;
  idSeq: number;
  birth: string;
  phone: string;
  /** Username of the platform account the witness signs in with. */
  account: string | null;
  /** Which of the unit's projects: all, or the first only. */
  projects: 'all' | 'first';
}

const WITNESSES: DemoWitness[] = [
  { unit: 'super-jl', name: '孙立', idSeq: 311, birth: '19800515', phone: '13843100001', account: 'witness.sun', projects: 'all' },
  { unit: 'super-jl', name: '周雅琴', idSeq: 322, birth: '19870921', phone: '13843100002', account: null, projects: 'first' },
  // 恒信监理 supervises the 湖西路 works in 朝阳区: its witness stands on the demo batch there.
  { unit: 'super-cc', name: '钱志刚', idSeq: 333, birth: '19830207', phone: '13843100003', account: null, projects: 'all' },
];

/**
 * Demo witnesses of 吉林省华诚建设监理有限公司 (key `super-jl`) and 长春市恒信工程监理有限公司 (`super-cc`), registered 30
 * days before `now` with a written authorization each, for the projects their unit supervises (seed the projects first; without any, the witnesses
 * are registered with their authorization and no project). The scanned authorization is stored in `blobs` before
 * its row, as an upload would be.
 */
export async function seedWitnesses(trx: Transaction<Database>, ids: Record<string, string>, now: Date, blobs: Pick<BlobStore, 'put'>): Promise<void> {
  if (!ids['super-jl']) throw new Error('seedWitnesses: the demo supervision unit super-jl is missing');
  // 孙立 of 华诚监理 registers his unit's witnesses; other units' are registered by the platform administrator.
  const registrarOf = async (unitKey: DemoWitness['unit']) =>
    (await trx.selectFrom('users').select(['id']).where('username', '=', unitKey === 'super-jl' ? 'witness.sun' : 'admin').executeTakeFirstOrThrow()).id;
  const pii = new PiiCodec(piiKey());
  const registeredAt = new Date(now.getTime() - 30 * DAY_MS);
  const signedOn = beijingDate(new Date(registeredAt.getTime() - 2 * DAY_MS));
  const ctx: RequestContext = { actor: { kind: 'system', name: 'demo-seed' }, requestId: 'seed', clientIp: null, now };

  for (const w of WITNESSES) {
    // A unit the caller's demo does not hold (a test seeding only part of it) has no witnesses to register.
    const unitId = ids[w.unit];
    if (!unitId) continue;
    const unit = await trx.selectFrom('organisations').select(['region_code']).where('id', '=', unitId).executeTakeFirstOrThrow();
    const registrar = { id: await registrarOf(w.unit) };
    const projects = await trx.selectFrom('projects').select(['id', 'name']).where('supervision_unit_id', '=', unitId).orderBy('created_at').orderBy('name').execute();
    const pdf = demoAuthorizationPdf(['QTrace demo', 'Written authorization of a witness', `Signed on ${signedOn}`]);
    const blob = await blobs.put(pdf);
    const doc = await trx
      .insertInto('documents')
      .values({
        sha256: blob.sha256,
        size: blob.size,
        content_type: 'application/pdf',
        filename: `见证人员授权书-${w.name}.pdf`,
        organisation_id: unitId,
        region_code: unit.region_code,
        uploaded_by: registrar.id,
        uploaded_at: registeredAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const idNumber = makeValidResidentId(w.idSeq, w.birth, '220102');
    const account = w.account ? await trx.selectFrom('users').select('id').where('username', '=', w.account).executeTakeFirstOrThrow() : null;
    const witnessId = randomUUID();
    await trx
      .insertInto('witness_persons')
      .values({
        id: witnessId,
        supervision_unit_id: unitId,
        name: w.name,
        resident_id_lookup: pii.lookup(idNumber),
        resident_id_masked: maskResidentId(idNumber),
        pii_key_id: pii.keyId,
        phone: w.phone,
        user_id: account?.id ?? null,
        created_at: registeredAt,
        created_by: registrar.id,
      })
      .execute();
    const registrationId = randomUUID();
    await trx
      .insertInto('witness_authorizations')
      .values({
        id: registrationId,
        witness_id: witnessId,
        supervision_unit_id: unitId,
        kind: 'initial',
        replaces_witness_id: null,
        document_id: doc.id,
        document_sha256: blob.sha256,
        signed_on: signedOn,
        changed_at: null,
        registered_at: registeredAt,
        registered_by: registrar.id,
        reason: null,
        due_date: null,
        due_at: null,
        due_provisional: null,
        uncovered_years: [],
        late: null,
        violation_id: null,
      })
      .execute();
    const granted = w.projects === 'all' ? projects : projects.slice(0, 1);
    if (granted.length > 0) {
      await trx
        .insertInto('witness_authorization_effects')
        .values(granted.map((p) => ({ authorization_id: registrationId, witness_id: witnessId, project_id: p.id, effect: 'grant' as const, effective_at: registeredAt })))
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'witness.register',
      targetType: 'witness',
      targetId: witnessId,
      organisationId: unitId,
      details: { name: w.name, idNumberMasked: maskResidentId(idNumber), registrationId, kind: 'initial', projectIds: granted.map((p) => p.id), demo: true },
    });
  }
}
