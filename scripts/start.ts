import { ensureConsoleBuilt } from './console-build.ts';

// `npm start`: build the console if needed, then run the server on the embedded database by default.
ensureConsoleBuilt();
await import('../src/server.ts');
