import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  imageSigningPayload,
  recordSigningPayload,
  sha256Hex,
  signPayload,
  type ImageMetadata,
} from '../src/client/index.ts';
import { readExif, thumbnailAndHash } from '../src/modules/images/index.ts';
import { beijingRfc3339, beijingWallClock, makeSitePhoto, withComment } from '../src/simulator/photos.ts';
import { reboundValues } from '../src/simulator/simulate.ts';
import { freshDatabase, provisionAgency, startServer, type Agency } from './lib/servers.ts';

/**
 * `npm run bench:ingest` (issue 4, Performance): the running server, on PostgreSQL, driven over HTTP by concurrent
 * agency clients uploading camera-sized JPEGs with their signed records; beside it, the bare pipeline on the same
 * files and the same cores in the same run: read, SHA-256, fsynced write, EXIF parse, one shrink-on-load decode giving
 * the thumbnail and the perceptual hash (the server's own inspect functions, without HTTP, database or queue).
 * Three phases show that memory grows neither with file size nor with the number of uploads. Not a timed test.
 */
const { values: args } = parseArgs({
  options: {
    images: { type: 'string', default: '60' },
    clients: { type: 'string', default: '8' },
    mb: { type: 'string', default: '3.5' },
  },
});
const N = Number(args.images);
const CLIENTS = Number(args.clients);
const MB = Number(args.mb);
const work = mkdtempSync(join(tmpdir(), 'qtrace-bench-'));
const out = (s = '') => process.stdout.write(`${s}\n`);

// ─── The server as `npm start` runs it, in its own process, on a fresh PostgreSQL database (else, said loudly, embedded) ───
// BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles it under this load; BENCH_SERVER_LOG=<file>
// keeps everything it prints (with "--trace-gc" in BENCH_SERVER_NODE_ARGS, its GCs).
const serverOptions = (databaseUrl: string | null) => ({
  databaseUrl,
  dataDir: join(work, 'data'),
  blobDir: join(work, 'blobs'),
  nodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ...(process.env.BENCH_SERVER_LOG ? { log: process.env.BENCH_SERVER_LOG } : {}),
});

/** VmRSS sampled every 50 ms; `peak()` is the highest since the last `reset()`. VmHWM is the process's lifetime peak. */
function rssSampler(pid: number) {
  const read = (field: string) => {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  };
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, read('VmRSS'));
    } catch {
      // the process is gone
    }
  }, 50);
  return { peak: () => peak, reset: () => (peak = read('VmRSS')), hwm: () => read('VmHWM'), stop: () => clearInterval(timer) };
}

// ─── Files: a few distinct frames, many distinct files (a JPEG comment makes each file's bytes unique) ───
const at = new Date();
const SITE = { lat: 43.8468, lng: 125.3562 };
const frames = new Map<number, Buffer>();
async function files(label: string, count: number, mb: number): Promise<string[]> {
  const distinct = Math.min(count, CLIENTS * 2);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const frameKey = Math.round(mb * 1000) * 100 + (i % distinct);
    let frame = frames.get(frameKey);
    if (!frame) {
      frame = await makeSitePhoto({ targetBytes: mb * 1_000_000, takenAtLocal: beijingWallClock(at), latitude: SITE.lat, longitude: SITE.lng, make: 'HUAWEI', model: 'Mate 60 Pro', seed: frameKey });
      frames.set(frameKey, frame);
    }
    const path = join(work, `${label}-${i}.jpg`);
    writeFileSync(path, withComment(frame, `${label}-${i}-${randomBytes(4).toString('hex')}`));
    paths.push(path);
  }
  return paths;
}

// ─── The bare pipeline: the same work as the platform's acknowledgement and worker, minus HTTP, database and queue ───
async function bare(paths: string[]): Promise<{ seconds: number; perSecond: number; cpuPerImage: number; threads: [string, number][] }> {
  const concurrency = availableParallelism();
  const cpu0 = process.cpuUsage();
  const threads0 = threadCpu(process.pid);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const bytes = await readFile(path);
        const sha = createHash('sha256').update(bytes).digest('hex');
        const copy = join(work, `bare-${sha}`);
        const fh = await open(copy, 'w');
        await fh.writeFile(bytes);
        await fh.sync();
        await fh.close();
        await readExif(copy);
        await thumbnailAndHash(copy);
        await rm(copy);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const threads = [...threadCpu(process.pid)].map(([k, v]) => [k, (v - (threads0.get(k) ?? 0)) / paths.length] as [string, number]).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  return { seconds, perSecond: paths.length / seconds, cpuPerImage: (cpu.user + cpu.system) / 1e6 / paths.length, threads };
}

// ─── The platform: C clients, each an agency system with its own batch, uploading record + image after image ───
const provision = (url: string): Promise<Agency> => provisionAgency(url, join(work, 'sim-state.json'));
type Setup = Agency;

/** CPU seconds (user + system) used so far by a process, and by every PostgreSQL backend on this machine. */
function cpuSeconds(pid: number | 'postgres'): number {
  const tick = 100; // USER_HZ on Linux
  const one = (p: string) => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / tick;
    } catch {
      return 0;
    }
  };
  if (pid !== 'postgres') return one(String(pid));
  let sum = 0;
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'postgres') sum += one(p);
    } catch {
      // gone
    }
  }
  return sum;
}

/** CPU seconds per thread group of a process (main JS thread, libuv pool, libvips workers, …), from /proc/<pid>/task. */
function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    try {
      const comm = readFileSync(`/proc/${pid}/task/${t}/comm`, 'utf8').trim();
      const f = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const group = t === String(pid) ? 'main' : comm.replace(/[\d-]+$/, '') || comm;
      out.set(group, (out.get(group) ?? 0) + (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // the thread ended
    }
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function platform(s: Setup, paths: string[], label: string) {
  const batches: string[] = [];
  for (let c = 0; c < CLIENTS; c++) batches.push((await s.q.openBatch(s.openBody, { idempotencyKey: `bench-${label}-${c}-${randomBytes(3).toString('hex')}` })).id);
  const acks: { id: string; ackAt: number; latency: number; bytes: number }[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    batches.map(async (batchId, c) => {
      let n = 0;
      // One read buffer per client, as an agency system reading its camera's files would keep: the harness's own
      // allocations are not what is measured.
      let buffer = Buffer.allocUnsafe(0);
      while (next < paths.length) {
        const path = paths[next++]!;
        const fh = await open(path, 'r');
        const size = (await fh.stat()).size;
        if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
        const { bytesRead } = await fh.read(buffer, 0, size, 0);
        await fh.close();
        const bytes = buffer.subarray(0, bytesRead);
        const now = new Date();
        const componentId = s.openBody.componentIds[n % s.openBody.componentIds.length]!;
        const fields = { recordKey: `B-${c}-${n}`, itemCode: 'concrete_rebound', componentId, values: reboundValues(n, label), capturedAt: beijingRfc3339(now), equipmentId: s.openBody.equipmentIds[0]! };
        await s.q.uploadRecord(batchId, { ...fields, source: 'auto', testerPersonId: s.openBody.testerPersonIds[0]!, signature: { alg: 'Ed25519', keyId: s.keyId, value: signPayload(s.device.privateKey, recordSigningPayload(batchId, fields)) } });
        const meta: ImageMetadata = { capturedAt: beijingRfc3339(now), location: SITE, testerPersonId: s.openBody.testerPersonIds[0]!, equipmentId: fields.equipmentId, componentId, recordKeys: [fields.recordKey] };
        meta.signature = { alg: 'Ed25519', keyId: s.keyId, value: signPayload(s.device.privateKey, imageSigningPayload(batchId, sha256Hex(bytes), meta)) };
        const t0 = performance.now();
        const { image } = await s.q.uploadImage(batchId, bytes, meta);
        const t1 = performance.now();
        acks.push({ id: image.id, ackAt: t1, latency: t1 - t0, bytes: bytes.length });
        n++;
      }
    }),
  );
  const ackedAt = performance.now();
  // When each image's checks and thumbnail were done, by the server's own record of it (analysedAt, same host clock),
  // so the poll can be slow and cheap: it must not load the server it measures. Batches already done are not asked.
  const wallOffset = Date.now() - performance.now();
  const doneAt = new Map<string, number>();
  const pending = new Set(batches);
  while (pending.size > 0 && performance.now() - ackedAt < 300_000) {
    await new Promise((r) => setTimeout(r, 1000));
    for (const b of [...pending]) {
      const images = await s.q.listImages(b);
      for (const img of images) {
        if (img.status === 'processing' || doneAt.has(img.id)) continue;
        doneAt.set(img.id, img.analysedAt ? Date.parse(img.analysedAt) - wallOffset : performance.now());
      }
      if (images.every((img) => img.status !== 'processing')) pending.delete(b);
    }
  }
  const finished = Math.max(...doneAt.values());
  const totalBytes = acks.reduce((a, x) => a + x.bytes, 0);
  return {
    ackSeconds: (ackedAt - started) / 1000,
    ackPerSecond: acks.length / ((ackedAt - started) / 1000),
    ackMBps: totalBytes / 1e6 / ((ackedAt - started) / 1000),
    ackP50: pct(acks.map((a) => a.latency), 50),
    ackP99: pct(acks.map((a) => a.latency), 99),
    doneP50: pct(acks.map((a) => (doneAt.get(a.id) ?? finished) - a.ackAt), 50),
    doneP99: pct(acks.map((a) => (doneAt.get(a.id) ?? finished) - a.ackAt), 99),
    doneSeconds: (finished - started) / 1000,
    donePerSecond: acks.length / ((finished - started) / 1000),
    doneMBps: totalBytes / 1e6 / ((finished - started) / 1000),
    avgMB: totalBytes / acks.length / 1e6,
    processed: doneAt.size,
  };
}

const db = await freshDatabase('bench', { fallback: true, say: out });
out(`QTrace ingest benchmark · ${availableParallelism()} cores · ${db.label}`);
const server = await startServer(serverOptions(db.url));
const rss = rssSampler(server.child.pid!);
try {
  const setup = await provision(server.url);
  const phases = [
    { label: 'small', count: N, mb: 1 },
    { label: 'large', count: N, mb: MB },
    { label: 'many', count: N * 2, mb: MB },
  ];
  const rows: string[] = [];
  let cpu = { clientThreads: [] as (readonly [string, number])[], server: 0, pg: 0, client: 0, images: 1, threads: [] as (readonly [string, number])[] };
  let last: { bare: Awaited<ReturnType<typeof bare>> & { before: number; after: number }; plat: Awaited<ReturnType<typeof platform>> } | null = null;
  for (const p of phases) {
    const paths = await files(p.label, p.count, p.mb);
    // The bare pipeline before and after the platform's run, averaged: on a shared (virtual) machine the cores' speed
    // drifts over a minute, and one measurement on one side would tilt the ratio.
    const before = await bare(paths);
    rss.reset();
    const cpu0 = { server: cpuSeconds(server.child.pid!), pg: cpuSeconds('postgres'), client: process.cpuUsage(), threads: threadCpu(server.child.pid!), clientThreads: threadCpu(process.pid) };
    const plat = await platform(setup, paths, p.label);
    const clientCpu = process.cpuUsage(cpu0.client);
    const threads = [...threadCpu(server.child.pid!)].map(([k, v]) => [k, v - (cpu0.threads.get(k) ?? 0)] as const).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    const clientThreads = [...threadCpu(process.pid)].map(([k, v]) => [k, v - (cpu0.clientThreads.get(k) ?? 0)] as const).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    cpu = { clientThreads, server: cpuSeconds(server.child.pid!) - cpu0.server, pg: cpuSeconds('postgres') - cpu0.pg, client: (clientCpu.user + clientCpu.system) / 1e6, images: p.count, threads };
    const after = await bare(paths);
    const b = {
      seconds: (before.seconds + after.seconds) / 2,
      perSecond: (before.perSecond + after.perSecond) / 2,
      cpuPerImage: (before.cpuPerImage + after.cpuPerImage) / 2,
      threads: before.threads.map(([k, v]) => [k, (v + (after.threads.find(([a]) => a === k)?.[1] ?? v)) / 2] as [string, number]),
      before: before.perSecond,
      after: after.perSecond,
    };
    rows.push(
      `${String(p.count).padStart(6)}  ${plat.avgMB.toFixed(2).padStart(6)} MB  ${b.perSecond.toFixed(1).padStart(6)}/s  ${plat.donePerSecond.toFixed(1).padStart(6)}/s  ${(plat.donePerSecond / b.perSecond).toFixed(2).padStart(5)}  ${plat.ackPerSecond.toFixed(1).padStart(6)}/s  ${(rss.peak() / 1048576).toFixed(0).padStart(6)} MiB`,
    );
    last = { bare: b, plat };
    if (plat.processed < p.count) out(`!! only ${plat.processed}/${p.count} images were processed within the polling limit`);
    for (const f of paths) rmSync(f, { force: true });
  }
  const { bare: b, plat } = last!;
  out('');
  out(`Headline: ${N * 2} uploads of ${plat.avgMB.toFixed(2)} MB camera JPEGs (12 MP-class, real EXIF), each with its signed record, ${CLIENTS} concurrent clients`);
  out(`  platform, acknowledged:        ${plat.ackPerSecond.toFixed(1)} images/s, ${plat.ackMBps.toFixed(1)} MB/s (${plat.ackSeconds.toFixed(1)} s)`);
  out(`  ack latency:                   p50 ${plat.ackP50.toFixed(0)} ms, p99 ${plat.ackP99.toFixed(0)} ms`);
  out(`  ack → checks + thumbnail done: p50 ${plat.doneP50.toFixed(0)} ms, p99 ${plat.doneP99.toFixed(0)} ms`);
  out(`  platform, processed (end to end): ${plat.donePerSecond.toFixed(1)} images/s, ${plat.doneMBps.toFixed(1)} MB/s (${plat.doneSeconds.toFixed(1)} s)`);
  out(`  bare pipeline, same files, same cores: ${b.perSecond.toFixed(1)} images/s (${b.seconds.toFixed(1)} s; ${b.before.toFixed(1)} before the platform's run, ${b.after.toFixed(1)} after)`);
  out(`  ratio platform / bare:         ${(plat.donePerSecond / b.perSecond).toFixed(2)} (target ≥ 0.75)`);
  out(`  CPU per image: server ${((cpu.server / cpu.images) * 1000).toFixed(0)} ms, PostgreSQL (all its processes on this machine) ${((cpu.pg / cpu.images) * 1000).toFixed(0)} ms, clients ${((cpu.client / cpu.images) * 1000).toFixed(0)} ms; bare ${(b.cpuPerImage * 1000).toFixed(0)} ms (cores × time ${((availableParallelism() / b.perSecond) * 1000).toFixed(0)} ms)`);
  out(`  server CPU per image by thread: ${cpu.threads.map(([k, v]) => `${k} ${((v / cpu.images) * 1000).toFixed(0)} ms`).join(', ')}`);
  out(`  clients CPU per image by thread: ${cpu.clientThreads.map(([k, v]) => `${k} ${((v / cpu.images) * 1000).toFixed(0)} ms`).join(', ')}`);
  out(`  bare CPU per image by thread: ${b.threads.map(([k, v]) => `${k} ${(v * 1000).toFixed(0)} ms`).join(', ')}`);
  out(`  server peak RSS (VmHWM):       ${(rss.hwm() / 1048576).toFixed(0)} MiB`);
  out('');
  out('Memory per phase (peak VmRSS while uploading and processing):');
  out(`images    size      bare     platform  ratio   acked      peak RSS`);
  for (const r of rows) out(r);
} finally {
  rss.stop();
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  await db.drop().catch(() => {});
  rmSync(work, { recursive: true, force: true });
}
