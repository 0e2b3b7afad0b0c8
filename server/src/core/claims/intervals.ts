/**
 * The interval a claim allows, from its figure and qualifier. Conventions
 * (null = unbounded):
 *
 * | qualifier  | interval for a figure v (or a vague [a, b])         |
 * |------------|-----------------------------------------------------|
 * | exact      | [v, v]; vague: [a, b]                               |
 * | more_than  | [v, null] (domain.md: "more than 3000 → 3000, null") |
 * | at_least   | [v, null]                                           |
 * | about      | [v − t, v + t]; vague: [a, b]                       |
 * | nearly     | [v − t, v]; vague: [a, b]                           |
 * | less_than  | [0, v]; vague: [0, b]                               |
 * | up_to      | [0, v]; vague: [0, b]                               |
 *
 * The tolerance t of an approximate figure is half the unit of its last
 * non-zero digit (نحو 4000 → ±500, نحو 2500 → ±50), at least 10 % and at most
 * 20 % of v: nearly 4000 → [3500, 4000], about 12000 → [10800, 13200],
 * about 400 → [350, 450]. Bounds are rounded outwards to integers for
 * integer figures.
 */
import type { Qualifier } from './types';

export interface Interval {
  low: number | null;
  high: number | null;
}

/** Half the unit of the last non-zero digit, clamped to 10–20 % of the value. */
export function tolerance(v: number): number {
  if (!(v > 0)) return 0;
  let unit = 1;
  if (Number.isInteger(v)) while (v % (unit * 10) === 0) unit *= 10;
  else unit = 0;
  return Math.min(0.2 * v, Math.max(0.1 * v, unit / 2));
}

/** The interval of a figure (its value, or its own interval when vague) under a qualifier. */
export function claimInterval(qualifier: Qualifier, figure: { value: number; low: number; high: number; vague: boolean }): Interval {
  const { value: v, vague } = figure;
  const a = vague ? figure.low : v;
  const b = vague ? figure.high : v;
  const whole = Number.isInteger(v);
  const down = (x: number) => (whole ? Math.floor(x) : x);
  const up = (x: number) => (whole ? Math.ceil(x) : x);
  switch (qualifier) {
    case 'exact':
      return { low: a, high: b };
    case 'more_than':
    case 'at_least':
      return { low: a, high: null };
    case 'about':
      return vague ? { low: a, high: b } : { low: Math.max(0, down(v - tolerance(v))), high: up(v + tolerance(v)) };
    case 'nearly':
      return vague ? { low: a, high: b } : { low: Math.max(0, down(v - tolerance(v))), high: v };
    case 'less_than':
    case 'up_to':
      return { low: 0, high: b };
  }
}
