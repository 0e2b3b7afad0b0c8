// Preloaded into a measured child (`node -r bench/lib/rusage.cjs ...`): on
// exit it writes the process's own resource usage (peak RSS, CPU time) to
// the file named by BENCH_RUSAGE_OUT, so the bench reads exact figures for
// that process rather than sampling it from outside.
const { writeFileSync } = require('node:fs');

const out = process.env.BENCH_RUSAGE_OUT;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRSSKB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
