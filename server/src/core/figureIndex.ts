import type { Claim } from './claims/types';
import { QuantityIndex } from './figures/quantityIndex';
import { reportsFromClaims } from './figures/reports';

/**
 * Puts a document's claims into a figure index as its reports, replacing
 * those it had; returns the quantities whose judgement may have changed.
 * The one way claims enter a figure index: the corpus index keeps one
 * current with it, and `figureIndexOf` builds one.
 */
export function indexFigures(figures: QuantityIndex, uri: string, claims: readonly Claim[]): Set<string> {
  return figures.set(uri, reportsFromClaims(uri, claims));
}

/** A figure index of these documents' claims (a corpus of one document; the parallel check's report). */
export function figureIndexOf(documents: Iterable<readonly [uri: string, summary: { readonly claims: readonly Claim[] }]>): QuantityIndex {
  const figures = new QuantityIndex();
  for (const [uri, summary] of documents) indexFigures(figures, uri, summary.claims);
  return figures;
}
