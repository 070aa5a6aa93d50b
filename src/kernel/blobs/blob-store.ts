import type { Readable } from 'node:stream';

/** Identity of stored content: lower-case hex SHA-256 of its bytes. */
export type Sha256Hex = string;

export interface StoredBlob {
  sha256: Sha256Hex;
  size: number;
  /** False when the same content was already stored (content addressing makes a retry free). */
  created: boolean;
}

/**
 * Content-addressed storage. `put` returns only once the bytes are durable, so a database row referring to the
 * hash can be committed after it; `open` verifies the hash as it streams and fails on a mismatch.
 * The local folder implementation is the default; an S3-compatible one implements the same interface.
 */
export interface BlobStore {
  put(content: Readable | Buffer, opts?: { maxBytes?: number; expectedSha256?: Sha256Hex }): Promise<StoredBlob>;
  has(sha256: Sha256Hex): Promise<boolean>;
  open(sha256: Sha256Hex): Promise<Readable>;
  read(sha256: Sha256Hex): Promise<Buffer>;
  ping(): Promise<void>;
}

export class BlobTooLargeError extends Error {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`blob exceeds ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}
export class BlobHashMismatchError extends Error {
  /** The hash the blob is stored under, and what its bytes hash to now (when read). */
  readonly expected: Sha256Hex | undefined;
  readonly actual: Sha256Hex | undefined;
  constructor(message: string, expected?: Sha256Hex, actual?: Sha256Hex) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }
}
export class BlobNotFoundError extends Error {}

export const isSha256Hex = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);
