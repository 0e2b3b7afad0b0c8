import { LineMark } from '../../lines';
import { foldText } from '../../text/fold';
import { LEXICON } from './lexicon';
import { lineRule, Note } from './lineRule';
import { clip, foldedSet } from './lineView';

const LIST_MARKER = /^list \d+ of \d+$/i;

/** Whether any of the lexicon's debris patterns matches, in one expression (one call per line, not one per pattern). */
const DEBRIS_PATTERNS = anyOf(LEXICON.debris.patterns);

function anyOf(patterns: readonly RegExp[]): { test(s: string): boolean } {
  const flags = new Set(patterns.map((re) => re.flags));
  // Numbered back-references would point elsewhere once the patterns are joined; they have none today.
  if (flags.size === 1 && !patterns.some((re) => /\\[1-9]|\(\?<[^=!]/.test(re.source))) {
    const joined = new RegExp(patterns.map((re) => `(?:${re.source})`).join('|') || '(?!)', [...flags][0] ?? '');
    return { test: (s) => joined.test(s) };
  }
  return { test: (s) => patterns.some((re) => re.test(s)) };
}

const CLOCK = /\b\d{1,2}:\d{2}\b/;
const DATE_WORDS = foldedSet(
  [
    'السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيو', 'يوليو', 'يوليه', 'اغسطس', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر',
    'كانون', 'الثاني', 'شباط', 'اذار', 'نيسان', 'ايار', 'حزيران', 'تموز', 'اب', 'ايلول', 'تشرين', 'الاول', 'جانفي', 'فيفري', 'افريل', 'ماي', 'جوان', 'جويليه', 'اوت', 'شتنبر', 'نونبر', 'دجنبر',
    'ص', 'م', 'صباحا', 'مساء', 'ظهرا', 'الساعه', 'بتوقيت', 'مكه', 'المكرمه', 'غرينتش', 'جرينتش', 'القاهره', 'القدس', 'الرياض', 'ابوظبي', 'الدوحه', 'بيروت', 'دمشق', 'بغداد', 'عمان', 'ت', 'غ', 'في', 'هـ', 'ه', 'الموافق',
    'am', 'pm', 'gmt', 'utc', 'est', 'cet', 'bst', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'updated', 'published', 'at', 'on', 'gst', 'ast', 'ksa',
    'الفجر', 'الشروق', 'الظهر', 'العصر', 'المغرب', 'العشاء',
  ],
);

const META_UNITS = foldedSet(['مشاهده', 'مشاهدات', 'قراءه', 'قراءات', 'زياره', 'زيارات', 'دقيقه', 'دقائق', 'دقيقتين', 'ساعه', 'ساعات', 'ثانيه', 'ثوان', 'للقراءه', 'views', 'view', 'reads', 'min', 'mins', 'minute', 'minutes', 'read', 'منذ', 'قبل', 'ago', 'k', 'الف', 'الاف', 'مليون']);

/** Dates, times, counts and their units: what follows "آخر تحديث:" or "عدد المشاهدات:". */
function isMetaValue(fold: string): boolean {
  const tokens = fold.split(' ').filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => /^\d+$/.test(t) || DATE_WORDS.has(t) || META_UNITS.has(t) || LEXICON.debris.metaWords.has(t));
}

function isTimestamp(bare: string): boolean {
  return bare.split(' ').every((t) => /^\d+$/.test(t) || DATE_WORDS.has(t));
}

export const rule = lineRule({
  id: 'boilerplate/scraper-debris',
  description: 'Interface text of the scraped page: Latin UI strings in an Arabic article ("end of list", "Advertisement"), ad markers, timestamps and page metadata, bare links.',
  tags: ['scraping', 'interface'],
  detect(v, line, t, claims) {
    const w = v.p.words[line];
    if (w > 25) return undefined;
    const { trimmed, ascii } = t;
    if (LIST_MARKER.test(ascii)) {
      claims.note(line, Note.ListMarker);
      return `"${trimmed}": accessibility label of a related-stories list widget, not article text`;
    }
    if (DEBRIS_PATTERNS.test(ascii)) return `"${clip(trimmed)}": interface text of the web page, not article text`;
    if (v.p.marks[line] & LineMark.Colon && CLOCK.test(ascii) && isTimestamp(t.bare)) return `publication timestamp ("${clip(trimmed)}"): page metadata, not article text`;
    const metaLabel = LEXICON.debris.metaLabel.exec(t.shape);
    const metaPhrase = metaLabel || !t.lexical ? undefined : LEXICON.debris.metaLabels.prefixOf(t.bare);
    const metaRest = metaLabel ? foldText(t.shape.slice(metaLabel[0].length)) : metaPhrase !== undefined ? t.bare.slice(metaPhrase.length).trim() : undefined;
    if (metaRest !== undefined && w <= 24 && (metaRest === '' ? metaLabel !== null || w <= 4 : isMetaValue(metaRest))) return `page metadata ("${clip(trimmed, 30)}"): not article text`;
    if (t.lexical && (LEXICON.debris.exact.has(t.bare) || (v.latinLine(line) && LEXICON.share.exact.has(t.bare)))) {
      return v.latinLine(line) && v.arabicDoc
        ? `"${clip(trimmed)}": Latin interface text of the web page stranded in an Arabic article`
        : `"${clip(trimmed)}": interface text of the web page (advertisement or widget label), not article text`;
    }
    if (w <= 12 && t.lexical && LEXICON.debris.prefix.prefixOf(t.bare)) return `"${clip(trimmed, 30)}": interface text of the web page, not article text`;
    if (v.arabicDoc && v.latinLine(line) && w === 1 && /^[A-Z]{1,4}$/.test(trimmed)) return `"${trimmed}": stray interface text (a logo or button label) in an Arabic article`;
    return undefined;
  },
});
