import { LEXICON } from './lexicon';
import { lineRule } from './lineRule';
import { endsSentence, LONG_LINE_WORDS } from './lineView';

const QUOTE_START = /^["«“”„'‘’]/;

export const rule = lineRule({
  id: 'boilerplate/repeated-line',
  description: 'A line found verbatim in at least `corpusLens.boilerplate.minDocuments` documents of the corpus (site furniture), or a line scraped twice in a row.',
  tags: ['corpus', 'repetition'],
  late: true,
  detect(v, line, t, claims) {
    const key = v.p.keys[line];
    if (!key || line === v.first) return undefined;
    const prev = v.step(line, -1);
    if (prev >= 0 && v.p.keys[prev] === key) return `repeats line ${prev + 1} verbatim: the same text scraped twice (a caption, a pull quote or a duplicated block)`;
    if (v.first >= 0 && v.p.keys[v.first] === key && v.p.words[line] >= 2) return `repeats the title (line ${v.first + 1}) verbatim: scraped page furniture, not article text`;
    const k = v.ctx.settings.boilerplateMinDocuments;
    const total = v.ctx.corpus.documentCount();
    if (total < k) return undefined;
    // Most lines are in this document only: the one look-up that settles them comes first.
    const df = v.ctx.corpus.lineDocumentFrequency(key);
    if (df < k) return undefined;
    // Syndicated articles share paragraphs, quotations and headings too: only lines that read like site
    // furniture count, either by their words or by sitting outside the article body (above its first
    // paragraph or below its last).
    if (QUOTE_START.test(t.trimmed) || /[:،,؛]-?$/.test(t.trimmed)) return undefined;
    const articleLike = v.isProse(line) || endsSentence(t.trimmed) || claims.inBody(line);
    if (articleLike && v.p.words[line] > LONG_LINE_WORDS) return undefined;
    if (articleLike && LEXICON.footerWords.containedIn(t.full) === undefined) return undefined;
    return `appears in ${df} of ${total} documents: text the site repeats on every page, not this article`;
  },
});
