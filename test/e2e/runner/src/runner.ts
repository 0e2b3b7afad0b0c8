/**
 * Runs the extension-host suite (test/e2e/suite) with mocha inside a real
 * VS Code extension host, in two ways:
 *
 * - as a test-only extension (`activate`), for the offline launcher: the
 *   packaged runner is installed next to the packaged Corpus Lens in
 *   code-server, whose extension host inherits `CORPUS_LENS_E2E_RESULTS`;
 *   without that variable the runner does nothing.
 * - as an `extensionTestsPath` module (`run`), for @vscode/test-electron.
 *
 * The suite files are bundled into the same file by test/e2e/build.mjs,
 * which passes a loader that `require`s them once mocha's globals exist.
 */
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
// Mocha 12's package entry is ESM; its CommonJS build bundles cleanly.
import Mocha from 'mocha';

/** One test's outcome, as written to the results file. */
export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** The results file: what the launchers read. */
export interface SuiteResults {
  vscodeVersion: string;
  startedAt: string;
  finishedAt: string;
  passed: number;
  failed: number;
  tests: TestResult[];
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    // Mocha's assertion errors carry actual/expected; the stack alone hides them.
    const e = err as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
    const diff = e.showDiff !== false && 'expected' in e ? `\nexpected: ${JSON.stringify(e.expected)}\nactual:   ${JSON.stringify(e.actual)}` : '';
    return `${e.stack ?? e.message}${diff}`;
  }
  return String(err);
}

/** Runs the suite; `progress` (optional) gets one line per finished test, so a hang shows where. */
export async function runSuite(loadSuites: () => void, progress?: string): Promise<SuiteResults> {
  const startedAt = new Date().toISOString();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: Mocha.reporters.Base });
  mocha.suite.emit('pre-require', globalThis, 'corpus-lens-e2e', mocha);
  loadSuites();
  const tests: TestResult[] = [];
  const note = (r: TestResult) => {
    tests.push(r);
    if (progress) appendFileSync(progress, `${r.state} ${r.title}${r.error ? `\n  ${r.error.split('\n')[0]}` : ''}\n`);
  };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => note({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    // Also fires for hooks: a failing `before` is reported under the hook's title.
    runner.on('fail', (t, err) => note({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: errorText(err) }));
    runner.on('pending', (t) => note({ title: t.fullTitle(), state: 'pending' }));
  });
  return {
    vscodeVersion: vscode.version,
    startedAt,
    finishedAt: new Date().toISOString(),
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    tests,
  };
}

/** Written to a temporary name and renamed, so a watcher never reads half a file. */
function writeResults(file: string, results: SuiteResults): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  renameSync(`${file}.tmp`, file);
}

export function createEntry(loadSuites: () => void) {
  return {
    /** Test-runner extension: runs only when the launcher asks for it through the environment. */
    activate(): void {
      const file = process.env.CORPUS_LENS_E2E_RESULTS;
      if (!file) return;
      // Not awaited: activation must finish for the workbench to settle while the suite runs.
      void runSuite(loadSuites, `${file}.progress`).then(
        (results) => writeResults(file, results),
        (err) =>
          writeResults(file, {
            vscodeVersion: vscode.version,
            startedAt: '',
            finishedAt: new Date().toISOString(),
            passed: 0,
            failed: 1,
            tests: [{ title: 'the suite runner', state: 'failed', error: errorText(err) }],
          }),
      );
    },
    deactivate(): void {},
    /** @vscode/test-electron's extensionTestsPath contract: resolve when all passed, reject otherwise. */
    async run(): Promise<void> {
      const results = await runSuite(loadSuites);
      for (const t of results.tests) process.stdout.write(`${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}\n${t.error ? `${t.error}\n` : ''}`);
      process.stdout.write(`${results.passed} passed, ${results.failed} failed\n`);
      if (results.failed) throw new Error(`${results.failed} extension-host test(s) failed`);
    },
  };
}
