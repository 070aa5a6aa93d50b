import { Type } from 'typebox';

/** The ledger's JSON shapes (issue 13), each with its $id. Hashes are base64 as in C2SP checkpoints. */
export const LedgerCheckpoint = Type.Object(
  {
    size: Type.Integer({ minimum: 0 }),
    rootHash: Type.String({ description: 'base64 of the RFC 9162 root hash' }),
    note: Type.String({ description: 'the C2SP signed note, as served at /ledger/checkpoint' }),
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'LedgerCheckpoint' },
);

export const LedgerPublicKey = Type.Object(
  {
    origin: Type.String({ description: 'checkpoint origin and key name' }),
    vkey: Type.String({ description: 'C2SP signed-note verifier key <name>+<key ID hex>+<base64(0x01 ‖ key)>' }),
    keyId: Type.String(),
    publicKey: Type.String({ description: 'raw Ed25519 public key, base64' }),
    algorithm: Type.Literal('Ed25519'),
  },
  { $id: 'LedgerPublicKey' },
);

export const LedgerEntryProof = Type.Object(
  {
    entryId: Type.Integer(),
    objectType: Type.String(),
    objectId: Type.String(),
    contentSha256: Type.String(),
    entry: Type.String({ description: 'the leaf: RFC 8785 JSON' }),
    leafHash: Type.String(),
    leafIndex: Type.Union([Type.Integer(), Type.Null()]),
    treeSize: Type.Union([Type.Integer(), Type.Null()]),
    inclusionProof: Type.Union([Type.Array(Type.String()), Type.Null()]),
    checkpoint: Type.Union([Type.Ref('LedgerCheckpoint'), Type.Null()]),
  },
  { $id: 'LedgerEntryProof' },
);

export const LedgerConsistency = Type.Object(
  {
    fromSize: Type.Integer(),
    toSize: Type.Integer(),
    fromRootHash: Type.Union([Type.String(), Type.Null()]),
    toRootHash: Type.String(),
    proof: Type.Array(Type.String()),
    checkpoint: Type.Ref('LedgerCheckpoint'),
  },
  { $id: 'LedgerConsistency' },
);

export const IntegrityAlarm = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Enum(['blob_hash_mismatch', 'blob_missing'] as const),
    sha256: Type.String(),
    actualSha256: Type.Union([Type.String(), Type.Null()]),
    foundBy: Type.Enum(['download', 'scrub', 'audit'] as const),
    detectedAt: Type.String({ format: 'date-time' }),
    objects: Type.Array(Type.Object({ type: Type.String(), id: Type.String(), leafIndex: Type.Union([Type.Integer(), Type.Null()]) })),
  },
  { $id: 'IntegrityAlarm' },
);

export const LedgerCosignatures = Type.Object(
  {
    size: Type.Integer(),
    note: Type.String({ description: 'the checkpoint with the cosignature lines appended' }),
    cosignatures: Type.Array(Type.Object({ name: Type.String(), keyId: Type.String(), cosignedAt: Type.String({ format: 'date-time' }), receivedAt: Type.String({ format: 'date-time' }) })),
  },
  { $id: 'LedgerCosignatures' },
);

/** The error `code`s this module's routes can answer with besides the platform-wide ones (listed in /openapi.json). */
export const ERROR_CODES: readonly string[] = [
  'LEDGER_BAD_COSIGNATURE',
  'LEDGER_BAD_NOTE',
  'LEDGER_BAD_SIZES',
  'LEDGER_BAD_TILE_PATH',
  'LEDGER_BAD_TYPE',
  'LEDGER_CHECKPOINT_NOT_FOUND',
  'LEDGER_ENTRY_NOT_FOUND',
  'LEDGER_LEAF_NOT_FOUND',
  'LEDGER_TILE_NOT_FOUND',
  'LEDGER_UNKNOWN_CHECKPOINT',
  'LEDGER_UNKNOWN_WITNESS',
  'PLATFORM_ADMIN_REQUIRED',
];
