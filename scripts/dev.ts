import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run dev`: the API with --watch on :3000 and Vite's dev server (hot reload) on :5173, proxying to it.
const root = fileURLToPath(new URL('..', import.meta.url));
const api = spawn(process.execPath, ['--watch', 'src/server.ts'], { cwd: root, stdio: 'inherit' });
const web = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), '--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
const stop = () => {
  api.kill('SIGTERM');
  web.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
