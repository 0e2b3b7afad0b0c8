// Builds the server and the CLI for the bench into bench-out/dist, with the
// same options as esbuild.mjs's production build minus minification (so
// --cpu-prof names functions). A private copy: other work rebuilding dist/
// mid-run cannot change what is being measured.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function buildForBench(outdir) {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: false,
    minify: false,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    define: { CORPUS_LENS_VERSION: JSON.stringify(version) },
    outdir,
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts' } }),
    esbuild.build({ ...common, entryPoints: { cli: 'server/src/cli.ts' } }),
  ]);
  return { server: join(outdir, 'server.js'), cli: join(outdir, 'cli.js'), version };
}
