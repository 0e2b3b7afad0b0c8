/**
 * Outline and symbol search over claims: pure converters from an analysis to
 * LSP results. The server's handlers only look the document up and call these.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { claimLabel, lexiconFor, normalizeWord, type Claim, type CompiledLexicon, type SeedDocument } from '../core';
import { isHeadlineShaped, lineProfile } from '../core/lines';

/** Headings are short: at most this many words (domain.md: short lines without final punctuation). */
const HEADING_MAX_WORDS = 12;
/** Longest section name shown in the outline. */
const MAX_NAME = 80;

/** The 0-based lines that are headings: short lines without sentence-final punctuation. */
export function headingLines(doc: SeedDocument): number[] {
  const p = lineProfile(doc);
  const out: number[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    if (p.words[line] > 0 && isHeadlineShaped(doc, p, line, HEADING_MAX_WORDS)) out.push(line);
  }
  return out;
}

function claimSymbol(claim: Claim, lexicon: CompiledLexicon): DocumentSymbol {
  return {
    name: claimLabel(claim, lexicon),
    detail: claim.source ?? '',
    kind: SymbolKind.Event,
    range: claim.range,
    selectionRange: claim.range,
  };
}

/**
 * `textDocument/documentSymbol`: the document's sections (heading lines,
 * each spanning to the next heading) with their claims as children, named
 * like "اعتقال · أكثر من 3000 شخص" with the source as detail. Claims before
 * the first heading are top-level symbols.
 */
export function documentSymbols(analysis: { claims: readonly Claim[] }, doc: SeedDocument, lexicon: CompiledLexicon = lexiconFor()): DocumentSymbol[] {
  const p = lineProfile(doc);
  const headings = headingLines(doc);
  const out: DocumentSymbol[] = [];
  const claims = [...analysis.claims].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  let c = 0;
  while (c < claims.length && (headings.length === 0 || claims[c].range.start.line < headings[0])) out.push(claimSymbol(claims[c++], lexicon));
  headings.forEach((line, h) => {
    const lastLine = h + 1 < headings.length ? headings[h + 1] - 1 : doc.lineCount - 1;
    const selection = doc.range(p.contentStart[line], p.contentEnd[line]);
    const name = doc.text.slice(p.contentStart[line], p.contentEnd[line]);
    const children: DocumentSymbol[] = [];
    while (c < claims.length && claims[c].range.start.line <= lastLine) children.push(claimSymbol(claims[c++], lexicon));
    out.push({
      name: name.length > MAX_NAME ? name.slice(0, MAX_NAME - 1) + '…' : name,
      kind: SymbolKind.String,
      range: { start: selection.start, end: { line: lastLine, character: doc.lineEnd(lastLine) - doc.lineStarts[lastLine] } },
      selectionRange: selection,
      children,
    });
  });
  return out;
}

/**
 * `workspace/symbol`: claims of every document whose label, event, subject,
 * source or text contains each word of the query (spelling-normalized, so
 * "اعتقال" finds "إعتقال"). An empty query lists claims up to `limit`.
 */
export function workspaceSymbols(
  query: string,
  documents: Iterable<{ uri: string; claims: readonly Claim[] }>,
  lexicon: CompiledLexicon = lexiconFor(),
  limit = 1000,
): SymbolInformation[] {
  const words = normalizeWord(query).split(' ').filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const { uri, claims } of documents) {
    for (const claim of claims) {
      const name = claimLabel(claim, lexicon);
      if (words.length) {
        const haystack = normalizeWord(`${name} ${claim.event} ${claim.subject} ${claim.qualifier} ${claim.source ?? ''} ${claim.text}`);
        if (!words.every((w) => haystack.includes(w))) continue;
      }
      out.push({ name, kind: SymbolKind.Event, location: { uri, range: claim.range }, ...(claim.source ? { containerName: claim.source } : {}) });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
