/**
 * Full chain analytics on a 10,000-contract chain (issue 3, "Must show"):
 *   node --import tsx bench/chain-analytics.bench.ts
 * The chain is generated here with a seeded PRNG (src/synthetic/prng.ts) and priced with blackScholesPrice: spot
 * 450, 20 expiries from 0 to 730 days, 250 strikes each (±40 % of spot), calls and puts; σ on a skewed smile;
 * quotes ± 1 % (min 1 cent) around the model value; OI log-normal, heavier near the money; half the contracts
 * without a chain IV (solved from the mid with Let's Be Rational). Two cases are timed: the chain carries the
 * underlying's price, or not (Yahoo-like: spot implied by put–call parity). Each run is analyzeChain end to end
 * (snapshot choice, spot, IV and greeks per contract, exposures by strike, 0.1 % gamma-flip grid over ±20 %, max
 * pain, levels, ATM IV). A plain script: nothing is asserted. Prints one JSON object on stdout.
 * Environment: BENCH_CHAIN_REPEAT (default 15).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { analyzeChain } from '../src/core/gamma-exposure/chain-analysis.ts';
import { DEFAULT_CHAIN_ANALYTICS_SETTINGS } from '../src/core/gamma-exposure/chain-analytics-settings.ts';
import type { ChainContract } from '../src/core/options-flow/chain.ts';
import { blackScholesPrice } from '../src/core/pricing/black-scholes.ts';
import { yearsToExpiry } from '../src/core/pricing/time-to-expiry.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../src/core/units.ts';
import { Prng } from '../src/synthetic/prng.ts';

const REPEAT = Number(process.env.BENCH_CHAIN_REPEAT ?? 15);
const SPOT = 450;
const AS_OF = Date.parse('2025-12-05T20:45:00Z') as EpochMs;
const DAYS = [0, 3, 7, 10, 14, 21, 28, 35, 42, 49, 63, 91, 119, 147, 182, 273, 364, 455, 546, 730];
const STRIKES_PER_EXPIRY = 250;

function isoDay(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10) as IsoDate;
}

function generate(withSpot: boolean): ChainContract[] {
  const rng = Prng.fromSeed(20251205);
  const out: ChainContract[] = [];
  for (const d of DAYS) {
    const expiry = isoDay(AS_OF + d * 86_400_000);
    const t = yearsToExpiry(AS_OF, expiry);
    for (let i = 0; i < STRIKES_PER_EXPIRY; i++) {
      const strike = Math.round(SPOT * (0.6 + (0.8 * i) / (STRIKES_PER_EXPIRY - 1)) * 2) / 2;
      const m = Math.log(strike / SPOT);
      const sigma = 0.18 - 0.25 * m + 0.6 * m * m + 0.05 / Math.sqrt(Math.max(t, 1 / 365) * 12);
      for (const right of ['C', 'P'] as const) {
        const value = blackScholesPrice({ spot: SPOT, strike, t, r: 0.04, q: 0.012, sigma, right });
        const half = Math.max(0.01, value * 0.01);
        const oi = Math.floor(20_000 * Math.exp(-(m * m) / 0.02) * Math.exp(0.8 * rng.normal()));
        out.push({
          asOf: AS_OF, underlying: 'BENCH', underlyingPrice: withSpot ? SPOT : null, expiry, strike, right,
          openInterest: oi as Contracts,
          bid: (value - half > 0 ? value - half : 0) as PricePerShare, ask: (value + half) as PricePerShare,
          volume: Math.floor(oi * 0.1 * rng.next()) as Contracts,
          iv: rng.next() < 0.5 ? sigma : null,
        });
      }
    }
  }
  return out;
}

function time(rows: ChainContract[]) {
  const settings = { ...DEFAULT_CHAIN_ANALYTICS_SETTINGS, rate: 0.04, dividendYield: 0.012 };
  const query = { symbol: 'BENCH', at: null, expiration: null, minOi: 0, spot: null };
  const ms: number[] = [];
  let last = analyzeChain(rows, query, settings); // warm-up: JIT and the per-date expiry clock memo, as in a server
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    last = analyzeChain(rows, query, settings);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  if (last === null) throw new Error('no analysis');
  return {
    median_ms: Math.round((ms[ms.length >> 1] as number) * 10) / 10, best_ms: Math.round((ms[0] as number) * 10) / 10,
    spot: last.spot.price, with_greeks: last.counts.withGreeks, without_greeks: last.counts.withoutGreeks,
    gamma_flip: last.gammaFlip.price,
  };
}

const withSpot = generate(true);
const withoutSpot = generate(false);
const result = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, load: loadavg()[0] },
  chain: { contracts: withSpot.length, expiries: DAYS.length, strikes_per_expiry: STRIKES_PER_EXPIRY, chain_iv_share: 0.5 },
  repeat: REPEAT,
  chain_spot: time(withSpot),
  implied_spot: time(withoutSpot),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
