// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): the functions with
// the most self time, and the most inclusive time, so a bench run can say
// where a missed budget goes without opening DevTools.
//
//   node bench/lib/profile.mjs FILE.cpuprofile [--top 20]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Returns { totalMs, self: [{name, ms, pct}], inclusive: [{name, ms, pct}] } for one profile. */
export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? 0));
  }
  const label = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
  };
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    total += us;
    const n = nodes.get(id);
    self.set(label(n), (self.get(label(n)) ?? 0) + us);
    // Inclusive: count each distinct label once per sample stack.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(nodes.get(cur));
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
  }
  const rank = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, pct: (100 * us) / total }));
  return { totalMs: total / 1000, self: rank(self), inclusive: rank(inclusive).filter((r) => !/^\((root|program)\)/.test(r.name)) };
}

export function formatProfile(summary) {
  const row = (r) => `  ${r.ms.toFixed(0).padStart(7)} ms ${r.pct.toFixed(1).padStart(5)}%  ${r.name}`;
  return [
    `sampled ${summary.totalMs.toFixed(0)} ms`,
    'self time:',
    ...summary.self.map(row),
    'inclusive time:',
    ...summary.inclusive.map(row),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const k = args.indexOf('--top');
  const top = k >= 0 ? Number(args[k + 1]) : 20;
  for (const file of args.filter((a, i) => a.endsWith('.cpuprofile') && i !== k + 1)) {
    process.stdout.write(`${file}\n${formatProfile(summarizeProfile(file, top))}\n`);
  }
}
