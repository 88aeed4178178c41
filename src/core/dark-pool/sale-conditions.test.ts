import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ISO_MASK, NON_INFORMATIVE_MASK, conditionMask, conditionNames, saleConditionOfName } from './sale-conditions.ts';

test('LEAN bitmask: the hex masks of real rows (SPY/IBM/BAC 2013-10 trade files) decode to the SOURCE.md bits', () => {
  // SPY_2013-10-08 line 3: 14726965,167.3300,200,Q,20002020,0 (pre-market ISO)
  assert.deepEqual(conditionNames(0x20002020), ['intermarket_sweep', 'extended_hours', 'trade_through_exempt']);
  // SOURCE.md's own examples.
  assert.deepEqual(conditionNames(0x20000020), ['intermarket_sweep', 'trade_through_exempt']);
  assert.deepEqual(conditionNames(0x2000), ['extended_hours']);
  assert.deepEqual(conditionNames(0x102000), ['extended_hours', 'average_price']);
  // IBM_2013-10-08: 58393982,178.7200,4300,D,2000000,0 (prior reference price, off-exchange)
  assert.deepEqual(conditionNames(0x2000000), ['prior_reference_price']);
  // IBM_2013-10-08: 57647795,178.7200,262948,N,80,0 (NYSE closing print); SPY: 34200971,…,P,4000000 (Arca open)
  assert.deepEqual(conditionNames(0x80), ['closing_prints']);
  assert.deepEqual(conditionNames(0x4000000), ['official_open']);
  // D rows with 20100200 (derivatively priced average-price) and 4800 (late, out of sequence).
  assert.deepEqual(conditionNames(0x20100200), ['derivatively_priced', 'average_price', 'trade_through_exempt']);
  assert.deepEqual(conditionNames(0x4800), ['sold_out_of_sequence', 'out_of_sequence']);
  assert.deepEqual(conditionNames(0x80000000), ['odd_lot']);
});

test('condition masks: names round-trip, ISO is bit 5, average price / prior reference are non-informative, ISO and regular are not', () => {
  assert.equal(ISO_MASK, 0x20);
  assert.equal(conditionMask(['intermarket_sweep', 'odd_lot']), 0x80000020);
  assert.equal(saleConditionOfName('Average_Price'), 'average_price');
  assert.equal(saleConditionOfName('bogus'), null);
  assert.equal(saleConditionOfName('toString'), null);
  for (const m of [0x100000, 0x2000000, 0x200, 0x800, 0x4000]) assert.notEqual(m & NON_INFORMATIVE_MASK, 0, m.toString(16));
  for (const m of [0x1, 0x20, 0x20000020, 0x2000, 0x40, 0x80, 0x1000000, 0x200000]) assert.equal(m & NON_INFORMATIVE_MASK, 0, m.toString(16));
});
