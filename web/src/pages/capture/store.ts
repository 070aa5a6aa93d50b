import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CaptureManifest } from '../../../../src/modules/capture/manifest.ts';
import type { BatchDetail } from '../batches/api.ts';
import type { ChallengePool } from './api.ts';

/**
 * What the phone keeps across closing the browser (IndexedDB, one database per browser profile): its capture key pair
 * per account (the private key a non-extractable CryptoKey, which IndexedDB stores without ever exposing its bytes),
 * the challenges in hand with the policy's limits, the batch last chosen, and the queue of signed photos.
 */
export interface DeviceKey {
  /** The account the key belongs to (a phone may be shared; each person enrols their own key). */
  userId: string;
  alg: 'Ed25519' | 'ES256';
  privateKey: CryptoKey;
  /** SPKI DER, base64: what was enrolled. */
  spki: string;
  label: string;
  /** The platform's id of the key once enrolled. */
  keyId: string;
  /** The key's state when last read from the platform (shown, and checked before capture, while offline). */
  lastState: 'pending' | 'approved' | 'revoked' | 'expired';
  fingerprint: string;
}

export type QueueState = 'waiting' | 'uploading' | 'done' | 'failed';

/** The metadata a process image is declared with (src/modules/images/metadata.ts) plus the signed envelope. */
export interface SignedMetadata {
  capturedAt: string;
  location: { lat: number; lng: number };
  testerPersonId: string;
  equipmentId: string;
  componentId: string;
  recordKeys: string[];
  capture: { manifest: CaptureManifest; keyId: string; alg: 'Ed25519' | 'ES256'; signature: string };
}

export interface QueuedCapture {
  /** Order of capture (IndexedDB key): uploads go in this order. */
  seq?: number;
  /** Also the Idempotency-Key of the upload's creation: a retried creation after a lost answer is the same upload. */
  id: string;
  userId: string;
  batchId: string;
  batchNumber: string;
  componentLabel: string;
  /** The JPEG exactly as signed. */
  jpeg: Blob;
  metadata: SignedMetadata;
  code: string;
  capturedAt: string;
  /** The batch's upload deadline when the photo was taken (completion + 2 h), null while no completion is declared. */
  deadline: string | null;
  /** The challenge must reach the platform before this. */
  challengeExpiresAt: string;
  state: QueueState;
  /** The tus upload's address once created, to resume it rather than create another. */
  uploadUrl: string | null;
  imageId: string | null;
  error: string | null;
  attempts: number;
  uploadedAt: string | null;
}

interface CaptureDb extends DBSchema {
  keys: { key: string; value: DeviceKey };
  challenges: { key: string; value: ChallengePool & { userId: string; fetchedAt: string } };
  batches: { key: string; value: { userId: string; batch: BatchDetail } };
  queue: { key: number; value: QueuedCapture; indexes: { byId: string } };
}

let dbPromise: Promise<IDBPDatabase<CaptureDb>> | null = null;

export function captureDb(): Promise<IDBPDatabase<CaptureDb>> {
  dbPromise ??= openDB<CaptureDb>('qtrace-capture', 1, {
    upgrade(db) {
      db.createObjectStore('keys', { keyPath: 'userId' });
      db.createObjectStore('challenges', { keyPath: 'userId' });
      db.createObjectStore('batches', { keyPath: 'userId' });
      db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true }).createIndex('byId', 'id', { unique: true });
    },
  });
  return dbPromise;
}

export async function queueOf(userId: string): Promise<QueuedCapture[]> {
  const all = await (await captureDb()).getAll('queue');
  return all.filter((q) => q.userId === userId);
}

export async function putQueued(item: QueuedCapture): Promise<QueuedCapture> {
  const db = await captureDb();
  const seq = await db.put('queue', item);
  return { ...item, seq };
}
