import type { CatalogueFieldDef } from '../../catalogue/index.ts';

/**
 * What a report says, as data (issue 5 item 5): built once at generation from the batch, its current record versions,
 * the registries and the catalogue; stored with the report, hashed (RFC 8785 + SHA-256) and rendered to the PDF.
 */
export const REPORT_STATUSES = ['valid', 'superseded', 'revoked'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  valid: '有效',
  superseded: '已被更正报告替代',
  revoked: '已撤销',
};

export type Conclusion = 'pass' | 'fail' | null;

export const CONCLUSION_LABELS: Record<'pass' | 'fail' | 'none', string> = { pass: '合格', fail: '不合格', none: '—' };

export interface ReportValue {
  label: string;
  value: string;
  /** Null for dimensionless quantities (the catalogue writes —) and for text and options. */
  unit: string | null;
}

export interface ReportRecordLine {
  recordKey: string;
  version: number;
  itemCode: string;
  itemName: string;
  /** The component ID grouped for reading, and where it is. */
  component: string;
  position: string;
  capturedAt: string;
  source: 'auto' | 'manual';
  tester: string;
  values: ReportValue[];
  conclusion: Conclusion;
  contentSha256: string;
}

export interface ReportContent {
  format: 'qtrace.report.v1';
  number: string;
  /** Beijing calendar day of generation, YYYY-MM-DD. */
  reportDate: string;
  generatedAt: string;
  agency: { name: string; uscc: string; qualificationNumbers: string[] };
  project: { name: string; address: string; permitNumber: string };
  /** The construction unit that commissioned the tests (委托单位). */
  client: string;
  supervisionUnit: string | null;
  contractNumber: string | null;
  batch: {
    number: string;
    specialty: string;
    specialtyName: string;
    openedAt: string;
    completedAt: string | null;
    sealedAt: string | null;
    reviewedAt: string | null;
    catalogueVersion: number;
  };
  items: { code: string; name: string; standard: string }[];
  records: ReportRecordLine[];
  summary: { records: number; pass: number; fail: number; undetermined: number };
  components: { id: string; building: string | null; floor: string | null; position: string | null; componentType: string | null }[];
  equipment: { equipmentType: string; model: string; serialNumber: string; calibrationCertificate: string | null; calibrationValidTo: string | null; inCalibration: boolean }[];
  people: { testers: string[]; reviewer: string; signatory: string; witness: string; witnessUnit: string | null };
  evidence: { recordCount: number; imageCount: number; manifestSha256: string; sealedAt: string };
  supersedes: { number: string; reason: string } | null;
}

/** An enum field whose options include both `pass` and `fail` is the record's own verdict (评定结论/检验结论). */
const isVerdictField = (f: CatalogueFieldDef): boolean =>
  f.type === 'enum' && !!f.options?.some((o) => o.value === 'pass') && !!f.options.some((o) => o.value === 'fail');

/**
 * ⚙ The conclusion of a record is derived only from what the record itself states: its verdict fields (fail if any
 * says fail, pass if all say pass). Where the catalogue item has none (e.g. 回弹 gives a strength, to be judged
 * against the design grade the platform does not hold), the platform does not judge: null, printed "—".
 */
export function deriveConclusion(fields: readonly CatalogueFieldDef[], values: Record<string, unknown>): Conclusion {
  const verdicts = fields.filter(isVerdictField).map((f) => values[f.key]).filter((v) => v === 'pass' || v === 'fail');
  if (verdicts.length === 0) return null;
  return verdicts.includes('fail') ? 'fail' : 'pass';
}

/** The record's values in catalogue order, with option labels and units, verdict fields left to the conclusion. */
export function displayValues(fields: readonly CatalogueFieldDef[], values: Record<string, unknown>): ReportValue[] {
  const out: ReportValue[] = [];
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || v === '' || isVerdictField(f)) continue;
    const shown = f.type === 'enum' ? (f.options?.find((o) => o.value === v)?.label ?? String(v)) : String(v);
    out.push({ label: f.label, value: shown, unit: f.unit && f.unit !== '—' ? f.unit : null });
  }
  return out;
}

export function summarise(records: readonly Pick<ReportRecordLine, 'conclusion'>[]): ReportContent['summary'] {
  const pass = records.filter((r) => r.conclusion === 'pass').length;
  const fail = records.filter((r) => r.conclusion === 'fail').length;
  return { records: records.length, pass, fail, undetermined: records.length - pass - fail };
}
