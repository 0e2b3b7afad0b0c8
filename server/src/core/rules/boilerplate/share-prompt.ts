import { LineMark } from '../../lines';
import { foldText } from '../../text/fold';
import { isAgencyList } from './agencies';
import { LEXICON, type FoldedPhrases } from './lexicon';
import { lineRule, Note, type LineClaims } from './lineRule';
import { clip, foldedWords, type LineView } from './lineView';
import { PAGE_PHRASES } from './pagePhrases';

const TAG_LABEL = foldedWords(['الكلمات المفتاحية', 'كلمات مفتاحية', 'الكلمات الدلالية', 'كلمات دلالية', 'الكلمات الدالة', 'كلمات دالة', 'الوسوم', 'وسوم', 'الأوسمة', 'العلامات', 'tags', 'topics'], '^', '$');
const MENU_HINT = /[|•·▪►»«>/\\]|\s{3,}|\t/;
const FOLLOW = foldedWords(['تابعوا', 'تابعونا', 'تابعنا', 'تابع', 'follow us', 'follow'], '^', '\\s');
const FOLLOW_END = foldedWords(['على', 'عبر', 'في', 'on'], ' ', '$');
const APP_PROMO = foldedWords(['تطبيق', 'حمل تطبيق', 'تحميل تطبيق', 'app'], '^', '\\s');
const MENU_SPLIT = /\s*(?:[|•·▪►»«>/\\]|\s{3,}|\t)\s*/;
const HOME = foldedWords(['الرئيسية', 'الصفحة الرئيسية', 'home', 'homepage'], '^', '$');

function inAny(sets: readonly FoldedPhrases[], fold: string): boolean {
  return sets.some((s) => s.has(fold));
}

/**
 * Site menus and tag lists: a run of short lines (blank lines may separate
 * them) holding at least two section names or navigation entries
 * ("سياسة", "اقتصاد", "الرئيسية"), where entries and already claimed lines
 * make most of the run; the site-specific entries between them go with it.
 * A bare tags label ("الكلمات المفتاحية") makes the short lines after it tags.
 */
function menuRuns(v: LineView, claims: LineClaims, claim: (line: number, message: string) => void): void {
  const isShort = (line: number) => v.p.words[line] >= 1 && v.p.words[line] <= 4 && !/[.،:؛,!؟?]$/.test(v.lineText(line).trimmed);
  const section = (line: number) => claims.noted(line, Note.SectionName);
  let run: number[] = [];
  const flush = () => {
    if (!run.length) return;
    const sections = run.filter(section).length;
    const known = run.filter((l) => section(l) || claims.claimed(l)).length;
    const tagged = run.length > 1 && claims.noted(run[0], Note.TagLabel);
    if ((sections >= 2 && known >= 0.6 * run.length) || tagged) {
      let end = run.length;
      // A short unknown line right before a paragraph is the article's title or first heading.
      const last = run[end - 1];
      const next = v.step(last, 1);
      if (!claims.claimed(last) && !section(last) && next >= 0 && v.isProse(next)) end--;
      for (const l of run.slice(0, end)) {
        if (!claims.claimed(l) && !v.isAllowed(l)) claim(l, `"${clip(v.lineText(l).trimmed)}": an entry of the site's ${tagged ? 'tag list' : 'navigation menu'} (lines ${run[0] + 1}–${run[end - 1] + 1}), not article text`);
      }
    }
    run = [];
  };
  for (let line = 0; line <= v.p.lastRealLine; line++) {
    if (v.blank(line)) continue;
    const label = claims.noted(line, Note.TagLabel);
    if (isShort(line) || label) {
      if (run.length && label) flush();
      run.push(line);
    } else flush();
  }
  flush();
}

export const rule = lineRule({
  id: 'boilerplate/share-prompt',
  description: 'Share, follow, subscribe, comment, cookie-notice, navigation-menu and footer text of the web page.',
  tags: ['social', 'navigation', 'cookies'],
  detect(v, line, t, claims) {
    const w = v.p.words[line];
    const phrases = PAGE_PHRASES.scan(v, line);
    const notice = PAGE_PHRASES.notice(v, line, phrases);
    if (notice) return notice;
    if (w > 40) return undefined;
    const { trimmed, shape } = t;
    const bare = t.lexical ? t.bare : '';
    if (w <= 3 && LEXICON.share.sections.has(bare)) claims.note(line, Note.SectionName);
    if (PAGE_PHRASES.prompt(v, line, phrases)) return `"${clip(trimmed, 30)}": a comment, follow or click prompt of the web page, not article text`;
    if (LEXICON.share.exact.has(bare)) return `"${clip(trimmed)}": share, follow or navigation text of the web page, not article text`;
    if (LEXICON.share.prefix.prefixOf(bare)) return `"${clip(trimmed, 30)}": share, subscribe, comment or footer text of the web page, not article text`;
    const follow = FOLLOW.exec(bare);
    if (follow && w <= 10 && (FOLLOW_END.test(bare) || LEXICON.share.exact.containedIn(bare.slice(follow[0].length)))) {
      return `"${clip(trimmed, 30)}": a follow-us prompt of the web page, not article text`;
    }
    const app = APP_PROMO.exec(bare);
    if (app && w <= 8 && isAgencyList(bare.slice(app[0].length))) return `"${clip(trimmed, 30)}": an app promotion of the web page, not article text`;
    if (w <= 3 && LEXICON.share.label.exec(`${bare}:`)?.[0].length === bare.length + 1 && TAG_LABEL.test(bare)) {
      claims.note(line, Note.TagLabel);
      return `label of the tag list ("${clip(trimmed)}"): part of the web page, not article text`;
    }
    if (w <= 30 && LEXICON.share.label.test(shape)) return `"${clip(trimmed, 30)}": tags, links or contact details of the web page, not article text`;
    const marks = v.p.marks[line];
    if (w <= 25 && ((marks & LineMark.Copyright && trimmed.includes('©')) || (marks & LineMark.OpenParen && /\(c\)\s*\d{4}/i.test(t.ascii)))) return 'copyright footer: part of the web page, not article text';
    const lead = trimmed.charCodeAt(0);
    if (lead === 35 || lead === 64) {
      const tokens = trimmed.split(/\s+/);
      if (tokens.every((tok) => /^#\S+/.test(tok)) && tokens.some((tok) => tok.length > 2)) return 'hashtags: tags of the web page, not article text';
      if (tokens.every((tok) => /^@\w+/.test(tok))) return 'social media handle: part of the web page, not article text';
    }
    if (w <= 30 && marks & LineMark.Menu && MENU_HINT.test(trimmed)) {
      const segments = trimmed.split(MENU_SPLIT).map((s) => foldText(s)).filter(Boolean);
      if (segments.length >= 2 && HOME.test(segments[0])) return 'breadcrumb navigation: part of the web page, not article text';
      if (segments.length >= 3 && segments.every((s) => s.split(' ').length <= 4)) {
        const nav = segments.filter((s) => inAny([LEXICON.share.sections, LEXICON.share.navPhrases, LEXICON.share.exact], s)).length;
        if (nav >= 0.6 * segments.length) return 'navigation menu: part of the web page, not article text';
      }
    }
    // Menus scraped without spaces ("الصفحة الرئيسيةخريطة الموقعRSS") still hold their entries as substrings.
    if (w <= 12 && LEXICON.share.navPhrases.countSubstrings(bare) >= 3) {
      return 'navigation menu: part of the web page, not article text';
    }
    return undefined;
  },
  extend: menuRuns,
});
