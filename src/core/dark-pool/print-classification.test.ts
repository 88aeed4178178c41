import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DARK_POOL_SETTINGS as S } from './dark-pool-settings.ts';
import type { EquityPrint } from './equity-print.ts';
import {
  PRINT_AFTER_HOURS, PRINT_BLOCK, PRINT_ISO, PRINT_NON_INFORMATIVE, PRINT_OFF_EXCHANGE, classifyPrint, isBlock, isInformative,
} from './print-classification.ts';
import { isRegularSession } from './regular-session.ts';
import type { EpochMs, PricePerShare, Shares } from '../units.ts';

const at = (iso: string): EpochMs => Date.parse(iso) as EpochMs;
const print = (over: Partial<EquityPrint>): EquityPrint => ({
  ts: at('2013-10-08T14:00:00Z'), symbol: 'IBM', price: 180 as PricePerShare, size: 100 as Shares,
  exchange: 'D', conditions: 1, bid: null, ask: null, ...over,
});

test('block edges (Reg NMS Rule 600(b)(9): 10,000 shares or $200,000): 9,999 × $20 is not, 10,000 shares or exactly $200,000 is', () => {
  assert.equal(isBlock(20, 9_999, S), false); // $199,980
  assert.equal(isBlock(1, 10_000, S), true);
  assert.equal(isBlock(200, 1_000, S), true); // exactly $200,000
  assert.equal(isBlock(199.99, 1_000, S), false);
  const both = { ...S, blockRule: 'both' as const };
  assert.equal(isBlock(1, 10_000, both), false);
  assert.equal(isBlock(20, 10_000, both), true);
});

test('regular session edges in New York time across DST: 09:30:00.000 in, 09:29:59.999 and 16:00:00.000 out', () => {
  // 2013-10-08 is EDT (UTC−4); 2013-11-04 is EST (UTC−5, the Monday after the fall-back Sunday).
  assert.equal(isRegularSession(at('2013-10-08T13:29:59.999Z')), false);
  assert.equal(isRegularSession(at('2013-10-08T13:30:00.000Z')), true);
  assert.equal(isRegularSession(at('2013-10-08T19:59:59.999Z')), true);
  assert.equal(isRegularSession(at('2013-10-08T20:00:00.000Z')), false);
  assert.equal(isRegularSession(at('2013-11-04T13:30:00.000Z')), false); // 08:30 EST
  assert.equal(isRegularSession(at('2013-11-04T14:30:00.000Z')), true); // 09:30 EST
  assert.equal(isRegularSession(at('2013-11-04T20:59:59.999Z')), true); // 15:59:59.999 EST
  // 2013-03-11, the Monday after spring-forward: 09:30 EDT = 13:30Z.
  assert.equal(isRegularSession(at('2013-03-11T13:30:00.000Z')), true);
});

test('after-hours on the 2013-11-29 early close (13:00) and the 2013-12-25 and 2013-07-04 holidays (NYSE calendar)', () => {
  assert.equal(isRegularSession(at('2013-11-29T17:59:59.999Z')), true); // 12:59:59.999 EST
  assert.equal(isRegularSession(at('2013-11-29T18:00:00.000Z')), false); // 13:00 EST
  assert.equal(isRegularSession(at('2013-12-25T16:00:00.000Z')), false); // 11:00 EST on Christmas
  assert.equal(isRegularSession(at('2013-07-04T15:00:00.000Z')), false); // 11:00 EDT on Independence Day
  assert.equal(isRegularSession(at('2013-10-12T15:00:00.000Z')), false); // a Saturday
  const c = classifyPrint(print({ ts: at('2013-11-29T18:30:00Z') }), S);
  assert.equal(c & PRINT_AFTER_HOURS, PRINT_AFTER_HOURS);
  assert.equal(isInformative(c), false);
});

test('classifyPrint: venue D off-exchange, ISO bit, non-informative average-price print, lit block', () => {
  assert.equal(classifyPrint(print({}), S), PRINT_OFF_EXCHANGE);
  assert.equal(classifyPrint(print({ exchange: 'Q', conditions: 0x20000020 }), S), PRINT_ISO);
  assert.equal(classifyPrint(print({ conditions: 0x100000 }), S), PRINT_OFF_EXCHANGE | PRINT_NON_INFORMATIVE);
  assert.equal(classifyPrint(print({ exchange: 'N', size: 20_000 as Shares }), S), PRINT_BLOCK);
  assert.equal(classifyPrint(print({ exchange: 'TRF' }), { ...S, offExchangeVenues: ['TRF'] }), PRINT_OFF_EXCHANGE);
  assert.equal(isInformative(PRINT_OFF_EXCHANGE | PRINT_BLOCK | PRINT_ISO), true);
});
