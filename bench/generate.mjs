// Generates synthetic seed corpora from the bundled seeds, deterministically:
// document i depends only on (SEED, i), so the 100-document corpus is the
// first 100 documents of the 10,000-document one and every run and machine
// gets the same bytes (the manifest records a digest to prove it).
//
// Documents are recombined from clauses of the seeds (so lines differ from
// document to document, as in a real corpus, instead of recurring verbatim),
// with every figure perturbed and rewritten in a per-document digit style
// (Western, Eastern Arabic-Indic, some Persian, mixed scripts, "20.000"),
// a few boilerplate lines, some CRLF files and some BOMs.
//
//   node bench/generate.mjs [--out bench-out] [--sizes 100,1000,10000]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './lib/prng.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bump when the generator's output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 3;
const SEED = 0x5eed2022;

const NUMBER = /[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*[%\u066A]?/g;
const EASTERN = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

const BOILERPLATE = [
  'المصدر : الجزيرة + وكالات',
  'المصدر : وكالات',
  '[covid19-ultimate-card region="KZ" title="Kazakhstan"]',
  'اقرأ أيضا: ما الذي يحدث في كازاخستان؟',
  'شارك هذا المقال على فيسبوك وتويتر',
  'اشترك في النشرة البريدية',
  'end of list',
  '<div class="related">',
];

/** The seeds split into clauses (the recombination units) and short heading-like lines. */
function loadPool() {
  const dir = join(ROOT, 'seeds');
  const clauses = [];
  const headings = [];
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '');
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      if (trimmed.length < 60 && !/[.!؟:]$/.test(trimmed)) headings.push(trimmed);
      for (const clause of trimmed.split(/(?<=[.،؛!؟])\s+/)) if (clause.length > 15) clauses.push(clause);
    }
  }
  return { clauses, headings };
}

function toScript(ascii, digits) {
  let out = '';
  for (const ch of ascii) out += ch >= '0' && ch <= '9' ? digits[ch.charCodeAt(0) - 48] : ch;
  return out;
}

function groupThousands(ascii, sep) {
  let out = '';
  for (let i = 0; i < ascii.length; i++) {
    if (i > 0 && (ascii.length - i) % 3 === 0) out += sep;
    out += ascii[i];
  }
  return out;
}

/** A figure perturbed (same magnitude, different value) and written in the document's style, with noise. */
function perturbNumber(rng, token, style) {
  const percent = /[%\u066A]$/.test(token);
  const digits = token.replace(/[^0-9\u0660-\u0669\u06F0-\u06F9]/g, '');
  let value = 0;
  for (const ch of digits) value = value * 10 + (ch.charCodeAt(0) <= 57 ? ch.charCodeAt(0) - 48 : (ch.charCodeAt(0) - 0x660) % 0x90);
  const year = value >= 1900 && value <= 2100 && digits.length === 4;
  if (year) value += rng.chance(0.8) ? 0 : rng.int(-2, 2);
  else if (percent) value = rng.int(1, 99);
  else value = Math.max(1, Math.round(value * (0.4 + rng.next() * 1.4)) + rng.int(0, 9));
  const ascii = String(value);
  const r = rng.next();
  let body;
  if (style === 'eastern') {
    if (r < 0.8) body = toScript(value >= 1000 && rng.chance(0.5) ? groupThousands(ascii, '\u066C') : ascii, EASTERN);
    else if (r < 0.9) body = toScript(value >= 1000 ? groupThousands(ascii, ',') : ascii, EASTERN);
    else if (r < 0.96) body = ascii;
    else body = toScript(ascii, PERSIAN);
  } else {
    if (r < 0.86) body = value >= 1000 && !year && rng.chance(0.5) ? groupThousands(ascii, ',') : ascii;
    else if (r < 0.9 && value >= 1000 && !year) body = groupThousands(ascii, '.');
    else if (r < 0.97) body = toScript(ascii, EASTERN);
    else if (r < 0.99) body = toScript(ascii, PERSIAN);
    else body = ascii.slice(0, 1) + toScript(ascii.slice(1), EASTERN);
  }
  if (!percent) return body;
  const sign = style === 'eastern' ? (rng.chance(0.85) ? '\u066A' : '%') : rng.chance(0.9) ? '%' : '\u066A';
  return body + sign;
}

/** One paragraph: 1-4 clauses from the pool, a few words dropped, figures perturbed. */
function paragraph(rng, pool, style) {
  const parts = [];
  for (let k = rng.int(1, 4); k > 0; k--) parts.push(rng.pick(pool.clauses));
  let text = parts.join(' ');
  if (rng.chance(0.5)) {
    const words = text.split(' ');
    text = words.filter(() => !rng.chance(0.04)).join(' ');
  }
  if (rng.chance(0.35)) text += ` وبلغ العدد ${rng.int(2, 900)} شخصا بحسب الحصيلة الأخيرة.`;
  return text.replace(NUMBER, (m) => perturbNumber(rng, m, style));
}

/** Document `i` of the synthetic corpus: its text as written to disk (with BOM and CRLF when drawn). */
export function makeDocument(pool, i) {
  const rng = prng((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const style = rng.chance(0.25) ? 'eastern' : 'western';
  const target = rng.int(6500, 19500);
  const blankLines = rng.chance(0.3);
  const lines = [];
  let bytes = 0;
  const push = (line) => {
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
    if (blankLines) lines.push('');
  };
  if (rng.chance(0.7)) push(rng.pick(pool.headings).replace(NUMBER, (m) => perturbNumber(rng, m, style)));
  while (bytes < target) {
    if (rng.chance(0.06)) push(rng.pick(pool.headings));
    push(paragraph(rng, pool, style));
  }
  if (rng.chance(0.3)) push(rng.pick(BOILERPLATE));
  if (rng.chance(0.1)) lines.splice(rng.int(0, lines.length), 0, rng.pick(BOILERPLATE));
  if (rng.chance(0.05)) lines.push('', '', '', '');
  const eol = rng.chance(0.05) ? '\r\n' : '\n';
  const bom = rng.chance(0.02) ? '\uFEFF' : '';
  return bom + lines.join(eol) + eol;
}

function fileName(i) {
  return `doc-${String(i).padStart(5, '0')}.txt`;
}

/**
 * Ensures `out/corpus-<n>/seeds/` holds the n-document corpus; reuses it when
 * the manifest says it was made by this generator version. Returns the manifest.
 */
export function ensureCorpus(out, n, log = () => {}) {
  const dir = join(out, `corpus-${n}`);
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.generator === GENERATOR_VERSION && manifest.documents === n) return { ...manifest, dir };
  }
  log(`generating ${n} documents into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  const pool = loadPool();
  const hash = createHash('sha256');
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const data = Buffer.from(makeDocument(pool, i), 'utf8');
    hash.update(data);
    bytes += data.length;
    writeFileSync(join(dir, 'seeds', fileName(i)), data);
  }
  const manifest = { generator: GENERATOR_VERSION, seed: SEED, documents: n, bytes, sha256: hash.digest('hex') };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return { ...manifest, dir };
}

export function documentPath(corpusDir, i) {
  return join(corpusDir, 'seeds', fileName(i));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : fallback;
  };
  const out = opt('--out', join(ROOT, 'bench-out'));
  for (const n of opt('--sizes', '100,1000,10000').split(',').map(Number)) {
    const m = ensureCorpus(out, n, (s) => process.stderr.write(`${s}\n`));
    process.stdout.write(`${n} documents, ${(m.bytes / 1e6).toFixed(1)} MB, sha256 ${m.sha256.slice(0, 16)}\n`);
  }
}
