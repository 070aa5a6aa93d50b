import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyEd25519 } from '../../../kernel/crypto/ed25519.ts';
import { parseInstant, recordContentSha256, signingPayload } from './signing.ts';

const BATCH = '3f8e8a52-6a1c-4a0e-9d55-2d0b8d1e0c11';
const record = {
  recordKey: 'R-0001',
  itemCode: 'concrete_rebound',
  componentId: 'qc 7k3m 9p2x q48',
  values: { testAreaCount: 10, meanRebound: 36.2, testAngle: 'horizontal' },
  capturedAt: '2026-07-15T10:05:00+08:00',
  equipmentId: '6a0b1e9c-2f4d-4b8e-8c3a-1d2e3f4a5b6c',
};

describe('what a device signs', () => {
  it('is the RFC 8785 form of exactly the seven fields, strings as sent', () => {
    expect(signingPayload(BATCH, { ...record, extra: 'ignored' } as typeof record)).toBe(
      '{"batchId":"3f8e8a52-6a1c-4a0e-9d55-2d0b8d1e0c11","capturedAt":"2026-07-15T10:05:00+08:00","componentId":"qc 7k3m 9p2x q48",' +
        '"equipmentId":"6a0b1e9c-2f4d-4b8e-8c3a-1d2e3f4a5b6c","itemCode":"concrete_rebound","recordKey":"R-0001",' +
        '"values":{"meanRebound":36.2,"testAngle":"horizontal","testAreaCount":10}}',
    );
  });

  it('does not depend on the key order the device used', () => {
    const reordered = { equipmentId: record.equipmentId, values: { testAngle: 'horizontal', meanRebound: 36.2, testAreaCount: 10 }, capturedAt: record.capturedAt, componentId: record.componentId, itemCode: record.itemCode, recordKey: record.recordKey };
    expect(signingPayload(BATCH, reordered)).toBe(signingPayload(BATCH, record));
  });

  it('a signature over it verifies, and fails for any changed value', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const sig = sign(null, Buffer.from(signingPayload(BATCH, record)), privateKey).toString('base64');
    expect(verifyEd25519(publicKey, signingPayload(BATCH, record), sig)).toBe(true);
    expect(verifyEd25519(publicKey, signingPayload(BATCH, { ...record, values: { ...record.values, meanRebound: 36.3 } }), sig)).toBe(false);
    expect(verifyEd25519(publicKey, signingPayload('00000000-0000-4000-8000-000000000000', record), sig)).toBe(false);
  });
});

describe('content hash', () => {
  const content = {
    batchId: BATCH,
    recordKey: 'R-0001',
    version: 1,
    itemCode: 'concrete_rebound',
    componentId: 'QC7K3M9P2XQ48',
    values: { testAreaCount: 10 },
    capturedAt: new Date('2026-07-15T10:05:00+08:00'),
    source: 'auto' as const,
    equipmentId: record.equipmentId,
    testerPersonId: '11111111-2222-4333-8444-555555555555',
  };
  it('is SHA-256 of the canonical form with capturedAt in UTC (a fixed vector for client authors)', () => {
    // sha256sum of the canonical text, written out by hand:
    // {"batchId":"3f8e…0c11","capturedAt":"2026-07-15T02:05:00.000Z","componentId":"QC7K3M9P2XQ48","equipmentId":"6a0b…5b6c",
    //  "itemCode":"concrete_rebound","recordKey":"R-0001","source":"auto","testerPersonId":"1111…5555","values":{"testAreaCount":10},"version":1}
    expect(recordContentSha256(content)).toBe('220842de465ac352221eeeea8c2cbc5e3b5ee3e4ddb2acfd1fbc2699058b245b');
    expect(recordContentSha256({ ...content, capturedAt: new Date('2026-07-15T02:05:00.000Z') })).toBe(recordContentSha256(content));
  });
  it.each([['version', { version: 2 }], ['source', { source: 'manual' as const }], ['values', { values: { testAreaCount: 11 } }], ['tester', { testerPersonId: BATCH }]])(
    'changes with the %s',
    (_l, patch) => expect(recordContentSha256({ ...content, ...patch })).not.toBe(recordContentSha256(content)),
  );
});

describe('capture instants', () => {
  it.each<[string, string | null]>([
    ['2026-07-15T10:05:00+08:00', '2026-07-15T02:05:00.000Z'],
    ['2026-07-15T02:05:00.123Z', '2026-07-15T02:05:00.123Z'],
    ['2026-07-15T10:05:00', null],
    ['2026-07-15 10:05:00+08:00', null],
    ['2026-13-15T10:05:00+08:00', null],
    ['yesterday', null],
  ])('%s → %s', (text, expected) => {
    expect(parseInstant(text)?.toISOString() ?? null).toBe(expected);
  });
});
