import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChainContract } from '../options-flow/chain.ts';
import type { Contracts, EpochMs, IsoDate } from '../units.ts';
import { yearFraction } from '../units.ts';
import { atmIvByExpiry } from './atm-iv.ts';
import type { AnalyzedContract } from './strike-exposures.ts';

function a(expiry: string, strike: number, right: 'C' | 'P', iv: number | null): AnalyzedContract {
  const contract: ChainContract = {
    asOf: 0 as EpochMs, underlying: 'X', underlyingPrice: null, expiry: expiry as IsoDate, strike, right,
    openInterest: 1 as Contracts, bid: null, ask: null, volume: null, iv,
  };
  return {
    contract, t: yearFraction(0.1), reason: iv === null ? 'no_iv_no_quote' : null,
    greeks: iv === null ? null : { iv, ivSource: 'chain', delta: 0, gamma: 0, vanna: 0, charm: 0 },
  };
}

test('ATM IV (seed 004 iv_vs_atm reference): the strike nearest spot per expiry, call and put IV averaged, ties to the lower strike', () => {
  const book = [
    a('2024-01-19', 100, 'C', 0.20), a('2024-01-19', 100, 'P', 0.22), a('2024-01-19', 105, 'C', 0.5),
    a('2024-02-16', 100, 'P', 0.3), a('2024-02-16', 105, 'C', 0.4), // spot 102.5: equidistant → 100
    a('2024-03-15', 102.5, 'C', null), a('2024-03-15', 95, 'C', 0.25), // nearest with an IV: 95
  ];
  const atm = atmIvByExpiry(book, 102.4);
  assert.ok(Math.abs((atm.get('2024-01-19' as IsoDate) as number) - 0.21) < 1e-15);
  assert.equal(atmIvByExpiry(book, 102.5).get('2024-02-16' as IsoDate), 0.3);
  assert.equal(atm.get('2024-03-15' as IsoDate), 0.25);
  assert.equal(atmIvByExpiry(book, null).size, 0);
});
