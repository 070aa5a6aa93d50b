import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import { badRequest } from '../../kernel/errors.ts';
import { IMAGE_METADATA_HEADER_MAX_BYTES, IMAGE_RECORD_KEYS_MAX } from '../../kernel/policy.ts';
import { parseComponentId } from '../components/index.ts';
import { parseCaptureEnvelope, type CaptureEnvelope } from '../capture/index.ts';
import type { GeoPoint } from './rules/flags.ts';

/**
 * The metadata a client declares with an image (issue 4 item 3; docs/integration-api.md "过程影像"): sent as
 * base64url of a UTF-8 JSON object in the `X-QTrace-Metadata` header (or, for resumable uploads, as the tus
 * `Upload-Metadata` entry `metadata`). Checked field by field; unknown fields are refused, as in every JSON body.
 */
export const METADATA_HEADER = 'x-qtrace-metadata';

export interface SignatureInput {
  alg: 'Ed25519';
  value: string;
  /** Optional: the id of the equipment key that signed (equipment_keys.id); otherwise every key in force is tried. */
  keyId?: string;
}

export interface CaptureMetadata {
  /** RFC 3339 with a zone, exactly as sent (the signature covers this string). */
  capturedAtText: string;
  capturedAt: Date;
  location: GeoPoint;
}

export interface ProcessMetadata extends CaptureMetadata {
  testerPersonId: string;
  equipmentId: string;
  /** As sent (the signature covers this string). */
  componentIdText: string;
  /** Canonical component ID (components.code). */
  componentCode: string;
  recordKeys: string[];
  signature: SignatureInput | null;
  /** A signed capture manifest (phone or agency capture app, issue 11), verified on upload. */
  capture: CaptureEnvelope | null;
  /** The parsed JSON object, kept verbatim in the image row. */
  raw: Record<string, unknown>;
}

export type CheckinMetadata = CaptureMetadata & { capture: CaptureEnvelope | null; raw: Record<string, unknown> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const RECORD_KEY = /^[A-Za-z0-9._:-]{1,100}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Decodes the header (or tus metadata value) into a JSON object; 400 naming `field` otherwise. */
export function decodeMetadata(value: string | undefined, field: string, base64 = false): Record<string, unknown> {
  if (!value) throw badRequest('IMAGE_METADATA_REQUIRED', '请在 X-QTrace-Metadata 中申报影像信息（base64url 编码的 JSON）', field);
  if (value.length > IMAGE_METADATA_HEADER_MAX_BYTES) throw badRequest('IMAGE_METADATA_TOO_LARGE', `影像申报信息不能超过 ${IMAGE_METADATA_HEADER_MAX_BYTES / 1024} KB`, field);
  const text = base64 ? value.replace(/\+/g, '-').replace(/\//g, '_') : value;
  if (!BASE64URL.test(text)) throw badRequest('IMAGE_METADATA_MALFORMED', '影像申报信息应为 base64url 编码的 JSON', field);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('IMAGE_METADATA_MALFORMED', '影像申报信息应为 base64url 编码的 JSON', field);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('IMAGE_METADATA_MALFORMED', '影像申报信息应为 JSON 对象', field);
  }
  return parsed as Record<string, unknown>;
}

/** base64url of the JSON: what a client puts in the header (for clients, tests and the simulator). */
export function encodeMetadata(meta: object): string {
  return Buffer.from(JSON.stringify(meta), 'utf8').toString('base64url');
}

function only(obj: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw badRequest('IMAGE_METADATA_UNKNOWN_FIELD', `影像申报信息含有未定义的字段 ${k}`, `${field}.${k}`);
  }
}

function captureFields(obj: Record<string, unknown>, field: string): CaptureMetadata {
  const capturedAtText = obj.capturedAt;
  if (typeof capturedAtText !== 'string' || !RFC3339.test(capturedAtText) || Number.isNaN(new Date(capturedAtText).getTime())) {
    throw badRequest('IMAGE_CAPTURED_AT_INVALID', '拍摄时间应为带时区的 RFC 3339 时间，如 2026-07-15T10:05:00+08:00', `${field}.capturedAt`);
  }
  const loc = obj.location;
  if (typeof loc !== 'object' || loc === null || Array.isArray(loc)) {
    throw badRequest('IMAGE_LOCATION_REQUIRED', '请申报拍摄位置 location: { lat, lng }（WGS-84）', `${field}.location`);
  }
  const l = loc as Record<string, unknown>;
  only(l, ['lat', 'lng'], `${field}.location`);
  if (typeof l.lat !== 'number' || !Number.isFinite(l.lat) || l.lat < -90 || l.lat > 90) {
    throw badRequest('IMAGE_LOCATION_INVALID', '纬度 lat 应为 -90～90 之间的数', `${field}.location.lat`);
  }
  if (typeof l.lng !== 'number' || !Number.isFinite(l.lng) || l.lng < -180 || l.lng > 180) {
    throw badRequest('IMAGE_LOCATION_INVALID', '经度 lng 应为 -180～180 之间的数', `${field}.location.lng`);
  }
  return { capturedAtText, capturedAt: new Date(capturedAtText), location: { lat: l.lat, lng: l.lng } };
}

const uuid = (obj: Record<string, unknown>, key: string, zh: string, field: string): string => {
  const v = obj[key];
  if (typeof v !== 'string' || !UUID.test(v)) throw badRequest('IMAGE_METADATA_FIELD_INVALID', `请申报${zh}（${key}，平台登记的 ID）`, `${field}.${key}`);
  return v.toLowerCase();
};

/** A process image's metadata: time, place, tester, equipment, component, the records it documents, a signature. */
export function parseProcessMetadata(obj: Record<string, unknown>, field: string): ProcessMetadata {
  only(obj, ['capturedAt', 'location', 'testerPersonId', 'equipmentId', 'componentId', 'recordKeys', 'signature', 'capture'], field);
  const capture = captureFields(obj, field);
  const testerPersonId = uuid(obj, 'testerPersonId', '检测人员', field);
  const equipmentId = uuid(obj, 'equipmentId', '检测设备', field);
  if (typeof obj.componentId !== 'string') throw badRequest('IMAGE_METADATA_FIELD_INVALID', '请申报检测构件（部位）唯一标识 componentId', `${field}.componentId`);
  const componentCode = parseComponentId(obj.componentId);
  if (!componentCode) throw badRequest('COMPONENT_ID_INVALID', `构件编号 ${obj.componentId.slice(0, 40)} 格式或校验位不正确`, `${field}.componentId`);
  const keys = obj.recordKeys;
  if (!Array.isArray(keys)) throw badRequest('IMAGE_METADATA_FIELD_INVALID', '请申报影像对应的原始记录 recordKeys（数组，可为空）', `${field}.recordKeys`);
  if (keys.length > IMAGE_RECORD_KEYS_MAX) throw badRequest('IMAGE_RECORD_KEYS_TOO_MANY', `一张影像最多对应 ${IMAGE_RECORD_KEYS_MAX} 条原始记录`, `${field}.recordKeys`);
  keys.forEach((k, i) => {
    if (typeof k !== 'string' || !RECORD_KEY.test(k)) throw badRequest('IMAGE_RECORD_KEY_INVALID', '原始记录编号应为 1–100 位字母、数字或 ._:-', `${field}.recordKeys.${i}`);
    if (keys.indexOf(k) !== i) throw badRequest('IMAGE_RECORD_KEY_REPEATED', `原始记录编号 ${k} 重复`, `${field}.recordKeys.${i}`);
  });
  let signature: SignatureInput | null = null;
  if (obj.signature !== undefined) {
    const s = obj.signature;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw badRequest('IMAGE_SIGNATURE_MALFORMED', '签名应为 { alg: "Ed25519", value }', `${field}.signature`);
    const sig = s as Record<string, unknown>;
    only(sig, ['alg', 'value', 'keyId'], `${field}.signature`);
    if (sig.alg !== 'Ed25519') throw badRequest('IMAGE_SIGNATURE_ALG_UNSUPPORTED', '签名算法只支持 Ed25519', `${field}.signature.alg`);
    if (typeof sig.value !== 'string' || sig.value.length === 0 || sig.value.length > 200) {
      throw badRequest('IMAGE_SIGNATURE_MALFORMED', '签名值应为 base64 编码的 64 字节 Ed25519 签名', `${field}.signature.value`);
    }
    if (sig.keyId !== undefined && (typeof sig.keyId !== 'string' || !UUID.test(sig.keyId))) {
      throw badRequest('IMAGE_SIGNATURE_MALFORMED', 'keyId 应为设备密钥的 ID', `${field}.signature.keyId`);
    }
    signature = { alg: 'Ed25519', value: sig.value, ...(typeof sig.keyId === 'string' ? { keyId: sig.keyId.toLowerCase() } : {}) };
  }
  return {
    ...capture,
    testerPersonId,
    equipmentId,
    componentIdText: obj.componentId,
    componentCode,
    recordKeys: keys as string[],
    signature,
    capture: obj.capture === undefined ? null : parseCaptureEnvelope(obj.capture, `${field}.capture`),
    raw: obj,
  };
}

/** A check-in photo's metadata: when and where it was taken. */
export function parseCheckinMetadata(obj: Record<string, unknown>, field: string): CheckinMetadata {
  only(obj, ['capturedAt', 'location', 'capture'], field);
  return { ...captureFields(obj, field), capture: obj.capture === undefined ? null : parseCaptureEnvelope(obj.capture, `${field}.capture`), raw: obj };
}

/**
 * What a device or capture app signs for an image (docs/integration-api.md): Ed25519 over the UTF-8 bytes of the
 * RFC 8785 canonical JSON of { batchId, sha256, capturedAt, location, testerPersonId, equipmentId, componentId,
 * recordKeys }, every value exactly as declared (capturedAt and componentId not normalised) and sha256 the lower-case
 * hex SHA-256 of the image's bytes.
 */
export function imageSigningPayload(batchId: string, sha256: string, m: ProcessMetadata): string {
  const raw = m.raw;
  return canonicalJson({
    batchId,
    sha256,
    capturedAt: raw.capturedAt,
    location: raw.location,
    testerPersonId: raw.testerPersonId,
    equipmentId: raw.equipmentId,
    componentId: raw.componentId,
    recordKeys: raw.recordKeys,
  });
}
