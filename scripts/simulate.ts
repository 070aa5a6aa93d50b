import { parseArgs } from 'node:util';
import { simulate } from '../src/simulator/simulate.ts';

// `npm run simulate [-- --url http://127.0.0.1:3000 --images 6 --resumable --state sim.json]`: plays an agency
// system with an auto-collecting instrument against a running `npm start` (see docs/integration-api.md §9).
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.QTRACE_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
    images: { type: 'string' },
    records: { type: 'string', default: '3' },
    'image-mb': { type: 'string', default: '1' },
    resumable: { type: 'boolean', default: false },
    state: { type: 'string' },
    user: { type: 'string', default: 'jz.admin' },
    password: { type: 'string', default: 'Demo@2026' },
    witness: { type: 'string', default: 'witness.sun' },
    'no-witness': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`npm run simulate -- [options]
  --url URL          平台地址 platform (default http://127.0.0.1:3000, or QTRACE_URL / PORT)
  --records N        原始记录条数 raw records (default 3)
  --images N         过程影像总张数，平均分配到各条记录 process images in all, spread evenly over the records
                     (default 2 per record, the catalogue's minimum for 回弹法; fewer are uploaded as asked and the
                     seal flags the records left short)
  --image-mb MB      每张影像约多大 approximate JPEG size (default 1)
  --resumable        用 tus 断点续传上传影像 upload images with tus
  --state FILE       状态文件：不存在则新建，存在则续跑 state file: resume a killed run
  --user/--password  机构管理员 agency admin who provisions the credential and device key (default jz.admin)
  --witness NAME     见证人员账号 witness account (default witness.sun); --no-witness to skip
`);
  process.exit(0);
}
const int = (s: string | undefined, name: string): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} 应为非负数 (must be a non-negative number)`);
  return n;
};
try {
  const records = int(values.records, 'records')!;
  const images = int(values.images, 'images');
  await simulate({
    baseUrl: values.url.replace(/\/+$/, ''),
    records: Math.max(1, Math.round(records)),
    ...(images !== undefined ? { images: Math.round(images) } : {}),
    imageBytes: Math.round(int(values['image-mb'], 'image-mb')! * 1_000_000),
    resumable: values.resumable,
    ...(values.state ? { statePath: values.state } : {}),
    username: values.user,
    password: values.password,
    witnessUsername: values['no-witness'] ? null : values.witness,
  });
} catch (err) {
  const e = err as Error & { cause?: { code?: string } };
  if (e.cause?.code === 'ECONNREFUSED') {
    process.stderr.write(`\n无法连接平台 Cannot reach the platform at ${values.url}: start it with \`npm start\` (or pass --url).\n`);
  } else {
    process.stderr.write(`\n仿真失败 Simulation failed: ${e.message}\n`);
  }
  process.exit(1);
}
