/** Character classes by UTF-16 code, shared by the folding, the line profile and the tokenizer. */

/** Characters that separate words: spaces of every width and line-internal separators. */
export function isBreakingSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Characters that have no width: bidi marks, zero-width (non-)joiners, BOM, soft hyphen. */
export function isInvisibleCode(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff || c === 0x061c || c === 0x00ad;
}

export function isArabicLetterCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfdfb) || (c >= 0xfe70 && c <= 0xfefc);
}

export function isLatinLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Arabic letters (including the Persian and Urdu ones seen in Arabic text), diacritics and tatweel: what an Arabic word token holds. */
export function isArabicWordChar(c: number): boolean {
  return (c >= 0x621 && c <= 0x65f) || c === 0x670 || (c >= 0x671 && c <= 0x6d3) || c === 0x6d5;
}
