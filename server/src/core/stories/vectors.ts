/**
 * TF-IDF vectors of story profiles and their cosine. A vector keeps only a
 * document's heaviest terms: two reports of one incident share their rare
 * names and terms, and comparing 40 terms instead of hundreds keeps a
 * corpus of 15,000 documents at a few seconds.
 */
import type { StoryProfile } from './terms';

export interface StoryVector {
  /** Term hashes, ascending. */
  readonly terms: Int32Array;
  /** Weights by position, unit length. */
  readonly weights: Float64Array;
  /** The heaviest terms shared by few documents: what candidate pairs are found through. */
  readonly keys: Int32Array;
}

/** Terms per vector: enough that two reports of one incident keep the terms they share among their heaviest. */
const VECTOR_TERMS = 100;
/** Terms per document in the candidate index, shared with other documents and its own. */
const KEY_TERMS = 10;
const OWN_KEY_TERMS = 5;

/**
 * Smoothed IDF: never 0, so in a corpus of two documents (a pair of
 * headlines) shared words still count, as plain overlap.
 */
export function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/**
 * A profile's vector, of `counts` (its own or `distinctCounts`). `df` gives each term's document frequency in a corpus
 * of `n`; a key term is in at most `maxKeyDf` documents (a common word would
 * make every pair a candidate).
 */
export function vectorOf(p: StoryProfile, counts: Uint16Array, df: (term: number) => number, n: number, maxKeyDf: number): StoryVector {
  const m = p.terms.length;
  const w = new Float64Array(m);
  const f = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    f[k] = df(p.terms[k]);
    w[k] = counts[k] ? (1 + Math.log(counts[k])) * idf(f[k], n) : 0;
  }
  // The VECTOR_TERMS heaviest, ties by term: the cut found by a native sort of the weights, the comparator run on the few kept.
  const cut = m > VECTOR_TERMS ? w.slice().sort()[m - VECTOR_TERMS] : -Infinity;
  const order: number[] = [];
  for (let k = 0; k < m; k++) if (w[k] > 0 && w[k] >= cut) order.push(k);
  order.sort((a, b) => w[b] - w[a] || p.terms[a] - p.terms[b]);
  const top = order.length > VECTOR_TERMS ? order.slice(0, VECTOR_TERMS) : order;
  const keys: number[] = [];
  let own = 0;
  for (const k of top) {
    if (keys.length - own >= KEY_TERMS && own >= OWN_KEY_TERMS) break;
    // Plus its heaviest terms no other document has yet: the next document to name them finds it through them.
    if (f[k] < 2 ? own < OWN_KEY_TERMS && ++own : f[k] <= maxKeyDf && keys.length - own < KEY_TERMS) keys.push(p.terms[k]);
  }
  top.sort((a, b) => a - b);
  let norm = 0;
  for (const k of top) norm += w[k] * w[k];
  norm = Math.sqrt(norm) || 1;
  return { terms: Int32Array.from(top, (k) => p.terms[k]), weights: Float64Array.from(top, (k) => w[k] / norm), keys: Int32Array.from(keys) };
}

/** Cosine of two unit vectors: a merge of their sorted terms. */
export function cosine(a: StoryVector, b: StoryVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i];
    const y = b.terms[j];
    if (x === y) dot += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot;
}
