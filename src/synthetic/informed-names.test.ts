import { test } from 'node:test';
import assert from 'node:assert/strict';
import { informedNames } from './informed-names.ts';
import { buildUniverse } from './underlying-universe.ts';

test('informed names: round(N/8) stocks ranked 3–99 (2 to 6), both directions present, seeded', () => {
  const universe = buildUniverse(40, 20250314);
  const a = informedNames(universe, 20250314);
  assert.equal(a.length, 5);
  for (const n of a) {
    const u = universe[n.rank];
    assert.equal(u?.symbol, n.symbol);
    assert.equal(u?.assetClass, 'stock');
    assert.ok(n.rank >= 3);
  }
  assert.ok(a.some((n) => n.direction === 'accumulation') && a.some((n) => n.direction === 'distribution'));
  assert.deepEqual(informedNames(universe, 20250314), a);
  assert.notDeepEqual(informedNames(universe, 1), a);
  assert.equal(informedNames(buildUniverse(3000, 1), 1).length, 6);
});

test('with only index ETFs in the universe, the informed names come from them', () => {
  const a = informedNames(buildUniverse(2, 1), 1);
  assert.deepEqual(a.map((n) => n.symbol).sort(), ['QQQ', 'SPY']);
});
