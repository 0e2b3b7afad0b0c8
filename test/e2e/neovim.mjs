// A second, independent LSP client: headless neovim (Debian's package) with
// its built-in client attaches `node dist/server.js --stdio` to seed 004 and
// must receive the digits diagnostics and a hover. Shows that the server is
// editor-agnostic. Used by run.mjs; also runs alone after `npm run build`:
//   node test/e2e/neovim.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const TIMEOUT_MS = 20_000;

/** Runs neovim once and returns what its client received (see neovim/lsp-check.lua). */
async function drive({ nvim, server, root, file, needle }) {
  const scratch = mkdtempSync(join(tmpdir(), 'corpus-lens-nvim-'));
  const out = join(scratch, 'out.json');
  try {
    const child = spawn(nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(here, 'neovim', 'lsp-check.lua')}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        CL_NODE: process.execPath,
        CL_SERVER: server,
        CL_ROOT: root,
        CL_FILE: file,
        CL_NEEDLE: needle,
        CL_OUT: out,
        CL_TIMEOUT_MS: String(TIMEOUT_MS),
        // Keep neovim's state and logs out of the user's home.
        XDG_STATE_HOME: scratch,
        XDG_DATA_HOME: scratch,
        XDG_CACHE_HOME: scratch,
      },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    // The script's own waits are bounded; this guards against neovim itself hanging.
    const killer = setTimeout(() => child.kill('SIGKILL'), 3 * TIMEOUT_MS);
    const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? signal)));
    clearTimeout(killer);
    try {
      return JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`neovim exited with ${code} and wrote no results. stderr: ${stderr.slice(-2000)}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function hoverText(hover) {
  const c = hover?.contents;
  if (!c) return '';
  const one = (x) => (typeof x === 'string' ? x : (x?.value ?? ''));
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
}

/**
 * The neovim tests, as { title, state, error } records.
 * @param {{ nvim?: string, server?: string, root?: string }} options
 *   root: the workspace folder (containing seeds/) given to the server.
 */
export async function runNeovimTests({ nvim = 'nvim', server = join(repo, 'dist', 'server.js'), root = repo } = {}) {
  const seeds = join(root, 'seeds');
  const file = join(seeds, readdirSync(seeds).find((f) => f.startsWith('004_')));
  const results = [];
  const check = (title, fn) => {
    try {
      fn();
      results.push({ title, state: 'passed' });
    } catch (err) {
      results.push({ title, state: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };
  let got;
  try {
    got = await drive({ nvim, server, root, file, needle: '١٨ فرداً' });
  } catch (err) {
    got = { error: err.message };
  }

  check('neovim: diagnostics for seed 004 arrive from `node dist/server.js --stdio`', () => {
    if (got.error) throw new Error(got.error);
    const ds = got.diagnostics ?? [];
    if (!ds.length) throw new Error(`no diagnostics within ${TIMEOUT_MS} ms`);
    const digits = ds.filter((d) => d.source === 'corpus-lens' && d.code === 'digits/eastern-arabic');
    if (digits.length < 30) throw new Error(`only ${digits.length} digits/eastern-arabic diagnostics (of ${ds.length})`);
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    // The ranges are UTF-16 offsets into the line, as LSP says; JS strings are UTF-16 too.
    const texts = digits.map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    if (!texts.includes('١٨')) throw new Error(`no diagnostic covers "١٨"; ranges cover: ${texts.slice(0, 5).join(' ')}`);
    const bad = texts.filter((t) => !/^[٠-٩][٠-٩,.٬٫٪]*$/u.test(t));
    if (bad.length) throw new Error(`ranges that are not numbers: ${bad.join(' | ')}`);
  });

  check('neovim: a hover on the figure "١٨" in seed 004 shows the value 18', () => {
    if (got.error) throw new Error(got.error);
    if (got.hoverTimedOut) throw new Error(`no hover answer within ${TIMEOUT_MS} ms`);
    if (got.hoverError) throw new Error(`hover request failed: ${got.hoverError} (server advertises hoverProvider: ${JSON.stringify(got.hoverProvider)})`);
    const text = hoverText(got.hover);
    if (!text) throw new Error(`empty hover (server advertises hoverProvider: ${JSON.stringify(got.hoverProvider)})`);
    if (!/\b18\b/.test(text)) throw new Error(`the hover does not show 18: ${text}`);
  });
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await runNeovimTests();
  for (const r of results) console.log(`${r.state === 'passed' ? 'ok  ' : 'FAIL'} ${r.title}${r.error ? `\n     ${r.error}` : ''}`);
  const failed = results.filter((r) => r.state !== 'passed').length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
