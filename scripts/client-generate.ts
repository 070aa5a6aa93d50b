import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIENT_TYPES_PATH, currentOpenApiDocument, renderClientTypes } from '../src/testing/openapi.ts';

// `npm run client:generate`: the agency client's types from the app's current OpenAPI document (built in-process).
process.env.LOG_LEVEL ??= 'silent';
const text = await renderClientTypes(await currentOpenApiDocument());
writeFileSync(CLIENT_TYPES_PATH, text);
process.stdout.write(`wrote ${fileURLToPath(CLIENT_TYPES_PATH)} (${text.length} characters)\n`);
