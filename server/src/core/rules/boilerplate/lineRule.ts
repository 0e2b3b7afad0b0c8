import type { Rule, RuleContext } from '../rule';
import { deleteLinesEdit } from './edits';
import type { LineText } from './lineText';
import { LineView } from './lineView';

/**
 * Facts a line rule notes about a line beside (or instead of) claiming it,
 * for a rule's `extend` pass to read: the only way one detector tells
 * another about a line.
 */
export const Note = {
  /** A bare read-also header (teaser): the headlines under it are teasers. */
  ReadAlsoHeader: 1,
  /** The label of an accessible list widget, "list 1 of 4" (scraper-debris): its items are teasers. */
  ListMarker: 2,
  /** A section name of a site menu, "رياضة" (share-prompt), claimed or not: menus are runs of them. */
  SectionName: 4,
  /** The label of a tag list, "الكلمات المفتاحية" (share-prompt): the short lines after it are tags. */
  TagLabel: 8,
} as const;

export type NoteBit = (typeof Note)[keyof typeof Note];

/** What the rules of one classification share: which lines are claimed, and the notes. */
export interface LineClaims {
  claimed(line: number): boolean;
  note(line: number, note: NoteBit): void;
  noted(line: number, note: NoteBit): boolean;
  /**
   * Whether a line sits between the document's first and last paragraph.
   * Paragraphs claimed in the first sweep (a long shortcode, a cookie
   * notice) are not the article's: counted, they let a heading pass for
   * article text until the fix deleted them, and a later pass deleted it unannounced.
   */
  inBody(line: number): boolean;
}

/**
 * Whether a line is this rule's, and why: the finding's message (what the
 * line is and why it is not article text). `t` is the line's text
 * (`v.lineText(line)`): every line rule reads it.
 */
export type LineDetector = (v: LineView, line: number, t: LineText, claims: LineClaims) => string | undefined;

/**
 * A boilerplate rule that judges lines. The family classifies each line
 * once: the first enabled line rule (in registry order) whose detector
 * claims the line owns it, so a line gets at most one finding and turning a
 * rule off hands the line to the next. Every finding's fix deletes the block
 * of claimed lines it sits in.
 */
export interface LineRule extends Rule {
  readonly family: 'boilerplate';
  readonly detect: LineDetector;
  /**
   * Judged in a second sweep over the lines the others left: whether a line
   * is article text depends on where the article's paragraphs are, and the
   * others must first say which paragraphs are not (`LineClaims.inBody`).
   */
  readonly late?: boolean;
  /** After both sweeps, in registry order: claims lines next to those it noted (the headlines under a header). */
  readonly extend?: (v: LineView, claims: LineClaims, claim: (line: number, message: string) => void) => void;
}

/**
 * Everything a line rule declares; the family supplies the rest (it warns
 * unless the rule says otherwise, and deletes lines, on save only when allowed).
 */
export type LineRuleSpec = Pick<LineRule, 'id' | 'description' | 'tags' | 'detect' | 'late' | 'extend'> & Partial<Pick<LineRule, 'defaultSeverity'>>;

export function lineRule(spec: LineRuleSpec): LineRule {
  const rule: LineRule = {
    family: 'boilerplate',
    defaultSeverity: 'warning',
    fixable: true,
    destructive: true,
    fixOnSave: 'boilerplateFixOnSave',
    ...spec,
    check: (ctx) => reportLines(ctx, rule),
  };
  return rule;
}

function isLineRule(rule: Rule): rule is LineRule {
  return 'detect' in rule;
}

interface Verdict {
  line: number;
  rule: LineRule;
  message: string;
}

/** Claimed lines `first`..`last` with only blank lines between them; `count` of them are claimed. */
interface Block {
  first: number;
  last: number;
  count: number;
}

class Classification implements LineClaims {
  readonly verdicts = new Map<number, Verdict>();
  private readonly notes: Uint8Array;
  private bodyRange: [number, number] | undefined;

  constructor(private readonly v: LineView) {
    this.notes = new Uint8Array(v.ctx.doc.lineStarts.length);
  }

  claim(line: number, rule: LineRule, message: string): void {
    this.verdicts.set(line, { line, rule, message });
  }

  claimed(line: number): boolean {
    return this.verdicts.has(line);
  }

  note(line: number, note: NoteBit): void {
    this.notes[line] |= note;
  }

  noted(line: number, note: NoteBit): boolean {
    return (this.notes[line] & note) !== 0;
  }

  inBody(line: number): boolean {
    if (this.bodyRange === undefined) {
      const { v } = this;
      let first = -1;
      let last = -1;
      for (let i = 0; i <= v.p.lastRealLine; i++) {
        if (v.blank(i) || !v.isProse(i)) continue;
        const verdict = this.verdicts.get(i);
        if (verdict && !verdict.rule.late) continue;
        if (first < 0) first = i;
        last = i;
      }
      this.bodyRange = [first, last];
    }
    return line > this.bodyRange[0] && line < this.bodyRange[1];
  }
}

interface LineAnalysis {
  readonly verdicts: ReadonlyMap<number, Verdict>;
  readonly view: LineView;
  blockOf(line: number): Block;
}

/** The document's claimed lines, classified once per analysis by the enabled line rules. */
function classify(ctx: RuleContext): LineAnalysis {
  return ctx.shared('boilerplate/lines', () => {
    const rules = ctx.rules.filter((r): r is LineRule => isLineRule(r) && ctx.isEnabled(r.id));
    const first = rules.filter((r) => !r.late);
    const late = rules.filter((r) => r.late);
    const v = new LineView(ctx);
    const c = new Classification(v);
    const unclaimed: number[] = [];
    for (let line = 0; line <= v.p.lastRealLine; line++) {
      if (v.blank(line) || v.isAllowed(line)) continue;
      if (!sweep(first, v, c, line)) unclaimed.push(line);
    }
    if (late.length) for (const line of unclaimed) sweep(late, v, c, line);
    for (const rule of rules) rule.extend?.(v, c, (line, message) => c.claim(line, rule, message));
    const blocks = new Map<number, Block>();
    const claimed = [...c.verdicts.keys()].sort((a, b) => a - b);
    for (let i = 0; i < claimed.length; ) {
      let j = i;
      while (j + 1 < claimed.length && v.step(claimed[j], 1) === claimed[j + 1]) j++;
      const block = { first: claimed[i], last: claimed[j], count: j - i + 1 };
      for (let k = i; k <= j; k++) blocks.set(claimed[k], block);
      i = j + 1;
    }
    return { verdicts: c.verdicts, view: v, blockOf: (line: number) => blocks.get(line) ?? { first: line, last: line, count: 1 } };
  });
}

/** Gives the line to the first of `rules` that claims it; whether one did. */
function sweep(rules: readonly LineRule[], v: LineView, c: Classification, line: number): boolean {
  const t = v.lineText(line);
  for (const rule of rules) {
    const message = rule.detect(v, line, t, c);
    if (message) {
      c.claim(line, rule, message);
      return true;
    }
  }
  return false;
}

/** A line rule's `check`: report its lines, each with the fix deleting its block. */
function reportLines(ctx: RuleContext, rule: LineRule): void {
  const analysis = classify(ctx);
  const { p } = analysis.view;
  const kind = rule.id.slice('boilerplate/'.length);
  for (const verdict of analysis.verdicts.values()) {
    if (verdict.rule !== rule) continue;
    const block = analysis.blockOf(verdict.line);
    const count = block.count;
    ctx.report({
      start: p.contentStart[verdict.line],
      end: p.contentEnd[verdict.line],
      message: verdict.message,
      fix: {
        title: count === 1 ? 'Delete this boilerplate line' : `Delete the ${count} boilerplate lines ${block.first + 1}–${block.last + 1}`,
        edits: [deleteLinesEdit(ctx.doc, p, block.first, block.last)],
      },
      data: { kind, block: { first: block.first, last: block.last, lines: block.last - block.first + 1 } },
    });
  }
}
