// A worker thread of the CLI's parallel check when the tests run from source:
// load the TypeScript loader, then the worker entry.
import { register } from 'tsx/esm/api';

register();
await import('../../server/src/cli/worker.ts');
