import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChainContract } from '../options-flow/chain.ts';
import type { Contracts, EpochMs, IsoDate } from '../units.ts';
import { yearFraction } from '../units.ts';
import { chainLevels, zeroDteMagnet } from './chain-levels.ts';
import type { AnalyzedContract, StrikeExposure } from './strike-exposures.ts';

function strike(k: number, callOi: number, putOi: number, callGex: number, putGex: number): StrikeExposure {
  return {
    strike: k, callOi, putOi, callVolume: null, putVolume: null, callGex, putGex,
    callDex: 0, putDex: 0, callVex: 0, putVex: 0, callChex: 0, putChex: 0,
  };
}

const AS_OF = Date.parse('2025-12-05T20:45:00Z') as EpochMs; // Friday 15:45 New York

function analysed(expiry: string, k: number, right: 'C' | 'P', oi: number, gamma: number | null): AnalyzedContract {
  const contract: ChainContract = {
    asOf: AS_OF, underlying: 'X', underlyingPrice: 100, expiry: expiry as IsoDate, strike: k, right,
    openInterest: oi as Contracts, bid: null, ask: null, volume: null, iv: 0.3,
  };
  return {
    contract, t: yearFraction(0.001),
    greeks: gamma === null ? null : { iv: 0.3, ivSource: 'chain', delta: 0.5, gamma, vanna: 0, charm: 0 },
    reason: gamma === null ? 'no_iv_no_quote' : null,
  };
}

test('levels by their definitions: walls by |call/put GEX|, max ± net GEX strikes, highest call + put OI (hand-made strikes)', () => {
  const strikes = [
    strike(95, 100, 5000, 1e5, -9e6), // put wall (largest |put GEX|), max negative net
    strike(100, 4000, 4000, 5e6, -2e6), // highest OI (8000)
    strike(105, 3000, 10, 7e6, -1e3), // call wall and max positive net
  ];
  const l = chainLevels(strikes, [analysed('2025-12-19', 100, 'C', 1, 0.01)], 100, AS_OF);
  assert.deepEqual(
    [l.callWall, l.putWall, l.maxPositiveGamma, l.maxNegativeGamma, l.highestOiStrike, l.wallBasis],
    [105, 95, 105, 95, 100, 'gex'],
  );
  const noSpot = chainLevels(strikes, [], null, AS_OF);
  assert.deepEqual([noSpot.callWall, noSpot.putWall, noSpot.maxPositiveGamma, noSpot.wallBasis], [100, 95, null, 'open_interest']);
});

test('0DTE magnet: among contracts expiring on the snapshot\'s New York date, the strike with the most gamma dollars', () => {
  const book = [
    analysed('2025-12-05', 100, 'C', 1000, 0.08), // 0.08·1000·100·100²·0.01 = 80,000
    analysed('2025-12-05', 100, 'P', 500, 0.08), //  + 40,000 = 120,000 at 100
    analysed('2025-12-05', 102.5, 'C', 5000, 0.02), // 100,000 at 102.5
    analysed('2025-12-12', 110, 'C', 90000, 0.05), // not 0DTE
  ];
  assert.deepEqual(zeroDteMagnet(book, 100, AS_OF), { strike: 100, reason: null });
  assert.deepEqual(zeroDteMagnet(book.slice(3), 100, AS_OF), { strike: null, reason: 'no_0dte_expiry' });
  assert.deepEqual(zeroDteMagnet(book, null, AS_OF), { strike: null, reason: 'no_spot' });
  assert.deepEqual(zeroDteMagnet([analysed('2025-12-05', 100, 'C', 10, null)], 100, AS_OF), { strike: null, reason: 'no_0dte_greeks' });
});
