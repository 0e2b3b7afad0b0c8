// Renders the bench results as a small self-contained SVG: two log-log
// panels, wall time and peak memory against corpus size, one line per tool,
// dashed lines for the budgets. No chart library: a few lines of geometry.

const COLORS = { floor: '#8c8c8c', cli: '#1f77b4', cspell: '#d62728', server: '#2ca02c', budget: '#ff7f0e' };

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function decades(min, max) {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  return [lo, hi === lo ? hi + 1 : hi];
}

function tickLabel(v) {
  if (v >= 1000) return `${v / 1000}k`.replace('000k', 'M');
  if (v >= 1) return String(v);
  return String(Number(v.toPrecision(1)));
}

/** One panel: series = [{ name, color, dashed, points: [[x, y], ...] }]. */
function panel({ x0, y0, width, height, title, yLabel, series }) {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => v > 0);
  const [xlo, xhi] = decades(Math.min(...xs), Math.max(...xs));
  const [ylo, yhi] = decades(Math.min(...ys), Math.max(...ys));
  const px = (x) => x0 + ((Math.log10(x) - xlo) / (xhi - xlo)) * width;
  const py = (y) => y0 + height - ((Math.log10(y) - ylo) / (yhi - ylo)) * height;
  const out = [];
  out.push(`<text x="${x0 + width / 2}" y="${y0 - 12}" text-anchor="middle" font-weight="bold">${esc(title)}</text>`);
  out.push(`<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="none" stroke="#ccc"/>`);
  for (let d = ylo; d <= yhi; d++) {
    const v = 10 ** d;
    out.push(`<line x1="${x0}" x2="${x0 + width}" y1="${py(v)}" y2="${py(v)}" stroke="#eee"/>`);
    out.push(`<text x="${x0 - 6}" y="${py(v) + 4}" text-anchor="end">${tickLabel(v)}</text>`);
  }
  for (let d = xlo; d <= xhi; d++) {
    const v = 10 ** d;
    out.push(`<line x1="${px(v)}" x2="${px(v)}" y1="${y0}" y2="${y0 + height}" stroke="#eee"/>`);
    out.push(`<text x="${px(v)}" y="${y0 + height + 16}" text-anchor="middle">${tickLabel(v)}</text>`);
  }
  out.push(`<text x="${x0 + width / 2}" y="${y0 + height + 34}" text-anchor="middle">documents (≈ 13 KB each)</text>`);
  out.push(`<text transform="translate(${x0 - 44} ${y0 + height / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  for (const s of series) {
    const pts = s.points.filter((p) => p[1] > 0);
    if (!pts.length) continue;
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    if (!s.dashed) for (const p of pts) out.push(`<circle cx="${px(p[0]).toFixed(1)}" cy="${py(p[1]).toFixed(1)}" r="3" fill="${s.color}"/>`);
  }
  // Legend under the panel, clear of the lines.
  series.forEach((s, i) => {
    const y = y0 + height + 58 + i * 16;
    out.push(`<line x1="${x0 + 8}" x2="${x0 + 30}" y1="${y - 4}" y2="${y - 4}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${x0 + 36}" y="${y}">${esc(s.name)}</text>`);
  });
  return out.join('\n');
}

export function renderChart(results) {
  const sizes = results.sizes;
  const pts = (f) => sizes.map((s) => [s.documents, f(s)]).filter((p) => p[1] !== undefined && !Number.isNaN(p[1]));
  const time = [
    { name: 'floor (read + one regex pass)', color: COLORS.floor, points: pts((s) => s.floor.wallMs / 1000) },
    { name: 'Corpus Lens CLI check --format json', color: COLORS.cli, points: pts((s) => s.cli.wallMs / 1000) },
    { name: 'cspell + @cspell/dict-ar', color: COLORS.cspell, points: pts((s) => s.cspell && s.cspell.wallMs / 1000) },
    { name: 'server cold index', color: COLORS.server, points: pts((s) => s.server && s.server.coldIndexMs / 1000) },
    { name: 'CLI budget (40 MB/s)', color: COLORS.budget, dashed: true, points: pts((s) => s.bytes / 1e6 / 40) },
  ].filter((s) => s.points.length);
  const memory = [
    { name: 'floor', color: COLORS.floor, points: pts((s) => s.floor.peakMB) },
    { name: 'CLI', color: COLORS.cli, points: pts((s) => s.cli.peakMB) },
    { name: 'cspell', color: COLORS.cspell, points: pts((s) => s.cspell?.peakMB) },
    { name: 'server', color: COLORS.server, points: pts((s) => s.server?.peakMB) },
    { name: 'CLI budget (1 GB)', color: COLORS.budget, dashed: true, points: pts(() => 1024) },
    { name: 'server budget (400 MB)', color: COLORS.server, dashed: true, points: pts(() => 400) },
  ].filter((s) => s.points.length);
  const latency = [
    { name: 'edit → diagnostics p95', color: COLORS.server, points: pts((s) => s.server?.edit?.p95) },
    { name: 'hover p95', color: COLORS.cli, points: pts((s) => s.server?.hover?.p95) },
    { name: 'edit budget (15 ms)', color: COLORS.server, dashed: true, points: pts(() => 15) },
    { name: 'hover budget (5 ms)', color: COLORS.cli, dashed: true, points: pts(() => 5) },
  ].filter((s) => s.points.length);
  const W = 1080;
  const H = 480;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    panel({ x0: 70, y0: 40, width: 270, height: 280, title: 'Wall time (s), log-log', yLabel: 'seconds', series: time }),
    panel({ x0: 430, y0: 40, width: 270, height: 280, title: 'Peak memory (MB), log-log', yLabel: 'MB (peak RSS)', series: memory }),
    panel({ x0: 790, y0: 40, width: 270, height: 280, title: 'Server latency (ms), log-log', yLabel: 'ms', series: latency }),
    `<text x="${W - 10}" y="${H - 8}" text-anchor="end" fill="#888">${esc(`${results.date.slice(0, 10)} · ${results.machine.nproc} CPUs · Node ${results.machine.node}`)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
