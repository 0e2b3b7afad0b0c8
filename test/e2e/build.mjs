// Builds the test-runner extension: the mocha suite (test/e2e/suite/*.test.ts),
// mocha itself and the runner, bundled into test/e2e/runner/dist/runner.js with
// `vscode` left external. With --package it is also packaged as a .vsix of its
// own (printed on stdout), so no test code goes into the product's .vsix.
import * as esbuild from 'esbuild';
import { createVSIX } from '@vscode/vsce';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const runnerDir = join(here, 'runner');
export const RUNNER_BUNDLE = join(runnerDir, 'dist', 'runner.js');

export async function buildRunner() {
  const suites = readdirSync(join(here, 'suite'))
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  // Suites are `require`d inside the loader: their describe() calls need mocha's globals, which exist only after pre-require.
  const entry = [
    `import { createEntry } from './runner/src/runner';`,
    `const entry = createEntry(() => {`,
    ...suites.map((f) => `  require(${JSON.stringify(`./suite/${f}`)});`),
    `});`,
    `export const activate = entry.activate;`,
    `export const deactivate = entry.deactivate;`,
    `export const run = entry.run;`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: here, loader: 'ts', sourcefile: 'e2e-entry.ts' },
    outfile: RUNNER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    // Mocha 12's package entry is an ESM re-export of its CommonJS build; bundle the latter directly.
    alias: { mocha: 'mocha/lib/mocha.cjs' },
    logLevel: 'warning',
    // Mocha's parallel mode (worker files found with require.resolve) is never used here.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return suites;
}

export async function packageRunner(outFile) {
  // vsce lists the packaged files on the console; the launcher's output should stay readable.
  const { log, info } = console;
  console.log = console.info = () => {};
  try {
    await createVSIX({ cwd: runnerDir, packagePath: outFile, dependencies: false, skipLicense: true, allowMissingRepository: true });
  } finally {
    Object.assign(console, { log, info });
  }
  return outFile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const suites = await buildRunner();
  process.stderr.write(`bundled ${suites.length} suite files into ${RUNNER_BUNDLE}\n`);
  const i = process.argv.indexOf('--package');
  if (i > 0) process.stdout.write(`${await packageRunner(process.argv[i + 1] ?? join(here, '..', '..', '.vscode-test', 'corpus-lens-e2e-runner.vsix'))}\n`);
}
