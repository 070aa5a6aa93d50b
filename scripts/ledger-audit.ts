import { openDatabase } from '../src/bootstrap.ts';
import { LocalBlobStore } from '../src/kernel/blobs/local-blob-store.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { migrate } from '../src/kernel/db/migrate.ts';
import { auditLedger } from '../src/modules/ledger/index.ts';
import { recordContentSha256 } from '../src/modules/records/index.ts';

/**
 * `npm run ledger:audit`: recomputes the ledger from the database rows and stored blobs (same DATABASE_URL / DATA_DIR /
 * BLOB_DIR as the server; the embedded database only while the server is stopped) and prints the first divergence
 * from the signed checkpoints, then the others. Exit 0 when everything agrees, 1 otherwise.
 */
const config = loadConfig();
const handle = await openDatabase(config);
try {
  await migrate(handle);
  const blobs = await new LocalBlobStore(config.blobDir).init();
  const r = await auditLedger(handle.db, blobs, recordContentSha256);
  process.stdout.write(`账本审计 Ledger audit: ${r.leaves} 个叶子 leaves, ${r.checkpoints} 个已签名检查点 signed checkpoints\n`);
  if (r.divergences.length === 0) {
    process.stdout.write('一致：数据库、存储文件与已签名检查点相符。 Consistent: rows, blobs and signed checkpoints agree.\n');
    process.exitCode = 0;
  } else {
    const [first, ...rest] = r.divergences;
    process.stdout.write(`\n第一处不一致 First divergence: leaf ${first!.leafIndex ?? '-'} · ${first!.item}\n  ${first!.problem}\n`);
    if (rest.length) process.stdout.write(`\n其余 ${rest.length} 处 Others:\n${rest.slice(0, 50).map((d) => `  leaf ${d.leafIndex ?? '-'} · ${d.item}: ${d.problem}`).join('\n')}\n`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
