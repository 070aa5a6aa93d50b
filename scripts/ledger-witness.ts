import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveKey } from '../src/kernel/crypto/key-file.ts';
import { cosign, makeSigner, parseCheckpointText, parseNote, parseVkey, SIG_COSIGNATURE_V1, verifyConsistency, verifyNoteSignature } from '../src/modules/ledger/index.ts';

/**
 * `npm run ledger:witness -- --url https://platform --key witness.key --name <witness name> [--log-key <vkey>]
 * [--state witness-state.json]` — a witness (C2SP tlog-cosignature/v1) that a department or any outside party runs:
 * fetches the log's checkpoint, checks the log's signature, proves it consistent with the last checkpoint this witness
 * cosigned (kept in --state), cosigns it and hands the cosignature to the platform. It never cosigns a checkpoint it
 * cannot prove consistent; a split view (a smaller or different tree) stops it with exit code 1.
 * The key file holds base64 of a 32-byte Ed25519 seed (created on first run, mode 0600); `--print-vkey` prints the
 * verifier key the platform operator adds to LEDGER_WITNESSES.
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string', default: 'witness.key' },
    name: { type: 'string' },
    'log-key': { type: 'string' },
    state: { type: 'string', default: 'witness-state.json' },
    'print-vkey': { type: 'boolean', default: false },
  },
});
const fail = (zh: string, en: string): never => {
  process.stderr.write(`见证失败：${zh}\nWitness failed: ${en}\n`);
  process.exit(1);
};
if (!values.name) fail('缺少 --name（见证方名称，如 zjt.jl.gov.cn/witness）', 'missing --name');
const keyFile = values.key!;
const seed = resolveKey({ envName: 'LEDGER_WITNESS_KEY', fileName: keyFile.split('/').pop()!, bytes: 32 }, { DATA_DIR: keyFile.includes('/') ? keyFile.slice(0, keyFile.lastIndexOf('/')) : '.' }).key;
const signer = makeSigner(values.name!, seed, SIG_COSIGNATURE_V1);
if (values['print-vkey']) {
  process.stdout.write(`${signer.vkey}\n`);
  process.exit(0);
}
if (!values.url) fail('缺少 --url（平台地址）', 'missing --url');
const base = values.url!.replace(/\/+$/, '');

interface State { logVkey: string; size: number; root: string }
const state: State | null = existsSync(values.state!) ? (JSON.parse(readFileSync(values.state!, 'utf8')) as State) : null;
const get = async (path: string) => {
  const r = await fetch(`${base}${path}`);
  if (!r.ok) fail(`${path} 返回 ${r.status}`, `${path} answered ${r.status}`);
  return r;
};
const logVkey = values['log-key'] ?? state?.logVkey ?? ((await (await get('/api/v1/ledger/key')).json()) as { vkey: string }).vkey;
if (state && state.logVkey !== logVkey) fail('日志公钥与上次不同', 'the log key differs from the one this witness follows');
const noteText = await (await get('/ledger/checkpoint')).text();
const note = parseNote(noteText);
try {
  verifyNoteSignature(note, parseVkey(logVkey));
} catch (err) {
  fail(`检查点签名无效：${(err as Error).message}`, `checkpoint signature invalid: ${(err as Error).message}`);
}
const cp = parseCheckpointText(note.text);
if (state) {
  if (cp.size < state.size) fail(`检查点变小（${state.size} → ${cp.size}）`, `checkpoint shrank (${state.size} → ${cp.size})`);
  if (cp.size === state.size && cp.root.toString('base64') !== state.root) fail('同一大小出现不同的根（分叉视图）', 'same size, different root (split view)');
  if (cp.size > state.size) {
    const c = (await (await get(`/api/v1/ledger/consistency?from=${state.size}&to=${cp.size}`)).json()) as { proof: string[] };
    try {
      verifyConsistency(state.size, cp.size, Buffer.from(state.root, 'base64'), cp.root, c.proof.map((p) => Buffer.from(p, 'base64')));
    } catch (err) {
      fail(`一致性证明无效：${(err as Error).message}`, `consistency proof invalid: ${(err as Error).message}`);
    }
  }
}
const line = cosign(note.text, signer, Math.floor(Date.now() / 1000));
const res = await fetch(`${base}/api/v1/ledger/cosignatures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note: `${note.text}\n${line}` }) });
if (!res.ok) fail(`平台拒收联署签名：${res.status} ${await res.text()}`, `platform refused the cosignature: ${res.status}`);
writeFileSync(values.state!, JSON.stringify({ logVkey, size: cp.size, root: cp.root.toString('base64') }, null, 2));
process.stdout.write(`已联署 cosigned ${cp.origin} size ${cp.size} root ${cp.root.toString('base64')}${state ? ` (consistent with ${state.size})` : ''}\n`);
