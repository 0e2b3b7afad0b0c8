// Units: what a unit measures and its value in the dimension's base unit (numbers/units.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCurrency, isPhysicalUnit, toBase, unitInfo } from '../../server/src/core/numbers/units';
import { UNITS } from '../../server/src/core/numbers/lexicon';

describe('units', () => {
  it('converts lengths, areas, masses and volumes into their base unit', () => {
    assert.equal(toBase(3, 'km'), 3000);
    assert.equal(toBase(1.2, 'km'), 1200);
    assert.equal(toBase(200, 'm'), 200);
    assert.equal(toBase(2, 'mi'), 3218.688);
    assert.equal(toBase(200, 'ha'), 2_000_000);
    assert.equal(toBase(5, 't'), 5000);
    assert.equal(toBase(3, 'MW'), 3000);
    assert.equal(toBase(null, 'km'), null);
    assert.deepEqual([unitInfo('km')?.base, unitInfo('mi')?.base, unitInfo('t')?.base], ['m', 'm', 'kg']);
  });

  it('never converts one currency into another', () => {
    for (const c of ['USD', 'EUR', 'RUB', 'GBP/EGP']) {
      assert.ok(isCurrency(c), c);
      assert.equal(unitInfo(c)?.base, c);
      assert.equal(toBase(17500, c), 17500);
    }
    assert.ok(!isCurrency('km') && !isPhysicalUnit('USD'));
  });

  it('knows every unit the number words name, and guesses none', () => {
    // A unit added to numbers.json with no dimension here would be read by no claim kind.
    const unknown = [...new Set(UNITS.values())].filter((u) => unitInfo(u) === undefined);
    assert.deepEqual(unknown, ['cent']);
    assert.equal(unitInfo('furlong'), undefined);
    assert.equal(unitInfo(undefined), undefined);
  });
});
