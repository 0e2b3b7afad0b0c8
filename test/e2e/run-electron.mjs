// The same extension-host suite under @vscode/test-electron, for machines with
// internet access (it downloads a VS Code build into .vscode-test/). Offline
// machines and CI use run.mjs (code-server) instead.
//   npm run test:e2e:electron            (VSCODE_VERSION=1.91.0 to pin a version)
// On Linux without a display, run it under `xvfb-run -a`.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRunner, RUNNER_BUNDLE } from './build.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const build = spawnSync('npm', ['run', 'build:production'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
await buildRunner();

// A throwaway profile and a copy of the seeds: the suite applies fixes and saves.
const tmp = mkdtempSync(join(tmpdir(), 'corpus-lens-electron-'));
const userData = join(tmp, 'user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none' }));
cpSync(join(repo, 'seeds'), join(tmp, 'workspace', 'seeds'), { recursive: true });

let code = 0;
try {
  // The runner's run() prints each test and `N passed, N failed`, and rejects when one failed.
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath: RUNNER_BUNDLE,
    launchArgs: [join(tmp, 'workspace'), '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userData}`],
  });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
