import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChainContract } from '../options-flow/chain.ts';
import { blackScholesPrice } from '../pricing/black-scholes.ts';
import { yearsToExpiry } from '../pricing/time-to-expiry.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';
import { byContract } from './chain-snapshot.ts';
import { impliedSpot, midOf } from './implied-spot.ts';

const AS_OF = Date.UTC(2025, 10, 24, 20, 45) as EpochMs; // 2025-11-24 15:45 New York
const MARKET = { rate: 0.043, dividendYield: 0.012 };
const SETTINGS = { pairs: 5, minPairs: 3, band: 0.02 };
const pm = () => 'PM' as const;

/** A European chain priced with blackScholesPrice at spot S, σ 30 %, quoted ± half a cent around the model price. */
function pricedChain(spot: number, expiries: IsoDate[], strikes: number[], volume: number, halfSpread = 0.005): ChainContract[] {
  const out: ChainContract[] = [];
  for (const expiry of expiries) {
    const t = yearsToExpiry(AS_OF, expiry);
    for (const strike of strikes) {
      for (const right of ['C', 'P'] as const) {
        const value = blackScholesPrice({ spot, strike, t, r: MARKET.rate, q: MARKET.dividendYield, sigma: 0.3, right });
        out.push({
          asOf: AS_OF, underlying: 'SYN', underlyingPrice: null, expiry, strike, right, openInterest: 100 as Contracts,
          bid: (value - halfSpread) as PricePerShare, ask: (value + halfSpread) as PricePerShare, volume: volume as Contracts, iv: null,
        });
      }
    }
  }
  return out.sort(byContract);
}

const STRIKES = Array.from({ length: 21 }, (_, i) => 100 + 2.5 * i);
const EXPIRIES = ['2025-11-28', '2025-12-19', '2026-03-20'] as IsoDate[];

test('put–call parity recovers the true spot of a synthetic chain priced with blackScholesPrice (r 4.3 %, q 1.2 %)', () => {
  const r = impliedSpot(pricedChain(123.45, EXPIRIES, STRIKES, 50), AS_OF, MARKET, pm, SETTINGS);
  assert.ok(r !== null);
  assert.ok(Math.abs(r.spot - 123.45) < 1e-9, String(r.spot));
  assert.equal(r.expiry, '2025-11-28', 'the nearest expiry');
  assert.equal(r.pairsUsed, 5);
  assert.ok(r.pairsTotal <= 63 && r.pairsInBand >= 5); // deep out-of-the-money quotes under a cent have no bid
});

test('parity spot ignores stale adjusted contracts under the same root (pre-split strikes ×10, wide quotes, little volume)', () => {
  // The Yahoo NFLX/NVDA case: after a 10:1 split the old contracts keep quoting the pre-split price.
  const live = pricedChain(104.75, EXPIRIES, Array.from({ length: 21 }, (_, i) => 95 + i), 2_000);
  const stale = pricedChain(1_110, EXPIRIES, Array.from({ length: 30 }, (_, i) => 1_000 + 5 * i), 5, 0.6);
  const r = impliedSpot([...live, ...stale].sort(byContract), AS_OF, MARKET, pm, SETTINGS);
  assert.ok(r !== null);
  assert.ok(Math.abs(r.spot - 104.75) < 1e-9, String(r.spot));
});

test('parity spot: null when fewer than minPairs strikes have a two-sided call and put; midOf needs bid > 0 and ask ≥ bid', () => {
  const chain = pricedChain(100, ['2025-11-28' as IsoDate], [95, 100], 10);
  assert.equal(impliedSpot(chain, AS_OF, MARKET, pm, SETTINGS), null);
  assert.equal(midOf({ bid: 0 as PricePerShare, ask: 1 as PricePerShare }), null);
  assert.equal(midOf({ bid: 1.2 as PricePerShare, ask: 1.1 as PricePerShare }), null);
  assert.equal(midOf({ bid: null, ask: 1 as PricePerShare }), null);
  assert.equal(midOf({ bid: 1 as PricePerShare, ask: 1.5 as PricePerShare }), 1.25);
});
