/**
 * What a figure's unit measures, and how to write it in its dimension's
 * base unit, so that "3 كم" and "3000 متر" are one measurement. Unit ids
 * are those of the `units` word lists (lang/<language>/numbers.json); the
 * factors are facts of the units, not of a language, so they live here.
 *
 * Currencies are never converted into each other (rates change daily and
 * articles convert at their own rate: "مليون روبل (17500 دولار)"), so each
 * currency is its own base. Ids that name several currencies (`GBP/EGP`,
 * `dinar`, `lira`) stay as written: two of them are the same currency only
 * when the text says so, which a unit id cannot.
 */
export type Dimension = 'length' | 'area' | 'mass' | 'volume' | 'power' | 'currency';

export interface UnitInfo {
  readonly dimension: Dimension;
  /** The unit figures of this dimension are compared in. */
  readonly base: string;
  /** How many base units one of this unit is. */
  readonly factor: number;
}

const PHYSICAL: Record<string, UnitInfo> = {
  m: { dimension: 'length', base: 'm', factor: 1 },
  km: { dimension: 'length', base: 'm', factor: 1000 },
  mi: { dimension: 'length', base: 'm', factor: 1609.344 },
  ha: { dimension: 'area', base: 'm2', factor: 10000 },
  kg: { dimension: 'mass', base: 'kg', factor: 1 },
  t: { dimension: 'mass', base: 'kg', factor: 1000 },
  l: { dimension: 'volume', base: 'l', factor: 1 },
  barrel: { dimension: 'volume', base: 'l', factor: 158.987294928 },
  kW: { dimension: 'power', base: 'kW', factor: 1 },
  MW: { dimension: 'power', base: 'kW', factor: 1000 },
};

/**
 * Currency ids (ISO codes and the ambiguous names). `cent` is left out: a
 * hundredth of which currency the text rarely says, and cents are prices,
 * not amounts reported about an event.
 */
const CURRENCIES = new Set(['USD', 'EUR', 'GBP/EGP', 'SAR', 'AED', 'dinar', 'lira', 'RUB', 'KZT']);

/** The unit's dimension, base and factor; undefined for an id this table does not know (no conversion is guessed). */
export function unitInfo(unit: string | undefined): UnitInfo | undefined {
  if (unit === undefined) return undefined;
  const physical = PHYSICAL[unit];
  if (physical) return physical;
  return CURRENCIES.has(unit) ? { dimension: 'currency', base: unit, factor: 1 } : undefined;
}

export function isCurrency(unit: string | undefined): boolean {
  return unitInfo(unit)?.dimension === 'currency';
}

/** Whether the unit is a physical one this table converts (a length, an area, a mass...). */
export function isPhysicalUnit(unit: string | undefined): boolean {
  const info = unitInfo(unit);
  return info !== undefined && info.dimension !== 'currency';
}

/** A value in `unit` written in its base unit (3 km → 3000 m); null stays null (an unbounded end). */
export function toBase(value: number | null, unit: string): number | null {
  if (value === null) return null;
  const info = unitInfo(unit);
  if (!info || info.factor === 1) return value;
  // Rounded to micro-units: 1.2 km is 1200 m, not 1199.9999999999998.
  return Math.round(value * info.factor * 1e6) / 1e6;
}
