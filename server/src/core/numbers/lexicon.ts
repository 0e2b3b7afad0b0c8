/**
 * Word lists the figure reader needs: Arabic and English number words,
 * months, and the cue words that tell a count from a year, a date, a time,
 * an age, a duration, a name or a measurement. These are facts of the
 * languages, not user configuration (the claims lexicon is data; see
 * claims/lexicon.ts). Every key is in normalized form (normalize.ts).
 */
import { normalizeWord } from './normalize';

export type AtomType = 'unit' | 'teenUnit' | 'ten' | 'hundred' | 'scale' | 'vague' | 'few' | 'fraction' | 'quarters' | 'ordinal';

export interface NumberWord {
  type: AtomType;
  /** Unit, ten, hundred, fraction or ordinal value; the multiplier for scales and vague plurals. */
  value: number;
  /** Scales: singular (ألف), dual (ألفان = 2 × value) or plural (آلاف). */
  form?: 'sg' | 'dual' | 'pl';
  /** The article may be attached (العشرات، الآلاف). */
  article?: boolean;
}

function table(entries: [string[], NumberWord][]): Map<string, NumberWord> {
  const map = new Map<string, NumberWord>();
  for (const [words, entry] of entries) for (const w of words) map.set(normalizeWord(w), entry);
  return map;
}

const U = (value: number): NumberWord => ({ type: 'unit', value });
const TEN = (value: number): NumberWord => ({ type: 'ten', value });
const H = (value: number): NumberWord => ({ type: 'hundred', value });

const hundredsOf = (stems: string[], value: number): [string[], NumberWord] => [
  stems.flatMap((s) => [`${s}مئة`, `${s}مائة`]),
  H(value),
];

export const ARABIC_NUMBER_WORDS = table([
  [['واحد', 'واحدة'], U(1)],
  [['اثنان', 'اثنين', 'اثنتان', 'اثنتين'], U(2)],
  [['ثلاث', 'ثلاثة'], U(3)],
  [['أربع', 'أربعة'], U(4)],
  [['خمس', 'خمسة'], U(5)],
  [['ست', 'ستة'], U(6)],
  [['سبع', 'سبعة'], U(7)],
  [['ثمان', 'ثماني', 'ثمانية'], U(8)],
  [['تسع', 'تسعة'], U(9)],
  [['عشر', 'عشرة'], U(10)],
  // Only before عشر/عشرة (أحد عشر = 11, اثنا عشر = 12): alone they are "someone", "one of".
  [['أحد', 'إحدى'], { type: 'teenUnit', value: 1 }],
  [['اثنا', 'اثني', 'اثنتا', 'اثنتي'], { type: 'teenUnit', value: 2 }],
  [['عشرون', 'عشرين'], TEN(20)],
  [['ثلاثون', 'ثلاثين'], TEN(30)],
  [['أربعون', 'أربعين'], TEN(40)],
  [['خمسون', 'خمسين'], TEN(50)],
  [['ستون', 'ستين'], TEN(60)],
  [['سبعون', 'سبعين'], TEN(70)],
  [['ثمانون', 'ثمانين'], TEN(80)],
  [['تسعون', 'تسعين'], TEN(90)],
  [['مئة', 'مائة', 'ميه'], H(100)],
  [['مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتا', 'مئتي', 'مائتا', 'مائتي'], H(200)],
  hundredsOf(['ثلاث', 'ثلاثة'], 300),
  hundredsOf(['أربع', 'أربعة'], 400),
  hundredsOf(['خمس', 'خمسة'], 500),
  hundredsOf(['ست', 'ستة'], 600),
  hundredsOf(['سبع', 'سبعة'], 700),
  hundredsOf(['ثمان', 'ثماني', 'ثمانية'], 800),
  hundredsOf(['تسع', 'تسعة'], 900),
  [['ألف', 'ألفا'], { type: 'scale', value: 1e3, form: 'sg' }],
  [['ألفان', 'ألفين', 'ألفي'], { type: 'scale', value: 1e3, form: 'dual' }],
  [['آلاف'], { type: 'scale', value: 1e3, form: 'pl', article: true }],
  [['مليون', 'مليونا'], { type: 'scale', value: 1e6, form: 'sg' }],
  [['مليونان', 'مليونين', 'مليوني'], { type: 'scale', value: 1e6, form: 'dual' }],
  [['ملايين'], { type: 'scale', value: 1e6, form: 'pl', article: true }],
  [['مليار', 'مليارا', 'بليون', 'بليونا'], { type: 'scale', value: 1e9, form: 'sg' }],
  [['ملياران', 'مليارين', 'ملياري'], { type: 'scale', value: 1e9, form: 'dual' }],
  [['مليارات', 'بلايين'], { type: 'scale', value: 1e9, form: 'pl', article: true }],
  [['تريليون', 'تريليونا'], { type: 'scale', value: 1e12, form: 'sg' }],
  // Vague plurals: "tens of", "hundreds of" — an interval, not a point.
  [['عشرات'], { type: 'vague', value: 10, article: true }],
  [['مئات', 'مئات'], { type: 'vague', value: 100, article: true }],
  [['بضع', 'بضعة'], { type: 'few', value: 1 }],
  [['عدة'], { type: 'few', value: 0 }],
  [['نصف'], { type: 'fraction', value: 1 / 2 }],
  [['ثلث'], { type: 'fraction', value: 1 / 3 }],
  [['ربع'], { type: 'fraction', value: 1 / 4 }],
  [['ثلثا', 'ثلثي'], { type: 'fraction', value: 2 / 3 }],
  [['أرباع'], { type: 'quarters', value: 1 / 4 }],
  [['الأول', 'الحادي'], { type: 'ordinal', value: 1, article: true }],
  [['الثاني'], { type: 'ordinal', value: 2, article: true }],
  [['الثالث'], { type: 'ordinal', value: 3, article: true }],
  [['الرابع'], { type: 'ordinal', value: 4, article: true }],
  [['الخامس'], { type: 'ordinal', value: 5, article: true }],
  [['السادس'], { type: 'ordinal', value: 6, article: true }],
  [['السابع'], { type: 'ordinal', value: 7, article: true }],
  [['الثامن'], { type: 'ordinal', value: 8, article: true }],
  [['التاسع'], { type: 'ordinal', value: 9, article: true }],
  [['العاشر'], { type: 'ordinal', value: 10, article: true }],
  [['العشرين'], { type: 'ordinal', value: 20, article: true }],
  [['الثلاثين'], { type: 'ordinal', value: 30, article: true }],
]);

export const ENGLISH_NUMBER_WORDS = table([
  [['one'], U(1)],
  [['two'], U(2)],
  [['three'], U(3)],
  [['four'], U(4)],
  [['five'], U(5)],
  [['six'], U(6)],
  [['seven'], U(7)],
  [['eight'], U(8)],
  [['nine'], U(9)],
  [['ten'], U(10)],
  [['eleven'], U(11)],
  [['twelve'], U(12)],
  [['thirteen'], U(13)],
  [['fourteen'], U(14)],
  [['fifteen'], U(15)],
  [['sixteen'], U(16)],
  [['seventeen'], U(17)],
  [['eighteen'], U(18)],
  [['nineteen'], U(19)],
  [['twenty'], TEN(20)],
  [['thirty'], TEN(30)],
  [['forty'], TEN(40)],
  [['fifty'], TEN(50)],
  [['sixty'], TEN(60)],
  [['seventy'], TEN(70)],
  [['eighty'], TEN(80)],
  [['ninety'], TEN(90)],
  [['hundred'], H(100)],
  [['dozen'], { type: 'scale', value: 12, form: 'sg' }],
  [['thousand'], { type: 'scale', value: 1e3, form: 'sg' }],
  [['million'], { type: 'scale', value: 1e6, form: 'sg' }],
  [['billion', 'bn'], { type: 'scale', value: 1e9, form: 'sg' }],
  [['dozens'], { type: 'vague', value: 12 }],
  [['hundreds'], { type: 'vague', value: 100 }],
  [['thousands'], { type: 'scale', value: 1e3, form: 'pl' }],
  [['millions'], { type: 'scale', value: 1e6, form: 'pl' }],
  [['tens'], { type: 'vague', value: 10 }],
  [['several'], { type: 'few', value: 0 }],
  [['half'], { type: 'fraction', value: 1 / 2 }],
]);

function set(words: string[]): ReadonlySet<string> {
  return new Set(words.map(normalizeWord));
}

/** Month names (Egyptian/Gulf, Maghrebi, Levantine, English) → month number. Two-word Levantine names are keyed by their first word. */
export const MONTHS = new Map<string, number>(
  (
    [
      [['يناير', 'جانفي', 'january', 'jan'], 1],
      [['فبراير', 'فيفري', 'شباط', 'february', 'feb'], 2],
      [['مارس', 'آذار', 'march', 'mar'], 3],
      [['أبريل', 'ابريل', 'إبريل', 'أفريل', 'نيسان', 'april', 'apr'], 4],
      [['مايو', 'ماي', 'أيار', 'may'], 5],
      [['يونيو', 'يونيه', 'جوان', 'حزيران', 'june', 'jun'], 6],
      [['يوليو', 'يوليه', 'جويلية', 'تموز', 'july', 'jul'], 7],
      [['أغسطس', 'أوت', 'آب', 'august', 'aug'], 8],
      [['سبتمبر', 'أيلول', 'september', 'sep', 'sept'], 9],
      [['أكتوبر', 'october', 'oct'], 10],
      [['نوفمبر', 'november', 'nov'], 11],
      [['ديسمبر', 'december', 'dec'], 12],
    ] as [string[], number][]
  ).flatMap(([words, m]) => words.map((w) => [normalizeWord(w), m] as [string, number])),
);

/** Levantine two-word months: first word → second word → month. */
export const TWO_WORD_MONTHS = new Map<string, Map<string, number>>([
  [normalizeWord('كانون'), new Map([[normalizeWord('الثاني'), 1], [normalizeWord('الأول'), 12]])],
  [normalizeWord('تشرين'), new Map([[normalizeWord('الأول'), 10], [normalizeWord('الثاني'), 11]])],
]);

/** A number directly after one of these is part of a name (قناة الأخبار 24، خبر 24، كوفيد 19، رحلة 3704). */
export const NAME_BEFORE = set([
  'الأخبار', 'خبر', 'فرانس', 'france', 'كوفيد', 'covid', 'كورونا', 'بوينغ', 'بوينج', 'boeing', 'إيرباص', 'ايرباص', 'airbus',
  'رقم', 'number', 'no', 'رحلة', 'الرحلة', 'flight', 'طراز', 'model', 'المادة', 'مادة', 'القرار', 'قرار', 'resolution',
  'article', 'الطريق', 'route', 'highway', 'الكتيبة', 'الفرقة', 'اللواء', 'الفيلق', 'brigade', 'division', 'سوخوي', 'ميغ',
  'mig', 'su', 'اف', 'إف', 'إس', 'تي', 'الجيل', 'ويندوز', 'windows', 'آيفون', 'iphone', 'بند', 'البند', 'الفقرة', 'فقرة',
  'صفحة', 'الصفحة', 'page', 'سورة', 'الآية', 'الفصل', 'chapter', 'section', 'g',
]);

/** A number two words after one of these is a name too (قناة <name> 24). */
export const NAME_TWO_BEFORE = set(['قناة', 'لقناة', 'تلفزيون', 'راديو', 'إذاعة', 'channel', 'radio']);

/** Ordinals before عشر/عشرة: "الرابعة عشرة" is the fourteenth, not ten. */
export const ORDINALS_BEFORE_TEN = set([
  'الحادي', 'الحادية', 'الثاني', 'الثانية', 'الثالث', 'الثالثة', 'الرابع', 'الرابعة', 'الخامس', 'الخامسة', 'السادس', 'السادسة',
  'السابع', 'السابعة', 'الثامن', 'الثامنة', 'التاسع', 'التاسعة',
]);

/** Words before a year (عام 1991، منذ 2019). */
export const YEAR_BEFORE = set(['عام', 'العام', 'سنة', 'السنة', 'منذ', 'حتى', 'year', 'since', 'until', 'in', 'مطلع', 'أواخر', 'أوائل', 'منتصف', 'ربيع', 'صيف', 'خريف', 'شتاء']);

/** Particles after which a 4-digit number in year range stays a year ("2019 حتى", "2022 و"). */
export const YEAR_AFTER = set(['حتى', 'و', 'في', 'من', 'إلى', 'الى', 'عندما', 'حين', 'بعد', 'قبل', 'م', 'هـ', 'and', 'to', 'when', 'after', 'before']);

/** Clock cues before (الساعة 7) and after (7 صباحا). */
export const TIME_BEFORE = set(['الساعة', 'ساعة', 'تمام', "o'clock", 'at']);
export const TIME_AFTER = set(['صباحا', 'صباح', 'مساء', 'مساءً', 'ظهرا', 'فجرا', 'ليلا', 'عصرا', 'ص', 'am', 'pm', 'gmt', 'utc', 'بتوقيت']);

/** Units of time: a number before them is a duration or an age, never a count of people. */
export const DURATION_UNITS = set([
  'عام', 'عاما', 'أعوام', 'سنة', 'سنوات', 'سنين', 'سنه', 'شهر', 'شهرا', 'أشهر', 'شهور', 'أسبوع', 'أسبوعا', 'أسابيع', 'يوم',
  'يوما', 'أيام', 'ساعة', 'ساعات', 'دقيقة', 'دقائق', 'ثانية', 'ثوان', 'ثواني', 'عقد', 'عقود', 'قرن', 'قرون', 'ليلة', 'ليال',
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'second',
  'seconds', 'decade', 'decades', 'century', 'centuries', 'night', 'nights',
]);

/** Units of age (a subset of durations). */
export const AGE_UNITS = set(['عام', 'عاما', 'سنة', 'سنوات', 'ربيعا', 'year', 'years', 'yrs']);

/** Words near a number that make "N years" an age (البالغ من العمر 81 عاما). */
export const AGE_CUES = set(['العمر', 'عمر', 'عمره', 'عمرها', 'عمرهم', 'بعمر', 'سن', 'البالغ', 'البالغة', 'يبلغ', 'تبلغ', 'أعمارهم', 'أعمار', 'aged', 'age']);

/** Words that turn a preceding number into a percentage. */
export const PERCENT_WORDS = set(['بالمئة', 'بالمائة', 'بالميه', 'percent', 'pct']);
export const PERCENT_PHRASES = set(['المئة', 'المائة', 'cent']);

/** Measurement and currency words → unit id. */
export const UNITS = new Map<string, string>(
  (
    [
      [['دولار', 'دولارا', 'دولارات', 'dollar', 'dollars', 'usd'], 'USD'],
      [['يورو', 'euro', 'euros', 'eur'], 'EUR'],
      [['جنيه', 'جنيها', 'جنيهات', 'pound', 'pounds'], 'GBP/EGP'],
      [['ريال', 'ريالا', 'ريالات'], 'SAR'],
      [['درهم', 'درهما', 'دراهم'], 'AED'],
      [['دينار', 'دينارا', 'دنانير'], 'dinar'],
      [['ليرة', 'ليرات'], 'lira'],
      [['روبل', 'روبلا', 'rouble', 'roubles', 'ruble', 'rubles'], 'RUB'],
      [['تنغي', 'تنغه', 'tenge'], 'KZT'],
      [['سنت', 'سنتات', 'cent', 'cents'], 'cent'],
      [['طن', 'أطنان', 'tonne', 'tonnes', 'ton', 'tons'], 't'],
      [['برميل', 'براميل', 'barrel', 'barrels'], 'barrel'],
      [['كيلومتر', 'كيلومترا', 'كيلومترات', 'كلم', 'كم', 'km', 'kilometres', 'kilometers', 'kilometre', 'kilometer'], 'km'],
      [['ميل', 'ميلا', 'أميال', 'mile', 'miles'], 'mi'],
      [['متر', 'مترا', 'أمتار', 'metre', 'metres', 'meter', 'meters'], 'm'],
      [['كيلوغرام', 'كيلوجرام', 'كغ', 'كجم', 'kg', 'kilograms'], 'kg'],
      [['لتر', 'لترا', 'لترات', 'litre', 'litres', 'liter', 'liters'], 'l'],
      [['هكتار', 'هكتارا', 'hectare', 'hectares'], 'ha'],
      [['ميغاواط', 'ميجاوات', 'megawatt', 'megawatts', 'mw'], 'MW'],
      [['كيلوواط'], 'kW'],
    ] as [string[], string][]
  ).flatMap(([words, unit]) => words.map((w) => [normalizeWord(w), unit] as [string, string])),
);

/** Qualifier words: a number in year range after one is a count (نحو 2000), not a year. */
export const COUNT_BEFORE = set(['نحو', 'حوالي', 'حوالى', 'قرابة', 'زهاء', 'يقارب', 'يناهز', 'than', 'about', 'around', 'nearly', 'some', 'over', 'almost']);
/** The comparative before من in "أكثر من 2000", "أقل من 2000". */
export const COMPARATIVES = set(['أكثر', 'أقل', 'أزيد', 'يزيد', 'يقل', 'تزيد', 'تقل']);
