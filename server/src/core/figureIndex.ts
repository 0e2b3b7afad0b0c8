import type { Claim } from './claims/types';
import { QuantityIndex } from './figures/quantityIndex';
import { reportsFromClaims } from './figures/reports';
import { StoryIndex } from './stories/storyIndex';
import type { StoryProfile } from './stories/terms';

/**
 * Puts a document's claims into a figure index as its reports in its story,
 * replacing those it had; returns the quantities whose judgement may have
 * changed. The one way claims enter a figure index: the corpus index keeps
 * one current with it, and `figureIndexOf` builds one.
 */
export function indexFigures(figures: QuantityIndex, uri: string, claims: readonly Claim[], story: string): Set<string> {
  return figures.set(uri, reportsFromClaims(uri, claims, story));
}

type Documents = readonly (readonly [uri: string, summary: { readonly claims: readonly Claim[]; readonly story: StoryProfile; readonly lineKeys: readonly number[] }])[];

/** These documents grouped into stories. */
export function storiesOf(documents: Documents): StoryIndex {
  const lines = new Map<number, number>();
  for (const [, summary] of documents) for (const key of summary.lineKeys) lines.set(key, (lines.get(key) ?? 0) + 1);
  const stories = new StoryIndex((key) => lines.get(key) ?? 0);
  for (const [uri, summary] of documents) stories.set(uri, summary.story);
  return stories;
}

/** A figure index of these documents' claims in their stories (a corpus of one document; the parallel check's report). */
export function figureIndexOf(documents: Documents, stories: StoryIndex = storiesOf(documents)): QuantityIndex {
  const figures = new QuantityIndex();
  for (const [uri, summary] of documents) indexFigures(figures, uri, summary.claims, stories.storyOf(uri).id);
  return figures;
}
