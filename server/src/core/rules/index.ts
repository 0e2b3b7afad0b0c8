import type { Family } from '../types';
import type { Rule } from './rule';
import { rule as figuresConflict } from './figures/conflict';
import { rule as figuresEvolving } from './figures/evolving';
import { rule as digitsDotThousands } from './digits/dot-thousands';
import { rule as digitsEasternArabic } from './digits/eastern-arabic';
import { rule as digitsMixedScript } from './digits/mixed-script';
import { rule as digitsPercentSign } from './digits/percent-sign';
import { rule as digitsPersian } from './digits/persian';
import { rule as digitsSeparator } from './digits/separator';
import { rule as digitsWestern } from './digits/western';
import { rule as boilerplateBlankLines } from './boilerplate/blank-lines';
import { rule as boilerplateCaptionCredit } from './boilerplate/caption-credit';
import { rule as boilerplateMarkup } from './boilerplate/markup';
import { rule as boilerplateRepeatedLine } from './boilerplate/repeated-line';
import { rule as boilerplateScraperDebris } from './boilerplate/scraper-debris';
import { rule as boilerplateSharePrompt } from './boilerplate/share-prompt';
import { rule as boilerplateShortcode } from './boilerplate/shortcode';
import { rule as boilerplateSourceCredit } from './boilerplate/source-credit';
import { rule as boilerplateTeaser } from './boilerplate/teaser';
import { rule as boilerplateUserPattern } from './boilerplate/user-pattern';

/** Every rule, in the order they run. Add a rule here and nowhere else. */
export const RULES: readonly Rule[] = [
  digitsMixedScript,
  digitsEasternArabic,
  digitsPersian,
  digitsWestern,
  digitsDotThousands,
  digitsSeparator,
  digitsPercentSign,
  boilerplateShortcode,
  boilerplateMarkup,
  boilerplateCaptionCredit,
  boilerplateSourceCredit,
  boilerplateTeaser,
  boilerplateSharePrompt,
  boilerplateScraperDebris,
  boilerplateUserPattern,
  boilerplateRepeatedLine,
  boilerplateBlankLines,
  figuresConflict,
  figuresEvolving,
];

export function rulesOf(family: Family): Rule[] {
  return RULES.filter((r) => r.family === family);
}

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
