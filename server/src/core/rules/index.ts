import type { Family } from '../types';
import type { Rule } from './rule';
import { rule as digitsDotThousands } from './digits/dot-thousands';
import { rule as digitsEasternArabic } from './digits/eastern-arabic';
import { rule as digitsMixedScript } from './digits/mixed-script';
import { rule as digitsPercentSign } from './digits/percent-sign';
import { rule as digitsPersian } from './digits/persian';
import { rule as digitsSeparator } from './digits/separator';
import { rule as digitsWestern } from './digits/western';

/** Every rule, in the order they run. Add a rule here and nowhere else. */
export const RULES: readonly Rule[] = [
  digitsMixedScript,
  digitsEasternArabic,
  digitsPersian,
  digitsWestern,
  digitsDotThousands,
  digitsSeparator,
  digitsPercentSign,
];

export function rulesOf(family: Family): Rule[] {
  return RULES.filter((r) => r.family === family);
}

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
