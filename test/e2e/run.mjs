// The offline end-to-end launcher (`npm run test:e2e`), for this machine and CI:
//   1. scripts/e2e-setup.sh installs Node 24, code-server, Chromium and neovim (cached in .vscode-test/);
//   2. `npm run package` builds the product .vsix; test/e2e/build.mjs builds the test-runner .vsix;
//   3. both are installed into a throwaway code-server profile, whose workspace is a copy of seeds/;
//   4. code-server is shown in Debian's Chromium through playwright-core; the runner extension runs the
//      mocha suite inside VS Code's extension host and writes its results to a file we wait for;
//   5. UI checks in the browser (Problems panel, hover card, Outline), with screenshots;
//   6. neovim's built-in LSP client against `node dist/server.js --stdio`.
// Ends with `N passed, N failed` alone on a line; exits non-zero on any failure.
// Recipe and rationale: ../shared/docs/real-vscode.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRunner, packageRunner } from './build.mjs';
import { runNeovimTests } from './neovim.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const cache = join(repo, '.vscode-test');
const screenshots = join(repo, 'test-results', 'screenshots');
const started = Date.now();
const RESULTS_TIMEOUT_MS = 6 * 60_000;
const UI_TIMEOUT_MS = 20_000;

/** @type {{ title: string, state: 'passed' | 'failed' | 'pending', error?: string }[]} */
const results = [];
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (msg) => process.stdout.write(`[e2e ${elapsed()}] ${msg}\n`);

function record(title, state, error) {
  results.push({ title, state, error });
  process.stdout.write(`${state === 'passed' ? 'ok  ' : state === 'failed' ? 'FAIL' : 'skip'} ${title}\n${error ? `     ${error.split('\n').join('\n     ')}\n` : ''}`);
}

async function checkOuter(title, fn) {
  try {
    await fn();
    record(title, 'passed');
  } catch (err) {
    record(title, 'failed', err instanceof Error ? err.message : String(err));
  }
}

/** Runs a command to completion, its output into `logFile`; throws with the log's tail on failure. */
function run(cmd, args, { logFile, ...options } = {}) {
  const r = spawnSync(cmd, args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, ...options });
  if (logFile) writeFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-3000)}`);
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Every process descended from `pid`, from /proc (code-server's file watchers and extension hosts included). */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may contain spaces: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length) for (const c of children.get(queue.shift()) ?? []) found.push(c), queue.push(c);
  return found;
}

const alive = (pid) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

/** Stops code-server and every process it started, by pid: TERM, then KILL for what is left. */
async function stopTree(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  // Collected before the kill: once code-server exits its watchers are re-parented to pid 1.
  const pids = [child.pid, ...descendants(child.pid)];
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const pid of pids.reverse()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  for (const pid of pids) {
    try {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Resolves when `file` exists (watching its folder), rejects after `timeoutMs` or when `abort` fires. */
function waitForFile(file, timeoutMs, abort) {
  return new Promise((resolve, reject) => {
    const watcher = watch(dirname(file), () => existsSync(file) && finish(resolve));
    const timer = setTimeout(() => finish(reject, new Error(`no ${relative(repo, file) || file} after ${timeoutMs / 1000} s`)), timeoutMs);
    const onAbort = (err) => finish(reject, err);
    abort.once('abort', onAbort);
    function finish(fn, value) {
      clearTimeout(timer);
      watcher.close();
      abort.off('abort', onAbort);
      fn(value);
    }
    if (existsSync(file)) finish(resolve);
  });
}

async function shot(page, name) {
  const file = join(screenshots, `${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot: ${file}`);
  return file;
}

/** Runs a workbench command through the command palette, as a person would. */
async function palette(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

async function uiChecks(page, seed004) {
  const name004 = seed004.split('/').pop();
  // Each check ends with a picture of what a person would see at that point, passed or failed.
  const check = (title, name, fn) => checkOuter(title, () => fn().finally(() => shot(page, name).catch(() => {})));

  await check('UI: seed 004 opens and the Problems panel lists its digits warnings', 'problems-004', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.fill(name004);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name004 }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab[aria-label*="${name004}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await palette(page, 'View: Focus Problems');
    // The panel lists every family of every file (figures with their links expanded): filter it, as a person would.
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await filter.fill('Eastern Arabic-Indic');
    const rows = page.locator('.markers-panel .monaco-list-row', { hasText: 'digits/eastern-arabic' });
    await rows.first().waitFor({ timeout: UI_TIMEOUT_MS });
    const texts = await rows.allInnerTexts();
    if (!texts.some((t) => t.includes('Eastern Arabic-Indic'))) throw new Error(`rows without the warning text: ${texts.slice(0, 3).join(' | ')}`);
    log(`Problems panel: ${texts.length} visible digits/eastern-arabic rows`);
  });

  await check('UI: hovering the figure "١٨" in seed 004 shows its card', 'hover-004', async () => {
    // Line 7, column 7: inside "١٨" (the CLI reports it at 7:6).
    await palette(page, 'Go to Line/Column');
    await page.keyboard.type('7:7');
    await page.keyboard.press('Enter');
    await palette(page, 'Show or Focus Hover');
    await page.locator('.monaco-hover').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // The diagnostic's part of the hover comes at once; the card is the provider's markdown part.
    await page.locator('.monaco-hover .markdown-hover', { hasText: /\b18\b/ }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  await check('UI: the Outline view lists the claims of seed 004', 'outline-004', async () => {
    await page.keyboard.press('Escape');
    await palette(page, 'Explorer: Focus on Outline View');
    const rows = page.locator('.outline-pane .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const texts = await rows.allInnerTexts();
    if (!texts.some((t) => /[0-9٠-٩]/.test(t))) throw new Error(`no outline entry shows a figure: ${texts.slice(0, 5).join(' | ')}`);
    log(`Outline: ${texts.length} visible rows, e.g. ${texts.slice(0, 3).join(' | ')}`);
  });
}

async function main() {
  mkdirSync(screenshots, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'corpus-lens-e2e-'));
  let codeServer;
  let browser;
  const abort = new (await import('node:events')).EventEmitter();
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await stopTree(codeServer);
    rmSync(tmp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }

  try {
    log('setup (cached in .vscode-test/)');
    const tools = Object.fromEntries(
      run('bash', [join(repo, 'scripts', 'e2e-setup.sh')], { stdio: ['ignore', 'pipe', 'inherit'] })
        .trim()
        .split('\n')
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    const node24 = tools.NODE24;
    // The bin/ entry is a symlink with `#!/usr/bin/env node`: run it with Node 24 explicitly.
    const csEntry = join(cache, 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

    log('building and packaging');
    const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    const productVsix = join(repo, `corpus-lens-${version}.vsix`);
    rmSync(productVsix, { force: true });
    run('npm', ['run', 'package'], { logFile: join(tmp, 'package.log') });
    await buildRunner();
    const runnerVsix = await packageRunner(join(tmp, 'corpus-lens-e2e-runner.vsix'));
    log(`packaged ${relative(repo, productVsix)} (${(statSync(productVsix).size / 1024).toFixed(0)} KB)`);

    await checkOuter('package: the .vsix holds the bundle and its assets only', async () => {
      const { listFiles, PackageManager } = await import('@vscode/vsce');
      const files = await listFiles({ cwd: repo, packageManager: PackageManager.None });
      const allowed = /^(package\.json|README\.md|LICENSE(\.\w+)?|language-configuration\.json|dist\/(client|server|indexWorker|cli)\.js|syntaxes\/[^/]+\.json|schemas\/[^/]+\.json)$/;
      const extra = files.filter((f) => !allowed.test(f));
      if (extra.length) throw new Error(`unexpected files: ${extra.join(', ')}`);
      for (const f of ['package.json', 'dist/client.js', 'dist/server.js', 'dist/indexWorker.js']) if (!files.includes(f)) throw new Error(`missing ${f}`);
      if (statSync(productVsix).size > 1024 * 1024) throw new Error(`${statSync(productVsix).size} bytes: over 1 MB`);
    });

    // A throwaway profile and workspace: the suite's fixes never touch the repository.
    const userData = join(tmp, 'user-data');
    const extensions = join(tmp, 'extensions');
    const workspace = join(tmp, 'workspace');
    const resultsFile = join(tmp, 'results', 'results.json');
    mkdirSync(join(userData, 'User'), { recursive: true });
    mkdirSync(dirname(resultsFile), { recursive: true });
    cpSync(join(repo, 'seeds'), join(workspace, 'seeds'), { recursive: true });
    writeFileSync(
      join(userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          // Without this the folder opens in Restricted Mode and extensions do not run.
          'security.workspace.trust.enabled': false,
          'workbench.startupEditor': 'none',
          'chat.disableAIFeatures': true,
          'telemetry.telemetryLevel': 'off',
          'workbench.tips.enabled': false,
          // The empty chat side bar would take a third of the screenshots.
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
        },
        null,
        2,
      ),
    );
    const configFile = join(tmp, 'code-server.yaml');
    writeFileSync(configFile, 'auth: none\ncert: false\n');
    const csArgs = ['--config', configFile, '--user-data-dir', userData, '--extensions-dir', extensions];
    run(node24, [csEntry, ...csArgs, '--install-extension', productVsix, '--install-extension', runnerVsix], { logFile: join(tmp, 'install.log') });

    const port = await freePort();
    log(`starting code-server on 127.0.0.1:${port}`);
    codeServer = spawn(
      node24,
      [csEntry, ...csArgs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
      {
        cwd: tmp,
        stdio: ['ignore', 'pipe', 'pipe'],
        // The extension host inherits this: it switches the runner extension on.
        env: { ...process.env, CORPUS_LENS_E2E_RESULTS: resultsFile, PATH: `${dirname(node24)}:${process.env.PATH}` },
      },
    );
    let serverLog = '';
    const onOutput = (d) => (serverLog += d);
    codeServer.stdout.on('data', onOutput);
    codeServer.stderr.on('data', onOutput);
    codeServer.once('exit', (code, signal) => abort.emit('abort', new Error(`code-server exited (${code ?? signal}):\n${serverLog.slice(-3000)}`)));
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start listening in 60 s:\n${serverLog.slice(-3000)}`)), 60_000);
      const listening = () => serverLog.includes('HTTP server listening') && (clearTimeout(timer), codeServer.stdout.off('data', listening), resolve());
      codeServer.stdout.on('data', listening);
      abort.once('abort', reject);
      listening();
    });

    log('opening the workbench in Chromium');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: tools.CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    log('waiting for the extension-host suite');
    const progressFile = `${resultsFile}.progress`;
    let shown = 0;
    const progress = watch(dirname(resultsFile), () => {
      if (!existsSync(progressFile)) return;
      const lines = readFileSync(progressFile, 'utf8').split('\n').filter((l) => /^(passed|failed|pending) /.test(l));
      for (const l of lines.slice(shown)) log(`  ${l}`);
      shown = Math.max(shown, lines.length);
    });
    try {
      await waitForFile(resultsFile, RESULTS_TIMEOUT_MS, abort);
      const suite = JSON.parse(readFileSync(resultsFile, 'utf8'));
      log(`extension host: VS Code ${suite.vscodeVersion}`);
      for (const t of suite.tests) record(`extension host: ${t.title}`, t.state, t.error);
    } catch (err) {
      await shot(page, 'suite-timeout').catch(() => {});
      record('extension host: the suite reports its results', 'failed', err.message);
    } finally {
      progress.close();
    }

    await shot(page, 'after-suite');
    await uiChecks(page, readdirSync(join(workspace, 'seeds')).find((f) => f.startsWith('004_')));

    log('neovim');
    for (const r of await runNeovimTests({ nvim: tools.NVIM, server: join(repo, 'dist', 'server.js'), root: workspace })) record(r.title, r.state, r.error);
  } catch (err) {
    record('the end-to-end run itself', 'failed', err instanceof Error ? (err.stack ?? err.message) : String(err));
  } finally {
    await cleanup();
  }
}

await main();
const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.filter((r) => r.state === 'failed').length;
const skipped = results.length - passed - failed;
log('done');
for (const r of results.filter((x) => x.state === 'failed')) process.stdout.write(`failed: ${r.title}\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed || !passed ? 1 : 0);
