import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { verifyRecord, type DrawRecord } from '../src/modules/inspections/index.ts';

/**
 * `npm run redraw -- <draw id>`: re-runs a published random draw (随机抽查) from the database the platform uses
 * (DATABASE_URL, or the embedded database in DATA_DIR while the server is stopped) and compares it with the stored draw.
 * `npm run redraw -- <record.json>`: the same from a draw's published record (GET /api/v1/random-draws/<id>/record,
 * or the console's 下载公示记录), with no database at all: what anyone holding the record can do.
 * Exit code 0 when the re-run matches, 1 when it does not, 2 on a usage error.
 */
async function loadRecord(arg: string): Promise<DrawRecord> {
  if (arg.endsWith('.json')) return JSON.parse(readFileSync(arg, 'utf8')) as DrawRecord;
  if (!/^[0-9a-f-]{36}$/i.test(arg)) throw new Error(`not a draw id or a .json file: ${arg}`);
  const handle = await openDatabase(loadConfig());
  try {
    const d = await handle.db.selectFrom('random_draws').selectAll().where('id', '=', arg).executeTakeFirst();
    if (!d) throw new Error(`no random draw ${arg}`);
    return {
      id: d.id,
      kind: d.kind,
      seed: d.seed,
      population: d.population,
      populationDigest: d.population_digest,
      sampleSize: d.sample_size,
      inspectorPool: d.inspector_pool,
      poolDigest: d.pool_digest,
      inspectorCount: d.inspector_count,
      selection: d.selection,
      inspectors: d.inspectors,
    };
  } finally {
    await handle.close();
  }
}

const arg = process.argv[2];
if (!arg) {
  process.stderr.write('usage: npm run redraw -- <draw id | record.json>\n');
  process.exit(2);
}
try {
  const record = await loadRecord(arg);
  const v = verifyRecord(record);
  const lines = [
    `随机抽查 ${record.id}（${record.kind === 'batches' ? '抽批次' : '抽机构'}）`,
    `  种子 seed:            ${record.seed}`,
    `  总体 population:      ${record.population.length} 个，SHA-256 ${record.populationDigest} ${v.populationDigestMatches ? '✓' : '✗ 与公示不符'}`,
    `  检查人员名单 pool:    ${record.inspectorPool.length} 人，SHA-256 ${record.poolDigest} ${v.poolDigestMatches ? '✓' : '✗ 与公示不符'}`,
    `  重新抽取 ${record.sampleSize} 个:`,
    ...v.selection.map((id, i) => `    ${i + 1}. ${id}`),
    `  重新抽取检查人员 ${record.inspectorCount} 人:`,
    ...v.inspectors.map((id, i) => `    ${i + 1}. ${id}`),
    record.selection === null ? '  结果：该抽查尚未执行抽取（以上为按公示种子将得到的结果）' : v.matches ? '  结果：与平台保存的抽取结果一致 ✓' : '  结果：与平台保存的抽取结果不一致 ✗',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(record.selection === null || v.matches ? 0 : 1);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
